import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import { directoryRepo } from '../../repos/directory-repo'
import { outboxRepo } from '../../repos/outbox-repo'
import { sweepItems } from './sweep-items'

/** One working day before a deadline, the department is reminded, once per item and deadline. */
export async function remindDeadlines(deps: Deps): Promise<number> {
  const tomorrow = addWorkdays(shanghaiDate(deps.clock.now()), 1)
  const at = deps.clock.now().toISOString()
  const outbox = outboxRepo(deps.store)
  const directory = directoryRepo(deps.store)
  let queued = 0
  for (const state of ['dispatched', 'in_progress'] as const) {
    queued += await sweepItems(deps, { state, deadline: tomorrow }, 'deadline', async (doc) => {
      const department = doc.departmentCode ? await directory.department(doc.departmentCode) : null
      let any = false
      for (const openid of department?.openids ?? []) {
        any =
          (await outbox.enqueue(
            {
              _id: `${doc._id}:due:${doc.deadline}:${openid}`,
              toOpenid: openid,
              kind: 'deadline_reminder',
              title: '办理期限即将到期',
              body: `${doc.number} 须于${doc.deadline}前办结`,
              page: `/pages/item/index?id=${doc._id}`,
            },
            at,
          )) || any
      }
      return any
    })
  }
  return queued
}
