import type { SuggestionDetail } from '@shared/api/suggestion'
import { authorize } from '@shared/domain/permissions'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { suggestionRepo } from '../../repos/suggestion-repo'
import { itemScope } from '../../views/item-scope'
import { loadVisible } from './run-transition'
import { detailAfter } from './verb-output'

/**
 * 内容审核: text the content check held for review reaches the station's deputies only after
 * staff in scope release it. To refuse it, staff refer it with a reason instead.
 */
export const release: UseCase<{ id: string; note?: string }, SuggestionDetail> = async (deps, actor, input) => {
  const { doc } = await loadVisible(deps, actor, input.id)
  // Releasing is a staff decision with the same reach as dispatching.
  const auth = authorize(actor, 'supervise', itemScope(doc), { role: 'staff' })
  if (!auth.allowed) throw new AppError(auth.code)
  if (doc.moderation !== 'held') throw new AppError('invalid_transition', '该事项无需审核')
  const at = deps.clock.now().toISOString()
  const next = {
    ...doc,
    moderation: 'pass' as const,
    version: doc.version + 1,
    updatedAt: at,
    history: [
      ...doc.history,
      { at, event: 'release', from: doc.state, to: doc.state, actorOpenid: actor.openid, actorName: actor.displayName ?? '人大工作人员', role: 'staff', note: input.note ?? null },
    ],
  }
  if (!(await suggestionRepo(deps.store).replaceIfVersion(next, doc.version))) throw new AppError('conflict')
  return detailAfter(deps, actor, next)
}
