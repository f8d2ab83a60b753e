import type { SuggestionDetail } from '@shared/api/suggestion'
import type { workflowInputs } from '@shared/api/suggestion-workflow'
import { addWorkdays, shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { runTransition } from './run-transition'
import { detailAfter } from './verb-output'

type In<K extends keyof typeof workflowInputs> = z.output<(typeof workflowInputs)[K]>

/**
 * 人大派单: a lead department (and optional co-handlers) of the item's county, requirements, and a
 * deadline counted in working days from today, skipping weekends and public holidays (调休 aware).
 */
export const dispatch: UseCase<In<'dispatch'>, SuggestionDetail> = async (deps, actor, input) => {
  const directory = deps.repos.directory
  const doc = await runTransition(deps, actor, input.id, {
    event: 'dispatch',
    change: async (current, ctx) => {
      const lead = await directory.department(input.departmentCode)
      if (!lead || lead.countyCode !== current.countyCode) throw new AppError('validation_failed', '承办单位不存在', 'departmentCode')
      const coCodes = [...new Set(input.coDepartmentCodes)].filter((c) => c !== lead.code)
      const co = await Promise.all(coCodes.map((c) => directory.department(c)))
      if (co.some((d) => !d || d.countyCode !== current.countyCode)) {
        throw new AppError('validation_failed', '协办单位不存在', 'coDepartmentCodes')
      }
      const deadline = addWorkdays(shanghaiDate(ctx.now), input.workdays)
      return {
        departmentCode: lead.code,
        departmentName: lead.name,
        coDepartmentCodes: coCodes,
        coDepartmentNames: co.map((d) => d!.name),
        requirements: input.requirements,
        deadline,
        dispatchWorkdays: input.workdays,
        overdue: false,
        extension: null,
        ratingDueDate: null,
      }
    },
    note: `办理要求：${input.requirements}（${input.workdays}个工作日内办结）`,
  })
  return detailAfter(deps, actor, doc)
}

export const decideExtension: UseCase<In<'decideExtension'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'decide_extension',
    note: input.note ?? (input.approve ? '同意延期' : '不同意延期'),
    change: (current, ctx) => {
      const pending = current.extension
      if (!pending || pending.status !== 'pending') throw new AppError('invalid_transition', '没有待审批的延期申请')
      if (!input.approve) return { extension: { ...pending, status: 'rejected' } }
      const deadline = addWorkdays(current.deadline ?? shanghaiDate(ctx.now), pending.workdays)
      return { extension: { ...pending, status: 'approved' }, deadline, overdue: deadline < shanghaiDate(ctx.now) }
    },
  })
  return detailAfter(deps, actor, doc)
}

/** 督办: a recorded push on a slow or overdue item; the department is told. */
export const supervise: UseCase<In<'supervise'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, { event: 'supervise', note: input.note })
  return detailAfter(deps, actor, doc)
}

/** 转法定途径: individual court or petition matters, recorded but not handled here. */
export const refer: UseCase<In<'refer'>, SuggestionDetail> = async (deps, actor, input) => {
  const doc = await runTransition(deps, actor, input.id, {
    event: 'refer',
    note: input.reason,
    change: () => ({ referralReason: input.reason }),
  })
  return detailAfter(deps, actor, doc)
}
