import { authorize, type ItemAction } from '@shared/domain/permissions'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import { ROLE_LABELS } from '@shared/domain/roles'
import { EVENT_LABELS, decideTransition, type ActorRole, type SuggestionEvent } from '@shared/domain/transitions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import { followRepo } from '../../repos/follow-repo'
import { suggestionRepo } from '../../repos/suggestion-repo'
import { itemScope } from '../../views/item-scope'
import { itemReading } from '../../views/detail-for'
import { historyName } from '../../views/suggestion-views'
import { transitionMessageWrites } from './notify-transition'
import { transitionWrites } from '../stats/record'

export interface TransitionContext {
  at: string
  now: Date
  /** null when the system (a timer) acts. */
  binding: RoleBinding | null
  actorName: string
}

export interface TransitionSpec {
  event: SuggestionEvent
  note?: string | null
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
  const doc = await suggestionRepo(deps.store).get(id)
  if (!doc) throw new AppError('not_found')
  const following = await followRepo(deps.store).isFollowing(id, actor.openid)
  const view = authorize(actor, 'view_item', itemScope(doc, following ? [actor.openid] : []))
  if (!view.allowed) throw new AppError('not_found')
  return { doc, following }
}

/**
 * Every step of the loop goes through here: permission (scoped to this item) → the transition
 * table (state and role) → one transaction: the item (guarded by its version, history inside),
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
    throw new AppError('conflict', `该事项刚刚已由${who}${EVENT_LABELS[spec.event]}，请刷新后查看`)
  }
  const auth = authorize(actor, spec.event as ItemAction, itemScope(doc, following ? [actor.openid] : []))
  if (!auth.allowed) throw new AppError(auth.code)
  return commitTransition(deps, doc, spec, {
    role: auth.binding.role,
    binding: auth.binding,
    openid: actor.openid,
    name: actorNameFor(actor, auth.binding, doc),
  })
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

async function commitTransition(deps: Deps, doc: SuggestionDoc, spec: TransitionSpec, as: ActingAs): Promise<SuggestionDoc> {
  const decision = decideTransition(doc.state, spec.event, as.role, {
    reopenCount: doc.reopenCount,
    viaAssignmentForm: doc.viaAssignmentForm,
  })
  if (!decision.ok) throw new AppError(decision.code, decision.message)
  if (decision.rule.noteRequired && !spec.note?.trim()) {
    throw new AppError('validation_failed', `${EVENT_LABELS[spec.event]}须填写说明`, 'note')
  }

  const now = deps.clock.now()
  const at = now.toISOString()
  const changes = spec.change ? await spec.change(doc, { at, now, binding: as.binding, actorName: as.name }) : {}
  const milestones = { ...doc.milestones }
  if (decision.milestone) milestones[decision.milestone] = at
  if (decision.closes) milestones.closedAt = at
  const next: SuggestionDoc = {
    ...doc,
    ...changes,
    state: decision.to,
    version: doc.version + 1,
    reopenCount: doc.reopenCount + (decision.reopen ? 1 : 0),
    milestones,
    history: [
      ...doc.history,
      { at, event: spec.event, from: doc.state, to: decision.to, actorOpenid: as.openid, actorName: as.name, role: as.role, note: spec.note ?? null },
    ],
    updatedAt: at,
  }
  const writes = [
    suggestionRepo(deps.store).replaceIfVersionWrite(next, doc.version),
    ...(await transitionWrites(deps, doc, next)),
    ...(await transitionMessageWrites(deps, next, as.openid)),
  ]
  if (!(await deps.store.commit(writes))) throw new AppError('conflict')
  return next
}
