import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import { WITH_DEPARTMENT_STATES } from '@shared/domain/states'
import type { Deps } from '../../ports'
import { composeFor, itemAudience, itemDueSoon } from '../../messages'
import { sweepItems } from './sweep-items'

/** One working day before a deadline, the department is reminded, once per item and deadline (messages/item.ts). */
export async function remindDeadlines(deps: Deps): Promise<number> {
  const tomorrow = addWorkdays(shanghaiDate(deps.clock.now()), 1)
  const at = deps.clock.now().toISOString()
  const outbox = deps.repos.outbox
  let queued = 0
  for (const state of WITH_DEPARTMENT_STATES) {
    queued += await sweepItems(deps, { kind: 'deadline_on', state, day: tomorrow }, async (doc) => {
      const audience = await itemAudience(deps, { ...doc, ownerDeputyCode: null }, null, { withFollowers: false })
      let any = false
      for (const message of composeFor(itemDueSoon, { item: doc, date: doc.deadline ?? tomorrow }, audience)) {
        any = (await outbox.enqueue(message, at)) || any
      }
      return any
    })
  }
  return queued
}
