import { COUNTY_SCOPE, addCounts, emptyCounts, monthsBetween, type Counts } from '@shared/domain/stats'
import type { StatsCounterDoc } from '../../model'
import type { StatsRepo } from '../../repos/stats-repo'

/** The counter scope of a read: a township's own rows, or the county-wide ones. */
export const scopeKey = (township: string | null) => township ?? COUNTY_SCOPE

/** Sums rows into one Counts. */
export function sum(rows: StatsCounterDoc[]): Counts {
  return rows.reduce((acc, row) => addCounts(acc, row), emptyCounts())
}

/** Sums rows per key. */
export function sumByKey(rows: StatsCounterDoc[]): Map<string, Counts> {
  const out = new Map<string, Counts>()
  for (const row of rows) out.set(row.key, addCounts(out.get(row.key) ?? emptyCounts(), row))
  return out
}

/** The scope's total rows of each month (the county's, or the township's; read by id: one getMany). */
export async function monthlyTotals(repo: StatsRepo, countyCode: string, township: string | null, from: string, to: string) {
  const months = monthsBetween(from, to)
  const rows = await repo.rowsOf(
    months.map((month) =>
      township
        ? { countyCode, scope: COUNTY_SCOPE, month, dimension: 'township' as const, key: township }
        : { countyCode, scope: COUNTY_SCOPE, month, dimension: 'county' as const, key: countyCode },
    ),
  )
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  return months.map((month) => ({ month, counts: addCounts(emptyCounts(), byMonth.get(month) ?? {}) }))
}

export async function scopeTotals(repo: StatsRepo, countyCode: string, township: string | null, from: string, to: string): Promise<Counts> {
  const months = await monthlyTotals(repo, countyCode, township, from, to)
  return months.reduce((acc, m) => addCounts(acc, m.counts), emptyCounts())
}

/** Years of a period that were frozen. */
export async function frozenYearsIn(repo: StatsRepo, countyCode: string, from: string, to: string): Promise<number[]> {
  const years: number[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y)
  const found = await Promise.all(years.map(async (y) => ((await repo.snapshot(countyCode, y)) ? y : null)))
  return found.filter((y): y is number => y !== null)
}

/** First and last calendar day of a month period, as date strings for reception queries. */
export function dayRange(from: string, to: string): [string, string] {
  return [`${from}-01`, `${to}-31`]
}
