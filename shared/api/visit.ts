/**
 * The `visit` function: the visit register (接待登记) kept by station supervisors, also offline —
 * records, 交办单 into the five-order loop, the two checked fields (办理结果, 选民群众对办理结果的意见),
 * session summaries, spot checks with callbacks (回访), the problem list (问题清单), Excel exports
 * of the 登记表 and the personal-data retention setting. docs/visit-register.md explains the rules.
 */
import { z } from 'zod'
import { recordHistoryEntry } from './history'
import { CATEGORY_CODES } from '../domain/categories'
import { isValidDate } from '../domain/reception/dates'
import { MONTH_PATTERN } from '../domain/stats'
import { SUGGESTION_STATES } from '../domain/states'
import {
  ASSIGNMENT_ROUTES,
  CALLBACK_OUTCOMES,
  EXPORT_SCOPES,
  MAX_RETENTION_MONTHS,
  MAX_SPOT_CHECK_SIZE,
  MIN_RETENTION_MONTHS,
  MISSING_FIELDS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  VISIT_HANDLINGS,
  VISIT_OPINIONS,
  VISIT_STATUSES,
} from '../domain/visits'
import { clientRequestId, entityId, page, pageInput, stationCode, text } from './common'

const dateInput = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidDate, { message: `${label}格式应为YYYY-MM-DD，且须为有效日期` })
const monthInput = (label: string) => z.string({ error: `请选择${label}` }).regex(MONTH_PATTERN, { message: `${label}格式应为YYYY-MM` })

/** An 11-digit mainland mobile number; spaces and dashes people type are dropped first. */
export const visitorPhone = z
  .string({ error: '请填写来访人手机号码' })
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: '来访人手机号码不是有效的大陆手机号码（11位，以13–19开头）' }))

export const visitorInput = z.object({
  name: text('来访人姓名', 1, 20),
  phone: visitorPhone,
  /** 村（社区）: where the visitor lives. */
  village: text('村（社区）', 1, 40).optional(),
})

const deputyCodes = z
  .array(z.string().trim().min(1).max(40, { message: '代表编号格式不正确' }))
  .max(20, { message: '到场代表最多20名' })
  .refine((codes) => new Set(codes).size === codes.length, { message: '同一名代表不能重复选择' })

const visitedAt = z
  .string({ error: '请填写接待时间' })
  .refine((s) => !Number.isNaN(Date.parse(s)) && /T/.test(s), { message: '接待时间格式不正确' })

export const opinionInput = z.object({
  rating: z.enum(VISIT_OPINIONS, { error: '请选择满意、基本满意或不满意' }),
  note: text('意见说明', 1, 500).optional(),
})

/** The fields of a record a supervisor fills in (also what an offline draft holds). */
export const visitFields = {
  stationCode,
  /** The reception session at the station; null or omitted = an ad hoc visit (临时接待). */
  sessionId: entityId.nullable().optional(),
  visitedAt,
  /** Deputies present (到场代表): of the station, or on duty at the session. */
  deputyCodes: deputyCodes.default([]),
  /** A group visit counts every person (接待选民人次); one matter per record. */
  visitorCount: z.number({ error: '请填写来访人数' }).int().min(1, { message: '来访人数至少1人' }).max(500, { message: '来访人数不能超过500人' }).default(1),
  visitor: visitorInput,
  matter: text('反映事项', 2, 2000),
  categoryCode: z.enum(CATEGORY_CODES, { error: '请选择问题类别' }),
  handling: z.enum(VISIT_HANDLINGS, { error: '请选择办理方式：当场答复或填写交办单' }),
  /** The answer given on the spot (required with answered_on_spot). */
  answer: text('答复内容', 2, 2000).optional(),
  /** 层级划分 of a 交办单 (required with assignment_form). */
  route: z.enum(ASSIGNMENT_ROUTES, { error: '请选择交办去向：转交乡镇或报县人大代工委' }).optional(),
  /** The visitor's opinion when given on the spot (usually after an on-the-spot answer). */
  opinion: opinionInput.optional(),
}

function handlingNeeds(v: { handling?: string; answer?: string; route?: string; opinion?: unknown }, ctx: z.RefinementCtx) {
  if (v.handling === 'answered_on_spot' && !v.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: '当场答复的，请填写答复内容' })
  if (v.handling === 'assignment_form' && !v.route) ctx.addIssue({ code: 'custom', path: ['route'], message: '填写交办单的，请选择交办去向' })
  if (v.handling === 'assignment_form' && v.opinion) {
    ctx.addIssue({ code: 'custom', path: ['opinion'], message: '交办单事项办理完毕后再登记群众意见' })
  }
}

