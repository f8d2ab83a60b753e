import type { SuggestionDetail } from '@shared/api/suggestion'
import type { workflowInputs } from '@shared/api/suggestion-workflow'
import { authorize } from '@shared/domain/permissions'
import { FINAL_STATES } from '@shared/domain/states'
import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { itemScope } from '../../views/item-scope'
import { runTransition } from './run-transition'
import { detailAfter } from './verb-output'

type In<K extends keyof typeof workflowInputs> = z.output<(typeof workflowInputs)[K]>

/** 撤回: only the submitter, only before a deputy accepted it. */
export const withdraw: UseCase<In<'withdraw'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, { event: 'withdraw', note: input.reason ?? null })
  return detailAfter(deps, actor, doc)
}

/**
 * 我也关注: another resident joins an open item (found through `similar`) instead of filing a
 * duplicate; followers see its progress and are told of its outcome. Following twice is harmless.
 */
export const follow: UseCase<In<'follow'>, SuggestionDetail> = async (deps, actor, input) => {
  const items = deps.repos.suggestions
  const doc = await items.get(input.id)
  const open = !!doc && doc.moderation === 'pass' && !FINAL_STATES.includes(doc.state)
  if (!doc || !authorize(actor, 'follow', { ...itemScope(doc), isPublic: open }).allowed) throw new AppError('not_found')
  if (!open) throw new AppError('invalid_transition', '该事项已办结，不能再关注')
  if (await deps.repos.follows.add(doc._id, actor.openid, deps.clock.now().toISOString())) {
    await items.addFollower(doc)
  }
  return detailAfter(deps, actor, (await items.get(doc._id)) ?? doc)
}

/**
 * 群众验单: 满意 / 基本满意 close the item; 不满意 with a request to reopen sends it back for
 * re-handling (at most MAX_REOPENS times), otherwise it closes with the 不满意 rating on record.
 */
export const rate: UseCase<In<'rate'>, SuggestionDetail> = async (deps, actor, input) => {
  const reopen = input.rating === 'unsatisfied' && input.reopen
  if (reopen && !input.comment) throw new AppError('validation_failed', '要求重新办理，请写明不满意的原因', 'comment')
  const doc = await runTransition(deps, actor, input.id, {
    event: reopen ? 'reopen' : 'verify',
    note: input.comment ?? null,
    change: (current, ctx) => {
      const rating = { rating: input.rating, comment: input.comment ?? null, at: ctx.at }
      if (!reopen) return { residentRating: rating, ratingDueDate: null, followUpDate: current.followUpDate }
      // Back to the department with a fresh deadline as long as the one given at dispatch.
      const fresh = current.state === 'resolved' && current.dispatchWorkdays
      return {
        residentRating: rating,
        ratingDueDate: null,
        followUpDate: null,
        overdue: false,
        deadline: fresh ? addWorkdays(shanghaiDate(ctx.now), current.dispatchWorkdays!) : current.deadline,
      }
    },
  })
  return detailAfter(deps, actor, doc)
}
