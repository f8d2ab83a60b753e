import type { RoleBinding } from './roles'

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
      return entryKey('deputy', b.deputyCode)
    case 'supervisor':
      return entryKey('supervisor', b.supervisorCode)
    case 'staff':
      return entryKey('staff', b.staffCode)
    case 'department':
      return entryKey('department', b.departmentCode)
    case 'admin':
      return entryKey('admin', b.countyCode)
  }
}

/** The key of a directory entry by its role and code (a county's code for admin), as bindingEntry answers it. */
export const entryKey = (role: Exclude<RoleBinding['role'], 'resident'>, code: string) => `${role}:${code}`
