import type { ActionOutput, ActionParsed } from '@shared/api'
import { countyCategories as listOf, offersCategory } from '@shared/domain/county-categories'
import { categoryLabel } from '@shared/domain/categories'
import { countiesOf } from './list-departments'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'

/** The caller's own county's 议题类别 (the function entry refuses residents). */
export const countyCategories: UseCase<ActionParsed<'directory', 'countyCategories'>, ActionOutput<'directory', 'countyCategories'>> = async (deps, actor) => {
  const countyCode = countiesOf(actor)[0]
  if (!countyCode) throw new AppError('forbidden', '只有本县有身份的人可以查看本县的议题类别')
  const county = await deps.repos.directory.county(countyCode)
  if (!county) throw new AppError('not_found', '没有这个县的资料')
  return { countyCode, items: listOf(county.categoryCodes) }
}

/**
 * Refuses a category the item's county does not use (接单). Visit records are not held to it: a
 * record typed offline before the county changed its list is still a fact to keep.
 */
export async function assertCountyCategory(deps: Deps, countyCode: string, code: string, field = 'categoryCode'): Promise<void> {
  const county = await deps.repos.directory.county(countyCode)
  if (!offersCategory(county?.categoryCodes, code)) {
    throw new AppError('validation_failed', `本县未使用“${categoryLabel(code)}”类别，请选择本县的议题类别`, field)
  }
}
