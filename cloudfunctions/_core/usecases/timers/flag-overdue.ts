import { shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import { directoryRepo } from '../../repos/directory-repo'
import { outboxRepo } from '../../repos/outbox-repo'
import { suggestionRepo } from '../../repos/suggestion-repo'
import { sweepItems } from './sweep-items'

/**
 * 超期: an item still with its department after its deadline day is flagged (boards filter on the
 * flag) and the department and the owning deputy are told once per deadline.
 */
export async function flagOverdue(deps: Deps): Promise<number> {
  const today = shanghaiDate(deps.clock.now())
  const at = deps.clock.now().toISOString()
  const items = suggestionRepo(deps.store)
  const outbox = outboxRepo(deps.store)
  const directory = directoryRepo(deps.store)
  let flagged = 0
  for (const state of ['dispatched', 'in_progress'] as const) {
    flagged += await sweepItems(deps, { state, deadline: { $lt: today } }, 'deadline', async (doc) => {
      if (doc.overdue || !doc.deadline) return false
      const next = { ...doc, overdue: true, version: doc.version + 1 }
      const department = doc.departmentCode ? await directory.department(doc.departmentCode) : null
      const deputy = doc.ownerDeputyCode ? await directory.deputy(doc.ownerDeputyCode) : null
      const recipients = [...(department?.openids ?? []), ...(deputy?.openid ? [deputy.openid] : [])]
      const messages = recipients.map((openid) =>
        outbox.enqueueWrite(
          {
            _id: `${doc._id}:overdue:${doc.deadline}:${openid}`,
            toOpenid: openid,
            kind: 'overdue',
            title: '事项已超过办理期限',
            body: `${doc.number} 办理期限为${doc.deadline}，已超期，请尽快办理`,
            page: `/pages/item/index?id=${doc._id}`,
          },
          at,
        ),
      )
      // the flag and its messages together: a flagged item always has its reminders queued
      if (!(await deps.store.commit([items.replaceIfVersionWrite(next, doc.version), ...messages]))) return false
      return true
    })
  }
  return flagged
}
