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
    get: (id: string) => outbox.get(id),
    queued(limit: number): Promise<Page<OutboxDoc>> {
      return outbox.find({ where: { status: 'queued' }, orderBy: { field: 'createdAt', direction: 'asc' }, limit })
    },
    forRecipient(openid: string, limit: number, cursor?: string | null): Promise<Page<OutboxDoc>> {
      return outbox.find({ where: { toOpenid: openid }, orderBy: { field: 'createdAt', direction: 'desc' }, limit, cursor })
    },
    markSent: (doc: OutboxDoc, at: string) =>
      outbox.updateIf(doc._id, { status: 'queued' }, { status: 'sent', sentAt: at, attempts: doc.attempts + 1 }),
    markFailed: (doc: OutboxDoc, status: 'failed' | 'no_credit', error: string) =>
      outbox.updateIf(doc._id, { status: 'queued' }, { status, lastError: error, attempts: doc.attempts + 1 }),
  }
}
