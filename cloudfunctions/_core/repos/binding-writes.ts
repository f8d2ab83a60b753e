/**
 * What redeeming an invitation writes besides the invitation, as writes of the same commit: the
 * identity's role bindings, and the directory entry that now answers to it (a deputy's OPENID, a
 * department's handlers). The same documents as `users.put`, `directory.bindDeputy` and
 * `directory.addDepartmentOpenid`.
 */
import type { Write } from '../store/port'
import type { DepartmentDoc, DeputyDoc, UserDoc } from '../model'

export const userPutWrite = (user: UserDoc): Write => ({ op: 'put', collection: 'users', doc: user })

export const deputyBindWrite = (deputy: DeputyDoc, openid: string): Write => ({ op: 'put', collection: 'deputies', doc: { ...deputy, openid } })

export function departmentOpenidWrite(department: DepartmentDoc, openid: string): Write {
  const openids = department.openids.includes(openid) ? department.openids : [...department.openids, openid]
  return { op: 'put', collection: 'departments', doc: { ...department, openids } }
}
