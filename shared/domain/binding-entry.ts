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
