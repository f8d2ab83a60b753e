import type { OutboxDoc } from '../model'

/** The subscribe-message template a message is sent with (one WeChat template id per kind). */
export type MessageKind = OutboxDoc['kind']

/** One message to one recipient, as the outbox stores it. */
export type ComposedMessage = Pick<OutboxDoc, '_id' | 'toOpenid' | 'kind' | 'title' | 'body' | 'page'>

/**
 * Who could hear of an item, read before the transaction (a transaction cannot query):
 * the acting person (never told of their own step), the owning deputy, the followers (the
 * submitter included) and the handling department's bound identities.
 */
export interface ItemAudience {
  actor: string | null
  ownerDeputy: string | null
  followers: string[]
  department: string[]
}

/**
 * One entry of the catalogue. `D` is what a use case names the message with, `A` what the
 * recipients rule picks from (read beforehand; the rule itself is pure).
 */
export interface MessageDef<D, A> {
  kind: MessageKind
  /** The recipients rule: who, of the audience, receives this message for these data. */
  recipients(data: D, audience: A): string[]
  /** The outbox key: derived from the cause and the recipient only, so a retry never queues twice. */
  id(data: D, toOpenid: string): string
  /** The mini-program page the message opens. */
  page(data: D): string
  title(data: D): string
  body(data: D): string
}

export function defineMessage<D, A>(def: MessageDef<D, A>): MessageDef<D, A> {
  return def
}

/** The message `def` says for `data`, to one recipient. */
export function compose<D>(def: MessageDef<D, never>, data: D, toOpenid: string): ComposedMessage {
  return { _id: def.id(data, toOpenid), toOpenid, kind: def.kind, title: def.title(data), body: def.body(data), page: def.page(data) }
}

/** The message to each recipient its rule picks from `audience`, in the rule's order. */
export function composeFor<D, A>(def: MessageDef<D, A>, data: D, audience: A): ComposedMessage[] {
  return def.recipients(data, audience).map((to) => compose(def as MessageDef<D, never>, data, to))
}
