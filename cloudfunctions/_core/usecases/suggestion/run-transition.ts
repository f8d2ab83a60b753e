import { authorize, type ItemAction } from '@shared/domain/permissions'
import { ROLE_LABELS, type Actor, type Role, type RoleBinding } from '@shared/domain/roles'
import { ITEM_EVENT_LABELS, ITEM_LIFECYCLE, type ActorRole, type ItemEvent, type ItemRow, type TransitionContext as ItemFacts } from '@shared/domain/transitions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import { itemScope } from '../../views/item-scope'
import { itemReading } from '../../views/detail-for'
import { historyName } from '../../views/suggestion-views'
import { transitionMessageWrites } from './notify-transition'
import { transitionWrites } from '../stats/record'
import { commitStep, type LifecycleRecord } from '../../runtime/run-lifecycle'

export interface TransitionContext {
  at: string
  now: Date
  /** null when the system (a timer) acts. */
  binding: RoleBinding | null
  actorName: string
}

export interface TransitionSpec {
  event: ItemEvent
  note?: string | null
  /** The permission asked; default the event of the same name (放行 asks 督办's). */
  permission?: ItemAction
  /** Act only as this role (放行: staff, whatever else the actor is). */
  asRole?: Role
  /** Field changes beyond state, milestone and history; may throw AppError to refuse. */
  change?: (doc: SuggestionDoc, ctx: TransitionContext) => Partial<SuggestionDoc> | Promise<Partial<SuggestionDoc>>
}

/** How the history names the person who acted (the resident's own name only on their own item). */
export function actorNameFor(actor: Actor, binding: RoleBinding, doc: SuggestionDoc): string {
  if (binding.role === 'resident') {
    if (doc.submitterOpenid !== actor.openid) return '关注群众'
    return doc.anonymous ? '匿名群众' : (doc.contactName ?? '群众')
  }
  return actor.displayName ?? ROLE_LABELS[binding.role]
}

/** Loads an item the actor may view, or fails with not_found (never revealing that it exists). */
export async function loadVisible(deps: Deps, actor: Actor, id: string): Promise<{ doc: SuggestionDoc; following: boolean }> {
  const doc = await deps.repos.suggestions.get(id)
  if (!doc) throw new AppError('not_found')
  const following = await deps.repos.follows.isFollowing(id, actor.openid)
  const view = authorize(actor, 'view_item', itemScope(doc, following ? [actor.openid] : []))
  if (!view.allowed) throw new AppError('not_found')
  return { doc, following }
}

/**
 * Every step of the loop (and 放行) goes through here: permission (scoped to this item) → the
 * item's lifecycle table (ITEM_LIFECYCLE: state, role, guards; decided and committed by the one
 * runner, runtime/run-lifecycle.ts `commitStep`) → one transaction: the item (guarded by its version, history inside),
 * its statistics counters and ledger entry, and its outbox messages — all of them or none.
 * A concurrent change makes the commit miss, and the caller gets `conflict`, never a lost update.
 */
export async function runTransition(deps: Deps, actor: Actor, id: string, spec: TransitionSpec): Promise<SuggestionDoc> {
  const { doc, following } = await loadVisible(deps, actor, id)
  const last = doc.history[doc.history.length - 1]
  if (last && last.event === spec.event && last.from !== last.to) {
    // The same step was just taken (a race, or a double tap): say who took it, not "not allowed",
    // named as this caller may see that name (a resident's name is not every reader's to see).
    const who = historyName(last, doc, itemReading(actor, doc, following).levels)
    throw new AppError('conflict', `该事项刚刚已由${who}${ITEM_EVENT_LABELS[spec.event]}，请刷新后查看`)
  }
  const auth = authorize(actor, spec.permission ?? (spec.event as ItemAction), itemScope(doc, following ? [actor.openid] : []), spec.asRole ? { role: spec.asRole } : {})
  if (!auth.allowed) throw new AppError(auth.code)
  return commitTransition(deps, doc, spec, {
    role: auth.binding.role,
    binding: auth.binding,
    openid: actor.openid,
    name: actorNameFor(actor, auth.binding, doc),
  })
}

