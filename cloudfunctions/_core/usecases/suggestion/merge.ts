import type { SuggestionDetail } from '@shared/api/suggestion'
import type { workflowInputs } from '@shared/api/suggestion-workflow'
import { FINAL_STATES } from '@shared/domain/states'
import { AppError } from '@shared/errors'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { composeFor, itemMerged } from '../../messages'
import { loadVisible, runTransition } from './run-transition'
import { detailAfter } from './verb-output'

/**
 * 并案: a duplicate is folded into another open item of the same county. Its followers (the
 * submitter included) follow the surviving item from then on, and both submitters are told.
 */
export const merge: UseCase<z.output<typeof workflowInputs.merge>, SuggestionDetail> = async (deps, actor, input) => {
  if (input.id === input.intoId) throw new AppError('validation_failed', '不能与自身并案', 'intoId')
  // The item itself first: someone who cannot see it learns nothing, not even about the target.
  await loadVisible(deps, actor, input.id)
  const { doc: target } = await loadVisible(deps, actor, input.intoId).catch(() => {
    throw new AppError('validation_failed', '要并入的事项不存在', 'intoId')
  })
  if (FINAL_STATES.includes(target.state)) throw new AppError('validation_failed', '要并入的事项已办结，不能并案', 'intoId')
  const doc = await runTransition(deps, actor, input.id, {
    event: 'merge',
    note: `并入 ${target.number}：${input.reason}`,
    change: (current) => {
      if (current.countyCode !== target.countyCode) throw new AppError('validation_failed', '只能与本县事项并案', 'intoId')
      return { mergedIntoId: target._id }
    },
  })
  const { follows, suggestions, outbox } = deps.repos
  const at = deps.clock.now().toISOString()
  for await (const openid of follows.followersOf(doc._id)) {
    if (await follows.add(target._id, openid, at)) await suggestions.addFollower(target)
  }
  for (const message of composeFor(itemMerged, { merged: doc, into: target }, { actor: actor.openid })) await outbox.enqueue(message, at)
  return detailAfter(deps, actor, doc)
}
