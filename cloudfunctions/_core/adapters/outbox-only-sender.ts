import type { MessageSender } from '../ports'

/**
 * Local and self-hosted delivery: the outbox row itself is the message (pages in local mode show
 * it), so "sending" only marks it delivered. Not a stand-in for WeChat: it is the local channel.
 */
export const outboxOnlySender: MessageSender = {
  async send() {
    return { status: 'sent' }
  },
}
