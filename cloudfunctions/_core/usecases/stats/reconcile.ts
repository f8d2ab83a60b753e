/**
 * 计数核对: recounts a county's statistics counters from the ledger that every step writes in its
 * own transaction (record.ts), reports each counter field that differs, and with `repair` sets
 * the counter rows back to the recount. Counters and ledger are committed together, so drift
 * means someone changed a counter by hand or a bug wrote one outside a step: both get reported.
 *
 * Work grows with the county's number of steps (the ledger is read in pages), so it runs from a
 * daily timer step and on demand by county staff, never inside a user's step.
 */
import type { Deps } from '../../ports'
import type { StatsCounterDoc, StatsLedgerDoc } from '../../model'
import { counterId, type CounterKey } from '../../repos/stats-repo'
import type { Page } from '../../store/port'
import type { UseCase } from '../../runtime/define-function'
import { countyStaffScope } from './scope'

export interface CounterDrift {
  counterId: string
  key: CounterKey
  field: string
  stored: number
  recounted: number
}

export interface ReconcileReport {
  countyCode: string
  ledgerEntries: number
  counterRows: number
  drift: CounterDrift[]
  repairedRows: number
}

const KEY_FIELDS = new Set(['_id', 'countyCode', 'scope', 'month', 'dimension', 'key'])
const PAGE = 500
/** The report lists at most this many differences; the repair fixes all of them. */
const MAX_REPORTED = 200

async function eachPage<T>(read: (cursor: string | null) => Promise<Page<T>>, visit: (items: T[]) => void): Promise<void> {
  let cursor: string | null = null
  do {
    const page: Page<T> = await read(cursor)
    visit(page.items)
    cursor = page.nextCursor
  } while (cursor)
}

export async function reconcileCounters(deps: Deps, countyCode: string, options: { repair: boolean }): Promise<ReconcileReport> {
  const repo = deps.repos.stats
  const recount = new Map<string, { key: CounterKey; by: Record<string, number> }>()
  let ledgerEntries = 0
  await eachPage<StatsLedgerDoc>(
    (cursor) => repo.ledgerOfCounty(countyCode, PAGE, cursor),
    (entries) => {
      ledgerEntries += entries.length
      for (const entry of entries) {
        for (const row of entry.rows) {
          const id = counterId(row.key)
          const sum = recount.get(id) ?? { key: row.key, by: {} }
          for (const [field, amount] of Object.entries(row.by)) sum.by[field] = (sum.by[field] ?? 0) + amount
          recount.set(id, sum)
        }
      }
    },
  )

  const stored = new Map<string, StatsCounterDoc>()
  await eachPage<StatsCounterDoc>(
    (cursor) => repo.countersOfCounty(countyCode, PAGE, cursor),
    (rows) => rows.forEach((row) => stored.set(row._id, row)),
  )

  const drift: CounterDrift[] = []
  const driftedRows = new Set<string>()
  for (const id of new Set([...recount.keys(), ...stored.keys()])) {
    const row = stored.get(id)
    const expected = recount.get(id)
    const key: CounterKey = expected?.key ?? { countyCode, scope: row!.scope, month: row!.month, dimension: row!.dimension, key: row!.key }
    const fields = new Set([...Object.keys(expected?.by ?? {}), ...Object.keys(row ?? {}).filter((f) => !KEY_FIELDS.has(f))])
    for (const field of fields) {
      const have = Number((row as Record<string, unknown> | undefined)?.[field] ?? 0)
      const want = expected?.by[field] ?? 0
      if (have !== want) {
        driftedRows.add(id)
        if (drift.length < MAX_REPORTED) drift.push({ counterId: id, key, field, stored: have, recounted: want })
      }
    }
  }

  let repairedRows = 0
  if (options.repair) {
    for (const id of driftedRows) {
      const expected = recount.get(id)
      const row = stored.get(id)
      const key = expected?.key ?? { countyCode, scope: row!.scope, month: row!.month, dimension: row!.dimension, key: row!.key }
      await repo.putCounter({ _id: id, ...key, ...(expected?.by ?? {}) } as StatsCounterDoc)
      repairedRows++
    }
    if (repairedRows > 0) console.warn(`[stats] reconciled ${repairedRows} counter rows of ${countyCode}`)
  }
  return { countyCode, ledgerEntries, counterRows: stored.size, drift, repairedRows }
}

/**
 * The nightly timer step: the timers run every 15 minutes, and this step only in the run that
 * falls between 03:00 and 03:15 Beijing time (quiet hours), for every county, repaired.
 */
export async function reconcileNightly(deps: Deps): Promise<Record<string, { drifted: number; repaired: number }> | 'not_due'> {
  const beijing = new Date(deps.clock.now().getTime() + 8 * 3600_000)
  if (beijing.getUTCHours() !== 3 || beijing.getUTCMinutes() >= 15) return 'not_due'
  return reconcileAllCounters(deps)
}

/** Every county, repaired, with a one-line summary per county. */
export async function reconcileAllCounters(deps: Deps): Promise<Record<string, { drifted: number; repaired: number }>> {
  const out: Record<string, { drifted: number; repaired: number }> = {}
  for (const county of await deps.repos.directory.allCounties()) {
    const report = await reconcileCounters(deps, county.code, { repair: true })
    out[county.code] = { drifted: report.drift.length, repaired: report.repairedRows }
  }
  return out
}

/** The staff action: county staff check (and with `repair`, fix) their own county's counters. */
export const reconcileCountersAction: UseCase<{ countyCode?: string; repair: boolean }, ReconcileReport> = async (deps, actor, input) => {
  const { county } = await countyStaffScope(deps, actor, input.countyCode, '只有本县人大常委会工作人员可以核对统计计数')
  return reconcileCounters(deps, county.code, { repair: input.repair })
}
