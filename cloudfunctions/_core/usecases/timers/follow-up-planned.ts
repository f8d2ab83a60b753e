import { shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import { directoryRepo } from '../../repos/directory-repo'
import { outboxRepo } from '../../repos/outbox-repo'
import { suggestionRepo } from '../../repos/suggestion-repo'
import { sweepItems } from './sweep-items'

/**
 * 列入计划逐步解决: on the promised date the department and the owning deputy are asked to
 * report whether it was done. The date is cleared in the transaction that queues the reminder.
 */
export async function followUpPlanned(deps: Deps): Promise<number> {
  const today = shanghaiDate(deps.clock.now())
  const at = deps.clock.now().toISOString()
  const items = suggestionRepo(deps.store)
  const outbox = outboxRepo(deps.store)
  const directory = directoryRepo(deps.store)
  return sweepItems(deps, { followUpDate: { $lte: today } }, 'followUpDate', async (doc) => {
    const next = { ...doc, followUpDate: null, version: doc.version + 1 }
    const department = doc.departmentCode ? await directory.department(doc.departmentCode) : null
    const deputy = doc.ownerDeputyCode ? await directory.deputy(doc.ownerDeputyCode) : null
    const messages = [...(department?.openids ?? []), ...(deputy?.openid ? [deputy.openid] : [])].map((openid) =>
      outbox.enqueueWrite(
        {
          _id: `${doc._id}:followup:${doc.followUpDate}:${openid}`,
          toOpenid: openid,
          kind: 'deadline_reminder',
          title: '承诺事项到期回访',
          body: `${doc.number} 承诺于${doc.followUpDate}前解决，请反馈落实情况`,
          page: `/pages/item/index?id=${doc._id}`,
        },
        at,
      ),
    )
    // the date is cleared only together with the reminders it caused
    if (!(await deps.store.commit([items.replaceIfVersionWrite(next, doc.version), ...messages]))) return false
    return true
  })
}
