/**
 * The visit register (接待登记, issue 6): one record per visitor (or group of visitors) at a
 * reception session or ad hoc, how the matter was handled, its 办理结果 and 选民群众对办理结果的意见.
 * Labels, codes and the pure rules both sides use. docs/visit-register.md explains them in prose.
 */
import { maskName, maskPhone } from './privacy'
import { RATING_LABELS, RATINGS, type Rating } from './transitions'

export const VISIT_HANDLINGS = ['answered_on_spot', 'assignment_form'] as const
export type VisitHandling = (typeof VISIT_HANDLINGS)[number]
export const VISIT_HANDLING_LABELS: Record<VisitHandling, string> = {
  answered_on_spot: '当场答复',
  assignment_form: '填写交办单',
}

/**
 * 层级划分: a 交办单 goes to the township by responsibility (the township government handles it,
 * the township presidium dispatches), or, when it cannot be placed, to the county congress office
 * (代工委 consolidates, decides and dispatches to the government and its departments).
 */
export const ASSIGNMENT_ROUTES = ['township', 'county'] as const
export type AssignmentRoute = (typeof ASSIGNMENT_ROUTES)[number]
export const ASSIGNMENT_ROUTE_LABELS: Record<AssignmentRoute, string> = {
  township: '转交乡镇（街道）办理',
  county: '报县人大常委会代工委汇总交办',
}

export const VISIT_STATUSES = ['open', 'closed'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = { open: '在办', closed: '已办结' }

/** 选民群众对办理结果的意见: the same three grades, codes and labels as 验单 (./transitions.ts). */
export const VISIT_OPINIONS = RATINGS
export type VisitOpinion = Rating
export const VISIT_OPINION_LABELS: Record<VisitOpinion, string> = RATING_LABELS

/** The two fields 代工委 checks on every registration form (临颍). */
export const MISSING_FIELDS = ['result', 'opinion'] as const
export type MissingField = (typeof MISSING_FIELDS)[number]
export const MISSING_FIELD_LABELS: Record<MissingField, string> = {
  result: '办理结果',
  opinion: '选民群众对办理结果的意见',
}

/** 回访 outcomes of a spot check. */
export const CALLBACK_OUTCOMES = ['consistent', 'inconsistent', 'unreachable'] as const
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number]
export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  consistent: '情况属实',
  inconsistent: '与登记不符',
  unreachable: '无法联系',
}

export const PROBLEM_STATUSES = ['open', 'resolved'] as const
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '待整改', resolved: '已整改' }

export const PROBLEM_SOURCES = ['spot_check', 'site_visit', 'other'] as const
export type ProblemSource = (typeof PROBLEM_SOURCES)[number]
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  spot_check: '抽查回访',
  site_visit: '现场察看',
  other: '其他',
}

export const EXPORT_SCOPES = ['session', 'month', 'station'] as const
export type ExportScope = (typeof EXPORT_SCOPES)[number]

/**
 * Personal data retention (docs/visit-register.md): the visitor's name, phone and village of a
 * closed record are erased this many months after it closed; the matter, handling, result and
 * opinion stay for statistics. Counties may set 6–120 months.
 */
export const DEFAULT_RETENTION_MONTHS = 36
export const MIN_RETENTION_MONTHS = 6
export const MAX_RETENTION_MONTHS = 120

/** A visitor's time may be at most this far ahead of the server clock (phones run fast). */
export const VISIT_CLOCK_SKEW_MINUTES = 10
/** Drafts may be synced up to this many days after they were written on the phone. */
export const VISIT_MAX_AGE_DAYS = 60

/** Largest spot check drawn at once. */
export const MAX_SPOT_CHECK_SIZE = 50

/** “东关村” → “东*村”, “城关街道东关社区” → “城********区”: first and last character stay. */
export function maskPlace(place: string | null | undefined): string {
  if (!place) return ''
  const chars = Array.from(String(place).trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

export interface Visitor {
  name: string
  phone: string
  village: string | null
}

/** The visitor as people who do not need the full data see it. */
export function maskVisitor(v: Visitor): Visitor {
  return { name: maskName(v.name), phone: maskPhone(v.phone), village: v.village ? maskPlace(v.village) : null }
}

/**
 * Code of a township's government in the department directory: the county's prefix, TG and the
 * township's position in the county's list (修武 城关镇 → XW-TG01). Stable while the list keeps its order.
 */
export function townshipGovernmentCode(prefix: string, townships: readonly string[], township: string): string | null {
  const i = townships.indexOf(township)
  return i < 0 ? null : `${prefix}-TG${String(i + 1).padStart(2, '0')}`
}

/** 城关镇 → 城关镇人民政府; 城关街道 → 城关街道办事处. */
export function townshipGovernmentName(township: string): string {
  return township.endsWith('街道') ? `${township}办事处` : `${township}人民政府`
}

/** Which of the two checked fields a record still lacks. */
export function missingFields(result: string | null, opinion: unknown | null): MissingField[] {
  const out: MissingField[] = []
  if (!result) out.push('result')
  if (!opinion) out.push('opinion')
  return out
}

/** 'YYYY-MM' → ['YYYY-MM-01', 'YYYY-MM-<last>']. */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`]
}
