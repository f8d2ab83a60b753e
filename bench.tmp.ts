import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from './cloudfunctions/_core/store/sqlite'

async function run(file: string) {
  const store = createSqliteStore({ file })
  const items = store.collection<any>('suggestions')
  const states = ['submitted', 'accepted', 'escalated', 'dispatched', 'in_progress', 'resolved', 'verified']
  let t = performance.now()
  for (let i = 0; i < 100_000; i++) {
    const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()
    await items.insert({
      _id: `sg${String(i).padStart(7, '0')}`, number: `XW-${i}`, countyCode: 'xiuwu', township: `t${i % 12}`,
      stationCode: `S${String(i % 40).padStart(2, '0')}`, state: states[i % states.length], submitterOpenid: `o${i % 5000}`,
      departmentCode: `D${i % 30}`, deadline: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`, createdAt: created, updatedAt: created,
      content: '村里道路破损严重，雨天积水，希望尽快修缮。'.repeat(3), history: [{ event: 'submit', at: created, by: `o${i % 5000}` }], version: 1,
    })
  }
  const insertMs = performance.now() - t
  const opts = { where: { stationCode: 'S07', state: 'dispatched' }, orderBy: { field: 'createdAt', direction: 'desc' as const }, limit: 20 }
  let page = await items.find(opts)
  t = performance.now()
  const N = 2000
  for (let i = 0; i < N; i++) page = await items.find(opts)
  const findUs = ((performance.now() - t) / N) * 1000
  // walk every page of the station/state group
  t = performance.now(); let pages = 0; let cursor: string | null = null; let seen = 0
  do { const p: any = await items.find({ ...opts, cursor }); seen += p.items.length; cursor = p.nextCursor; pages++ } while (cursor)
  const walkMs = performance.now() - t
  t = performance.now()
  const c = await items.count({ state: 'dispatched' })
  const countMs = performance.now() - t
  t = performance.now()
  const upd = await items.updateIf('sg0050000', { version: 1 }, { state: 'accepted', version: 2 })
  const updMs = performance.now() - t
  console.log(file === ':memory:' ? 'memory' : 'file  ', `100k inserts ${(insertMs / 1000).toFixed(2)} s (${(insertMs * 10).toFixed(1)} µs each)`,
    `| indexed find (20 rows) ${findUs.toFixed(0)} µs`, `| walk ${seen} rows in ${pages} pages ${walkMs.toFixed(1)} ms`,
    `| count ${c} in ${countMs.toFixed(1)} ms | updateIf ${upd} ${updMs.toFixed(2)} ms`)
  await store.close()
}
const dir = mkdtempSync(join(tmpdir(), 'bench-'))
run(':memory:').then(() => run(join(dir, 'bench.db'))).finally(() => rmSync(dir, { recursive: true, force: true }))
