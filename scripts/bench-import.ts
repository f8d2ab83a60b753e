/**
 * `npm run bench` (part): 从Excel导入 at county scale. A 2,000-deputy .xlsx (every deputy on one
 * of the demo stations) goes through the real `directory` function on an embedded SQLite file:
 * importPreview (a dry run), importApply (2,000 new deputies with their history), then the same
 * file again (2,000 unchanged). The baseline, measured in the same run on the same file, is exceljs
 * reading the workbook alone: the ratios say what our checks and writes cost on top of parsing.
 * BENCH_IMPORT_ROWS changes the size.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import demoCounty from '../shared/data/demo-county.json'
import { FUNCTIONS } from '../cloudfunctions/_core/functions'
import { seedDirectory } from '../cloudfunctions/_core/seed/seed-directory'
import type { DemoCountyFile } from '../cloudfunctions/_core/seed/demo-county'
import { openStore } from '../cloudfunctions/_core/store'
import { localDeps } from '../cloudfunctions/_local/local-deps'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2000)
const ADMIN = 'demo-admin-xiuwu'
const stations = (demoCounty as DemoCountyFile).counties[0].stations.map((s) => s.code)

async function deputyFile(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('代表')
  sheet.addRow(['编号', '姓名', '层级', '所在站点编号', '工作单位及职务', '手机号', '是否在站点页面公开电话', '届次'])
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
  for (let i = 0; i < rows; i++)
    sheet.addRow([
      `BD${String(i).padStart(5, '0')}`,
      `${surnames[i % surnames.length]}${'建国秀兰志强丽华'.slice(i % 4, (i % 4) + 2)}`,
      i % 3 ? '乡镇人大代表' : '县人大代表',
      `${stations[i % stations.length]}、${stations[(i + 5) % stations.length]}`,
      `修武县第${i % 50}村民委员会 委员`,
      `139${String(10_000_000 + i).slice(-8)}`,
      i % 2 ? '否' : '是',
      '第十七届',
    ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}

export async function benchImport() {
  const dir = mkdtempSync(join(tmpdir(), 'wdt-bench-import-'))
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.sqlite') })
  try {
    await seedDirectory(store, demoCounty as DemoCountyFile, new Date().toISOString())
    const deps = localDeps(store)
    const bytes = await deputyFile(ROWS)
    const fileBase64 = bytes.toString('base64')
    const call = async (action: string, payload: Record<string, unknown>) => {
      const res = await FUNCTIONS.directory({ action, payload }, ADMIN, deps)
      if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`)
      return res.data as any
    }
    // warm up exceljs and the function once on a small file
    await call('importPreview', { kind: 'deputy', fileBase64: (await deputyFile(5)).toString('base64') })

    const [, parse] = await timed(async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer))
    const [preview, previewMs] = await timed(() => call('importPreview', { kind: 'deputy', fileBase64 }))
    if (preview.counts.new !== ROWS) throw new Error(`preview: ${JSON.stringify(preview.counts)}`)
    const [applied, applyMs] = await timed(() => call('importApply', { kind: 'deputy', fileBase64, digest: preview.digest }))
    if (applied.counts.new !== ROWS) throw new Error(`apply: ${JSON.stringify(applied.counts)}`)
    const [again, againMs] = await timed(() => call('importPreview', { kind: 'deputy', fileBase64 }))
    if (again.counts.unchanged !== ROWS) throw new Error(`re-import: ${JSON.stringify(again.counts)}`)

    const line = (name: string, ms: number) => console.log(`${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s   ×${(ms / parse).toFixed(1)} of parsing`)
    console.log(`\nimport: ${ROWS.toLocaleString()} deputies, ${(bytes.length / 1024).toFixed(0)} KB .xlsx`)
    console.log(`${'baseline: exceljs reads the file'.padEnd(34)} ${(parse / 1000).toFixed(2).padStart(6)} s`)
    line('importPreview (all new)', previewMs)
    line('importApply (writes + history)', applyMs)
    line('importPreview (all unchanged)', againMs)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) benchImport().catch((e) => (console.error(e), process.exit(1)))
