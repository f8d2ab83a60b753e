import type { Actor } from '@shared/domain/roles'
import { bindingsWithRole, isCountyStaff, staffReaches, type StaffBinding } from '@shared/domain/scope'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { CountyDoc } from '../../model'

export type { StaffBinding }

/** Whose figures a call reads: a county, and within it one township or (null) the whole county. */
export interface StatsScope {
  county: CountyDoc
  township: string | null
  binding: StaffBinding
}

const staffOf = (actor: Actor) => bindingsWithRole(actor, 'staff')

/**
 * Statistics are for congress staff: county staff read their county (optionally one township),
 * township staff (乡镇人大主席团) only their own township. Everyone else is refused.
 */
export async function staffScope(deps: Deps, actor: Actor, input: { countyCode?: string; township?: string }): Promise<StatsScope> {
  const candidates = staffOf(actor).filter((b) => !input.countyCode || b.countyCode === input.countyCode)
  const binding =
    candidates.find((b) => b.scope === 'county') ?? candidates.find((b) => !input.township || b.township === input.township) ?? candidates[0]
  if (!binding) throw new AppError('forbidden', '只有本县（本乡镇）人大工作人员可以查看统计')
  // a township asked for must be within the binding's reach (the scope rule of shared/domain/scope.ts)
  if (input.township && !staffReaches(binding, { countyCode: binding.countyCode, township: input.township })) {
    throw new AppError('forbidden', '乡镇人大工作人员只能查看本乡镇的统计')
  }
  const county = await deps.repos.directory.county(binding.countyCode)
  if (!county) throw new AppError('not_found', '县（区）不存在')
  const township = binding.scope === 'township' ? (binding.township ?? null) : (input.township ?? null)
  if (township && !county.townships.includes(township)) throw new AppError('validation_failed', '本县没有这个乡镇', 'township')
  if (binding.scope === 'township' && !township) throw new AppError('forbidden', '乡镇人大工作人员只能查看本乡镇的统计')
  return { county, township, binding }
}

/** The year-end evaluation and freezing are the county standing committee's (代工委) work. */
export async function countyStaffScope(deps: Deps, actor: Actor, countyCode?: string, refusal = '只有县人大常委会工作人员可以进行年度评议'): Promise<StatsScope> {
  const binding = staffOf(actor).find((b) => isCountyStaff(b, countyCode || null))
  if (!binding) throw new AppError('forbidden', refusal)
  const county = await deps.repos.directory.county(binding.countyCode)
  if (!county) throw new AppError('not_found', '县（区）不存在')
  return { county, township: null, binding }
}
