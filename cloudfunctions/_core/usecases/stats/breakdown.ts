import type { BreakdownView, breakdownInput } from '@shared/api/stats'
import { CATEGORIES } from '@shared/domain/categories'
import {
  BREAKDOWN_DIMENSION_LABELS,
  COUNTY_SCOPE,
  UNCATEGORIZED,
  addCounts,
  categoryName,
  emptyCounts,
  type Counts,
} from '@shared/domain/stats'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { figuresOf } from './figures'
import { staffScope } from './scope'
import { monthlyTotals, scopeKey, sumByKey } from './totals'

type BreakdownParsed = z.output<typeof breakdownInput>
type Row = { key: string; name: string; counts: Counts }

const monthName = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

/**
 * Figures per township, station, deputy, category, department or month of a period, with names
 * from the directory. Reads the counter rows of one dimension (an indexed query) — never items.
 * Townships, stations and categories are listed even without any item; deputies and departments
 * only when they have counted steps.
 */
export const breakdown: UseCase<BreakdownParsed, BreakdownView> = async (deps, actor, input) => {
  const { county, township } = await staffScope(deps, actor, input)
  const repo = deps.repos.stats
  const { from, to, dimension } = input
  const monthly = await monthlyTotals(repo, county.code, township, from, to)
  const total = monthly.reduce((acc, m) => addCounts(acc, m.counts), emptyCounts())
  let rows: Row[]

  if (dimension === 'month') {
    rows = monthly.map((m) => ({ key: m.month, name: monthName(m.month), counts: m.counts }))
  } else if (dimension === 'township') {
    if (township) {
      rows = [{ key: township, name: township, counts: total }]
    } else {
      const sums = sumByKey(await repo.dimensionRows(county.code, COUNTY_SCOPE, 'township', from, to))
      rows = county.townships.map((t) => ({ key: t, name: t, counts: sums.get(t) ?? emptyCounts() }))
    }
  } else {
    const sums = sumByKey(await repo.dimensionRows(county.code, scopeKey(township), dimension, from, to))
    if (dimension === 'station') {
      const stations = (await repo.stationsOfCounty(county.code)).filter((s) => !township || s.township === township)
      const known = new Set(stations.map((s) => s.code))
      const extra = [...sums.keys()].filter((k) => !known.has(k)).sort()
      rows = [...stations.map((s) => ({ key: s.code, name: s.name })), ...extra.map((k) => ({ key: k, name: k }))].map((r) => ({
        ...r,
        counts: sums.get(r.key) ?? emptyCounts(),
      }))
    } else if (dimension === 'category') {
      const keys = [...CATEGORIES.map((c) => c.code as string), ...[...sums.keys()].filter((k) => !CATEGORIES.some((c) => c.code === k)).sort()]
      rows = keys
        .filter((k) => k !== UNCATEGORIZED || sums.has(k))
        .map((k) => ({ key: k, name: categoryName(k), counts: sums.get(k) ?? emptyCounts() }))
    } else {
      const keys = [...sums.keys()].sort()
      const docs = dimension === 'deputy' ? await repo.deputies(keys) : await repo.departments(keys)
      const names = new Map(docs.map((d) => [d.code, d.name]))
      rows = keys.map((k) => ({ key: k, name: names.get(k) ?? k, counts: sums.get(k)! }))
    }
  }

  return {
    countyCode: county.code,
    township,
    dimension,
    dimensionLabel: BREAKDOWN_DIMENSION_LABELS[dimension],
    from,
    to,
    rows: rows.map((r) => ({ key: r.key, name: r.name, figures: figuresOf(r.counts) })),
    total: figuresOf(total),
  }
}

