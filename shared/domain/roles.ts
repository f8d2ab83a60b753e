export const ROLES = ['resident', 'deputy', 'supervisor', 'staff', 'department', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '群众',
  deputy: '人大代表',
  supervisor: '联络站管理员',
  staff: '人大工作人员',
  department: '承办单位',
  admin: '系统管理员',
}

/**
 * What one role binding lets its holder reach. A person may hold several bindings
 * (a deputy is also a resident); every OPENID is implicitly a resident.
 */
export type RoleBinding =
  | { role: 'resident' }
  | { role: 'deputy'; deputyCode: string; stationCodes: string[]; focusGroupCodes: string[]; countyCode: string }
  | { role: 'supervisor'; supervisorCode: string; stationCodes: string[]; countyCode: string }
  | { role: 'staff'; staffCode: string; countyCode: string; scope: 'county' | 'township'; township?: string }
  | { role: 'department'; departmentCode: string; countyCode: string }
  | { role: 'admin'; countyCode: string }

/** The caller as every use case sees it: resolved from the WeChat context, never from the request. */
export interface Actor {
  openid: string
  displayName?: string
  bindings: RoleBinding[]
}
