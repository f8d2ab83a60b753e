/**
 * Expanding a reception rule into dated sessions over a range, on real holidays.
 *
 * Steps, for a range [from, to] (inclusive, 'YYYY-MM-DD', Asia/Shanghai civil dates):
 * 1. **Original dates.** Every date the rule names (see ./rules.ts), looked at with a margin of
 *    two months either side so that a session moved into the range from outside it is found, and a
 *    collision across the range boundary is seen.
 * 2. **Holidays.** A recurring session whose original date is a public holiday (./holidays.ts)
 *    moves by the county's policy: `next_workday` to the first working day after it,
 *    `previous_workday` to the last working day before it, `skip` drops it. A working day is
 *    Monday–Friday and not a public holiday, plus a 调休 working Saturday/Sunday only when
 *    `useAdjustedWorkdays` is true. Explicit dates (thematic days, online windows given by dates)
 *    never move. Example: the first Friday of October 2026 is 10-02, inside National Day
 *    (10-01 … 10-07); next_workday gives Thursday 10-08, previous_workday Wednesday 09-30.
 * 3. **Collisions.** When sessions of the same rule end up on the same date (the weekly Tuesday
 *    2026-02-17 in the Spring Festival moves to 02-24, which already is a Tuesday session), they
 *    are **merged** into one: the session that was on that date anyway is kept; if all of them
 *    were moved, the one with the earliest original date is kept. The kept session lists the
 *    others in `mergedFrom`, and each merged-away session is reported in `dropped`.
 *    (Merging rather than shifting again keeps “one session per rule per day” without pushing
 *    sessions further and further from their intended week.)
 * 4. **Range.** Sessions whose final `date` is in [from, to] are returned, ascending; generating
 *    consecutive ranges therefore yields each session exactly once. `dropped` lists skipped and
 *    merged-away sessions whose original date is in the range.
 * 5. **Confirmation.** `confirmed` is false (待确认) when the year of the original or final date has
 *    no published holiday data: no move can be known, so the date is kept as the rule gives it
 *    and staff confirm it once the State Council notice is out.
 *
 * A range in which the rule has no date at all is refused with `validation_failed` and a Chinese
 * message. A range in which every date was skipped for holidays is not an error: the answer is
 * empty and `dropped` explains why.
 */
import type { Result } from '../../errors'
import {
  addDays,
  formatChineseDate,
  isoWeekday,
  isValidDate,
  toDayNumber,
  WEEKDAY_LABELS,
  yearOf,
  ymd,
} from './dates'
import { isHolidayYearPublished, isPublicHoliday, isWorkingDay, publicHolidayName } from './holidays'
import {
  describeRule,
  firstIssueMessage,
  HolidayPolicySchema,
  ReceptionRuleSchema,
  type HolidayPolicy,
  type ReceptionRule,
  type ReceptionRuleInput,
  type ReceptionRuleKind,
} from './rules'

export interface PlannedDate {
  /** The day the session takes place. */
  date: string
  /** The day the rule names. Equal to `date` unless moved. */
  originalDate: string
  moved: boolean
  /** Why it moved, in Chinese: “原定10月2日为国庆节假期，顺延至10月8日”; null when not moved. */
  moveReason: string | null
  /** False (待确认) when the holiday data of the year is not published yet. */
  confirmed: boolean
  /** “2027年节假日安排尚未公布，日期待确认” when not confirmed, else null. */
  unconfirmedReason: string | null
  /** For a monthly rule, the month this session belongs to ('YYYY-MM'); null for other kinds. */
  period: string | null
  /** Original dates of sessions merged into this one (see step 3 above). */
  mergedFrom: string[]
  kind: ReceptionRuleKind
  startTime: string
  endTime: string
  /** Theme of a thematic day; null otherwise. */
  theme: string | null
  /** Minimum number of deputies on duty, from the rule. */
  deputiesPerSession: number
}

export interface DroppedDate {
  originalDate: string
  reason: 'holiday_skipped' | 'merged'
  /** The session it was merged into; null when skipped. */
  into: string | null
  /** Chinese explanation: “原定10月2日为国庆节假期，当次不安排接待”. */
  message: string
}

export interface ExpandOptions {
  from: string
  to: string
  /** Default `next_workday`. */
  holidayPolicy?: HolidayPolicy
  /** Default false: 调休 working weekends do not receive moved sessions. */
  useAdjustedWorkdays?: boolean
}

