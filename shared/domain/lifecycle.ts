/**
 * The lifecycle kernel: one table shape for every record that has a state (the five-order item,
 * reception sessions, visit records, problems, callbacks, invitations). A row says which event
 * moves a record from which state to which, by which roles, under which guards on the document
 * ("extension pending", "via assignment form", "reopen count below limit", "the session's day has
 * come"). `decide` is the one decision function; the runner (cloudfunctions/_core/runtime/run-lifecycle.ts)
 * asks it and writes the record, its history entry and its messages in one commit.
 *
 * Who may act on *this* record (scope) is the record's permission table (./permission-table.ts);
 * this module knows states, events, roles and the document's own facts only. Pure.
 */

import type { ErrorCode } from '../errors'

/** What a refusal says: a code of shared/errors, a Chinese message, and the field it is about. */
export interface Refusal {
  code: ErrorCode
  message: string
  field?: string
}

/**
 * A condition on the document. `applies` guards are checked before the role (the event does not
 * apply to this document at all: the assignment-form dispatch, the held release); `allows` guards
 * after it (the event applies, but this document may not take it now: the reopen limit).
 */
export interface GuardDef<F> {
  phase: 'applies' | 'allows'
  /** In words, for tables in the docs (“仅限交办单事项”). */
  label: string
  holds(facts: F): boolean
  /** `now` is “当前状态为「…」” of the record. */
  refusal(facts: F, now: string): Refusal
}

export interface LifecycleRow<S extends string, E extends string, R extends string, G extends string = never> {
  readonly from: S
  readonly event: E
  readonly to: S
  readonly roles: readonly R[]
  /** Every guard must hold. */
  readonly guards?: readonly G[]
  /** The event must carry a note: a reason, an answer, a reply. */
  readonly noteRequired?: boolean
}

export interface Lifecycle<S extends string, E extends string, R extends string, F = unknown, G extends string = string> {
  /** The record, in Chinese (“接待活动”). */
  readonly name: string
  readonly states: readonly S[]
  readonly events: readonly E[]
  readonly roles: readonly R[]
  readonly finalStates: readonly S[]
  readonly stateLabels: Record<S, string>
  /** Verbs, so that “不能{label}” reads as a sentence; also the history's event names. */
  readonly eventLabels: Record<E, string>
  readonly roleLabels: Record<R, string>
  readonly guards: Record<G, GuardDef<F>>
  readonly rows: readonly LifecycleRow<S, E, R, G>[]
  /**
   * The record's own words for an event that does not apply from a state (“该活动已经取消”);
   * undefined: the kernel's “当前状态为「…」，不能…”.
   */
  readonly notApplicable?: (from: S, event: E, facts: F) => string | undefined
}

export type LifecycleDecision<S extends string, E extends string, R extends string, G extends string> =
  | {
      ok: true
      to: S
      /** The record enters a final state with this event. */
      closes: boolean
      row: LifecycleRow<S, E, R, G>
    }
  | ({ ok: false } & Refusal)

/** Builds a table, checking that each (from, event) has at most one row. */
export function defineLifecycle<S extends string, E extends string, R extends string, F, G extends string>(
  def: Lifecycle<S, E, R, F, G>,
): Lifecycle<S, E, R, F, G> {
  const seen = new Set<string>()
  for (const r of def.rows) {
    const key = `${r.from}/${r.event}`
    if (seen.has(key)) throw new Error(`${def.name}: two rows for ${key}`)
    seen.add(key)
  }
  return def
}

const labelOf = (labels: Record<string, string>, key: string) => (Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key)

/** The row for (from, event), if the event ever applies from that state. */
export function rowFor<S extends string, E extends string, R extends string, F, G extends string>(
  table: Lifecycle<S, E, R, F, G>,
  from: S,
  event: E,
): LifecycleRow<S, E, R, G> | undefined {
  return table.rows.find((r) => r.from === from && r.event === event)
}

/**
 * Decide one event. Order of checks: does the event apply from this state at all
 * (invalid_transition, or the table's own words) → do the `applies` guards hold → may this role
 * take it (forbidden) → do the `allows` guards hold.
 */
export function decide<S extends string, E extends string, R extends string, F, G extends string>(
  table: Lifecycle<S, E, R, F, G>,
  from: S,
  event: E,
  role: R,
  facts: F,
): LifecycleDecision<S, E, R, G> {
  const now = `当前状态为「${labelOf(table.stateLabels, from)}」`
  const eventLabel = labelOf(table.eventLabels, event)
  const row = rowFor(table, from, event)
  if (!row) {
    const own = table.notApplicable?.(from, event, facts)
    return { ok: false, code: 'invalid_transition', message: own ?? `${now}，不能${eventLabel}` }
  }
  const failing = (phase: GuardDef<F>['phase']) =>
    (row.guards ?? []).map((g) => table.guards[g]).find((g) => g.phase === phase && !g.holds(facts))
  const notApplying = failing('applies')
  if (notApplying) return { ok: false, ...notApplying.refusal(facts, now) }
  if (!row.roles.includes(role)) {
    return { ok: false, code: 'forbidden', message: `${now}，${labelOf(table.roleLabels, role)}不能${eventLabel}` }
  }
  const notAllowed = failing('allows')
  if (notAllowed) return { ok: false, ...notAllowed.refusal(facts, now) }
  return { ok: true, to: row.to, closes: table.finalStates.includes(row.to) && !table.finalStates.includes(from), row }
}

/** Events this role may take now on a record with these facts (for buttons). */
export function availableIn<S extends string, E extends string, R extends string, F, G extends string>(
  table: Lifecycle<S, E, R, F, G>,
  from: S,
  role: R,
  facts: F,
): E[] {
  return table.events.filter((e) => decide(table, from, e, role, facts).ok)
}

/** The table as markdown: one line per row (for docs). */
export function lifecycleMarkdown<S extends string, E extends string, R extends string, F, G extends string>(table: Lifecycle<S, E, R, F, G>): string {
  const lines = ['| 从（状态） | 事件 | 到（状态） | 谁可以 | 附加要求 |', '|---|---|---|---|---|']
  for (const r of table.rows) {
    const extra = [...(r.noteRequired ? ['须填写说明'] : []), ...(r.guards ?? []).map((g) => table.guards[g].label)]
    lines.push(
      `| ${table.stateLabels[r.from]} \`${r.from}\` | ${table.eventLabels[r.event]} \`${r.event}\` | ${table.stateLabels[r.to]} \`${r.to}\` | ${r.roles
        .map((x) => table.roleLabels[x])
        .join('、')} | ${extra.join('；') || '—'} |`,
    )
  }
  return lines.join('\n')
}

/**
 * One entry of a record's history, the same shape for every record (items add from/to and the
 * actor's OPENID). `actorName` is the acting official's display name or role, never a
 * visitor's or resident's name or phone; `note` is the reason the actor gave.
 */
export interface LifecycleHistoryEntry<S extends string = string, E extends string = string, R extends string = string> {
  at: string
  event: E
  from: S
  to: S
  role: R
  actorName: string
  note: string | null
}
