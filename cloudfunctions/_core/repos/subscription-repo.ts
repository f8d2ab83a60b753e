import type { Store } from '../store/port'
import type { OutboxDoc, SubscriptionDoc } from '../model'

type Kind = OutboxDoc['kind']
const keyOf = (openid: string, kind: Kind) => `${openid}:${kind}`

/**
 * Subscribe-message credits (订阅消息额度). WeChat gives one send per user accept of a one-time
 * template; this ledger mirrors that so a reminder without credit is recorded as `no_credit`
 * instead of being attempted, and the user is asked to subscribe again.
 */
export function subscriptionRepo(store: Store) {
  const subs = store.collection<SubscriptionDoc>('subscriptions')
  const blank = (openid: string, kind: Kind): Omit<SubscriptionDoc, '_id'> => ({
    openid,
    kind,
    credits: 0,
    longTerm: false,
    lastAcceptedAt: null,
    lastNoCreditAt: null,
  })
  return {
    get: (openid: string, kind: Kind) => subs.get(keyOf(openid, kind)),
    /** One accept of the template on a tap: one more credit (atomic add). */
    async accept(openid: string, kind: Kind, at: string, longTerm: boolean): Promise<SubscriptionDoc> {
      const id = keyOf(openid, kind)
      await subs.increment(id, { credits: 1 }, blank(openid, kind))
      const set: Partial<SubscriptionDoc> = longTerm ? { lastAcceptedAt: at, longTerm: true } : { lastAcceptedAt: at }
      await subs.updateIf(id, {}, set)
      return (await subs.get(id))!
    },
    /**
     * Uses one credit, compare-and-set so two timers never spend the same credit. Answers
     * `long_term` (no credit needed), `credit` (one used) or `none` (the user must subscribe again).
     */
    async consume(openid: string, kind: Kind): Promise<'long_term' | 'credit' | 'none'> {
      const id = keyOf(openid, kind)
      for (let attempt = 0; attempt < 5; attempt++) {
        const doc = await subs.get(id)
        if (!doc) return 'none'
        if (doc.longTerm) return 'long_term'
        if (doc.credits <= 0) return 'none'
        if (await subs.updateIf(id, { credits: doc.credits }, { credits: doc.credits - 1 })) return 'credit'
      }
      return 'none'
    },
    /** Gives back a credit taken for a message that turned out to be queued already. */
    refund: (openid: string, kind: Kind) => subs.increment(keyOf(openid, kind), { credits: 1 }, blank(openid, kind)),
    /** WeChat refused (43101): whatever we counted, the user has no credit left and must be asked again. */
    async markNoCredit(openid: string, kind: Kind, at: string): Promise<void> {
      const id = keyOf(openid, kind)
      await subs.increment(id, {}, blank(openid, kind))
      await subs.updateIf(id, {}, { lastNoCreditAt: at, credits: 0 })
    },
  }
}
