/**
 * The one verb registry of the five-order loop: for every verb a person (or the timer) can use on
 * an item, which API action carries it, which events of the item's lifecycle table it writes
 * (ITEM_LIFECYCLE of ./transitions.ts: the loop's events and 放行), which permission of the
 * permission table it asks, its Chinese label, whether it needs a note, and which page offers it.
 *
 * Pure and derived: events, labels, notes and every condition on the item (state, role, 延期
 * pending, held text, reopen limit, 交办单) come from the table; this module adds only what the
 * tables do not say — the action name, the permission where it is named otherwise, where the
 * button is and what it reads.
 *
 * Used by `allowedActions` (cloudfunctions/_core/views/detail-for.ts), the buttons of the
 * resident's item page and of the three workbenches, the rating form, and the timeline's event
 * names. A new event of the table needs only its line in VERB_DATA (the type demands it);
 * tests/unit/domain/verbs.test.ts checks the registry against both tables.
 */
import { decide } from './lifecycle'
import type { ItemAction } from './permissions'
import type { Role } from './roles'
import type { SuggestionState } from './states'
import {
  ITEM_LIFECYCLE,
  residentRatingEvent,
  ruleFor,
  type ActorRole,
  type ItemEvent,
  type Rating,
  type TransitionContext,
} from './transitions'

/** Where a verb's button is: the resident's item page (pages/item) or a role's workbench (subpackage item page). */
export const WORKBENCHES = ['item', 'deputy', 'staff', 'department'] as const
export type Workbench = (typeof WORKBENCHES)[number]

/** The actions of the `suggestion` function that take a step on one item (shared/api/suggestion-actions.ts). */
export const VERB_ACTIONS = [
  'release',
  'accept',
  'answer',
  'escalate',
  'dispatch',
  'acknowledge',
  'progress',
  'requestExtension',
  'decideExtension',
  'resolve',
  'sendBack',
  'rate',
  'deputyRate',
  'supervise',
  'merge',
  'refer',
  'withdraw',
  'follow',
] as const
export type VerbAction = (typeof VERB_ACTIONS)[number]

export type VerbEvent = ItemEvent

interface EventVerbData {
  /** The API action of the `suggestion` function that writes this event; null: none does (the timer's auto_verify; 移交, which the directory writes). */
  action: VerbAction | null
  /** For a verb with several events: the event that decides whether it is offered (default: its first). */
  offers?: true
  /** The permission asked; default the event of the same name (the permission table names them alike). */
  permission?: ItemAction
  /** Offered only to this role (release: staff, whatever else the actor is). */
  asRole?: Role
  /** Where its button is (none: no button of its own). */
  shownOn?: readonly Workbench[]
  /** The step that moves the item forward: a filled button, before the others. */
  primary?: true
  /** Button text when it is not the label. */
  button?: string
  /** The heading over the verb's form when it is not the label. */
  heading?: string
  /** The timeline's name of the event when it is not the label. */
  timeline?: string
  /**
   * On the resident's item page, a role holder who may use this verb is sent to the verb's
   * workbench (someone who opened the item from a message).
   */
  opensWorkbench?: true
}

/**
 * One line per event of the table, in the order buttons and `allowedActions` list them. Events
 * that share an action form one verb (rate: verify, or reopen after 不满意).
 */
