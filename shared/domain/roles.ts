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

/**
 * The directory entry a binding answers to. A binding's details follow its entry (a deputy's or a
 * supervisor's stations, a staff member's township) while the entry stays the same one: revoking
 * or replacing a role matches on this, not on the details it was granted with.
 */
export function bindingEntry(b: RoleBinding): string {
  switch (b.role) {
    case 'resident':
      return 'resident'
    case 'deputy':
      return `deputy:${b.deputyCode}`
    case 'supervisor':
      return `supervisor:${b.supervisorCode}`
    case 'staff':
      return `staff:${b.staffCode}`
    case 'department':
      return `department:${b.departmentCode}`
    case 'admin':
      return `admin:${b.countyCode}`
  }
}

/** The caller as every use case sees it: resolved from the WeChat context, never from the request. */
export interface Actor {
  openid: string
  displayName?: string
  bindings: RoleBinding[]
}
