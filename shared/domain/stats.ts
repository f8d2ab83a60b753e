/**
 * Statistics of the five-order loop (统计与评议): the counted figures, the rates built from them,
 * the department evaluation score and the small rules around them. Pure: no store, no clock.
 * docs/statistics.md defines every figure and rate in prose; the code here is the definition.
 *
 * Figures are kept as counters per (county, scope, month, dimension, key) by the use cases
 * (cloudfunctions/_core/usecases/stats/record.ts): a step is counted in the month (Asia/Shanghai)
 * in which it happened; a step that is later undone (退回, 重新办理, a deputy's changed rating)
 * is taken out of the month in which it had been counted.
 */
import { CATEGORIES } from './categories'
import { OPEN_STATES, type SuggestionState } from './states'

/** Every counted figure. Counter documents hold these as top-level numbers; a missing one is 0. */
export const COUNTER_FIELDS = [
  // the funnel (五单)
  'submitted', // 点单
  'accepted', // 接单
  'answered', // 即时答复
  'escalated', // 提交人大
  'dispatched', // 派单 (net of 退回)
  'resolved', // 销单 (net of 重新办理)
  'verified', // 验单 (rated or not)
  'verifiedWithoutRating', // 评价期满自动验单
  // side exits and other steps
  'withdrawn',
  'merged',
  'referred',
  'sentBack', // 承办单位退回
  'reopened', // 不满意重新办理
  'supervised', // 督办
  // first response: 接单, or 并案 / 转法定途径 / 交办单直接派单 of an item still at 已点单
  'responded',
  'respondedOnTime',
  // 销单 outcomes
  'solved',
  'planned',
  'explained',
  'resolvedOnTime',
  // the resident's rating at 验单 (the one that closes the item)
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  // the deputy's rating (代表评价), latest per item
  'deputySatisfied',
  'deputyBasicallySatisfied',
  'deputyUnsatisfied',
  // items filed at a reception day or an online reception window
  'fromReception',
  // stage durations, in seconds, with how many were summed
  'responseSeconds', // 点单 → first response (count: responded)
  'deputyCount',
  'deputySeconds', // 接单 → 即时答复 / 提交人大
  'dispatchCount',
  'dispatchSeconds', // 提交人大 (or 退回) → 派单
  'handleSeconds', // 派单 (or 重新办理) → 销单 (count: resolved)
  'verifyCount',
  'verifySeconds', // 销单 / 即时答复 → 验单
  'totalSeconds', // 点单 → 验单 (count: verifyCount)
] as const
export type CounterField = (typeof COUNTER_FIELDS)[number]
export type Counts = Record<CounterField, number>

export function emptyCounts(): Counts {
  return Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counts
}

/** Adds the counter fields of `row` (missing ones are 0) into `into`. */
export function addCounts(into: Counts, row: Partial<Record<string, unknown>>): Counts {
  for (const f of COUNTER_FIELDS) {
    const v = row[f]
    if (typeof v === 'number' && Number.isFinite(v)) into[f] += v
  }
  return into
}

/** The dimensions a counter is kept by. `county` is the total of its scope. */
export const STATS_DIMENSIONS = ['county', 'township', 'station', 'deputy', 'category', 'department'] as const
export type StatsDimension = (typeof STATS_DIMENSIONS)[number]
/** What `breakdown` can split by: the dimensions and the month. */
export const BREAKDOWN_DIMENSIONS = ['township', 'station', 'deputy', 'category', 'department', 'month'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]
export const BREAKDOWN_DIMENSION_LABELS: Record<BreakdownDimension, string> = {
  township: '乡镇',
  station: '联络站',
  deputy: '代表',
  category: '类别',
  department: '承办单位',
  month: '月份',
}

/** Counter scope of the whole county; a township's own counters use the township name. */
export const COUNTY_SCOPE = '*'
/** Key of items nobody has classified yet. */
export const UNCATEGORIZED = 'uncategorized'

/** A first response within this many working days of 点单 counts as on time (响应及时). */
export const RESPONSE_WORKDAYS = 2

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** 'YYYY-MM' of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiMonth(instant: string | Date): string {
  const t = instant instanceof Date ? instant.getTime() : Date.parse(instant)
  if (!Number.isFinite(t)) throw new RangeError(`not a valid instant: ${String(instant)}`)
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 7)
}

/** Every month from `from` to `to` inclusive ('YYYY-MM'); empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

export const MAX_PERIOD_MONTHS = 120

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null)
const days = (seconds: number, count: number): number | null => (count > 0 ? Math.round((seconds / count / 86400) * 100) / 100 : null)

export interface Rates {
  /** 响应率: first responses / (点单 − 撤回). */
  responseRate: number | null
  /** 响应及时率: first responses within RESPONSE_WORKDAYS / first responses. */
  responseOnTimeRate: number | null
  /** 解决率: (已解决 + 列入计划逐步解决) / 销单. */
  resolutionRate: number | null
  /** 满意率: (满意 + 基本满意) / items rated by the resident at 验单. */
  satisfactionRate: number | null
  /** 按时办结率: 销单 on or before the deadline / 销单. */
  onTimeRate: number | null
  /** 办结率: 销单 / 派单 of the same period (capped at 1). */
  completionRate: number | null
  /** 代表满意率: the deputies' (满意 + 基本满意) / deputies' ratings. */
  deputySatisfactionRate: number | null
}

