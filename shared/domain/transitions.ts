/**
 * The one transition table of the five-order loop (五单闭环). Every change of a suggestion's state
 * is decided here: which event may move an item from which state to which, by which role, and
 * which milestone time it stamps. docs/states.md explains each row in prose; its table is the
 * output of `transitionTableMarkdown()` (a test keeps the two identical).
 *
 * This module knows states and roles only. Whether *this* deputy may act on *this* item
 * (station, ownership, department) is decided by ./permissions.ts; use cases ask both.
 */
import { decide, defineLifecycle, type GuardDef, type LifecycleRow } from './lifecycle'
import { ROLE_LABELS, type Role } from './roles'
import { FINAL_STATES, STATE_LABELS, SUGGESTION_STATES, type ExtensionStatus, type ModerationStatus, type SuggestionState } from './states'

/** `system` is the timer (auto-verify), never a person. */
export type ActorRole = Role | 'system'
export const ACTOR_ROLES: readonly ActorRole[] = ['resident', 'deputy', 'supervisor', 'staff', 'department', 'admin', 'system']
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = { ...ROLE_LABELS, system: '系统' }

export const SUGGESTION_EVENTS = [
  'accept',
  'answer',
  'escalate',
  'dispatch',
  'acknowledge',
  'progress',
  'request_extension',
  'decide_extension',
  'resolve',
  'send_back',
  'verify',
  'reopen',
  'deputy_rate',
  'auto_verify',
  'withdraw',
  'merge',
  'refer',
  'supervise',
  'handover',
] as const
export type SuggestionEvent = (typeof SUGGESTION_EVENTS)[number]

/** Verbs, so that “不能{label}” reads as a sentence; also the timeline's event names. */
export const EVENT_LABELS: Record<SuggestionEvent, string> = {
  accept: '接单',
  answer: '即时答复',
  escalate: '提交人大',
  dispatch: '派单',
  acknowledge: '签收',
  progress: '报告进展',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  resolve: '销单',
  send_back: '退回',
  verify: '验单',
  reopen: '重新办理',
  deputy_rate: '代表评价',
  auto_verify: '自动验单',
  withdraw: '撤回',
  merge: '并案',
  refer: '转法定途径',
  supervise: '督办',
  handover: '更换首问负责代表',
}

/** Times an item keeps, one field each. `closedAt` is stamped whenever a decision says `closes`. */
export const MILESTONES = [
  'acceptedAt',
  'answeredAt',
  'escalatedAt',
  'dispatchedAt',
  'acknowledgedAt',
  'resolvedAt',
  'verifiedAt',
  'reopenedAt',
  'sentBackAt',
  'withdrawnAt',
  'mergedAt',
  'referredAt',
  'lastProgressAt',
  'extensionRequestedAt',
  'extensionDecidedAt',
  'lastSupervisedAt',
  'deputyRatedAt',
  'closedAt',
] as const
export type Milestone = (typeof MILESTONES)[number]

/** How many times one item may be sent back for re-handling (不满意 → 重新办理). */
export const MAX_REOPENS = 2

/** Default period for the resident to rate before `auto_verify` closes the item; counties may configure it. */
export const DEFAULT_RATING_WINDOW_WORKDAYS = 10

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
}

/** The national suggestion-handling outcomes a department chooses when it closes an item (销单). */
export const RESOLUTION_OUTCOMES = ['solved', 'planned', 'explained'] as const
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number]
export const RESOLUTION_OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  solved: '已解决',
  planned: '列入计划逐步解决',
  explained: '因条件限制暂不能解决并已说明',
}

/** Extra conditions a rule may carry, checked by `decideTransition` from its context. */
export type TransitionCondition = 'assignment_form'

export interface TransitionRule {
  readonly from: SuggestionState
  readonly event: SuggestionEvent
  readonly to: SuggestionState
  readonly roles: readonly ActorRole[]
  readonly milestone?: Milestone
  /** The event must carry a note: a reason, an answer, a reply (the use case validates it). */
  readonly noteRequired?: boolean
  /** Only for items that arrived on a 交办单 (assignment form from a reception visit). */
  readonly condition?: TransitionCondition
  /** Counts against MAX_REOPENS. */
  readonly reopen?: boolean
}

const D: readonly ActorRole[] = ['deputy']
/** The open states an item can be in once a deputy accepted it (首问负责 then has an owner to hand over). */
export const HANDOVER_STATES: readonly SuggestionState[] = ['accepted', 'answered', 'escalated', 'dispatched', 'in_progress', 'resolved']
const S: readonly ActorRole[] = ['staff']
const DEPT: readonly ActorRole[] = ['department']

