/**
 * Who may do what to which item. One module, deny by default: an action is allowed only when
 * one of the actor's role bindings has a rule below that reaches the item.
 *
 * Existence is never leaked: when the actor cannot even view the item, every refusal is
 * `not_found`; `forbidden` is only said to someone who can already see the item.
 *
 * State is not checked here (./transitions.ts does that); use cases ask both, with the role of
 * the binding this module returns.
 */
import type { Actor, Role, RoleBinding } from './roles'
import { authorizeIn, definePermissions, grants, rolesIn, seesIn, type RoleRules } from './permission-table'
import {
  atOwnStation,
  bindingsOf,
  departmentMayList,
  inOwnCounty,
  inOwnFocusGroup,
  ofOwnDepartment,
  same,
  staffMayList,
  staffReaches,
  stationMayList,
  type BindingOf,
} from './scope'
import { SUGGESTION_EVENTS, type SuggestionEvent } from './transitions'

export { bindingsOf, type BindingOf }
/** The fields of an item that permission rules look at. */
export type ItemScope = {
  countyCode: string
  township: string
  stationCode: string
  focusGroupCode?: string | null
  submitterOpenid: string
  followerOpenids?: string[]
  /** The deputy who accepted the item (首问负责) and answers for it through the whole chain. */
  ownerDeputyCode?: string | null
  departmentCode?: string | null
  /** Co-handling departments (协办): they may view and report progress, nothing else. */
  coDepartmentCodes?: string[]
  /** Published after content review: any resident may view and follow it (contact stays masked). */
  isPublic?: boolean
  /**
   * Filed by a supervisor on a visitor's behalf (交办单): the filer is not a resident acting on
   * their own concern, so resident rules (withdraw, rate, see the contact) do not follow from
   * having filed it; the supervisor acts through the supervisor rules of the station instead.
   */
  filedOnBehalf?: boolean
}

/** For list actions: which queue. Omit fields to ask "may this actor see any such queue?". */
export type QueueScope = {
  countyCode?: string
  township?: string
  stationCode?: string
  departmentCode?: string
}

/** The events a person takes (the timer's auto_verify is nobody's permission). */
const PERSON_EVENTS = SUGGESTION_EVENTS.filter((e): e is Exclude<SuggestionEvent, 'auto_verify'> => e !== 'auto_verify')
/** Seeing the item and its contact, following it, and one permission per event a person takes, named as the event. */
export const ITEM_ACTIONS = ['view_item', 'view_contact', 'follow', ...PERSON_EVENTS] as const
export const QUEUE_ACTIONS = ['view_station_queue', 'view_dispatch_board', 'view_department_queue'] as const
export const PERMISSION_ACTIONS = [...ITEM_ACTIONS, ...QUEUE_ACTIONS] as const

export type ItemAction = (typeof ITEM_ACTIONS)[number]
export type QueueAction = (typeof QUEUE_ACTIONS)[number]
export type PermissionAction = ItemAction | QueueAction

export type Authorization =
  | { allowed: true; binding: RoleBinding }
  | { allowed: false; code: 'forbidden' | 'not_found' }

/** The actor's first binding of that role (a resident binding always exists). */
export function bindingFor<R extends Role>(actor: Actor, role: R): BindingOf<R> | undefined {
  return bindingsOf(actor).find((b): b is BindingOf<R> => b.role === role)
}

export function hasRole(actor: Actor, role: Role): boolean {
  return bindingFor(actor, role) !== undefined
}

// ---- how one binding reaches an item (the scope rules of ./scope.ts) --------------------------

export function isSubmitter(openid: string, item: ItemScope): boolean {
  return same(openid, item.submitterOpenid)
}

/** The resident whose own concern the item is (not a supervisor who filed a 交办单 for a visitor). */
export function isResidentSubmitter(openid: string, item: ItemScope): boolean {
  return isSubmitter(openid, item) && !item.filedOnBehalf
}

export function isFollower(openid: string, item: ItemScope): boolean {
  return !!openid && (item.followerOpenids ?? []).includes(openid)
}

/** Station or focus group of the deputy (not ownership). */
export function deputyInScope(b: BindingOf<'deputy'>, item: ItemScope): boolean {
  return atOwnStation(b, item) || inOwnFocusGroup(b, item)
}

export function deputyOwns(b: BindingOf<'deputy'>, item: ItemScope): boolean {
  return inOwnCounty(b, item) && same(b.deputyCode, item.ownerDeputyCode)
}

/** 首问负责: once a deputy owns the item, only that deputy acts on it; before, any deputy in scope. */
function deputyMayAct(b: BindingOf<'deputy'>, item: ItemScope): boolean {
  return item.ownerDeputyCode ? deputyOwns(b, item) : deputyInScope(b, item)
}

export function supervisorInScope(b: BindingOf<'supervisor'>, item: { countyCode?: string; stationCode?: string }): boolean {
  return atOwnStation(b, item)
}

export function staffInScope(b: BindingOf<'staff'>, item: { countyCode?: string; township?: string }): boolean {
  return staffReaches(b, item)
}

export function departmentPrimary(b: BindingOf<'department'>, item: ItemScope): boolean {
  return ofOwnDepartment(b, item)
}