export function rated(c: Counts): number {
  return c.satisfied + c.basicallySatisfied + c.unsatisfied
}

export function deputyRated(c: Counts): number {
  return c.deputySatisfied + c.deputyBasicallySatisfied + c.deputyUnsatisfied
}

export function ratesOf(c: Counts): Rates {
  const completion = ratio(c.resolved, c.dispatched)
  return {
    responseRate: ratio(c.responded, c.submitted - c.withdrawn),
    responseOnTimeRate: ratio(c.respondedOnTime, c.responded),
    resolutionRate: ratio(c.solved + c.planned, c.resolved),
    satisfactionRate: ratio(c.satisfied + c.basicallySatisfied, rated(c)),
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    completionRate: completion === null ? null : Math.min(1, completion),
    deputySatisfactionRate: ratio(c.deputySatisfied + c.deputyBasicallySatisfied, deputyRated(c)),
  }
}

export interface AverageDays {
  /** 点单 → first response. */
  response: number | null
  /** 接单 → 即时答复 or 提交人大. */
  deputy: number | null
  /** 提交人大 → 派单. */
  dispatch: number | null
  /** 派单 → 销单. */
  handle: number | null
  /** 销单 or 即时答复 → 验单. */
  verify: number | null
  /** 点单 → 验单. */
  total: number | null
}

export function averageDaysOf(c: Counts): AverageDays {
  return {
    response: days(c.responseSeconds, c.responded),
    deputy: days(c.deputySeconds, c.deputyCount),
    dispatch: days(c.dispatchSeconds, c.dispatchCount),
    handle: days(c.handleSeconds, c.resolved),
    verify: days(c.verifySeconds, c.verifyCount),
    total: days(c.totalSeconds, c.verifyCount),
  }
}

// ---- year-end evaluation (评议) -------------------------------------------------------------

/** Weights of the department score; a component whose denominator is 0 is left out and the rest re-weighted. */
export const SCORE_WEIGHTS = { completionRate: 20, onTimeRate: 20, resolutionRate: 20, satisfactionRate: 40 } as const
/** Points taken off per reopened item (不满意重新办理), at most REOPEN_PENALTY_CAP. */
export const REOPEN_PENALTY = 2
export const REOPEN_PENALTY_CAP = 10

export const SCORE_FORMULA =
  '综合得分 = (办结率×20 + 按时办结率×20 + 解决率×20 + 满意率×40) ÷ 参与计算的权重之和 × 100 − 重新办理件数×2（最多扣10分）；' +
  '某项比率无分母（如全年无人评价）时不参与计算，其余权重按比例折算；当年无派单的单位不参与排名。'

export function departmentScore(c: Counts): number | null {
  if (c.dispatched <= 0 && c.resolved <= 0) return null
  const r = ratesOf(c)
  let sum = 0
  let weight = 0
  for (const [k, w] of Object.entries(SCORE_WEIGHTS) as Array<[keyof typeof SCORE_WEIGHTS, number]>) {
    const v = r[k]
    if (v === null) continue
    sum += v * w
    weight += w
  }
  const base = weight > 0 ? (sum / weight) * 100 : 0
  const penalty = Math.min(REOPEN_PENALTY_CAP, REOPEN_PENALTY * Math.max(0, c.reopened))
  return Math.round(Math.max(0, base - penalty) * 100) / 100
}

// ---- topic clusters (专题聚类) --------------------------------------------------------------

export const CLUSTER_SIMILARITY_THRESHOLD = 0.3
export type ClusterAdvice = 'thematic_reception' | 'joint_suggestion'

/**
 * Items of one topic from two or more townships: deputies file a joint 建议 with the county
 * standing committee (代表联名建议). Within one township: a thematic reception day at the
 * station that received most of them, with the responsible department invited.
 */
export function clusterAdvice(townships: readonly string[]): ClusterAdvice {
  return new Set(townships).size >= 2 ? 'joint_suggestion' : 'thematic_reception'
}

export function clusterAdviceText(advice: ClusterAdvice, topic: string, size: number, place: string): string {
  return advice === 'joint_suggestion'
    ? `${place}共有${size}件“${topic}”方面的相似意见尚在办理，建议相关代表联名提出建议，提请县人大常委会统一交办。`
    : `${place}共有${size}件“${topic}”方面的相似意见尚在办理，建议在该站举办一次主题接待日，邀请承办单位负责人进站答复。`
}

export function categoryName(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? '未分类'
}

// ---- Open311 GeoReport v2 -------------------------------------------------------------------

/** Items that are never exported: withdrawn by the resident, or individual legal matters. */
export const OPEN311_EXCLUDED_STATES: readonly SuggestionState[] = ['withdrawn', 'referred']
export const OPEN311_OPEN_STATES: readonly SuggestionState[] = OPEN_STATES
export const OPEN311_CLOSED_STATES: readonly SuggestionState[] = ['answered', 'resolved', 'verified', 'merged']

export function open311Status(state: SuggestionState): 'open' | 'closed' {
  return OPEN311_OPEN_STATES.includes(state) ? 'open' : 'closed'
}
