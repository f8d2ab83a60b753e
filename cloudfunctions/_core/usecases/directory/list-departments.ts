import type { ActionOutput, ActionParsed } from '@shared/api'
import { bindingsOf } from '@shared/domain/permissions'
import { AppError } from '@shared/errors'
import type { Actor } from '@shared/domain/roles'
import type { UseCase } from '../../runtime/define-function'
import { DEPARTMENT_KIND_LABELS } from '@shared/domain/departments'

/** The counties the caller works in (any role but resident), each once. */
export const countiesOf = (actor: Actor) => [...new Set(bindingsOf(actor).flatMap((b) => (b.role === 'resident' ? [] : [b.countyCode])))]

/**
 * The county's 承办单位, for people who work in a county (deputies, supervisors, staff,
 * departments, admins; the function entry refuses everyone else). Each sees only their own
 * county's: 临颍's staff do not browse 修武's departments. No county code: the caller's own.
 */
export const listDepartments: UseCase<ActionParsed<'directory', 'listDepartments'>, ActionOutput<'directory', 'listDepartments'>> = async (
  deps,
  actor,
  input,
) => {
  const own = countiesOf(actor)
  const countyCode = input.countyCode ?? own[0]
  if (!countyCode) throw new AppError('forbidden', '只有本县的代表、联络站管理员、人大工作人员、承办单位和管理员可以查看承办单位')
  const { directory } = deps.repos
  if (!(await directory.county(countyCode))) throw new AppError('not_found', '没有这个县的资料')
  if (!own.includes(countyCode)) throw new AppError('forbidden', '只能查看本县的承办单位')
  // deactivated departments are no longer offered for dispatch
  const items = (await directory.departmentsOfCounty(countyCode)).filter((d) => d.active !== false)
  return { countyCode, items: items.map((d) => ({ code: d.code, name: d.name, kind: d.kind, kindLabel: DEPARTMENT_KIND_LABELS[d.kind] })) }
}
