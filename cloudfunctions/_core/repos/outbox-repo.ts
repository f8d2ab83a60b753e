import type { Page, Store, Write } from '../store/port'
import type { OutboxDoc } from '../model'

export type OutboxMessage = Pick<OutboxDoc, '_id' | 'toOpenid' | 'kind' | 'title' | 'body' | 'page'>

const queuedDoc = (m: OutboxMessage, at: string): OutboxDoc => ({ ...m, status: 'queued', attempts: 0, lastError: null, createdAt: at, sentAt: null })

export function outboxRepo(store: Store) {
  const outbox = store.collection<OutboxDoc>('outbox')
  return {
    /** Queues once per key; a second enqueue of the same key is a no-op (returns false). */
    enqueue: (m: OutboxMessage, at: string) => outbox.insert(queuedDoc(m, at)),
    /** The same, as one write of the transaction of the change that causes the message. */
    enqueueWrite: (m: OutboxMessage, at: string): Write => ({ op: 'insert', collection: 'outbox', doc: queuedDoc(m, at), ifExists: 'skip' }),
    /** Kept, never sent: no credit to send it with (one insert, so no run can take it in between). */
    enqueueNoCredit: (m: OutboxMessage, at: string, error: string) => outbox.insert({ ...queuedDoc(m, at), status: 'no_credit', attempts: 1, lastError: error }),
    get: (id: string) => outbox.get(id),
    queued(limit: number): Promise<Page<OutboxDoc>> {
      return outbox.find({ where: { status: 'queued' }, orderBy: { field: 'createdAt', direction: 'asc' }, limit })
    },
    forRecipient(openid: string, limit: number, cursor?: string | null): Promise<Page<OutboxDoc>> {
      return outbox.find({ where: { toOpenid: openid }, orderBy: { field: 'createdAt', direction: 'desc' }, limit, cursor })
    },
    /** Takes a queued message for this run: false when another run took it first. */
    lease: (doc: OutboxDoc, until: string) => outbox.updateIf(doc._id, { status: 'queued' }, { status: 'sending', leaseUntil: until }),
    markSent: (doc: OutboxDoc, at: string) =>
      outbox.updateIf(doc._id, { status: 'sending' }, { status: 'sent', sentAt: at, attempts: doc.attempts + 1, leaseUntil: null }),
    markFailed: (doc: OutboxDoc, status: 'failed' | 'no_credit', error: string) =>
      outbox.updateIf(doc._id, { status: 'sending' }, { status, lastError: error, attempts: doc.attempts + 1, leaseUntil: null }),
    /** Messages whose run ended without recording WeChat's answer (oldest first). */
    async expiredLeases(now: string, limit: number): Promise<OutboxDoc[]> {
      const page = await outbox.find({ where: { status: 'sending' }, orderBy: { field: 'createdAt', direction: 'asc' }, limit })
      return page.items.filter((d) => (d.leaseUntil ?? '') < now)
    },
    markUnknown: (doc: OutboxDoc) =>
      outbox.updateIf(doc._id, { status: 'sending', leaseUntil: doc.leaseUntil ?? null }, { status: 'unknown', lastError: '发送中断，微信是否送达未知，不再重发', leaseUntil: null }),
  }
}
