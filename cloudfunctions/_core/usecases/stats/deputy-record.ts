import type { DeputyRecordView } from '@shared/api/stats'
import { bindingsOf } from '@shared/domain/permissions'
import type { Actor } from '@shared/domain/roles'
import { MINIMUM_DUTIES_PER_YEAR } from '@shared/domain/sessions'
import { COUNTY_SCOPE, addCounts, averageDaysOf, emptyCounts, monthsBetween, rated, ratesOf } from '@shared/domain/stats'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { DeputyDoc } from '../../model'
import type { UseCase } from '../../runtime/define-function'

/** A deputy reads their own record; staff read any deputy of their county (township staff: of their township's stations). */
async function mayRead(deps: Deps, actor: Actor, deputy: DeputyDoc): Promise<boolean> {
  for (const b of bindingsOf(actor)) {
    if (b.role === 'deputy' && b.deputyCode === deputy.code && b.countyCode === deputy.countyCode) return true
    if (b.role === 'staff' && b.countyCode === deputy.countyCode) {
      if (b.scope === 'county') return true
      const stations = await deps.repos.stats.stations(deputy.stationCodes)
      if (stations.some((s) => s.township === b.township)) return true
    }
  }
  return false
}

/**
 * 履职档案 of one deputy and year: items taken (接单), answered on the spot, submitted to the
 * congress, what became of them, the residents' ratings of those items, the deputy's own ratings
 * of departments, and reception duty (scheduled and attended, against the yearly minimum).
 */
export const deputyRecord: UseCase<{ deputyCode?: string; year: number }, DeputyRecordView> = async (deps, actor, input) => {
  const own = bindingsOf(actor).find((b) => b.role === 'deputy')
  const code = input.deputyCode ?? (own?.role === 'deputy' ? own.deputyCode : undefined)
  if (!code) throw new AppError('validation_failed', '请选择代表', 'deputyCode')
  const repo = deps.repos.stats
  const deputy = await repo.deputy(code)
  const staffOrSelf = bindingsOf(actor).some((b) => b.role === 'staff' || (b.role === 'deputy' && b.deputyCode === code))
  if (!deputy) throw new AppError(staffOrSelf ? 'not_found' : 'forbidden', staffOrSelf ? '代表不存在' : undefined)
  if (!(await mayRead(deps, actor, deputy))) throw new AppError('forbidden', '只能查看本人或本辖区代表的履职档案')

  const months = monthsBetween(`${input.year}-01`, `${input.year}-12`)
  const rows = await repo.rowsOf(months.map((month) => ({ countyCode: deputy.countyCode, scope: COUNTY_SCOPE, month, dimension: 'deputy', key: code })))
  const byMonth = new Map(rows.map((r) => [r.month, addCounts(emptyCounts(), r)]))
  const c = rows.reduce((acc, r) => addCounts(acc, r), emptyCounts())
  const [scheduled, attended] = await Promise.all([
    repo.countDutiesOf(code, `${input.year}-01-01`, `${input.year}-12-31`),
    repo.countAttendanceOf(code, `${input.year}-01-01`, `${input.year}-12-31`),
  ])
  return {
    deputyCode: code,
    deputyName: deputy.name,
    year: input.year,
    taken: c.accepted,
    answered: c.answered,
    escalated: c.escalated,
    dispatched: c.dispatched,
    resolved: c.resolved,
    verified: c.verified,
    reopened: c.reopened,
    ratingsReceived: {
      satisfied: c.satisfied,
      basicallySatisfied: c.basicallySatisfied,
      unsatisfied: c.unsatisfied,
      rated: rated(c),
      satisfactionRate: ratesOf(c).satisfactionRate,
    },
    ratingsGiven: {
      satisfied: c.deputySatisfied,
      basicallySatisfied: c.deputyBasicallySatisfied,
      unsatisfied: c.deputyUnsatisfied,
      rated: c.deputySatisfied + c.deputyBasicallySatisfied + c.deputyUnsatisfied,
    },
    averageResponseDays: averageDaysOf(c).response,
    receptions: { scheduled, attended, minimumPerYear: MINIMUM_DUTIES_PER_YEAR, met: attended >= MINIMUM_DUTIES_PER_YEAR },
    months: months.map((month) => {
      const m = byMonth.get(month) ?? emptyCounts()
      return { month, taken: m.accepted, answered: m.answered, escalated: m.escalated }
    }),
  }
}
