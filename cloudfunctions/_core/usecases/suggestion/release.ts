import type { SuggestionDetail } from '@shared/api/suggestion'
import type { UseCase } from '../../runtime/define-function'
import { runTransition } from './run-transition'
import { detailAfter } from './verb-output'

/**
 * 内容审核: text the content check held for review reaches the station's deputies only after
 * staff in scope release it. To refuse it, staff refer it with a reason instead.
 *
 * 放行 is a row of the item's lifecycle table (shared/domain/transitions.ts, ITEM_LIFECYCLE:
 * every state to itself, staff, only while held), so it goes through the runner like every step:
 * the item (moderation passed, history entry inside) in one version-guarded commit. Releasing is a
 * staff decision with the same reach as 督办, asked as staff whatever else the actor is.
 */
export const release: UseCase<{ id: string; note?: string }, SuggestionDetail> = async (deps, actor, input) => {
  const next = await runTransition(deps, actor, input.id, {
    event: 'release',
    permission: 'supervise',
    asRole: 'staff',
    note: input.note ?? null,
    change: () => ({ moderation: 'pass' }),
  })
  return detailAfter(deps, actor, next)
}
