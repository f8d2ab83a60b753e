import type { SuggestionEvent } from '@shared/domain/transitions'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import type { Write } from '../../store/port'
import { DEPARTMENT_EVENTS, ITEM_STEP_MESSAGES, RESIDENT_EVENTS, composeFor, itemAudience, outboxWrites } from '../../messages'

/**
 * The messages one transition causes, as outbox writes for the transition's own transaction
 * (texts, ids and recipients rules: messages/item.ts). Keys combine item, version and
 * recipient, so a retried call can never queue a second copy.
 * 首问负责: the owning deputy hears of every step that someone else takes.
 */
export async function transitionMessageWrites(deps: Deps, after: SuggestionDoc, actorOpenid: string | null): Promise<Write[]> {
  // the transition's own history entry: always a step of the table, never 点单 or 放行
  const event = after.history[after.history.length - 1].event as SuggestionEvent
  const audience = await itemAudience(deps, after, actorOpenid, {
    withFollowers: RESIDENT_EVENTS.has(event),
    withDepartment: DEPARTMENT_EVENTS.has(event),
  })
  const data = { item: after, event }
  return outboxWrites(deps, ITEM_STEP_MESSAGES.flatMap((def) => composeFor(def, data, audience)))
}