const VERB_DATA: Record<VerbEvent, EventVerbData> = {
  // 内容审核 is a staff decision with the reach of 督办 (the table: only held text, any state)
  release: { action: 'release', permission: 'supervise', asRole: 'staff', shownOn: ['staff'], primary: true, timeline: '内容审核通过' },
  accept: { action: 'accept', shownOn: ['deputy'], primary: true, opensWorkbench: true },
  answer: { action: 'answer', shownOn: ['deputy'], primary: true, button: '即时答复群众', opensWorkbench: true },
  escalate: { action: 'escalate', shownOn: ['deputy'], primary: true, button: '提交人大交办', opensWorkbench: true },
  dispatch: { action: 'dispatch', shownOn: ['staff'], primary: true, button: '派单交办', opensWorkbench: true },
  acknowledge: { action: 'acknowledge', shownOn: ['department'], primary: true, opensWorkbench: true },
  progress: { action: 'progress', shownOn: ['department'], opensWorkbench: true },
  request_extension: { action: 'requestExtension', shownOn: ['department'], opensWorkbench: true },
  decide_extension: { action: 'decideExtension', shownOn: ['staff'], primary: true, opensWorkbench: true },
  resolve: { action: 'resolve', shownOn: ['department'], primary: true, button: '办结销单', opensWorkbench: true },
  send_back: { action: 'sendBack', shownOn: ['department'], button: '退回人大', opensWorkbench: true },
  // 群众验单: the resident's (or the station supervisor's) rating; what it leads to is ratingEvent below
  verify: { action: 'rate', offers: true, shownOn: ['item'] },
  reopen: { action: 'rate' },
  deputy_rate: { action: 'deputyRate', shownOn: ['deputy'], primary: true, heading: '评价办理结果', button: '评价办理结果', opensWorkbench: true },
  supervise: { action: 'supervise', shownOn: ['staff'], primary: true, opensWorkbench: true },
  merge: { action: 'merge', shownOn: ['deputy', 'staff'] },
  refer: { action: 'refer', shownOn: ['deputy', 'staff'] },
  withdraw: { action: 'withdraw', shownOn: ['item'] },
  auto_verify: { action: null },
  // written by the directory's 代表离任 (usecases/directory/admin/deputy-leave.ts), not by a suggestion action
  handover: { action: null },
}

/** 我也关注 is no event of the table and no entry of allowedActions: the item page offers it to whoever does not follow yet. */
const FOLLOW = { label: '我也关注', permission: 'follow' as const }

export interface Verb {
  /** The API action; for the timer's verb and 移交, its event. */
  name: VerbAction | 'auto_verify' | 'handover'
  action: VerbAction | null
  /** The events of the lifecycle table it writes. */
  events: readonly VerbEvent[]
  /** The event whose row decides whether it is offered now (null: 我也关注, off the table). */
  offerEvent: VerbEvent | null
  /** The permission asked of permissions.ts (null: no suggestion action; the timer asks none, 移交 asks `handover` in the directory). */
  permission: ItemAction | null
  asRole?: Role
  /** The table's Chinese verb of its offer event: “不能{label}”. */
  label: string
  /** Over its form. */
  heading: string
  /** On its button. */
  button: string
  /** Every way of taking it needs a note (a reason, an answer, a reply). */
  needsNote: boolean
  shownOn: readonly Workbench[]
  primary: boolean
  opensWorkbench: boolean
  /** Listed in an item's allowedActions when the permission and the lifecycle table allow it. */
  listed: boolean
}

const labelOf = (e: VerbEvent): string => ITEM_LIFECYCLE.eventLabels[e]
const noteRequiredOf = (e: VerbEvent): boolean => {
  const rows = ITEM_LIFECYCLE.rows.filter((r) => r.event === e)
  return rows.length > 0 && rows.every((r) => r.noteRequired === true)
}

