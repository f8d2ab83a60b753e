/** The seed's categories (经济发展、司法公正、文旅融合、乡村振兴、环境保护 …), same codes as the demo data. */
export const CATEGORIES = [
  { code: 'economy', label: '经济发展' },
  { code: 'justice', label: '司法公正' },
  { code: 'culture_tourism', label: '文旅融合' },
  { code: 'rural', label: '乡村振兴' },
  { code: 'environment', label: '环境保护' },
  { code: 'social_security', label: '社会保障' },
  { code: 'education_health', label: '教育医疗' },
  { code: 'transport', label: '交通出行' },
  { code: 'urban_rural_construction', label: '城乡建设' },
  { code: 'other', label: '其他' },
] as const

export type CategoryCode = (typeof CATEGORIES)[number]['code']
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]]

export function categoryLabel(code: string | undefined | null): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? '未分类'
}

export const GRADES = [
  { code: 'normal', label: '一般' },
  { code: 'important', label: '重要' },
  { code: 'urgent', label: '紧急' },
] as const
export type GradeCode = (typeof GRADES)[number]['code']
export const GRADE_CODES = GRADES.map((g) => g.code) as [GradeCode, ...GradeCode[]]
