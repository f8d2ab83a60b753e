import type { OverviewView, periodInput } from '@shared/api/stats'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { figuresOf } from './figures'
import { receptionFigures } from './reception-figures'
import { staffScope } from './scope'
import { frozenYearsIn, scopeTotals } from './totals'

type PeriodParsed = z.output<typeof periodInput>

/**
 * The year (or any period) at a glance: the five-order funnel, the rates, average days per stage,
 * reopen count, items overdue now and the reception figures. Reads one counter row per month.
 */
export const overview: UseCase<PeriodParsed, OverviewView> = async (deps, actor, input) => {
  const { county, township } = await staffScope(deps, actor, input)
  const repo = deps.repos.stats
  const [counts, frozenYears, overdueNow] = await Promise.all([
    scopeTotals(repo, county.code, township, input.from, input.to),
    frozenYearsIn(repo, county.code, input.from, input.to),
    repo.overdueNow(county.code, township),
  ])
  return {
    countyCode: county.code,
    countyName: county.name,
    township,
    from: input.from,
    to: input.to,
    frozenYears,
    figures: figuresOf(counts),
    overdueNow,
    reception: await receptionFigures(deps, county.code, township, input.from, input.to, counts.fromReception),
  }
}
