import type { Deps } from '../../ports'
import type { ComposedMessage } from '../../messages'
import { creditedMessageWrites } from '../../repos/credit-writes'
import type { Write } from '../../store/port'

export const NO_CREDIT_ERROR = '没有订阅额度：请在小程序中点击“订阅接待提醒”后重新订阅'

export type QueueOutcome = 'queued' | 'no_credit' | 'exists'

/**
 * Queues one subscribe message (composed from the catalogue, ../../messages) once per key
 * (`_id`), spending one of the recipient's credits for that template. Without a credit the row is kept with status `no_credit` (never attempted, never
 * retried) and the recipient is marked as needing to subscribe again.
 */
export async function queueWithCredit(deps: Deps, message: ComposedMessage, at: string): Promise<QueueOutcome> {
  const { outbox, subscriptions: subs } = deps.repos
  if (await outbox.get(message._id)) return 'exists'
  const credit = await subs.consume(message.toOpenid, message.kind)
  if (credit !== 'none') {
    if (await outbox.enqueue(message, at)) return 'queued'
    // another run queued the same key in between: give the credit back
    if (credit === 'credit') await subs.refund(message.toOpenid, message.kind)
    return 'exists'
  }
  if (!(await outbox.enqueueNoCredit(message, at, NO_CREDIT_ERROR))) return 'exists'
  await subs.markNoCredit(message.toOpenid, message.kind, at)
  return 'no_credit'
}

/**
 * The same as `queueWithCredit` for several messages, as writes of the commit of their cause
 * (../../repos/credit-writes.ts): each recipient's subscription is read now, the credit spent and
 * the outbox row written in the transaction. Messages whose key is queued already are left out.
 */
export async function creditedWrites(deps: Deps, messages: ComposedMessage[], at: string): Promise<Write[]> {
  const { outbox, subscriptions } = deps.repos
  const writes: Write[] = []
  for (const m of messages) {
    if (await outbox.get(m._id)) continue
    writes.push(...creditedMessageWrites(await subscriptions.get(m.toOpenid, m.kind), m, at, NO_CREDIT_ERROR))
  }
  return writes
}