export function departmentAny(b: BindingOf<'department'>, item: ItemScope): boolean {
  return departmentPrimary(b, item) || (inOwnCounty(b, item) && (item.coDepartmentCodes ?? []).includes(b.departmentCode))
}

// ---- the rules ----------------------------------------------------------------------------

type ItemRule = RoleRules<ItemScope>

const residentSees = (openid: string, item: ItemScope) =>
  isResidentSubmitter(openid, item) || isFollower(openid, item) || item.isPublic === true

/**
 * One row per action; a role that is absent may never do it. Admins run the directory, not items:
 * their only row is 移交 (handover), when a deputy leaves office.
 */
export const ITEM_RULES: Record<ItemAction, ItemRule> = {
  view_item: {
    resident: residentSees,
    deputy: (b, i) => deputyInScope(b, i) || deputyOwns(b, i),
    supervisor: supervisorInScope,
    staff: staffInScope,
    department: departmentAny,
  },
  view_contact: {
    resident: isResidentSubmitter,
    deputy: deputyOwns,
    supervisor: supervisorInScope,
    staff: staffInScope,
  },
  withdraw: { resident: isResidentSubmitter },
  follow: { resident: residentSees },
  accept: { deputy: (b, i) => deputyInScope(b, i) && (!i.ownerDeputyCode || deputyOwns(b, i)) },
  answer: { deputy: deputyMayAct },
  escalate: { deputy: deputyMayAct },
  dispatch: { staff: staffInScope },
  acknowledge: { department: departmentPrimary },
  progress: { department: departmentAny },
  request_extension: { department: departmentPrimary },
  decide_extension: { staff: staffInScope },
  resolve: { department: departmentPrimary },
  send_back: { department: departmentPrimary },
  verify: { resident: isResidentSubmitter, supervisor: supervisorInScope },
  reopen: { resident: isResidentSubmitter, supervisor: supervisorInScope, staff: staffInScope },
  deputy_rate: { deputy: deputyMayAct },
  merge: { deputy: deputyMayAct, staff: staffInScope },
  refer: { deputy: deputyMayAct, staff: staffInScope },
  supervise: { staff: staffInScope },
  // 代表离任: the county's admin moves 首问负责 of an owned item to a successor (and sees nothing else of it)
  handover: { admin: (b, i) => inOwnCounty(b, i) && !!i.ownerDeputyCode },
}

type QueueRule = RoleRules<QueueScope>

export const QUEUE_RULES: Record<QueueAction, QueueRule> = {
  view_station_queue: { deputy: stationMayList, supervisor: stationMayList, staff: staffMayList },
  view_dispatch_board: { staff: staffMayList },
  view_department_queue: { department: departmentMayList },
}

/** The items' permission table, in the shape every resource's table has (./permission-table.ts). */
export const ITEM_PERMISSIONS = definePermissions<ItemAction, ItemScope>({ name: '事项', view: 'view_item', rules: ITEM_RULES })
/** The queues' table: no record to hide, so a refusal is always `forbidden`. */
const QUEUE_PERMISSIONS = definePermissions<QueueAction, QueueScope>({ name: '待办队列', view: 'view_station_queue', rules: QUEUE_RULES })

const isItemAction = (a: string): a is ItemAction => (ITEM_ACTIONS as readonly string[]).includes(a)
const isQueueAction = (a: string): a is QueueAction => (QUEUE_ACTIONS as readonly string[]).includes(a)

export interface AuthorizeOptions {
  /** Act only as this role (e.g. a deputy who also submitted the item, verifying as resident). */
  role?: Role
}

/** May the actor see the item at all? (through any binding) */
export function canView(actor: Actor, item: ItemScope): boolean {
  return seesIn(ITEM_PERMISSIONS, actor, item)
}

/**
 * Decide one action. Item actions need the item's scope; queue actions take an optional queue.
 * Returns the first binding that allows it (non-resident bindings before the implicit resident),
 * so the caller knows which role to pass on to decideTransition.
 */
export function authorize(
  actor: Actor,
  action: PermissionAction,
  target?: ItemScope | QueueScope,
  opts: AuthorizeOptions = {},
): Authorization {
  if (isItemAction(action)) {
    const item = target as ItemScope | undefined
    if (!item || typeof item.submitterOpenid !== 'string' || typeof item.countyCode !== 'string') {
      return { allowed: false, code: 'not_found' }
    }
    const auth = authorizeIn(ITEM_PERMISSIONS, actor, action, item, opts)
    return auth.allowed ? auth : { allowed: false, code: auth.code }
  }
  if (isQueueAction(action)) {
    const q = (target ?? {}) as QueueScope
    const binding = bindingsOf(actor).find((b) => (opts.role === undefined || b.role === opts.role) && grants(QUEUE_PERMISSIONS, action, b, actor.openid, q))
    return binding ? { allowed: true, binding } : { allowed: false, code: 'forbidden' }
  }
  return { allowed: false, code: 'forbidden' }
}

/** Roles that could ever be granted the action, whatever the item: for docs and consistency tests. */
export function rolesFor(action: PermissionAction): Role[] {
  return isItemAction(action) ? rolesIn(ITEM_PERMISSIONS, action) : rolesIn(QUEUE_PERMISSIONS, action as QueueAction)
}