/**
 * THE table. One row per (from, event); self-loops have from === to.
 * Ordered along the loop so that docs/states.md reads top to bottom.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  // 选民点单 → 代表接单
  { from: 'submitted', event: 'accept', to: 'accepted', roles: D, milestone: 'acceptedAt' },
  { from: 'submitted', event: 'withdraw', to: 'withdrawn', roles: ['resident'], milestone: 'withdrawnAt' },
  { from: 'submitted', event: 'merge', to: 'merged', roles: ['deputy', 'staff'], milestone: 'mergedAt', noteRequired: true },
  { from: 'submitted', event: 'refer', to: 'referred', roles: ['deputy', 'staff'], milestone: 'referredAt', noteRequired: true },
  { from: 'submitted', event: 'dispatch', to: 'dispatched', roles: S, milestone: 'dispatchedAt', condition: 'assignment_form' },
  // 代表接单 → 即时答复 / 提交人大
  { from: 'accepted', event: 'answer', to: 'answered', roles: D, milestone: 'answeredAt', noteRequired: true },
  { from: 'accepted', event: 'escalate', to: 'escalated', roles: D, milestone: 'escalatedAt' },
  { from: 'accepted', event: 'merge', to: 'merged', roles: ['deputy', 'staff'], milestone: 'mergedAt', noteRequired: true },
  { from: 'accepted', event: 'refer', to: 'referred', roles: ['deputy', 'staff'], milestone: 'referredAt', noteRequired: true },
  // 人大派单
  { from: 'escalated', event: 'dispatch', to: 'dispatched', roles: S, milestone: 'dispatchedAt' },
  { from: 'escalated', event: 'merge', to: 'merged', roles: ['deputy', 'staff'], milestone: 'mergedAt', noteRequired: true },
  // 部门签收、办理、销单
  { from: 'dispatched', event: 'acknowledge', to: 'in_progress', roles: DEPT, milestone: 'acknowledgedAt' },
  { from: 'dispatched', event: 'send_back', to: 'escalated', roles: DEPT, milestone: 'sentBackAt', noteRequired: true },
  { from: 'dispatched', event: 'request_extension', to: 'dispatched', roles: DEPT, milestone: 'extensionRequestedAt', noteRequired: true },
  { from: 'dispatched', event: 'decide_extension', to: 'dispatched', roles: S, milestone: 'extensionDecidedAt' },
  { from: 'dispatched', event: 'supervise', to: 'dispatched', roles: S, milestone: 'lastSupervisedAt', noteRequired: true },
  { from: 'in_progress', event: 'progress', to: 'in_progress', roles: DEPT, milestone: 'lastProgressAt', noteRequired: true },
  { from: 'in_progress', event: 'request_extension', to: 'in_progress', roles: DEPT, milestone: 'extensionRequestedAt', noteRequired: true },
  { from: 'in_progress', event: 'decide_extension', to: 'in_progress', roles: S, milestone: 'extensionDecidedAt' },
  { from: 'in_progress', event: 'supervise', to: 'in_progress', roles: S, milestone: 'lastSupervisedAt', noteRequired: true },
  { from: 'in_progress', event: 'resolve', to: 'resolved', roles: DEPT, milestone: 'resolvedAt', noteRequired: true },
  // 群众验单（部门销单后）
  { from: 'resolved', event: 'verify', to: 'verified', roles: ['resident', 'supervisor'], milestone: 'verifiedAt' },
  { from: 'resolved', event: 'reopen', to: 'dispatched', roles: ['resident', 'supervisor', 'staff'], milestone: 'reopenedAt', noteRequired: true, reopen: true },
  { from: 'resolved', event: 'auto_verify', to: 'verified', roles: ['system'], milestone: 'verifiedAt' },
  { from: 'resolved', event: 'deputy_rate', to: 'resolved', roles: D, milestone: 'deputyRatedAt' },
  // 群众验单（代表即时答复后）
  { from: 'answered', event: 'verify', to: 'verified', roles: ['resident', 'supervisor'], milestone: 'verifiedAt' },
  { from: 'answered', event: 'reopen', to: 'accepted', roles: ['resident', 'supervisor', 'staff'], milestone: 'reopenedAt', noteRequired: true, reopen: true },
  { from: 'answered', event: 'auto_verify', to: 'verified', roles: ['system'], milestone: 'verifiedAt' },
  // 已验单后代表仍可补评
  { from: 'verified', event: 'deputy_rate', to: 'verified', roles: D, milestone: 'deputyRatedAt' },
  // 代表离任（换届）: the county admin names who takes over 首问负责 of each open item the deputy owns
  ...HANDOVER_STATES.map((s): TransitionRule => ({ from: s, event: 'handover', to: s, roles: ['admin'], noteRequired: true })),
]

export interface TransitionContext {
  /** How many times the item has been reopened already (checked against MAX_REOPENS). Default 0. */
  reopenCount?: number
  /** The item arrived on a 交办单 from a reception visit, so staff may dispatch it without a deputy's escalation. */
  viaAssignmentForm?: boolean
  /** 内容审核: `held` text waits for staff to release it. Absent: not held. */
  moderation?: ModerationStatus
  /**
   * The item's extension request. Absent (undefined): not asked about — the extension guards hold;
   * the runner always passes the document's value (null: none).
   */
  extension?: { status: ExtensionStatus } | null
}