/**
 * 代表离任: the county's admin hands 首问负责 of one item over to a successor. Admins do not read
 * items, so there is no view check: the permission table's `handover` row (own county, an owned
 * item) is the whole rule; the item's table allows it in the open states only.
 */
export async function runHandover(deps: Deps, actor: Actor, doc: SuggestionDoc, to: { code: string; name: string }, note: string): Promise<SuggestionDoc> {
  const auth = authorize(actor, 'handover', itemScope(doc, []), { role: 'admin' })
  if (!auth.allowed) throw new AppError(auth.code)
  return commitTransition(
    deps,
    doc,
    { event: 'handover', note, change: () => ({ ownerDeputyCode: to.code, ownerDeputyName: to.name }) },
    { role: 'admin', binding: auth.binding, openid: actor.openid, name: actor.displayName ?? ROLE_LABELS.admin },
  )
}

/** The timers' way in: the system acts on an item it has loaded itself (auto-verify). */
export function runSystemTransition(deps: Deps, doc: SuggestionDoc, spec: TransitionSpec): Promise<SuggestionDoc> {
  return commitTransition(deps, doc, spec, { role: 'system', binding: null, openid: null, name: '系统' })
}

interface ActingAs {
  role: ActorRole
  binding: RoleBinding | null
  openid: string | null
  name: string
}

/**
 * The item as the lifecycle runner (runtime/run-lifecycle.ts) writes it: state and the row's
 * milestone, `closedAt` when it closes, one more reopen when the row counts one, the history
 * entry (with the actor's OPENID), guarded by the version.
 */
function itemRecord(deps: Deps): LifecycleRecord<SuggestionDoc, SuggestionDoc['state'], ItemEvent, ActorRole, ItemFacts> {
  return {
    table: ITEM_LIFECYCLE,
    stateOf: (doc) => doc.state,
    factsOf: (doc) => ({ reopenCount: doc.reopenCount, viaAssignmentForm: doc.viaAssignmentForm, moderation: doc.moderation, extension: doc.extension }),
    next(doc, changes, ctx) {
      const row = ctx.row as ItemRow
      const milestones = { ...doc.milestones }
      if (row.milestone) milestones[row.milestone] = ctx.at
      if (ctx.closes) milestones.closedAt = ctx.at
      return {
        ...doc,
        ...changes,
        state: ctx.to,
        version: doc.version + 1,
        reopenCount: doc.reopenCount + (row.reopen ? 1 : 0),
        milestones,
        history: [
          ...doc.history,
          { at: ctx.at, event: ctx.event, from: ctx.from, to: ctx.to, actorOpenid: ctx.acting.openid, actorName: ctx.acting.name, role: ctx.acting.role, note: ctx.note },
        ],
        updatedAt: ctx.at,
      }
    },
    write: (next, doc) => deps.repos.suggestions.replaceIfVersionWrite(next, doc.version),
  }
}

async function commitTransition(deps: Deps, doc: SuggestionDoc, spec: TransitionSpec, as: ActingAs): Promise<SuggestionDoc> {
  return commitStep(
    deps,
    itemRecord(deps),
    doc,
    {
      event: spec.event,
      note: spec.note,
      ...(spec.change ? { change: (current, ctx) => spec.change!(current, { at: ctx.at, now: ctx.now, binding: as.binding, actorName: as.name }) } : {}),
      // 放行 changes no state: it counts nothing and tells nobody (the deputies then see the item in their queue)
      writes: async (next, before) =>
        spec.event === 'release' ? [] : [...(await transitionWrites(deps, before, next)), ...(await transitionMessageWrites(deps, next, as.openid))],
    },
    { role: as.role, binding: as.binding, openid: as.openid, name: as.name },
  )
}