export const createVisitInput = z
  .object({
    /** The draft's id on the phone; the record's id is derived from it and the supervisor (idempotent). */
    clientId: clientRequestId,
    /** The draft's edit counter (1 for a fresh draft), kept by the record as clientRevision. */
    revision: z.number().int().min(1).max(1_000_000).default(1),
    ...visitFields,
  })
  .superRefine(handlingNeeds)
export type CreateVisitInput = z.input<typeof createVisitInput>

export const updateVisitInput = z
  .object({
    id: entityId,
    /** The version the editor (or the synced draft) last saw; a stale edit is refused with `conflict`. */
    expectedVersion: z.number({ error: '缺少版本号' }).int().min(1),
    /** The draft's edit counter: an update already applied with this counter is absorbed. */
    clientRevision: z.number().int().min(1).max(1_000_000).optional(),
    stationCode: visitFields.stationCode.optional(),
    sessionId: visitFields.sessionId,
    visitedAt: visitFields.visitedAt.optional(),
    deputyCodes: deputyCodes.optional(),
    visitorCount: visitFields.visitorCount.optional(),
    visitor: visitorInput.optional(),
    matter: visitFields.matter.optional(),
    categoryCode: visitFields.categoryCode.optional(),
    handling: visitFields.handling.optional(),
    answer: visitFields.answer,
    route: visitFields.route,
    opinion: visitFields.opinion,
  })
  .superRefine((v, ctx) => {
    if (v.handling) handlingNeeds(v, ctx)
  })
export type UpdateVisitInput = z.input<typeof updateVisitInput>

export const visitDeputy = z.object({ code: z.string(), name: z.string() })

export const visitSessionRef = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  kindLabel: z.string(),
  theme: z.string().nullable(),
})

export const assignmentView = z.object({
  route: z.enum(ASSIGNMENT_ROUTES),
  routeLabel: z.string(),
  /** 城关镇人民政府 / 县人大常委会代工委. */
  targetName: z.string(),
  departmentCode: z.string().nullable(),
  suggestionId: z.string(),
  suggestionNumber: z.string(),
  /** The five-order item's state now (read live). */
  state: z.enum(SUGGESTION_STATES),
  stateLabel: z.string(),
  /** “已派单：修武县交通运输局，12月10日前办结” — where the item stands. */
  progress: z.string(),
})

export const opinionView = z.object({
  rating: z.enum(VISIT_OPINIONS),
  ratingLabel: z.string(),
  note: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
})

export const visitRecord = z.object({
  id: z.string(),
  version: z.number(),
  clientId: z.string(),
  clientRevision: z.number(),
  status: z.enum(VISIT_STATUSES),
  statusLabel: z.string(),
  countyCode: z.string(),
  township: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  /** null: an ad hoc visit (临时接待). */
  session: visitSessionRef.nullable(),
  visitedAt: z.string(),
  deputies: z.array(visitDeputy),
  visitorCount: z.number(),
  /** null after the retention period erased it. Masked unless the caller needs it (see `visitorMasked`). */
  visitor: z.object({ name: z.string(), phone: z.string(), village: z.string().nullable() }).nullable(),
  visitorMasked: z.boolean(),
  visitorErased: z.boolean(),
  matter: z.string(),
  categoryCode: z.string(),
  categoryLabel: z.string(),
  handling: z.enum(VISIT_HANDLINGS),
  handlingLabel: z.string(),
  answer: z.string().nullable(),
  assignment: assignmentView.nullable(),
  /** 办理结果: the answer given on the spot, or what the 交办单's item came to (read live until closed). */
  result: z.string().nullable(),
  resultAt: z.string().nullable(),
  /** 选民群众对办理结果的意见. */
  opinion: opinionView.nullable(),
  /** Which of the two checked fields are still empty. */
  missingFields: z.array(z.enum(MISSING_FIELDS)),
  missingLabels: z.array(z.string()),
  canClose: z.boolean(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 办结, who and when. */
  history: z.array(recordHistoryEntry),
})
export type VisitRecordView = z.infer<typeof visitRecord>

export const syncOutcome = z.enum(['created', 'updated', 'duplicate'])

const todayStation = z.object({
  code: z.string(),
  name: z.string(),
  township: z.string(),
  deputies: z.array(visitDeputy),
})

export const todaySession = visitSessionRef.extend({
  stationCode: z.string(),
  stationName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  deputies: z.array(visitDeputy),
  recordCount: z.number(),
})

export const sessionSummaryView = z.object({
  session: todaySession,
  /** 接待选民人次: the sum of every record's visitor count. */
  visitors: z.number(),
  /** 收集意见建议: one matter per record. */
  matters: z.number(),
  answeredOnSpot: z.number(),
  assignmentForms: z.number(),
  closed: z.number(),
  open: z.number(),
  missingResult: z.number(),
  missingOpinion: z.number(),
  /** Deputies on duty or present, with their attendance (亮码进站 or from the register) and this year's count. */
  deputies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      onDuty: z.boolean(),
      attended: z.boolean(),
      attendedThisYear: z.number(),
      minimumPerYear: z.number(),
      met: z.boolean(),
    }),
  ),
})

