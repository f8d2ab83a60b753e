/**
 * `npm run bench`: the five-order loop on an embedded SQLite file holding 1,000,000 items.
 * Seeding writes rows directly (it is setup, not what is measured); every measured call goes
 * through the real function entry (zod parse → actor → use case → store), as a request would.
 * Prints p50/p95 per call. BENCH_ITEMS changes the size (e.g. BENCH_ITEMS=100000 for a quick run).
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import demoCounty from '../shared/data/demo-county.json'
import { CATEGORY_CODES } from '../shared/domain/categories'
import type { SuggestionState } from '../shared/domain/states'
import { FUNCTIONS } from '../cloudfunctions/_core/functions'
import type { SuggestionDoc } from '../cloudfunctions/_core/model'
import { seedDirectory } from '../cloudfunctions/_core/seed/seed-directory'
import type { DemoCountyFile } from '../cloudfunctions/_core/seed/demo-county'
import { openStore } from '../cloudfunctions/_core/store'
import { localDeps } from '../cloudfunctions/_local/local-deps'
import { systemClock, type Deps } from '../cloudfunctions/_core/ports'
import type { Store } from '../cloudfunctions/_core/store/port'
import { decideTransition, type ActorRole, type SuggestionEvent } from '../shared/domain/transitions'
import { statsRepo, type CounterKey } from '../cloudfunctions/_core/repos/stats-repo'
import { rowsFor, submittedContributions, transitionContributions, type Contribution } from '../cloudfunctions/_core/usecases/stats/record'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 300)
const WARMUP = 20
const RESIDENTS = Math.max(1000, Math.floor(ITEMS / 10))
const file = demoCounty as DemoCountyFile
const xiuwu = file.counties[0]

// State mix of a county a few years in: most items closed, a working set open.
const STATE_MIX: Array<[SuggestionState, number]> = [
  ['verified', 0.55], ['resolved', 0.08], ['in_progress', 0.08], ['dispatched', 0.05], ['escalated', 0.05],
  ['accepted', 0.04], ['submitted', 0.05], ['answered', 0.05], ['withdrawn', 0.02], ['merged', 0.02], ['referred', 0.01],
]
const WORDS = ['路灯', '路面', '垃圾', '排水', '停车', '噪音', '学校', '医保', '养老', '供电', '用水', '占道', '绿化', '公交', '农田']

function stateFor(i: number): SuggestionState {
  let x = ((i * 2654435761) % 1_000_003) / 1_000_003
  for (const [state, share] of STATE_MIX) {
    if ((x -= share) < 0) return state
  }
  return 'verified'
}

function benchDoc(i: number, base: number): SuggestionDoc {
  const station = xiuwu.stations[i % xiuwu.stations.length]
  const deputies = xiuwu.deputies.filter((d) => d.stations.includes(station.code))
  const owner = deputies[i % Math.max(1, deputies.length)]
  const department = xiuwu.departments[i % xiuwu.departments.length]
  const state = stateFor(i)
  const at = new Date(base - (ITEMS - i) * 60_000).toISOString()
  const handled = !['submitted', 'withdrawn', 'merged', 'referred'].includes(state)
  const dispatched = ['dispatched', 'in_progress', 'resolved', 'verified'].includes(state)
  const id = `b${i.toString(36).padStart(10, '0')}`
  return {
    _id: id, version: 1, number: `XW-B${i}`, countyCode: 'xiuwu', township: station.township, stationCode: station.code,
    stationName: station.name, focusGroupCode: null, channel: 'qr_code',
    content: `${WORDS[i % WORDS.length]}问题：${station.township}第${i % 97}村${WORDS[(i * 7) % WORDS.length]}需要解决，已反映多次`,
    categoryCode: CATEGORY_CODES[i % CATEGORY_CODES.length], grade: handled ? 'normal' : null, photos: [], location: null,
    anonymous: false, submitterOpenid: `bench-resident-${i % RESIDENTS}`, contactName: '群众', contactPhone: '13900000000',
    clientRequestId: `bench-${i}`, moderation: 'pass', state, ownerDeputyCode: handled && owner ? owner.code : null,
    ownerDeputyName: handled && owner ? owner.name : null, departmentCode: dispatched ? department.code : null,
    departmentName: dispatched ? department.name : null, coDepartmentCodes: [], coDepartmentNames: [],
    requirements: dispatched ? '按期办理' : null, deadline: dispatched ? at.slice(0, 10) : null, dispatchWorkdays: dispatched ? 10 : null,
    overdue: false, reopenCount: 0, followerCount: 1, answer: null, escalationTarget: null, extension: null,
    resolution: state === 'resolved' || state === 'verified' ? { reply: '已办理', outcome: 'solved', promisedDate: null, at } : null,
    residentRating: null, deputyRating: null, verifiedWithoutRating: false, mergedIntoId: null, referralReason: null,
    viaAssignmentForm: false, ratingDueDate: state === 'resolved' ? '2099-01-01' : null, followUpDate: null,
    milestones: { submittedAt: at }, history: [{ at, event: 'submit', from: null, to: 'submitted', actorOpenid: null, actorName: '群众', role: 'resident', note: null }],
    createdAt: at, updatedAt: at,
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'wdt-bench-'))
  const dbFile = join(dir, 'bench.sqlite')
  const store = await openStore({ kind: 'sqlite', file: dbFile })
  await seedDirectory(store, file, new Date().toISOString())
  await store.close()

  const seedStart = performance.now()
  const raw = new BetterSqlite3(dbFile)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = OFF')
  const insertItem = raw.prepare('INSERT INTO suggestions (_id, doc) VALUES (?, ?)')
  const insertFollow = raw.prepare('INSERT INTO follows (_id, doc) VALUES (?, ?)')
  const base = Date.now() - 86_400_000
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const doc = benchDoc(i, base)
      insertItem.run(doc._id, JSON.stringify(doc))
      insertFollow.run(`${doc._id}:${doc.submitterOpenid}`, JSON.stringify({ suggestionId: doc._id, openid: doc.submitterOpenid, createdAt: doc.createdAt }))
    }
  })
  for (let i = 0; i < ITEMS; i += 20_000) batch(i, Math.min(ITEMS, i + 20_000))
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.exec('ANALYZE')
  raw.close()
  console.log(`seeded ${ITEMS.toLocaleString()} items (+ follows) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)

  const benchStore = await openStore({ kind: 'sqlite', file: dbFile })
  const deps = localDeps(benchStore, systemClock)
  const call = async (openid: string, action: string, payload: Record<string, unknown>) => {
    const res = await FUNCTIONS.suggestion({ action, payload }, openid, deps)
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`)
    return res.data as any
  }
  const idsIn = (state: SuggestionState, stationCode: string, limit: number): string[] => {
    const db = new BetterSqlite3(dbFile, { readonly: true })
    const rows = db
      .prepare(`SELECT _id FROM suggestions WHERE "doc.state" = ? AND "doc.stationCode" = ? ORDER BY "doc.createdAt" DESC LIMIT ?`)
      .all(state, stationCode, limit) as Array<{ _id: string }>
    db.close()
    return rows.map((r) => r._id)
  }
  const results: Array<{ name: string; p50: number; p95: number }> = []
  const measure = async (name: string, inputs: Array<() => Promise<unknown>>) => {
    const times: number[] = []
    for (const [i, run] of inputs.entries()) {
      const t = performance.now()
      await run()
      // The first calls of each kind compile code paths and prepare statements: not timed.
      if (i >= WARMUP) times.push(performance.now() - t)
    }
    times.sort((x, y) => x - y)
    results.push({ name, p50: percentile(times, 50), p95: percentile(times, 95) })
    console.log(`${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms   (n=${times.length})`)
  }
  const n = Array.from({ length: RUNS + WARMUP }, (_, i) => i)
  const station = 'XWT01'
  const deputy = 'demo-deputy-XWT01-R1'
  const staff = 'demo-staff-XW-STAFF1'

  await measure('submit', n.map((i) => () => call(`bench-resident-${i}`, 'submit', { clientRequestId: `bench-new-${i}`, stationCode: station, content: `第${i}条：路灯不亮，晚上出行不便`, anonymous: true })))
  const submitted = idsIn('submitted', station, RUNS + WARMUP)
  await measure('accept', submitted.map((id) => () => call(deputy, 'accept', { id, categoryCode: 'transport' })))
  await measure('escalate', submitted.map((id) => () => call(deputy, 'escalate', { id, target: 'county', note: '提交' })))
  await measure('dispatch', submitted.map((id) => () => call(staff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '按期办理', workdays: 10 })))
  await measure('acknowledge', submitted.map((id) => () => call('demo-department-XW-D09', 'acknowledge', { id })))
  await measure('resolve', submitted.map((id) => () => call('demo-department-XW-D09', 'resolve', { id, reply: '已办结', outcome: 'solved' })))
  const ratingIds = await Promise.all(submitted.map(async (id) => ({ id, owner: (await benchStore.collection<SuggestionDoc>('suggestions').get(id))!.submitterOpenid })))
  await measure('rate', ratingIds.map(({ id, owner }) => () => call(owner, 'rate', { id, rating: 'satisfied' })))
  await measure('get (detail)', submitted.map((id) => () => call(deputy, 'get', { id })))
  await measure('listMine', n.map((i) => () => call(`bench-resident-${(i * 37) % RESIDENTS}`, 'listMine', { limit: 20 })))
  await measure('stationQueue (submitted)', n.map(() => () => call(deputy, 'stationQueue', { state: 'submitted', limit: 20 })))
  await measure('stationQueue (all states)', n.map(() => () => call(deputy, 'stationQueue', { limit: 20 })))
  await measure('myHandled', n.map(() => () => call(deputy, 'myHandled', { limit: 20 })))
  await measure('dispatchBoard (escalated)', n.map(() => () => call(staff, 'dispatchBoard', { filters: { state: 'escalated' }, limit: 20 })))
  await measure('dispatchBoard (overdue)', n.map(() => () => call(staff, 'dispatchBoard', { filters: { overdue: true }, limit: 20 })))
  await measure('dispatchBoard (township+state)', n.map(() => () => call(staff, 'dispatchBoard', { filters: { township: '城关镇', state: 'in_progress' }, limit: 20 })))
  await measure('dispatchBoard (department+state)', n.map(() => () => call(staff, 'dispatchBoard', { filters: { departmentCode: 'XW-D09', state: 'in_progress' }, limit: 20 })))
  await measure('dispatchBoard (department)', n.map(() => () => call(staff, 'dispatchBoard', { filters: { departmentCode: 'XW-D09' }, limit: 20 })))
  await measure('departmentQueue', n.map(() => () => call('demo-department-XW-D09', 'departmentQueue', { state: 'in_progress', limit: 20 })))
  await measure('similar', n.map((i) => () => call(`bench-resident-${i}`, 'similar', { stationCode: station, content: '路灯不亮晚上出行不便' })))

  await benchStats(benchStore, deps)

  await benchStore.close()
  rmSync(dir, { recursive: true, force: true })
  const worst = results.reduce((w, r) => (r.p95 > w.p95 ? r : w))
  console.log(`\nslowest p95: ${worst.name} ${worst.p95.toFixed(2)} ms (goal ≤ 20 ms)`)
}

// ---- stats (issue 7): the figures of a county year of 100,000 items ------------------------------

const STATS_ITEMS = Number(process.env.BENCH_STATS_ITEMS ?? 100_000)
const STATS_RUNS = Number(process.env.BENCH_STATS_RUNS ?? 50)

/**
 * One county year (2025) of STATS_ITEMS items walked along the loop. The counters are what the use
 * cases would have written: every step goes through the same `transitionContributions` and
 * `rowsFor` as record.ts, summed in memory and written once per row (setup, not measured). Then
 * `overview` and `breakdown` run through the function entry as a staff member's request would.
 */