export interface ExpandedCalendar {
  dates: PlannedDate[]
  dropped: DroppedDate[]
}

/** Longest range expanded in one call (about three years). */
export const MAX_RANGE_DAYS = 1100
/** Margin around the range when looking for sessions that move into it. */
const MARGIN_DAYS = 62
/** A move never searches further than this (the longest holiday block is 9 days). */
const MAX_MOVE_DAYS = 31

interface Candidate {
  originalDate: string
  period: string | null
  movable: boolean
}

interface Resolved extends Candidate {
  date: string
  moved: boolean
  moveReason: string | null
  holidayName: string | null
}

function fail(message: string, field?: string): { ok: false; code: 'validation_failed'; message: string; field?: string } {
  return field ? { ok: false, code: 'validation_failed', message, field } : { ok: false, code: 'validation_failed', message }
}

/** Like `expandRuleDetailed`, answering only the sessions. */
export function expandRule(rule: ReceptionRuleInput | ReceptionRule, options: ExpandOptions): Result<PlannedDate[]> {
  const result = expandRuleDetailed(rule, options)
  return result.ok ? { ok: true, data: result.data.dates } : result
}

export function expandRuleDetailed(rule: ReceptionRuleInput | ReceptionRule, options: ExpandOptions): Result<ExpandedCalendar> {
  const parsed = ReceptionRuleSchema.safeParse(rule)
  if (!parsed.success) {
    const { message, field } = firstIssueMessage(parsed.error)
    return fail(`接待日规则不正确：${message}`, field)
  }
  const r = parsed.data
  const { from, to } = options
  if (!isValidDate(from)) return fail('开始日期格式应为YYYY-MM-DD，且须为有效日期', 'from')
  if (!isValidDate(to)) return fail('结束日期格式应为YYYY-MM-DD，且须为有效日期', 'to')
  if (from > to) return fail('结束日期不能早于开始日期', 'to')
  if (toDayNumber(to) - toDayNumber(from) + 1 > MAX_RANGE_DAYS) return fail(`一次最多生成${MAX_RANGE_DAYS}天的接待日，请缩短时间段`, 'to')
  const policyParsed = HolidayPolicySchema.safeParse(options.holidayPolicy ?? 'next_workday')
  if (!policyParsed.success) return fail(firstIssueMessage(policyParsed.error).message, 'holidayPolicy')
  const policy = policyParsed.data
  const useAdjusted = options.useAdjustedWorkdays ?? false

  const candidates = originalDates(r, addDays(from, -MARGIN_DAYS), addDays(to, MARGIN_DAYS))
  const inRange = (d: string) => d >= from && d <= to
  const dropped: DroppedDate[] = []
  const resolved: Resolved[] = []

  for (const c of candidates) {
    const holidayName = c.movable && isPublicHoliday(c.originalDate) ? publicHolidayName(c.originalDate) : null
    if (!holidayName) {
      resolved.push({ ...c, date: c.originalDate, moved: false, moveReason: null, holidayName: null })
      continue
    }
    const what = `原定${formatChineseDate(c.originalDate)}为${holidayName}假期`
    if (policy === 'skip') {
      if (inRange(c.originalDate)) {
        dropped.push({ originalDate: c.originalDate, reason: 'holiday_skipped', into: null, message: `${what}，当次不安排接待` })
      }
      continue
    }
    const step = policy === 'next_workday' ? 1 : -1
    const target = findWorkingDay(c.originalDate, step, useAdjusted)
    if (!target) return fail(`${c.originalDate}前后${MAX_MOVE_DAYS}天内找不到工作日，无法调整接待日`)
    const verb = step > 0 ? '顺延至' : '提前至'
    const adjusted = isoWeekday(target) >= 6 ? `（${WEEKDAY_LABELS[isoWeekday(target)]}，调休上班日）` : ''
    const where = formatChineseDate(target, yearOf(target) !== yearOf(c.originalDate))
    resolved.push({ ...c, date: target, moved: true, moveReason: `${what}，${verb}${where}${adjusted}`, holidayName })
  }

  // Step 3: one session per rule per day.
  const byDate = new Map<string, Resolved[]>()
  for (const s of resolved) {
    const group = byDate.get(s.date)
    if (group) group.push(s)
    else byDate.set(s.date, [s])
  }
  const dates: PlannedDate[] = []
  for (const [date, group] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    group.sort((a, b) => Number(a.moved) - Number(b.moved) || (a.originalDate < b.originalDate ? -1 : 1))
    const [kept, ...merged] = group
    for (const m of merged) {
      if (inRange(m.originalDate)) {
        dropped.push({
          originalDate: m.originalDate,
          reason: 'merged',
          into: date,
          message: `${m.moveReason ?? `原定${formatChineseDate(m.originalDate)}`}，与当日接待日合并`,
        })
      }
    }
    if (!inRange(date)) continue
    const unpublished = [yearOf(kept.originalDate), yearOf(date)].find((y) => !isHolidayYearPublished(y))
    dates.push({
      date,
      originalDate: kept.originalDate,
      moved: kept.moved,
      moveReason: kept.moveReason,
      confirmed: unpublished === undefined,
      unconfirmedReason: unpublished === undefined ? null : `${unpublished}年节假日安排尚未公布，日期待确认`,
      period: kept.period,
      mergedFrom: merged.map((m) => m.originalDate),
      kind: r.kind,
      startTime: r.startTime,
      endTime: r.endTime,
      theme: r.kind === 'thematic' ? r.theme : null,
      deputiesPerSession: r.deputiesPerSession,
    })
  }
  dropped.sort((a, b) => (a.originalDate < b.originalDate ? -1 : a.originalDate > b.originalDate ? 1 : 0))

  const anyOriginalInRange = candidates.some((c) => inRange(c.originalDate))
  if (dates.length === 0 && !anyOriginalInRange) {
    return fail(`${formatChineseDate(from, true)}至${formatChineseDate(to, true)}期间没有符合“${describeRule(r)}”的接待日，请调整时间段或规则`)
  }
  return { ok: true, data: { dates, dropped } }
}

