import type { SuggestionDetail } from '@shared/api/suggestion'
import type { workflowInputs } from '@shared/api/suggestion-workflow'
import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import { DEFAULT_RATING_WINDOW_WORKDAYS } from '@shared/domain/transitions'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { runTransition } from './run-transition'
import { assertCountyCategory } from '../directory/county-categories'
import { detailAfter } from './verb-output'

type In<K extends keyof typeof workflowInputs> = z.output<(typeof workflowInputs)[K]>

/** 代表接单: the accepting deputy becomes the item's owner for the whole chain (首问负责). */
export const accept: UseCase<In<'accept'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'accept',
    note: input.note ?? null,
    change: async (doc, ctx) => {
      await assertCountyCategory(deps, doc.countyCode, input.categoryCode)
      return {
      categoryCode: input.categoryCode,
      grade: input.grade,
      ownerDeputyCode: ctx.binding?.role === 'deputy' ? ctx.binding.deputyCode : null,
      ownerDeputyName: ctx.actorName,
      }
    },
  })
  return detailAfter(deps, actor, doc)
}

/** 即时答复: answered on the spot; the resident then has a rating window before auto-verify. */
export const answer: UseCase<In<'answer'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'answer',
    note: input.answer,
    change: (_doc, ctx) => ({
      answer: input.answer,
      ratingDueDate: addWorkdays(shanghaiDate(ctx.now), DEFAULT_RATING_WINDOW_WORKDAYS),
    }),
  })
  return detailAfter(deps, actor, doc)
}

/** 提交人大: to the county standing committee or the township presidium. */
export const escalate: UseCase<In<'escalate'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'escalate',
    note: `${input.target === 'county' ? '提交县人大常委会' : '提交乡镇人大主席团'}：${input.note}`,
    change: () => ({ escalationTarget: input.target }),
  })
  return detailAfter(deps, actor, doc)
}

/** The deputy's side of 验单: recorded beside the resident's, without moving the item. */
export const deputyRate: UseCase<In<'deputyRate'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'deputy_rate',
    note: input.comment ?? null,
    change: (_doc, ctx) => ({ deputyRating: { rating: input.rating, comment: input.comment ?? null, at: ctx.at } }),
  })
  return detailAfter(deps, actor, doc)
}
