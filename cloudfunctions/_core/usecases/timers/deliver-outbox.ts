import type { Deps } from '../../ports'

const BATCH = 200

/** Sends what is queued. A refused or failed send is recorded on its row and not retried in a loop. */
export async function deliverOutbox(deps: Deps): Promise<{ sent: number; noCredit: number; failed: number }> {
  const { outbox, subscriptions } = deps.repos
  const result = { sent: 0, noCredit: 0, failed: 0 }
  const page = await outbox.queued(BATCH)
  for (const doc of page.items) {
    const outcome = await deps.sender.send(doc)
    const at = deps.clock.now().toISOString()
    if (outcome.status === 'sent') {
      if (await outbox.markSent(doc, at)) result.sent++
    } else {
      if (await outbox.markFailed(doc, outcome.status, outcome.error)) {
        if (outcome.status === 'no_credit') {
          result.noCredit++
          await subscriptions.markNoCredit(doc.toOpenid, doc.kind, at)
        } else result.failed++
      }
    }
  }
  return result
}