export type TransitionFailureCode = 'invalid_transition' | 'forbidden' | 'reopen_limit'

export type TransitionDecision =
  | {
      ok: true
      to: SuggestionState
      milestone?: Milestone
      /** The item enters a final state with this event: stamp `closedAt` too. */
      closes: boolean
      /** This event counts as one more reopen. */
      reopen: boolean
      rule: TransitionRule
    }
  | { ok: false; code: TransitionFailureCode; message: string }

const eventLabel = (e: string) => (ITEM_EVENT_LABELS as Record<string, string>)[e] ?? e

/** The rule for (from, event), if that event ever applies from that state. */
export function ruleFor(from: SuggestionState, event: SuggestionEvent): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from === from && r.event === event)
}

export function isFinalState(state: SuggestionState): boolean {
  return FINAL_STATES.includes(state)
}

// ---- the item's lifecycle table (./lifecycle.ts): the rows above with their guards, and 放行 ---

/**
 * Events of the item's lifecycle: the loop's events and 内容审核放行 (`release`), which changes no
 * state: it lets held text reach the deputies, from whatever state the item is in.
 */
export const ITEM_EVENTS = [...SUGGESTION_EVENTS, 'release'] as const
export type ItemEvent = (typeof ITEM_EVENTS)[number]
export const ITEM_EVENT_LABELS: Record<ItemEvent, string> = { ...EVENT_LABELS, release: '审核放行' }

/** Conditions on the item a row may carry (guards of the lifecycle table). */
export type ItemGuard = 'assignment_form' | 'reopens_left' | 'extension_pending' | 'no_extension_pending' | 'moderation_held'

export const ITEM_GUARDS: Record<ItemGuard, GuardDef<TransitionContext>> = {
  assignment_form: {
    phase: 'applies',
    label: '仅限交办单事项',
    holds: (f) => f.viaAssignmentForm === true,
    refusal: (_f, now) => ({ code: 'invalid_transition', message: `${now}，尚未经代表接单并提交人大，不能${eventLabel('dispatch')}（代表接待日交办单事项除外）` }),
  },
  reopens_left: {
    phase: 'allows',
    label: `最多${MAX_REOPENS}次`,
    holds: (f) => (f.reopenCount ?? 0) < MAX_REOPENS,
    refusal: (f) => ({
      code: 'reopen_limit',
      message: `该事项已重新办理${f.reopenCount ?? 0}次，达到上限${MAX_REOPENS}次，不能再次重新办理`,
    }),
  },
  extension_pending: {
    phase: 'allows',
    label: '须有待审批的延期申请',
    holds: (f) => f.extension === undefined || f.extension?.status === 'pending',
    refusal: () => ({ code: 'invalid_transition', message: '没有待审批的延期申请' }),
  },
  no_extension_pending: {
    phase: 'allows',
    label: '没有待审批的延期申请时',
    holds: (f) => f.extension === undefined || f.extension?.status !== 'pending',
    refusal: () => ({ code: 'invalid_transition', message: '已有一份待审批的延期申请，请等待审批结果' }),
  },
  moderation_held: {
    phase: 'applies',
    label: '仅限待审核的内容',
    holds: (f) => f.moderation === 'held',
    refusal: () => ({ code: 'invalid_transition', message: '该事项无需审核' }),
  },
}