export const missingStationRow = z.object({
  stationCode: z.string(),
  stationName: z.string(),
  open: z.number(),
  missingResult: z.number(),
  missingOpinion: z.number(),
  readyToClose: z.number(),
})

export const callbackView = z.object({
  outcome: z.enum(CALLBACK_OUTCOMES),
  outcomeLabel: z.string(),
  rating: z.enum(VISIT_OPINIONS).nullable(),
  ratingLabel: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
})

export const spotCheckItem = z.object({
  id: z.string(),
  spotCheckId: z.string(),
  drawnAt: z.string(),
  drawnByName: z.string(),
  periodLabel: z.string(),
  status: z.enum(['pending', 'done']),
  statusLabel: z.string(),
  record: visitRecord,
  callback: callbackView.nullable(),
})

export const spotCheckView = z.object({
  id: z.string(),
  drawnAt: z.string(),
  drawnByName: z.string(),
  from: z.string(),
  to: z.string(),
  periodLabel: z.string(),
  scopeLabel: z.string(),
  /** Closed records the draw was made from. */
  poolSize: z.number(),
  items: z.array(spotCheckItem),
})

export const problemView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(PROBLEM_STATUSES),
  statusLabel: z.string(),
  countyCode: z.string(),
  township: z.string().nullable(),
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  /** 责任人 / 责任单位. */
  owner: z.string(),
  dueDate: z.string().nullable(),
  source: z.enum(PROBLEM_SOURCES),
  sourceLabel: z.string(),
  recordId: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolution: z.string().nullable(),
})

export const visitSettingsView = z.object({
  countyCode: z.string(),
  retentionMonths: z.number(),
  /** “办结满36个月后删除来访人姓名、电话和住址” */
  retentionText: z.string(),
  updatedAt: z.string().nullable(),
})

export const exportInput = z
  .object({
    scope: z.enum(EXPORT_SCOPES, { error: '导出范围应为 session（一次接待）、month（一个月）或 station（一个站点）' }),
    sessionId: entityId.optional(),
    month: monthInput('月份').optional(),
    stationCode: stationCode.optional(),
    year: z.number().int().min(2000, { message: '年度应在2000至2100之间' }).max(2100, { message: '年度应在2000至2100之间' }).optional(),
    /** Mask phones and names even when the caller may see them (for printing and posting). */
    masked: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'session' && !v.sessionId) ctx.addIssue({ code: 'custom', path: ['sessionId'], message: '请选择要导出的接待活动' })
    if (v.scope === 'month' && !v.month) ctx.addIssue({ code: 'custom', path: ['month'], message: '请选择要导出的月份' })
    if (v.scope === 'station' && !v.stationCode) ctx.addIssue({ code: 'custom', path: ['stationCode'], message: '请选择要导出的联络站' })
  })

const idOnly = z.object({ id: entityId })

