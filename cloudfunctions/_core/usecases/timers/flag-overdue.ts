import { shanghaiDate } from '@shared/domain/workdays'
import { WITH_DEPARTMENT_STATES } from '@shared/domain/states'
import type { Deps } from '../../ports'
import { itemAudience, itemOverdue, messageWrites } from '../../messages'
import { sweepItems } from './sweep-items'

/**
 * 超期: an item still with its department after its deadline day is flagged (boards filter on the
 * flag) and the department and the owning deputy are told once per deadline (messages/item.ts).
 */
export async function flagOverdue(deps: Deps): Promise<number> {
  const today = shanghaiDate(deps.clock.now())
  const items = deps.repos.suggestions
  let flagged = 0
  for (const state of WITH_DEPARTMENT_STATES) {
    flagged += await sweepItems(deps, { kind: 'past_deadline', state, before: today }, async (doc) => {
      if (doc.overdue || !doc.deadline) return false
      const next = { ...doc, overdue: true, version: doc.version + 1 }
      const audience = await itemAudience(deps, doc, null, { withFollowers: false })
      const messages = messageWrites(deps, itemOverdue, { item: doc, date: doc.deadline }, audience)
      // the flag and its messages together: a flagged item always has its reminders queued
      if (!(await deps.store.commit([items.replaceIfVersionWrite(next, doc.version), ...messages]))) return false
      return true
    })
  }
  return flagged
}
