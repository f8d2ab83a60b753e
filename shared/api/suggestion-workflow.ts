import { z } from 'zod'
import { CATEGORY_CODES, GRADE_CODES } from '../domain/categories'
import { ESCALATION_TARGETS, MODERATION_STATUSES, SUGGESTION_STATES } from '../domain/states'
import { RATINGS, RESOLUTION_OUTCOMES } from '../domain/transitions'
import { isValidDate } from '../domain/reception/dates'
import { entityId, page, pageInput, stationCode, text } from './common'
import { suggestionSummary } from './suggestion'

/** Inputs of every verb after 点单, one schema each (docs/API.md lists who may call which). */
const id = entityId
const note = (label: string, max = 500) => text(label, 1, max)
/** A calendar date that exists (2026-02-30 does not): a filter on an impossible day is refused, not a crash. */
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }).refine(isValidDate, { message: '日期不存在' })

/** The rating and 销单 outcome codes, as the transition table names them. */
export const RATING_CODES = RATINGS
export const OUTCOME_CODES = RESOLUTION_OUTCOMES

export const workflowInputs = {
  withdraw: z.object({ id, reason: text('撤回原因', 1, 200).optional() }),
  follow: z.object({ id }),
  similar: z.object({ stationCode, content: text('反映内容', 4, 2000) }),
  accept: z.object({
    id,
    categoryCode: z.enum(CATEGORY_CODES, { error: '请选择类别' }),
    grade: z.enum(GRADE_CODES, { error: '请选择分级' }).default('normal'),
    note: note('接单说明').optional(),
  }),
  answer: z.object({ id, answer: note('答复内容', 2000) }),
  escalate: z.object({
    id,
    target: z.enum(ESCALATION_TARGETS, { error: '请选择提交给县人大常委会还是乡镇人大主席团' }),
    note: note('提交说明', 1000),
  }),
  dispatch: z.object({
    id,
    departmentCode: z.string({ error: '请选择承办单位' }).min(1, { message: '请选择承办单位' }).max(40),
    coDepartmentCodes: z.array(z.string().max(40)).max(5, { message: '协办单位最多5个' }).default([]),
    requirements: note('办理要求', 1000),
    workdays: z.number({ error: '请填写办理时限' }).int().min(1, { message: '办理时限至少1个工作日' }).max(90, { message: '办理时限不能超过90个工作日' }),
  }),
  acknowledge: z.object({ id, note: note('签收说明').optional() }),
  progress: z.object({ id, note: note('办理进展', 1000) }),
  requestExtension: z.object({
    id,
    workdays: z.number().int().min(1, { message: '延期至少1个工作日' }).max(60, { message: '延期不能超过60个工作日' }),
    reason: note('延期理由'),
  }),
  decideExtension: z.object({ id, approve: z.boolean(), note: note('审批意见').optional() }),
  resolve: z
    .object({
      id,
      reply: note('答复内容', 2000),
      outcome: z.enum(OUTCOME_CODES, { error: '请选择办理结果' }),
      promisedDate: ymd.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.outcome === 'planned' && !v.promisedDate) {
        ctx.addIssue({ code: 'custom', path: ['promisedDate'], message: '列入计划逐步解决的，请填写承诺完成日期' })
      }
    }),
  sendBack: z.object({ id, reason: note('退回理由') }),
  rate: z.object({
    id,
    rating: z.enum(RATING_CODES, { error: '请选择满意度' }),
    comment: text('评价', 1, 500).optional(),
    /** With 不满意: ask for the item to be handled again (bounded). */
    reopen: z.boolean().default(false),
  }),
  deputyRate: z.object({ id, rating: z.enum(RATING_CODES, { error: '请选择满意度' }), comment: text('评价', 1, 500).optional() }),
  merge: z.object({ id, intoId: id, reason: note('并案说明', 200) }),
  refer: z.object({ id, reason: note('转法定途径的原因', 500) }),
  supervise: z.object({ id, note: note('督办意见', 500) }),
  release: z.object({ id, note: note('审核意见', 200).optional() }),
} as const

/** Another item that reads alike (shared/domain/visibility.ts SIMILAR_ITEM_FIELDS): no number, no name. */
export const similarItem = z.object({
  id: z.string(),
  excerpt: z.string(),
  stateLabel: z.string(),
  followerCount: z.number(),
  score: z.number(),
})

const boardFilters = z.object({
  state: z.enum(SUGGESTION_STATES).optional(),
  overdue: z.boolean().optional(),
  categoryCode: z.enum(CATEGORY_CODES).optional(),
  departmentCode: z.string().max(40).optional(),
  stationCode: stationCode.optional(),
  township: z.string().max(20).optional(),
  from: ymd.optional(),
  to: ymd.optional(),
  /** held: text the content check sent to a human before deputies may see it. */
  moderation: z.enum(MODERATION_STATUSES).optional(),
  /** 延期审批: items whose department asked for more time and staff have not decided yet. */
  extensionPending: z.literal(true).optional(),
})

export const queueItem = suggestionSummary.extend({
  township: z.string(),
  gradeLabel: z.string().nullable(),
  ownerDeputyName: z.string().nullable(),
  departmentName: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  followerCount: z.number(),
  held: z.boolean(),
  /** Working days a department asked for and staff have not decided on yet; null when none. */
  extensionRequestedDays: z.number().nullable(),
  /** The owning deputy has given their 代表评价 of the department's work. */
  deputyRated: z.boolean(),
})
export type QueueItem = z.infer<typeof queueItem>

export const queueInputs = {
  stationQueue: pageInput.extend({ stationCode: stationCode.optional(), state: z.enum(SUGGESTION_STATES).optional() }),
  dispatchBoard: pageInput.extend({ filters: boardFilters.default({}) }),
  departmentQueue: pageInput.extend({ state: z.enum(SUGGESTION_STATES).optional() }),
  myHandled: pageInput,
} as const

export const queuePage = page(queueItem)

/** One read of a resident's contact by the department, made possible by the resident's consent. */
export const contactRead = z.object({
  at: z.string(),
  readerName: z.string(),
  departmentCode: z.string().nullable(),
  /** The action whose answer showed the contact (get, acknowledge, …). */
  via: z.string(),
  fields: z.array(z.string()),
})
