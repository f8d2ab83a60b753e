/**
 * Who may do what in the reception calendar: the session permission table
 * (shared/domain/lifecycles/session.ts) and the scope rules (shared/domain/scope.ts), with the
 * calendar's own refusals. Deny by default:
 * - staff (county scope: the whole county; township scope: that township's stations and
 *   meetings) manage sessions, generate calendars, see compliance;
 * - staff and admins of the county set calendar rules and county settings (the admin runs the
 *   directory, “calendar rules” included);
 * - deputies see their own duty and check in; deputies and supervisors of a station, and the
 *   deputies on duty, see a session's internal fields (notes, attendance, follow-ups);
 * - everyone sees public sessions (reception days, thematic days, online windows).
 */
import { SESSION_PERMISSIONS, isPublicKind, type SessionScope } from '@shared/domain/lifecycles/session'
import { authorizeIn, grants } from '@shared/domain/permission-table'
import type { Actor } from '@shared/domain/roles'
import {
  bindingsOf,
  bindingsWithRole,
  managedCounty,
  staffReaches as staffReachesScope,
  staffReaching,
  workCounty,
  type StaffBinding,
} from '@shared/domain/scope'
import { AppError } from '@shared/errors'
import type { ReceptionSessionDoc } from '../../model'

export type { StaffBinding }

export interface CalendarScope {
  countyCode: string
  /** null: county level (only county-scope staff reach it). */
  township: string | null
}

export const staffReaches = (b: StaffBinding, scope: CalendarScope): boolean => staffReachesScope(b, scope)

/** The staff binding that reaches the scope, or undefined. */
export const staffFor = (actor: Actor, scope: CalendarScope): StaffBinding | undefined => staffReaching(actor, scope)

export function requireStaff(actor: Actor, scope: CalendarScope): StaffBinding {
  const b = staffFor(actor, scope)
  if (!b) throw new AppError('forbidden', '只有本县（本乡镇）人大工作人员可以安排接待活动')
  return b
}

/** The actor's first staff binding (for county-wide reads and generation). */
export function anyStaff(actor: Actor): StaffBinding {
  const b = bindingsWithRole(actor, 'staff')[0]
  if (!b) throw new AppError('forbidden', '只有人大工作人员可以进行此操作')
  return b
}

/** Staff reaching the station, or an admin of its county, may set its calendar rules. */
export function requireCalendarManager(actor: Actor, scope: CalendarScope): void {
  if (staffFor(actor, scope)) return
  if (bindingsOf(actor).some((b) => b.role === 'admin' && b.countyCode === scope.countyCode)) return
  throw new AppError('forbidden', '只有本县人大工作人员或管理员可以设置接待日规则')
}

/**
 * The county whose settings the actor manages: county-scope staff or admin. `refusal` says what
 * was refused (the visit register passes its own words).
 */
export function countyManaged(actor: Actor, countyCode?: string, refusal = '只有县人大工作人员或管理员可以修改全县接待日设置'): string {
  const county = managedCounty(actor, countyCode)
  if (!county) throw new AppError('forbidden', refusal)
  return county
}

/** The county the actor works in, for reads (staff, admin, deputy, supervisor). */
export const homeCounty = (actor: Actor): string | null => workCounty(actor)

export const deputyBinding = (actor: Actor) => bindingsWithRole(actor, 'deputy')[0]

export function isPublicSession(s: Pick<ReceptionSessionDoc, 'kind'>): boolean {
  return isPublicKind(s)
}

export const sessionScope = (s: ReceptionSessionDoc): SessionScope => ({
  countyCode: s.countyCode,
  township: s.township,
  stationCode: s.stationCode,
  deputyCodes: s.deputyCodes,
  kind: s.kind,
})

export type SessionAccess = 'manage' | 'internal' | 'public' | 'none'

/** How far the actor reaches into one session (the session permission table). */
export function sessionAccess(actor: Actor, s: ReceptionSessionDoc): SessionAccess {
  const scope = sessionScope(s)
  if (authorizeIn(SESSION_PERMISSIONS, actor, 'manage', scope).allowed) return 'manage'
  if (bindingsOf(actor).some((b) => grants(SESSION_PERMISSIONS, 'view_internal', b, actor.openid, scope))) return 'internal'
  return isPublicKind(s) ? 'public' : 'none'
}
