/**
 * The scope rules, written once: how far one role binding reaches. Every permission table
 * (./permissions.ts for items, ./lifecycles/* for sessions, visit records, problems, callbacks,
 * invitations) and the imperative helpers of the use cases (usecases/reception/access.ts,
 * usecases/visit/access.ts, usecases/stats/scope.ts) are built from these; none restates them.
 *
 * - own county: the binding's county is the record's county;
 * - own township: staff — county scope reaches the whole county, township scope its township;
 * - own station: a deputy's or supervisor's stations (a deputy also reaches its focus groups);
 * - own department: the department binding's code.
 *
 * A code that is missing never matches (`same`): a record without a township is reached by
 * county-scope staff only.
 */
import type { Actor, Role, RoleBinding } from './roles'

export type BindingOf<R extends Role> = Extract<RoleBinding, { role: R }>
export type StaffBinding = BindingOf<'staff'>

const RESIDENT: RoleBinding = { role: 'resident' }

/** Every binding of the actor; every OPENID is a resident too, tried last. */
export function bindingsOf(actor: Actor): RoleBinding[] {
  const others = actor.bindings.filter((b) => b.role !== 'resident')
  return [...others, RESIDENT]
}

/** The actor's bindings of one role, in order. */
export function bindingsWithRole<R extends Role>(actor: Actor, role: R): BindingOf<R>[] {
  return bindingsOf(actor).filter((b): b is BindingOf<R> => b.role === role)
}

/** Both codes present and equal. */
export const same = (a: string | null | undefined, b: string | null | undefined): boolean => !!a && !!b && a === b

/** Own county. */
export function inOwnCounty(b: { countyCode: string }, t: { countyCode?: string | null }): boolean {
  return same(b.countyCode, t.countyCode)
}

/** Own township (staff): county scope reaches its whole county, township scope its own township. */
export function staffReaches(b: StaffBinding, t: { countyCode?: string | null; township?: string | null }): boolean {
  if (!inOwnCounty(b, t)) return false
  return b.scope === 'county' || same(b.township, t.township)
}

/** County-scope staff (县人大常委会), optionally of one county. */
export function isCountyStaff(b: RoleBinding, countyCode?: string | null): b is StaffBinding {
  return b.role === 'staff' && b.scope === 'county' && (countyCode == null || b.countyCode === countyCode)
}

/** Own station: a deputy's or a supervisor's stations, in its county. */
export function atOwnStation(
  b: BindingOf<'deputy'> | BindingOf<'supervisor'>,
  t: { countyCode?: string | null; stationCode?: string | null },
): boolean {
  return inOwnCounty(b, t) && !!t.stationCode && b.stationCodes.includes(t.stationCode)
}

/** Own focus group (关注组): a deputy's, in its county. */
export function inOwnFocusGroup(b: BindingOf<'deputy'>, t: { countyCode?: string | null; focusGroupCode?: string | null }): boolean {
  return inOwnCounty(b, t) && !!t.focusGroupCode && b.focusGroupCodes.includes(t.focusGroupCode)
}

/** Own department: the department binding's code, in its county. */
export function ofOwnDepartment(b: BindingOf<'department'>, t: { countyCode?: string | null; departmentCode?: string | null }): boolean {
  return inOwnCounty(b, t) && same(b.departmentCode, t.departmentCode)
}

// ---- the same rules for a list, where an omitted field means “any” ------------------------

/** A queue or list filter: omitted fields are not asked about. */
export interface ListScope {
  countyCode?: string
  township?: string
  stationCode?: string
  departmentCode?: string
}

const countyOk = (own: string, q: ListScope) => q.countyCode === undefined || q.countyCode === own

/** Staff may list this county (and this township, if given). */
export function staffMayList(b: StaffBinding, q: ListScope): boolean {
  return countyOk(b.countyCode, q) && (b.scope === 'county' || q.township === undefined || same(b.township, q.township))
}

/** A deputy or supervisor may list this county (and this station of theirs, if given). */
export function stationMayList(b: BindingOf<'deputy'> | BindingOf<'supervisor'>, q: ListScope): boolean {
  return countyOk(b.countyCode, q) && (q.stationCode === undefined || b.stationCodes.includes(q.stationCode))
}

/** A department may list this county (and its own queue, if a department is given). */
export function departmentMayList(b: BindingOf<'department'>, q: ListScope): boolean {
  return countyOk(b.countyCode, q) && (q.departmentCode === undefined || q.departmentCode === b.departmentCode)
}

// ---- finders over an actor ----------------------------------------------------------------

/** The actor's first staff binding that reaches the county / township (null township: county level). */
export function staffReaching(actor: Actor, t: { countyCode: string; township?: string | null }): StaffBinding | undefined {
  return bindingsWithRole(actor, 'staff').find((b) => staffReaches(b, t))
}

/**
 * The county whose settings the actor manages (county-scope staff or an admin of it), optionally
 * a given county; null when none. The caller says in its own words what was refused.
 */
export function managedCounty(actor: Actor, countyCode?: string): string | null {
  for (const b of bindingsOf(actor)) {
    if (isCountyStaff(b, countyCode)) return b.countyCode
    if (b.role === 'admin' && (!countyCode || b.countyCode === countyCode)) return b.countyCode
  }
  return null
}

/** The county the actor works in (any role but resident), for reads; null for a resident. */
export function workCounty(actor: Actor): string | null {
  for (const b of bindingsOf(actor)) if (b.role !== 'resident') return b.countyCode
  return null
}
