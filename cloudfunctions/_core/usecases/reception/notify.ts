import type { Deps } from '../../ports'
import { outboxRepo, type OutboxMessage } from '../../repos/outbox-repo'
import { subscriptionRepo } from '../../repos/subscription-repo'

export const NO_CREDIT_ERROR = '没有订阅额度：请在小程序中点击“订阅接待提醒”后重新订阅'

export type QueueOutcome = 'queued' | 'no_credit' | 'exists'

/**
 * Queues one subscribe message once per key (`_id`), spending one of the recipient's credits for
 * that template. Without a credit the row is kept with status `no_credit` (never attempted, never
 * retried) and the recipient is marked as needing to subscribe again.
 */
export async function queueWithCredit(deps: Deps, message: OutboxMessage, at: string): Promise<QueueOutcome> {
  const outbox = outboxRepo(deps.store)
  if (await outbox.get(message._id)) return 'exists'
  const subs = subscriptionRepo(deps.store)
  const credit = await subs.consume(message.toOpenid, message.kind)
  if (credit !== 'none') {
    if (await outbox.enqueue(message, at)) return 'queued'
    // another run queued the same key in between: give the credit back
    if (credit === 'credit') await subs.refund(message.toOpenid, message.kind)
    return 'exists'
  }
  if (!(await outbox.enqueue(message, at))) return 'exists'
  const row = await outbox.get(message._id)
  if (row) await outbox.markFailed(row, 'no_credit', NO_CREDIT_ERROR)
  await subs.markNoCredit(message.toOpenid, message.kind, at)
  return 'no_credit'
}