function build(): Verb[] {
  // VERB_DATA's order; its type has made sure every event of the table has a line
  const events = Object.keys(VERB_DATA) as VerbEvent[]
  const out: Verb[] = []
  const byName = new Map<string, Verb>()
  for (const event of events) {
    const data = VERB_DATA[event]
    const name = data.action ?? (event as 'auto_verify' | 'handover')
    const existing = byName.get(name)
    if (existing) {
      ;(existing.events as VerbEvent[]).push(event)
      existing.needsNote = existing.needsNote && noteRequiredOf(event)
      continue
    }
    const offerEvent = events.find((e) => VERB_DATA[e].action === data.action && VERB_DATA[e].offers) ?? event
    const offer = VERB_DATA[offerEvent]
    const label = labelOf(offerEvent)
    const verb: Verb = {
      name,
      action: data.action,
      events: [event],
      offerEvent,
      permission: data.action === null ? null : (offer.permission ?? (offerEvent as ItemAction)),
      ...(offer.asRole ? { asRole: offer.asRole } : {}),
      label,
      heading: offer.heading ?? label,
      button: offer.button ?? label,
      needsNote: noteRequiredOf(event),
      shownOn: offer.shownOn ?? [],
      primary: offer.primary === true,
      opensWorkbench: offer.opensWorkbench === true,
      listed: data.action !== null,
    }
    byName.set(name, verb)
    out.push(verb)
  }
  out.push({
    name: 'follow',
    action: 'follow',
    events: [],
    offerEvent: null,
    permission: FOLLOW.permission,
    label: FOLLOW.label,
    heading: FOLLOW.label,
    button: FOLLOW.label,
    needsNote: false,
    shownOn: ['item'],
    primary: true,
    opensWorkbench: false,
    listed: false,
  })
  return out
}

/** Every verb, in the order buttons and allowedActions list them. */
export const VERBS: readonly Verb[] = build()

const BY_ACTION = new Map<string, Verb>(VERBS.filter((v) => v.action).map((v) => [v.action as string, v]))

/** The verb of an API action (undefined for anything else). */
export function verbOf(action: string): Verb | undefined {
  return BY_ACTION.get(action)
}

/** The verb that writes an event. */
export function verbOfEvent(event: VerbEvent): Verb | undefined {
  return VERBS.find((v) => v.events.includes(event))
}

/** What of an item decides, besides state, role and scope, whether a verb may be taken now. */
export type VerbFacts = Pick<TransitionContext, 'reopenCount' | 'viaAssignmentForm' | 'moderation' | 'extension'>

/** May this role take the verb on an item in this state with these facts now? The lifecycle table decides. */
export function verbAllowedNow(verb: Verb, state: SuggestionState, role: ActorRole, facts: VerbFacts): boolean {
  if (!verb.offerEvent) return false
  return decide(ITEM_LIFECYCLE, state, verb.offerEvent, role, facts).ok
}

/** The verbs whose buttons a page shows, in button order: the steps forward first, then the others. */
export function verbsShownOn(workbench: Workbench): Verb[] {
  const shown = VERBS.filter((v) => v.shownOn.includes(workbench))
  return [...shown.filter((v) => v.primary), ...shown.filter((v) => !v.primary)]
}

/**
 * The workbench the resident's item page sends a role holder to: the first (deputy, staff,
 * department) with a verb that opens it among the item's allowed actions.
 */
export function workbenchFor(allowedActions: readonly string[]): Exclude<Workbench, 'item'> | null {
  for (const wb of ['deputy', 'staff', 'department'] as const) {
    if (VERBS.some((v) => v.opensWorkbench && v.shownOn.includes(wb) && v.action && allowedActions.includes(v.action))) return wb
  }
  return null
}

/** The timeline's name of a history event: 点单, every event of the table, anything else as stored. */
export function historyEventLabel(event: string): string {
  if (event === 'submit') return '选民点单'
  if (!Object.prototype.hasOwnProperty.call(VERB_DATA, event)) return event
  return VERB_DATA[event as VerbEvent].timeline ?? labelOf(event as VerbEvent)
}

/**
 * What the resident's rating leads to (the rating form decides with it what to send): 不满意
 * with a request to re-handle reopens the item while reopens are left (residentRatingEvent of
 * the table) and the item is in a state the table reopens from; anything else verifies it.
 */
export function ratingEvent(item: { state: SuggestionState; reopenCount: number }, rating: Rating, wantsReopen: boolean): 'verify' | 'reopen' {
  if (!wantsReopen || !reopenable(item)) return 'verify'
  return residentRatingEvent(rating, item.reopenCount)
}

/** The table reopens from the item's state (销单 or 即时答复 awaiting the rating). */
export function reopenable(item: { state: SuggestionState }): boolean {
  return ruleFor(item.state, 'reopen') !== undefined
}
