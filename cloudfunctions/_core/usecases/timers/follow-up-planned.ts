import { shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import { itemAudience, itemFollowUp, messageWrites } from '../../messages'
import { sweepItems } from './sweep-items'

/**
 * 列入计划逐步解决: on the promised date the department and the owning deputy are asked to
 * report whether it was done (messages/item.ts). The date is cleared in the transaction that
 * queues the reminder.
 */
export async function followUpPlanned(deps: Deps): Promise<number> {
  const today = shanghaiDate(deps.clock.now())
  const items = deps.repos.suggestions
  return sweepItems(deps, { kind: 'follow_up_due', onOrBefore: today }, async (doc) => {
    if (!doc.followUpDate) return false
    const next = { ...doc, followUpDate: null, version: doc.version + 1 }
    const audience = await itemAudience(deps, doc, null, { withFollowers: false })
    const messages = messageWrites(deps, itemFollowUp, { item: doc, date: doc.followUpDate }, audience)
    // the date is cleared only together with the reminders it caused
    if (!(await deps.store.commit([items.replaceIfVersionWrite(next, doc.version), ...messages]))) return false
    return true
  })
}
