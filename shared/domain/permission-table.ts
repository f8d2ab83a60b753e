/**
 * The permission table shape, one for every resource: for each action, per role, a rule over the
 * actor's binding and the record's scope (built from ./scope.ts). Deny by default: an action is
 * allowed only when one of the actor's bindings has a rule that reaches the record.
 *
 * Existence is never leaked: when the actor cannot even see the record (the table's `view`
 * action), every refusal is `not_found`; `forbidden` is only said to someone who sees it.
 * The items' table is ./permissions.ts; the others are in ./lifecycles/.
 */
import type { Actor, Role, RoleBinding } from './roles'
import { ROLES } from './roles'
import { bindingsOf, type BindingOf } from './scope'

/** Per role, whether a binding of that role reaches the target. A role that is absent never may. */
export type RoleRules<T> = {
  resident?: (openid: string, target: T) => boolean
  deputy?: (b: BindingOf<'deputy'>, target: T) => boolean
  supervisor?: (b: BindingOf<'supervisor'>, target: T) => boolean
  staff?: (b: BindingOf<'staff'>, target: T) => boolean
  department?: (b: BindingOf<'department'>, target: T) => boolean
  admin?: (b: BindingOf<'admin'>, target: T) => boolean
}

export interface PermissionTable<A extends string, T> {
  /** The record, in Chinese (“接待活动”). */
  readonly name: string
  /** The action that says whether the actor sees the record at all. */
  readonly view: A
  readonly rules: Record<A, RoleRules<T>>
  /** What a refusal says to someone who sees the record; absent: the error code's own text. */
  readonly refusals?: Partial<Record<A, string | ((target: T) => string)>>
  /** What `not_found` says (“没有找到该接待活动”); absent: the error code's own text. */
  readonly notFound?: string
}

export type TableAuthorization =
  | { allowed: true; binding: RoleBinding }
  | { allowed: false; code: 'forbidden' | 'not_found'; message?: string }

export function definePermissions<A extends string, T>(table: PermissionTable<A, T>): PermissionTable<A, T> {
  return table
}

/** Whether one binding is granted the action on the target. */
export function grants<A extends string, T>(table: PermissionTable<A, T>, action: A, b: RoleBinding, openid: string, target: T): boolean {
  const rule = Object.prototype.hasOwnProperty.call(table.rules, action) ? (table.rules[action] as RoleRules<T>) : undefined
  if (!rule) return false
  switch (b.role) {
    case 'resident':
      return rule.resident?.(openid, target) ?? false
    case 'deputy':
      return rule.deputy?.(b, target) ?? false
    case 'supervisor':
      return rule.supervisor?.(b, target) ?? false
    case 'staff':
      return rule.staff?.(b, target) ?? false
    case 'department':
      return rule.department?.(b, target) ?? false
    case 'admin':
      return rule.admin?.(b, target) ?? false
    default:
      return false
  }
}

/** May the actor see the record at all (through any binding)? */
export function seesIn<A extends string, T>(table: PermissionTable<A, T>, actor: Actor, target: T): boolean {
  return bindingsOf(actor).some((b) => grants(table, table.view, b, actor.openid, target))
}

/**
 * Decide one action on one record: the first binding that allows it (non-resident bindings before
 * the implicit resident), else `forbidden` to someone who sees the record, `not_found` to anyone else.
 */
export function authorizeIn<A extends string, T>(
  table: PermissionTable<A, T>,
  actor: Actor,
  action: A,
  target: T,
  opts: { role?: Role } = {},
): TableAuthorization {
  const candidates = bindingsOf(actor).filter((b) => opts.role === undefined || b.role === opts.role)
  const binding = candidates.find((b) => grants(table, action, b, actor.openid, target))
  if (binding) return { allowed: true, binding }
  if (seesIn(table, actor, target)) {
    const said = table.refusals?.[action]
    const message = typeof said === 'function' ? (said as (t: T) => string)(target) : (said as string | undefined)
    return message ? { allowed: false, code: 'forbidden', message } : { allowed: false, code: 'forbidden' }
  }
  return table.notFound ? { allowed: false, code: 'not_found', message: table.notFound } : { allowed: false, code: 'not_found' }
}

/** Roles that could ever be granted the action, whatever the record: for docs and consistency tests. */
export function rolesIn<A extends string, T>(table: PermissionTable<A, T>, action: A): Role[] {
  const rule = table.rules[action] as Record<string, unknown>
  return ROLES.filter((r) => typeof rule[r] === 'function')
}
