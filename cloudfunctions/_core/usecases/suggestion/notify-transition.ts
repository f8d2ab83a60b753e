import { EVENT_LABELS, type SuggestionEvent } from '@shared/domain/transitions'
import { STATE_LABELS } from '@shared/domain/states'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { followRepo } from '../../repos/follow-repo'
import { outboxRepo, type OutboxMessage } from '../../repos/outbox-repo'
import type { Write } from '../../store/port'

/** Events the resident (and followers) hear about: outcomes, not every internal step. */
const RESIDENT_EVENTS: ReadonlySet<string> = new Set(['accept', 'answer', 'dispatch', 'resolve', 'merge', 'refer'])
/** Events the handling department hears about. */
const DEPARTMENT_EVENTS: ReadonlySet<string> = new Set(['dispatch', 'reopen', 'decide_extension', 'supervise'])

/**
 * The messages one transition causes, as outbox writes for the transition's own transaction.
 * Keys combine item, version and recipient, so a retried call can never queue a second copy.
 * 首问负责: the owning deputy hears of every step that someone else takes.
 */
export async function transitionMessageWrites(deps: Deps, after: SuggestionDoc, actorOpenid: string | null): Promise<Write[]> {
  const last = after.history[after.history.length - 1]
  const event = last.event as SuggestionEvent
  const label = EVENT_LABELS[event] ?? event
  const page = `/pages/item/index?id=${after._id}`
  const base = { kind: 'item_update' as const, page }
  const messages: OutboxMessage[] = []
  const key = (openid: string) => `${after._id}:v${after.version}:${openid}`
  const summary = `${after.number}：${label}，当前状态「${STATE_LABELS[after.state]}」`

  const directory = directoryRepo(deps.store)
  if (after.ownerDeputyCode) {
    const deputy = await directory.deputy(after.ownerDeputyCode)
    if (deputy?.openid && deputy.openid !== actorOpenid) {
      messages.push({ ...base, _id: key(deputy.openid), toOpenid: deputy.openid, title: '您首问负责的事项有新进展', body: summary })
    }
  }
  if (RESIDENT_EVENTS.has(event)) {
    for await (const openid of followRepo(deps.store).followersOf(after._id)) {
      if (openid === actorOpenid) continue
      messages.push({ ...base, _id: key(openid), toOpenid: openid, title: '您反映的事项有新进展', body: summary })
    }
  }
  if (DEPARTMENT_EVENTS.has(event) && after.departmentCode) {
    const department = await directory.department(after.departmentCode)
    for (const openid of department?.openids ?? []) {
      if (openid === actorOpenid) continue
      const deadline = after.deadline ? `，办理期限${after.deadline}` : ''
      messages.push({ ...base, _id: key(openid), toOpenid: openid, title: '承办事项通知', body: `${summary}${deadline}` })
    }
  }
  const outbox = outboxRepo(deps.store)
  const at = deps.clock.now().toISOString()
  return messages.map((m) => outbox.enqueueWrite(m, at))
}
