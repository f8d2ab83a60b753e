/**
 * The one lifecycle runner. Every step of every record that has a state goes through here:
 *
 *   load what the actor may see (else `not_found`, never revealing that it exists)
 *   → authorize with the record's permission table (shared/domain/permission-table.ts)
 *   → decide with its lifecycle table (shared/domain/lifecycle.ts: state, role, guards, note)
 *   → ONE `Store.commit`: the record (guarded by its version or its state, `updateIf`) with its
 *     history entry inside, and whatever the step adds (outbox messages, counters, attendance).
 *
 * All or nothing: a guard that no longer holds makes the commit miss (`conflict`, nothing
 * written); a failing write throws (nothing written either). The five-order item runs its steps
 * through `commitStep` too (usecases/suggestion/run-transition.ts adds its milestones, counters
 * and messages); reception sessions, visit records, problems, callbacks and invitations use
 * `runLifecycle` with a record description from ./lifecycle-records.ts.
 */
import { decide, type Lifecycle, type LifecycleHistoryEntry, type LifecycleRow } from '@shared/domain/lifecycle'
import { authorizeIn, seesIn, type PermissionTable } from '@shared/domain/permission-table'
import { ROLE_LABELS, type Actor, type Role, type RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../ports'
import type { Doc, Scalar, Write } from '../store/port'

/** Who takes the step: a binding the permission table granted, or the system (a timer). */
export interface Acting<R extends string = string> {
  role: R
  /** null when the system acts. */
  binding: RoleBinding | null
  openid: string | null
  /** As the history shows it: an official's display name or role, never a visitor's or resident's name. */
  name: string
}

export interface StepContext<S extends string, E extends string, R extends string> {
  at: string
  now: Date
  acting: Acting<R>
  event: E
  from: S
  to: S
  row: LifecycleRow<S, E, R, string>
  /** The record enters a final state with this step. */
  closes: boolean
  note: string | null
}

/** How the runner reads and writes one kind of record. */
export interface LifecycleRecord<D extends Doc, S extends string, E extends string, R extends string, F> {
  table: Lifecycle<S, E, R, F, string>
  stateOf(doc: D): S
  /** What the table's guards look at, read from the document (a step may pass its own). */
  factsOf(doc: D, now: Date): F
  /** The document after the step: its own `changes`, the new state, the history entry, version and time. */
  next(doc: D, changes: Partial<D>, ctx: StepContext<S, E, R>): D
  /** The guarded write of `next` over `doc` (a miss undoes the commit). */
  write(next: D, doc: D): Write
  /** What a miss says; absent: the `conflict` code's own text. */
  conflict?: string
}

export interface Step<D extends Doc, S extends string, E extends string, R extends string, F> {
  event: E
  note?: string | null
  /** Facts the use case read beforehand (e.g. a record's live 办理结果); default: the record's `factsOf`. */
  facts?: F
  /** Field changes beyond state and history; may throw AppError to refuse. */
  change?: (doc: D, ctx: StepContext<S, E, R>) => Partial<D> | Promise<Partial<D>>
  /** More writes of the same transaction: outbox messages, counters, attendance … */
  writes?: (next: D, doc: D, ctx: StepContext<S, E, R>) => Write[] | Promise<Write[]>
  /** Instead of `conflict` when the commit misses (e.g. a spent invitation). */
  onConflict?: () => AppError
}

/** Decide the step with the record's table and commit it with everything it causes, or nothing. */
export async function commitStep<D extends Doc, S extends string, E extends string, R extends string, F>(
  deps: Deps,
  record: LifecycleRecord<D, S, E, R, F>,
  doc: D,
  step: Step<D, S, E, R, F>,
  acting: Acting<R>,
): Promise<D> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const from = record.stateOf(doc)
  const decision = decide(record.table, from, step.event, acting.role, step.facts ?? record.factsOf(doc, now))
  if (!decision.ok) throw new AppError(decision.code, decision.message, decision.field)
  if (decision.row.noteRequired && !step.note?.trim()) {
    throw new AppError('validation_failed', `${record.table.eventLabels[step.event]}须填写说明`, 'note')
  }
  const ctx: StepContext<S, E, R> = {
    at,
    now,
    acting,
    event: step.event,
    from,
    to: decision.to,
    row: decision.row,
    closes: decision.closes,
    note: step.note ?? null,
  }
  const changes = step.change ? await step.change(doc, ctx) : {}
  const next = record.next(doc, changes, ctx)
  const writes = [record.write(next, doc), ...(step.writes ? await step.writes(next, doc, ctx) : [])]
  if (!(await deps.store.commit(writes))) throw step.onConflict?.() ?? new AppError('conflict', record.conflict)
  return next
}

