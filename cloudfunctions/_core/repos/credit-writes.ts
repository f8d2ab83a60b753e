/**
 * Subscribe messages that spend a credit (订阅消息额度), as writes of the transaction of the change
 * that causes them (a cancelled session): the credit spent and the outbox row, or — without a
 * credit — the row kept as `no_credit` and the recipient marked as needing to subscribe again.
 * The same outcome as usecases/reception/notify.ts `queueWithCredit`, for a commit: the
 * subscription is read beforehand and its credit count guards the write (a credit spent
 * meanwhile makes the commit miss, and a retry reads again).
 */
import type { Write } from '../store/port'
import type { OutboxDoc, SubscriptionDoc } from '../model'
import type { OutboxMessage } from './outbox-repo'

export const subscriptionKey = (openid: string, kind: OutboxDoc['kind']) => `${openid}:${kind}`

/** The writes of one message to one recipient, given the recipient's subscription as read (null: none). */
export function creditedMessageWrites(sub: SubscriptionDoc | null, message: OutboxMessage, at: string, noCreditError: string): Write[] {
  const row = (status: OutboxDoc['status']): OutboxDoc => ({
    ...message,
    status,
    attempts: status === 'queued' ? 0 : 1,
    lastError: status === 'queued' ? null : noCreditError,
    createdAt: at,
    sentAt: null,
  })
  const outbox = (status: OutboxDoc['status']): Write => ({ op: 'insert', collection: 'outbox', doc: row(status), ifExists: 'skip' })
  if (sub?.longTerm) return [outbox('queued')]
  if (sub && sub.credits > 0) {
    return [{ op: 'updateIf', collection: 'subscriptions', id: sub._id, expect: { credits: sub.credits }, set: { credits: sub.credits - 1 } }, outbox('queued')]
  }
  const id = subscriptionKey(message.toOpenid, message.kind)
  const marked: Write = sub
    ? { op: 'updateIf', collection: 'subscriptions', id, expect: { credits: sub.credits }, set: { lastNoCreditAt: at, credits: 0 } }
    : {
        op: 'insert',
        collection: 'subscriptions',
        doc: { _id: id, openid: message.toOpenid, kind: message.kind, credits: 0, longTerm: false, lastAcceptedAt: null, lastNoCreditAt: at } satisfies SubscriptionDoc,
        ifExists: 'skip',
      }
  return [outbox('no_credit'), marked]
}
