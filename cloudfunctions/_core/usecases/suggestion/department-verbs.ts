import type { SuggestionDetail } from '@shared/api/suggestion'
import type { workflowInputs } from '@shared/api/suggestion-workflow'
import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import { DEFAULT_RATING_WINDOW_WORKDAYS } from '@shared/domain/transitions'
import { AppError } from '@shared/errors'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { runTransition } from './run-transition'
import { detailAfter } from './verb-output'

type In<K extends keyof typeof workflowInputs> = z.output<(typeof workflowInputs)[K]>

/** 签收: the department confirms it has the item; it is now 办理中. */
export const acknowledge: UseCase<In<'acknowledge'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, { event: 'acknowledge', note: input.note ?? null })
  return detailAfter(deps, actor, doc)
}

export const progress: UseCase<In<'progress'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, { event: 'progress', note: input.note })
  return detailAfter(deps, actor, doc)
}

export const requestExtension: UseCase<In<'requestExtension'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'request_extension',
    note: `申请延期${input.workdays}个工作日：${input.reason}`,
    change: (current) => {
      if (current.extension?.status === 'pending') {
        throw new AppError('invalid_transition', '已有一份待审批的延期申请，请等待审批结果')
      }
      return { extension: { workdays: input.workdays, reason: input.reason, status: 'pending' } }
    },
  })
  return detailAfter(deps, actor, doc)
}

/** 销单: the reply and its outcome; 列入计划逐步解决 carries a promised date that is followed up. */
export const resolve: UseCase<In<'resolve'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'resolve',
    note: input.reply,
    change: (_current, ctx) => {
      const today = shanghaiDate(ctx.now)
      if (input.outcome === 'planned' && input.promisedDate && input.promisedDate <= today) {
        throw new AppError('validation_failed', '承诺完成日期应晚于今天', 'promisedDate')
      }
      const promisedDate = input.outcome === 'planned' ? (input.promisedDate ?? null) : null
      return {
        resolution: { reply: input.reply, outcome: input.outcome, promisedDate, at: ctx.at },
        ratingDueDate: addWorkdays(today, DEFAULT_RATING_WINDOW_WORKDAYS),
        followUpDate: promisedDate,
        overdue: false,
        extension: null,
      }
    },
  })
  return detailAfter(deps, actor, doc)
}

/** 退回: dispatched to the wrong department; back to staff for another dispatch. */
export const sendBack: UseCase<In<'sendBack'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'send_back',
    note: input.reason,
    change: () => ({
      departmentCode: null,
      departmentName: null,
      coDepartmentCodes: [],
      coDepartmentNames: [],
      deadline: null,
      overdue: false,
      extension: null,
    }),
  })
  return detailAfter(deps, actor, doc)
}