export const visitActions = {
  today: {
    input: z.object({}),
    output: z.object({ date: z.string(), stations: z.array(todayStation), sessions: z.array(todaySession) }),
  },
  create: { input: createVisitInput, output: z.object({ record: visitRecord, outcome: syncOutcome, message: z.string() }) },
  update: { input: updateVisitInput, output: z.object({ record: visitRecord, outcome: syncOutcome, message: z.string() }) },
  get: { input: idOnly, output: visitRecord },
  list: {
    input: pageInput.extend({
      stationCode: stationCode.optional(),
      sessionId: entityId.optional(),
      month: monthInput('月份').optional(),
      status: z.enum(VISIT_STATUSES).optional(),
    }),
    output: page(visitRecord),
  },
  recordOpinion: {
    input: z.object({
      id: entityId,
      expectedVersion: z.number().int().min(1).optional(),
      rating: opinionInput.shape.rating,
      note: opinionInput.shape.note,
      /** With 不满意 on a 交办单 already 销单: send the item back for re-handling (重新办理) instead of closing it. */
      reopen: z.boolean().default(false),
    }),
    output: visitRecord,
  },
  close: { input: z.object({ id: entityId, expectedVersion: z.number().int().min(1).optional() }), output: visitRecord },
  missingFields: {
    input: z.object({ stationCode: stationCode.optional(), township: z.string().trim().max(20).optional() }),
    output: z.object({
      stations: z.array(missingStationRow),
      /** Open records lacking 办理结果 or 选民群众对办理结果的意见, oldest first (at most 200). */
      items: z.array(visitRecord),
      /** Open records with both fields: the supervisor only has to close them. */
      readyToClose: z.array(visitRecord),
      truncated: z.boolean(),
    }),
  },
  sessionSummary: { input: z.object({ sessionId: entityId }), output: sessionSummaryView },
  spotCheck: {
    input: z
      .object({
        clientRequestId,
        stationCode: stationCode.optional(),
        township: z.string().trim().max(20).optional(),
        from: dateInput('开始日期'),
        to: dateInput('结束日期'),
        size: z.number({ error: '请填写抽查条数' }).int().min(1, { message: '至少抽查1条' }).max(MAX_SPOT_CHECK_SIZE, { message: `一次最多抽查${MAX_SPOT_CHECK_SIZE}条` }),
      })
      .superRefine((v, ctx) => {
        if (isValidDate(v.from) && isValidDate(v.to) && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
      }),
    output: spotCheckView,
  },
  listSpotChecks: {
    input: pageInput.extend({ stationCode: stationCode.optional() }),
    output: page(spotCheckItem),
  },
  recordCallback: {
    input: z.object({
      id: z.string({ error: '缺少抽查编号' }).regex(/^[A-Za-z0-9_-]{6,64}:[A-Za-z0-9_-]{6,64}$/, { message: '抽查编号格式不正确' }),
      outcome: z.enum(CALLBACK_OUTCOMES, { error: '请选择回访结果：情况属实、与登记不符或无法联系' }),
      rating: z.enum(VISIT_OPINIONS).optional(),
      note: text('回访情况', 1, 500).optional(),
    }),
    output: spotCheckItem,
  },
  createProblem: {
    input: z.object({
      clientRequestId,
      stationCode: stationCode.optional(),
      title: text('问题', 2, 100),
      description: text('问题说明', 1, 1000).optional(),
      owner: text('责任人', 1, 40),
      dueDate: dateInput('整改期限').optional(),
      source: z.enum(PROBLEM_SOURCES).default('other'),
      recordId: entityId.optional(),
    }),
    output: problemView,
  },
  resolveProblem: {
    input: z.object({ id: entityId, expectedVersion: z.number().int().min(1).optional(), resolution: text('整改情况', 2, 500) }),
    output: problemView,
  },
  listProblems: {
    input: pageInput.extend({ status: z.enum(PROBLEM_STATUSES).optional(), stationCode: stationCode.optional() }),
    output: page(problemView),
  },
  exportRegister: {
    input: exportInput,
    output: z.object({ filename: z.string(), contentType: z.string(), base64: z.string(), rows: z.number(), masked: z.boolean() }),
  },
  settings: { input: z.object({}), output: visitSettingsView },
  setRetention: {
    input: z.object({
      retentionMonths: z
        .number({ error: '请填写保存期限' })
        .int()
        .min(MIN_RETENTION_MONTHS, { message: `保存期限应为${MIN_RETENTION_MONTHS}至${MAX_RETENTION_MONTHS}个月` })
        .max(MAX_RETENTION_MONTHS, { message: `保存期限应为${MIN_RETENTION_MONTHS}至${MAX_RETENTION_MONTHS}个月` }),
    }),
    output: visitSettingsView,
  },
  applyRetention: { input: z.object({}), output: z.object({ erased: z.number(), before: z.string(), retentionMonths: z.number() }) },
} as const
