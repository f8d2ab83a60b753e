/**
 * Who may do what in the reception calendar. Deny by default, as in shared/domain/permissions.ts:
 * - staff (county scope: the whole county; township scope: that township's stations and
 *   meetings) manage sessions, generate calendars, see compliance;
 * - staff and admins of the county set calendar rules and county settings (the admin runs the
 *   directory, “calendar rules” included);
 * - deputies see their own duty and check in; deputies and supervisors of a station, and the
 *   deputies on duty, see a session's internal fields (notes, attendance, follow-ups);
 * - everyone sees public sessions (reception days, thematic days, online windows).
 */
import { bindingsOf } from '@shared/domain/permissions'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import { PUBLIC_SESSION_KINDS } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { ReceptionSessionDoc } from '../../model'

type Binding<R extends RoleBinding['role']> = Extract<RoleBinding, { role: R }>
export type StaffBinding = Binding<'staff'>

export interface CalendarScope {
  countyCode: string
  /** null: county level (only county-scope staff reach it). */
  township: string | null
}

const staffBindings = (actor: Actor) => bindingsOf(actor).filter((b): b is StaffBinding => b.role === 'staff')

export function staffReaches(b: StaffBinding, scope: CalendarScope): boolean {
  if (b.countyCode !== scope.countyCode) return false
  return b.scope === 'county' || (!!b.township && b.township === scope.township)
}

/** The staff binding that reaches the scope, or undefined. */
export function staffFor(actor: Actor, scope: CalendarScope): StaffBinding | undefined {
  return staffBindings(actor).find((b) => staffReaches(b, scope))
}

export function requireStaff(actor: Actor, scope: CalendarScope): StaffBinding {
  const b = staffFor(actor, scope)
  if (!b) throw new AppError('forbidden', '只有本县（本乡镇）人大工作人员可以安排接待活动')
  return b
}

/** The actor's first staff binding (for county-wide reads and generation). */
export function anyStaff(actor: Actor): StaffBinding {
  const b = staffBindings(actor)[0]
  if (!b) throw new AppError('forbidden', '只有人大工作人员可以进行此操作')
  return b
}

/** Staff reaching the station, or an admin of its county, may set its calendar rules. */
export function requireCalendarManager(actor: Actor, scope: CalendarScope): void {
  if (staffFor(actor, scope)) return
  if (bindingsOf(actor).some((b) => b.role === 'admin' && b.countyCode === scope.countyCode)) return
  throw new AppError('forbidden', '只有本县人大工作人员或管理员可以设置接待日规则')
}

/** The county whose settings the actor manages: county-scope staff or admin. */
export function countyManaged(actor: Actor, countyCode?: string): string {
  for (const b of bindingsOf(actor)) {
    if (b.role === 'staff' && b.scope === 'county' && (!countyCode || b.countyCode === countyCode)) return b.countyCode
    if (b.role === 'admin' && (!countyCode || b.countyCode === countyCode)) return b.countyCode
  }
  throw new AppError('forbidden', '只有县人大工作人员或管理员可以修改全县接待日设置')
}

/** The county the actor works in, for reads (staff, admin, deputy, supervisor). */
export function homeCounty(actor: Actor): string | null {
  for (const b of bindingsOf(actor)) {
    if (b.role !== 'resident') return b.countyCode
  }
  return null
}

export const deputyBinding = (actor: Actor) => bindingsOf(actor).find((b): b is Binding<'deputy'> => b.role === 'deputy')

export function isPublicSession(s: Pick<ReceptionSessionDoc, 'kind'>): boolean {
  return PUBLIC_SESSION_KINDS.includes(s.kind)
}

export type SessionAccess = 'manage' | 'internal' | 'public' | 'none'

/** How far the actor reaches into one session. */
export function sessionAccess(actor: Actor, s: ReceptionSessionDoc): SessionAccess {
  const scope = { countyCode: s.countyCode, township: s.township }
  if (staffFor(actor, scope)) return 'manage'
  for (const b of bindingsOf(actor)) {
    if (b.role === 'resident' || b.countyCode !== s.countyCode) continue
    if (b.role === 'staff') return 'internal'
    if (b.role === 'deputy' && (s.deputyCodes.includes(b.deputyCode) || (!!s.stationCode && b.stationCodes.includes(s.stationCode)))) return 'internal'
    if (b.role === 'supervisor' && !!s.stationCode && b.stationCodes.includes(s.stationCode)) return 'internal'
  }
  return isPublicSession(s) ? 'public' : 'none'
}
