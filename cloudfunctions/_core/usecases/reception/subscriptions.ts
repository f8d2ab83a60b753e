/**
 * Reminders people ask for: a resident's “提醒我” on a session, and the record of subscribe-message
 * accepts (wx.requestSubscribeMessage on a tap) that the reminders spend.
 */
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { hasEnded } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { receptionRepo } from '../../repos/reception-repo'
import { subscriptionRepo } from '../../repos/subscription-repo'
import { isPublicSession, sessionAccess } from './access'
import { sessionOrFail } from './view'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Out<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['output']>

/** 提醒我: the caller is reminded the day before (if they also granted a subscribe-message credit). */
export const subscribeSession: UseCase<In<'subscribeSession'>, Out<'subscribeSession'>> = async (deps, actor, { id }) => {
  const session = await sessionOrFail(deps, id)
  if (!isPublicSession(session) && sessionAccess(actor, session) === 'none') throw new AppError('not_found', '没有找到该接待活动')
  if (session.status !== 'planned' || hasEnded(session, deps.clock.now())) {
    throw new AppError('invalid_transition', session.status === 'cancelled' ? '该活动已取消' : '该活动已经结束')
  }
  await receptionRepo(deps.store).subscribe(session._id, actor.openid, deps.clock.now().toISOString())
  return { sessionId: session._id, subscribed: true }
}

/**
 * After wx.requestSubscribeMessage: one credit per accepted one-time template. `longTerm` marks
 * templates the mini-program may send without a credit (long-term subscription categories).
 */
export const recordSubscription: UseCase<In<'recordSubscription'>, Out<'recordSubscription'>> = async (deps, actor, input) => {
  const subs = subscriptionRepo(deps.store)
  const at = deps.clock.now().toISOString()
  const items: Out<'recordSubscription'>['items'] = []
  for (const kind of input.accepted) {
    const doc = await subs.accept(actor.openid, kind, at, input.longTerm)
    const i = items.findIndex((x) => x.kind === kind)
    const row = { kind, credits: doc.credits, longTerm: doc.longTerm }
    if (i >= 0) items[i] = row
    else items.push(row)
  }
  return { items }
}