async function benchStats(store: Store, deps: Deps) {
  const seedStart = performance.now()
  const sums = new Map<string, { key: CounterKey; by: Record<string, number> }>()
  const add = (contributions: Contribution[]) => {
    for (const c of contributions) {
      for (const key of rowsFor(c)) {
        const id = `${key.scope}|${key.month}|${key.dimension}|${key.key}`
        const entry = sums.get(id) ?? { key, by: {} }
        for (const [field, amount] of Object.entries(c.delta)) entry.by[field] = (entry.by[field] ?? 0) + (amount as number)
        sums.set(id, entry)
      }
    }
  }
  const step = (doc: SuggestionDoc, event: SuggestionEvent, role: ActorRole, at: string, changes: Partial<SuggestionDoc> = {}) => {
    const d = decideTransition(doc.state, event, role, { reopenCount: doc.reopenCount })
    if (!d.ok) throw new Error(`bench: ${doc.state} ${event}: ${d.message}`)
    const next: SuggestionDoc = {
      ...doc, ...changes, state: d.to, version: doc.version + 1, reopenCount: doc.reopenCount + (d.reopen ? 1 : 0),
      milestones: { ...doc.milestones, ...(d.milestone ? { [d.milestone]: at } : {}) },
      history: [...doc.history, { at, event, from: doc.state, to: d.to, actorOpenid: null, actorName: 'bench', role, note: null }],
      updatedAt: at,
    }
    add(transitionContributions(doc, next))
    return next
  }
  const yearStart = Date.parse('2025-01-01T00:00:00+08:00')
  const hour = 3_600_000
  for (let i = 0; i < STATS_ITEMS; i++) {
    const t = yearStart + Math.floor((i / STATS_ITEMS) * 350 * 24) * hour
    const at = (h: number) => new Date(t + h * hour).toISOString()
    let doc: SuggestionDoc = { ...benchDoc(i, t), createdAt: at(0), updatedAt: at(0), milestones: { submittedAt: at(0) }, state: 'submitted', ownerDeputyCode: null, departmentCode: null, deadline: null, resolution: null }
    add(submittedContributions(doc))
    const r = (i * 2654435761) % 100
    if (r < 2) { step(doc, 'withdraw', 'resident', at(2)); continue }
    const owner = xiuwu.deputies.find((d) => d.stations.includes(doc.stationCode)) ?? xiuwu.deputies[0]
    doc = step(doc, 'accept', 'deputy', at(20), { ownerDeputyCode: owner.code, ownerDeputyName: owner.name })
    if (r < 32) {
      doc = step(doc, 'answer', 'deputy', at(30), { answer: '已答复' })
      step(doc, r < 28 ? 'verify' : 'auto_verify', r < 28 ? 'resident' : 'system', at(100), r < 28 ? { residentRating: { rating: r % 3 === 0 ? 'basically_satisfied' : 'satisfied', comment: null, at: at(100) } } : { verifiedWithoutRating: true })
      continue
    }
    doc = step(doc, 'escalate', 'deputy', at(40))
    const department = xiuwu.departments[i % xiuwu.departments.length]
    doc = step(doc, 'dispatch', 'staff', at(60), { departmentCode: department.code, departmentName: department.name, deadline: new Date(t + 16 * 24 * hour).toISOString().slice(0, 10) })
    doc = step(doc, 'acknowledge', 'department', at(70))
    if (r >= 95) continue // still in handling
    const late = r % 7 === 0
    doc = step(doc, 'resolve', 'department', at(late ? 500 : 200), { resolution: { reply: '已办结', outcome: r % 5 === 0 ? 'planned' : r % 11 === 0 ? 'explained' : 'solved', promisedDate: null, at: at(late ? 500 : 200) } })
    if (r % 13 === 0) {
      doc = step(doc, 'reopen', 'resident', at(520), { residentRating: { rating: 'unsatisfied', comment: null, at: at(520) } })
      doc = step(doc, 'acknowledge', 'department', at(530))
      doc = step(doc, 'resolve', 'department', at(600), { resolution: { reply: '重新办结', outcome: 'solved', promisedDate: null, at: at(600) } })
    }
    step(doc, 'verify', 'resident', at(700), { residentRating: { rating: r % 9 === 0 ? 'unsatisfied' : 'satisfied', comment: null, at: at(700) } })
  }
  const repo = statsRepo(store)
  for (const { key, by } of sums.values()) await repo.add(key, by)
  console.log(`\nstats: ${STATS_ITEMS.toLocaleString()} items of county xiuwu in 2025 → ${sums.size.toLocaleString()} counter rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)

  const staff = 'demo-staff-XW-STAFF1'
  const call = async (action: string, payload: Record<string, unknown>) => {
    const res = await FUNCTIONS.stats({ action, payload }, staff, deps)
    if (!res.ok) throw new Error(`stats.${action}: ${res.code} ${res.message}`)
    return res.data as any
  }
  const year = { from: '2025-01', to: '2025-12' }
  const check = await call('overview', year)
  if (check.figures.funnel.submitted !== STATS_ITEMS) throw new Error(`bench: overview counted ${check.figures.funnel.submitted} items`)
  const worst: number[] = []
  for (const [name, action, payload] of [
    ['stats overview (county, year)', 'overview', year],
    ['stats breakdown (station, year)', 'breakdown', { ...year, dimension: 'station' }],
    ['stats breakdown (department, year)', 'breakdown', { ...year, dimension: 'department' }],
    ['stats breakdown (deputy, year)', 'breakdown', { ...year, dimension: 'deputy' }],
    ['stats overview (township, year)', 'overview', { ...year, township: '城关镇' }],
  ] as const) {
    const times: number[] = []
    for (let i = 0; i < STATS_RUNS + 5; i++) {
      const t0 = performance.now()
      await call(action, payload)
      if (i >= 5) times.push(performance.now() - t0)
    }
    times.sort((x, y) => x - y)
    worst.push(percentile(times, 95))
    console.log(`${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms   (n=${times.length})`)
  }
  console.log(`stats slowest p95: ${Math.max(...worst).toFixed(2)} ms (goal ≤ 300 ms)`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