/** One row of the item's lifecycle: a rule of TRANSITIONS (or 放行) with its guards. */
export type ItemRow = LifecycleRow<SuggestionState, ItemEvent, ActorRole, ItemGuard> & {
  readonly milestone?: Milestone
  readonly reopen?: boolean
}

const guardsOf = (r: TransitionRule): ItemGuard[] => [
  ...(r.condition === 'assignment_form' ? (['assignment_form'] as const) : []),
  ...(r.reopen ? (['reopens_left'] as const) : []),
  ...(r.event === 'decide_extension' ? (['extension_pending'] as const) : []),
  ...(r.event === 'request_extension' ? (['no_extension_pending'] as const) : []),
]

/** 放行: staff, from every state (the text stays held whatever was done meanwhile), state unchanged. */
const RELEASE_ROWS: ItemRow[] = SUGGESTION_STATES.map((s) => ({ from: s, event: 'release', to: s, roles: S, guards: ['moderation_held'] }))

/** THE item table of the kernel: every row of TRANSITIONS (same order) with its guards, then 放行. */
export const ITEM_LIFECYCLE = defineLifecycle<SuggestionState, ItemEvent, ActorRole, TransitionContext, ItemGuard>({
  name: '事项',
  states: SUGGESTION_STATES,
  events: ITEM_EVENTS,
  roles: ACTOR_ROLES,
  finalStates: FINAL_STATES,
  stateLabels: STATE_LABELS,
  eventLabels: ITEM_EVENT_LABELS,
  roleLabels: ACTOR_ROLE_LABELS,
  guards: ITEM_GUARDS,
  rows: [
    ...TRANSITIONS.map((r): ItemRow => {
      const guards = guardsOf(r)
      return { ...r, ...(guards.length ? { guards } : {}) }
    }),
    ...RELEASE_ROWS,
  ],
})

/**
 * Decide one transition (the item table of the kernel). Order of checks: does the event apply
 * from this state at all (invalid_transition) → may this role do it (forbidden) → is the reopen
 * bound left (reopen_limit) / is there an extension to decide.
 */
export function decideTransition(
  from: SuggestionState,
  event: SuggestionEvent,
  role: ActorRole,
  ctx: TransitionContext = {},
): TransitionDecision {
  const d = decide(ITEM_LIFECYCLE, from, event, role, ctx)
  if (!d.ok) return { ok: false, code: d.code as TransitionFailureCode, message: d.message }
  const rule = ruleFor(from, event)!
  return {
    ok: true,
    to: d.to,
    ...(rule.milestone ? { milestone: rule.milestone } : {}),
    closes: d.closes,
    reopen: rule.reopen === true,
    rule,
  }
}

/** Events this role may take now (for showing buttons); a subset of what permissions then scope. */
export function availableEvents(from: SuggestionState, role: ActorRole, ctx: TransitionContext = {}): SuggestionEvent[] {
  return SUGGESTION_EVENTS.filter((e) => decideTransition(from, e, role, ctx).ok)
}

/**
 * What the resident's own rating leads to: 满意/基本满意 close the item (verify); 不满意 sends it
 * back for re-handling while reopens are left, and after that closes it with the 不满意 rating recorded.
 */
export function residentRatingEvent(rating: Rating, reopenCount: number): 'verify' | 'reopen' {
  return rating === 'unsatisfied' && reopenCount < MAX_REOPENS ? 'reopen' : 'verify'
}

export function isSatisfied(rating: Rating): boolean {
  return rating === 'satisfied' || rating === 'basically_satisfied'
}

/** The table as markdown, exactly as docs/states.md shows it. */
export function transitionTableMarkdown(): string {
  const lines = [
    '| 从（状态） | 事件 | 到（状态） | 谁可以 | 记录时间 | 附加要求 |',
    '|---|---|---|---|---|---|',
  ]
  for (const r of TRANSITIONS) {
    const extra: string[] = []
    if (r.noteRequired) extra.push('须填写说明')
    if (r.condition === 'assignment_form') extra.push('仅限交办单事项')
    if (r.reopen) extra.push(`最多${MAX_REOPENS}次`)
    lines.push(
      `| ${STATE_LABELS[r.from]} \`${r.from}\` | ${EVENT_LABELS[r.event]} \`${r.event}\` | ${STATE_LABELS[r.to]} \`${r.to}\` | ${r.roles
        .map((x) => ACTOR_ROLE_LABELS[x])
        .join('、')} | ${r.milestone ? `\`${r.milestone}\`` : '—'} | ${extra.join('；') || '—'} |`,
    )
  }
  return lines.join('\n')
}
