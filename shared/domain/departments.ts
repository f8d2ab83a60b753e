/** 承办单位: the kinds of body an item can be dispatched to, and how they are named. */
export const DEPARTMENT_KINDS = ['government', 'court', 'procuratorate', 'township_government'] as const
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  government: '县政府部门',
  court: '人民法院',
  procuratorate: '人民检察院',
  township_government: '乡镇人民政府',
}
