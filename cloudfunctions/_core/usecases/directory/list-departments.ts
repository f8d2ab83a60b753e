import type { ActionOutput, ActionParsed } from '@shared/api'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { directoryRepo } from '../../repos/directory-repo'
import type { DepartmentDoc } from '../../model'

const KIND_LABELS: Record<DepartmentDoc['kind'], string> = {
  government: '县政府部门',
  court: '人民法院',
  procuratorate: '人民检察院',
  township_government: '乡镇人民政府',
}

/**
 * The county's 承办单位. A public list in substance (every county publishes its departments), but
 * only people with a role in a county need it, so a plain resident without a county gets asked for one.
 */
export const listDepartments: UseCase<ActionParsed<'directory', 'listDepartments'>, ActionOutput<'directory', 'listDepartments'>> = async (
  deps,
  actor,
  input,
) => {
  const own = actor.bindings.find((b): b is typeof b & { countyCode: string } => 'countyCode' in b && typeof b.countyCode === 'string')
  const countyCode = input.countyCode ?? own?.countyCode
  if (!countyCode) throw new AppError('validation_failed', '请选择县', 'countyCode')
  const directory = directoryRepo(deps.store)
  if (!(await directory.county(countyCode))) throw new AppError('not_found', '没有这个县的资料')
  const items = await directory.departmentsOfCounty(countyCode)
  return { countyCode, items: items.map((d) => ({ code: d.code, name: d.name, kind: d.kind, kindLabel: KIND_LABELS[d.kind] })) }
}
