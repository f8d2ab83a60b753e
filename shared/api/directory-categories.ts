/**
 * The county's 议题类别 for the people who classify (deputies at 接单, supervisors at 登记, staff
 * filtering the board): `directory.countyCategories`. Kept out of the main package: only the
 * workbench subpackages register it.
 */
import { z } from 'zod'
import { CATEGORY_CODES } from '../domain/categories'

export const categoryOption = z.object({ code: z.enum(CATEGORY_CODES), label: z.string() })

export const directoryCategoryActions = {
  countyCategories: { input: z.object({}), output: z.object({ countyCode: z.string(), items: z.array(categoryOption) }) },
} as const