/** The dates the rule names in [start, end], before any holiday handling. */
function originalDates(rule: ReceptionRule, start: string, end: string): Candidate[] {
  switch (rule.kind) {
    case 'weekly':
      return weeklyDates(rule.weekday, start, end)
    case 'monthly_first_week':
      return monthlyDates(rule.weekday, rule.firstWeekDefinition, start, end)
    case 'thematic':
      return [{ originalDate: rule.date, period: null, movable: false }].filter((c) => c.originalDate >= start && c.originalDate <= end)
    case 'online_window':
      if (rule.weekday !== undefined) return weeklyDates(rule.weekday, start, end)
      return [...new Set(rule.dates ?? [])]
        .sort()
        .filter((d) => d >= start && d <= end)
        .map((d) => ({ originalDate: d, period: null, movable: false }))
  }
}

function weeklyDates(weekday: number, start: string, end: string): Candidate[] {
  const out: Candidate[] = []
  let d = addDays(start, (weekday - isoWeekday(start) + 7) % 7)
  while (d <= end) {
    out.push({ originalDate: d, period: null, movable: true })
    d = addDays(d, 7)
  }
  return out
}

/** The session of month y-m under the chosen “first week” definition (see ./rules.ts). */
export function monthlySessionDate(year: number, month: number, weekday: number, definition: 'first_weekday_of_month' | 'week_containing_first'): string {
  const first = ymd(year, month, 1)
  const wd1 = isoWeekday(first)
  if (definition === 'first_weekday_of_month') return addDays(first, (weekday - wd1 + 7) % 7)
  const monday = addDays(first, 1 - wd1)
  return addDays(monday, weekday - 1)
}

function monthlyDates(weekday: number, definition: 'first_weekday_of_month' | 'week_containing_first', start: string, end: string): Candidate[] {
  const out: Candidate[] = []
  // From the month before `start` to the month after `end`: a month's session may lie in the previous month.
  let y = yearOf(start)
  let m = Number(start.slice(5, 7)) - 1
  if (m === 0) {
    y -= 1
    m = 12
  }
  const endKey = yearOf(end) * 12 + Number(end.slice(5, 7)) + 1
  while (y * 12 + m <= endKey) {
    const d = monthlySessionDate(y, m, weekday, definition)
    if (d >= start && d <= end) out.push({ originalDate: d, period: ymd(y, m, 1).slice(0, 7), movable: true })
    m += 1
    if (m === 13) {
      y += 1
      m = 1
    }
  }
  return out
}

function findWorkingDay(from: string, step: 1 | -1, useAdjusted: boolean): string | null {
  for (let i = 1; i <= MAX_MOVE_DAYS; i++) {
    const d = addDays(from, i * step)
    if (isWorkingDay(d, useAdjusted)) return d
  }
  return null
}
