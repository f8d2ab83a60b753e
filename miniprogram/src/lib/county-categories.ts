import { CATEGORIES } from '@shared/domain/categories'
import type { CategoryOption } from '@shared/domain/county-categories'
import { directoryCategoryActions } from '@shared/api/directory-categories'
import { call, registerApi } from '../api/client'
import { useLoad } from './use-load'

// its answer schema loads with the workbench subpackages that classify, not with the main package
registerApi({ directory: directoryCategoryActions })

/**
 * The caller's county's 议题类别 for a chooser (接单, 登记, 派单台 filter). Until it has loaded, or
 * offline, every common category: the server still refuses one the county does not use at 接单.
 */
export function useCountyCategories(): readonly CategoryOption[] {
  const { data } = useLoad('countyCategories', () => call('directory', 'countyCategories', {}))
  return data?.items ?? CATEGORIES
}
