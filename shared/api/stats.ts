/**
 * The `stats` function: figures of the five-order loop and of reception days, breakdowns, the
 * year-end department evaluation (评议通报) with its Excel export and frozen years, the deputy's
 * duty record (履职档案), topic clusters, and the Open311 GeoReport v2 read-only export.
 * docs/statistics.md defines every figure and rate.
 */
import { z } from 'zod'
import { BREAKDOWN_DIMENSIONS, MAX_PERIOD_MONTHS, MONTH_PATTERN, monthsBetween } from '../domain/stats'
import { SESSION_KINDS } from '../domain/sessions'
import { RATINGS } from '../domain/transitions'

const countyCode = z.string().trim().min(1).max(32, { message: '县代码格式不正确' })
const township = z.string().trim().min(1, { message: '请选择乡镇' }).max(20, { message: '乡镇名称不能超过20个字' })
const month = (label: string) => z.string({ error: `请选择${label}` }).regex(MONTH_PATTERN, { message: `${label}格式应为YYYY-MM` })
const year = z
  .number({ error: '请选择年度' })
  .int({ message: '年度应为整数' })
  .min(2000, { message: '年度应在2000至2100之间' })
  .max(2100, { message: '年度应在2000至2100之间' })

const periodShape = z.object({ countyCode: countyCode.optional(), township: township.optional(), from: month('开始月份'), to: month('结束月份') })
function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!MONTH_PATTERN.test(v.from) || !MONTH_PATTERN.test(v.to)) return
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束月份不能早于开始月份' })
  else if (monthsBetween(v.from, v.to).length > MAX_PERIOD_MONTHS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `统计时段最长${MAX_PERIOD_MONTHS}个月` })
  }
}

/** A period of whole months; for county staff any township of the county, for township staff their own. */
export const periodInput = periodShape.superRefine(checkPeriod)
export const breakdownInput = periodShape
  .extend({ dimension: z.enum(BREAKDOWN_DIMENSIONS, { error: '统计维度应为 township、station、deputy、category、department 或 month' }) })
  .superRefine(checkPeriod)

const n = z.number()
const rate = z.number().nullable()

/** The figures of one scope, one row of a breakdown, one department or one deputy. */
export const figuresView = z.object({
  /** 五单漏斗: 点单, 接单, 即时答复, 提交人大, 派单, 销单, 验单. */
  funnel: z.object({
    submitted: n,
    accepted: n,
    answered: n,
    escalated: n,
    dispatched: n,
    resolved: n,
    verified: n,
    verifiedWithoutRating: n,
  }),
  other: z.object({
    withdrawn: n,
    merged: n,
    referred: n,
    sentBack: n,
    reopened: n,
    supervised: n,
    responded: n,
    respondedOnTime: n,
    resolvedOnTime: n,
    fromReception: n,
  }),
  outcomes: z.object({ solved: n, planned: n, explained: n }),
  ratings: z.object({ satisfied: n, basicallySatisfied: n, unsatisfied: n, rated: n }),
  deputyRatings: z.object({ satisfied: n, basicallySatisfied: n, unsatisfied: n, rated: n }),
  /** 0..1, rounded to 4 decimals; null when the denominator is 0. */
  rates: z.object({
    responseRate: rate,
    responseOnTimeRate: rate,
    resolutionRate: rate,
    satisfactionRate: rate,
    onTimeRate: rate,
    completionRate: rate,
    deputySatisfactionRate: rate,
  }),
  /** Average days per stage, 2 decimals; null when no item passed the stage. */
  averageDays: z.object({ response: rate, deputy: rate, dispatch: rate, handle: rate, verify: rate, total: rate }),
})
export type FiguresView = z.infer<typeof figuresView>

/** 接待活动 figures (临颍: 172 次活动, 3638 人次代表参与, 2268 人次选民, 230 件意见建议). */
export const receptionFiguresView = z.object({
  /** Sessions of any kind with status held (已举行) whose date is in the period. */
  sessionsHeld: n,
  sessionsHeldByKind: z.record(z.enum(SESSION_KINDS), n),
  /** Attendance records (亮码进站 or recorded by staff) of deputies at sessions in the period. */
  deputyParticipations: n,
  /** Visitors in the visit register (接待登记) visited in the period (a record may count several). */
  votersReceived: n,
  /** Records of the visit register in the period: one matter (意见建议) each. */
  opinionsCollected: n,
  /** Five-order items filed at a reception day or an online reception window (counted at 点单). */
  itemsFromReception: n,
  /** Voters and opinions come from the visit register (always true since issue 6 landed). */
  visitRegisterAvailable: z.boolean(),
})
export type ReceptionFiguresView = z.infer<typeof receptionFiguresView>

export const overviewView = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  township: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  /** Years of the period that staff froze: their figures no longer move. */
  frozenYears: z.array(z.number()),
  figures: figuresView,
  /** Items with their department past the deadline right now (not bound to the period). */
  overdueNow: n,
  reception: receptionFiguresView,
})
export type OverviewView = z.infer<typeof overviewView>

export const breakdownRow = z.object({ key: z.string(), name: z.string(), figures: figuresView })
export const breakdownView = z.object({
  countyCode: z.string(),
  township: z.string().nullable(),
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  dimensionLabel: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(breakdownRow),
  total: figuresView,
})
export type BreakdownView = z.infer<typeof breakdownView>

