import type { Deps } from '../../ports'

const BATCH = 200
/** How long a run may hold a message before recording WeChat's answer (the timers function runs 60 s at most). */
export const LEASE_MS = 90_000
/** Sends start only in this share of the run: later ones wait for the next run (every 15 minutes). */
export const SEND_BUDGET_MS = 25_000

/**
 * Sends what is queued, each message at most once. A message is leased (queued → sending) before
 * WeChat is asked, so two overlapping runs never both send it; a run killed between sending and
 * recording leaves a lease that expires into `unknown`, which is not sent again. A refused or
 * failed send is recorded on its row and not retried in a loop. New sends stop once the budget
 * is spent, so a long queue never runs the function out of time mid-send.
 */
export async function deliverOutbox(
  deps: Deps,
  options: { budgetMs?: number; elapsed?: () => number } = {},
): Promise<{ sent: number; noCredit: number; failed: number; unknown: number; left: number }> {
  const { outbox, subscriptions } = deps.repos
  const started = Date.now()
  const elapsed = options.elapsed ?? (() => Date.now() - started)
  const budget = options.budgetMs ?? SEND_BUDGET_MS
  const result = { sent: 0, noCredit: 0, failed: 0, unknown: 0, left: 0 }
  const now = () => deps.clock.now()
  for (const doc of await outbox.expiredLeases(now().toISOString(), BATCH)) if (await outbox.markUnknown(doc)) result.unknown++
  const page = await outbox.queued(BATCH)
  for (const [i, doc] of page.items.entries()) {
    if (elapsed() >= budget) {
      result.left = page.items.length - i
      break
    }
    if (!(await outbox.lease(doc, new Date(now().getTime() + LEASE_MS).toISOString()))) continue
    const outcome = await deps.sender.send(doc)
    const at = now().toISOString()
    if (outcome.status === 'sent') {
      if (await outbox.markSent(doc, at)) result.sent++
    } else if (await outbox.markFailed(doc, outcome.status, outcome.error)) {
      if (outcome.status === 'no_credit') {
        result.noCredit++
        await subscriptions.markNoCredit(doc.toOpenid, doc.kind, at)
      } else result.failed++
    }
  }
  return result
}
