/**
 * A county's 议题类别: the categories it offers when a deputy classifies an item (接单) or a
 * supervisor a visit. One common vocabulary (categories.ts, from the source document) so the city
 * and province compare counties on the same categories; a county chooses which of them it uses
 * and in what order. 其他 is always offered, last unless placed. A county's own topics beyond
 * these are 专题关注组 and their 关注议题.
 */
import { CATEGORIES, type CategoryCode } from './categories'

export interface CategoryOption {
  code: CategoryCode
  label: string
}

const byCode = new Map<string, CategoryOption>(CATEGORIES.map((c) => [c.code, c]))

/** The county's list; none chosen (a county never set) = every category in the standard order. */
export function countyCategories(chosen: readonly string[] | null | undefined): CategoryOption[] {
  const picked = [...new Set(chosen ?? [])].map((c) => byCode.get(c)).filter((c): c is CategoryOption => !!c)
  if (picked.length === 0) return [...CATEGORIES]
  return picked.some((c) => c.code === 'other') ? picked : [...picked, byCode.get('other')!]
}

/** Whether the county offers this category. */
export const offersCategory = (chosen: readonly string[] | null | undefined, code: string) => countyCategories(chosen).some((c) => c.code === code)