export const evaluationComment = z.object({
  itemNumber: z.string(),
  deputyName: z.string().nullable(),
  rating: z.enum(RATINGS),
  ratingLabel: z.string(),
  comment: z.string(),
  at: z.string(),
})

export const evaluationRow = z.object({
  /** 1 = best; null for a department without dispatched items that year. */
  rank: z.number().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  dispatched: n,
  resolved: n,
  resolvedOnTime: n,
  onTimeRate: rate,
  completionRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  rated: n,
  satisfied: n,
  basicallySatisfied: n,
  unsatisfied: n,
  deputySatisfactionRate: rate,
  reopened: n,
  sentBack: n,
  supervised: n,
  averageHandleDays: rate,
  score: rate,
  comments: z.array(evaluationComment),
})
export type EvaluationRow = z.infer<typeof evaluationRow>

export const evaluationView = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  year: z.number(),
  /** 修武县2025年度承办单位办理代表建议和群众意见评议通报 */
  title: z.string(),
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  frozenByName: z.string().nullable(),
  generatedAt: z.string(),
  scoreFormula: z.string(),
  /** Lines of the printed notice above the table (totals of the year). */
  summary: z.array(z.string()),
  rows: z.array(evaluationRow),
})
export type EvaluationView = z.infer<typeof evaluationView>

export const deputyRecordView = z.object({
  deputyCode: z.string(),
  deputyName: z.string(),
  year: z.number(),
  /** 接单 */
  taken: n,
  answered: n,
  escalated: n,
  /** Of the deputy's items: 派单, 销单, 验单 and reopened. */
  dispatched: n,
  resolved: n,
  verified: n,
  reopened: n,
  /** The residents' ratings at 验单 of the deputy's items. */
  ratingsReceived: z.object({ satisfied: n, basicallySatisfied: n, unsatisfied: n, rated: n, satisfactionRate: rate }),
  /** The deputy's own ratings of departments' work (代表评价). */
  ratingsGiven: z.object({ satisfied: n, basicallySatisfied: n, unsatisfied: n, rated: n }),
  averageResponseDays: rate,
  /** Reception duty of the year: scheduled duty rows and attendance (亮码进站). */
  receptions: z.object({ scheduled: n, attended: n, minimumPerYear: n, met: z.boolean() }),
  months: z.array(z.object({ month: z.string(), taken: n, answered: n, escalated: n })),
})
export type DeputyRecordView = z.infer<typeof deputyRecordView>

export const clusterView = z.object({
  categoryCode: z.string(),
  categoryLabel: z.string(),
  size: n,
  townships: z.array(z.string()),
  stations: z.array(z.object({ code: z.string(), name: z.string(), count: n })),
  items: z.array(
    z.object({ id: z.string(), number: z.string(), excerpt: z.string(), stationName: z.string(), stateLabel: z.string(), createdAt: z.string() }),
  ),
  advice: z.enum(['thematic_reception', 'joint_suggestion']),
  adviceText: z.string(),
})

/** One service request as Open311 GeoReport v2 names its fields; nothing personal. */
export const open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
})
export type Open311Request = z.infer<typeof open311Request>

export const open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
})

export const statsActions = {
  overview: { input: periodInput, output: overviewView },
  breakdown: { input: breakdownInput, output: breakdownView },
  receptionFigures: { input: periodInput, output: receptionFiguresView },
  evaluation: { input: z.object({ countyCode: countyCode.optional(), year }), output: evaluationView },
  evaluationExport: {
    input: z.object({ countyCode: countyCode.optional(), year }),
    output: z.object({ filename: z.string(), contentType: z.string(), base64: z.string() }),
  },
  freezeYear: {
    input: z.object({ countyCode: countyCode.optional(), year }),
    output: z.object({ countyCode: z.string(), year: z.number(), frozenAt: z.string(), frozenByName: z.string(), alreadyFrozen: z.boolean() }),
  },
  reconcileCounters: {
    input: z.object({ countyCode: countyCode.optional(), repair: z.boolean().default(false) }),
    output: z.object({
      countyCode: z.string(),
      ledgerEntries: z.number(),
      counterRows: z.number(),
      drift: z.array(
        z.object({
          counterId: z.string(),
          key: z.object({ countyCode: z.string(), scope: z.string(), month: z.string(), dimension: z.string(), key: z.string() }),
          field: z.string(),
          stored: z.number(),
          recounted: z.number(),
        }),
      ),
      repairedRows: z.number(),
    }),
  },
  deputyRecord: {
    input: z.object({ deputyCode: z.string().trim().min(1).max(40, { message: '代表编号格式不正确' }).optional(), year }),
    output: deputyRecordView,
  },
  clusters: {
    input: z.object({
      countyCode: countyCode.optional(),
      township: township.optional(),
      minSize: z.number().int().min(2, { message: '每组至少2件' }).max(50).default(2),
    }),
    output: z.object({ scanned: n, clusters: z.array(clusterView) }),
  },
  open311Requests: {
    input: z.object({
      countyCode,
      status: z.enum(['open', 'closed'], { error: 'status 应为 open 或 closed' }).optional(),
      pageSize: z.number().int().min(1).max(200, { message: '每页最多200条' }).default(50),
      pageToken: z.string().max(512).optional(),
    }),
    output: z.object({ items: z.array(open311Request), nextPageToken: z.string().nullable() }),
  },
  open311Services: { input: z.object({ countyCode: countyCode.optional() }), output: z.object({ items: z.array(open311Service) }) },
} as const