export interface Permitted<A extends string, T> {
  permissions: PermissionTable<A, T>
  /** The permission asked; default: the event of the same name. */
  action?: A
  /** Act only as this role (release: staff, whatever else the actor is). */
  asRole?: Role
  scope: T
}

/**
 * The whole path for a person: the record as loaded (null: not there) → not_found unless the
 * actor sees it → the permission → `commitStep`. `nameOf` says how the history names the actor.
 */
export async function runLifecycle<D extends Doc, S extends string, E extends string, F, A extends string, T>(
  deps: Deps,
  actor: Actor,
  record: LifecycleRecord<D, S, E, Role, F>,
  doc: D | null,
  permitted: Omit<Permitted<A, T>, 'scope'> & { scopeOf: (doc: D) => T },
  step: Step<D, S, E, Role, F>,
  nameOf: (actor: Actor, binding: RoleBinding) => string = defaultName,
): Promise<D> {
  const { permissions } = permitted
  if (!doc) throw new AppError('not_found', permissions.notFound)
  const scope = permitted.scopeOf(doc)
  if (!seesIn(permissions, actor, scope)) throw new AppError('not_found', permissions.notFound)
  const auth = authorizeIn(permissions, actor, (permitted.action ?? step.event) as unknown as A, scope, { role: permitted.asRole })
  if (!auth.allowed) throw new AppError(auth.code, auth.message)
  return commitStep(deps, record, doc, step, { role: auth.binding.role, binding: auth.binding, openid: actor.openid, name: nameOf(actor, auth.binding) })
}

/** An official as the history names them: their display name, else their role. */
export const defaultName = (actor: Actor, binding: RoleBinding) => actor.displayName ?? ROLE_LABELS[binding.role]

// ---- records with a status field, a history array and (mostly) a version ------------------

/** A record as the generic description below writes it. */
export type WithHistory = Doc & { history?: LifecycleHistoryEntry[] }

/**
 * The usual record: its state in one field, a `history` array inside the document (the same
 * entry shape as items' history: at, event, from, to, role, actorName, note), a `version` bumped
 * on every step when it has one, `updatedAt` stamped when it has one; the write is guarded by the
 * version, or by the state when the record has no version.
 */
export function statusRecord<D extends WithHistory, S extends string, E extends string, F>(opts: {
  collection: string
  table: Lifecycle<S, E, Role, F, string>
  stateOf: (doc: D) => S
  /** The fields that say the new state (`{ status: to }`). */
  stateFields: (to: S, ctx: StepContext<S, E, Role>) => Partial<D>
  factsOf?: (doc: D, now: Date) => F
  /** The fields the write is guarded by; default `{ version }`. */
  expect?: (doc: D) => Record<string, Scalar>
  conflict?: string
}): LifecycleRecord<D, S, E, Role, F> {
  return {
    table: opts.table,
    stateOf: opts.stateOf,
    factsOf: (doc, now) => (opts.factsOf ? opts.factsOf(doc, now) : ({} as F)),
    next(doc, changes, ctx) {
      const entry: LifecycleHistoryEntry = {
        at: ctx.at,
        event: ctx.event,
        from: ctx.from,
        to: ctx.to,
        role: ctx.acting.role,
        actorName: ctx.acting.name,
        note: ctx.note,
      }
      const versioned = typeof (doc as { version?: unknown }).version === 'number'
      const stamped = 'updatedAt' in doc
      return {
        ...doc,
        ...changes,
        ...opts.stateFields(ctx.to, ctx),
        history: [...(doc.history ?? []), entry],
        ...(versioned ? { version: (doc as unknown as { version: number }).version + 1 } : {}),
        ...(stamped ? { updatedAt: ctx.at } : {}),
      }
    },
    write(next, doc) {
      const { _id, ...set } = next
      const expect = opts.expect ? opts.expect(doc) : { version: (doc as unknown as { version: number }).version }
      return { op: 'updateIf', collection: opts.collection, id: _id, expect, set }
    },
    ...(opts.conflict ? { conflict: opts.conflict } : {}),
  }
}
