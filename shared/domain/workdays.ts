/**
 * Working days in mainland China, for deadlines (办理时限) and reception calendars.
 *
 * Dates are 'YYYY-MM-DD' strings meaning a calendar day in Asia/Shanghai. Nothing here reads the
 * clock or the process time zone: instants are passed in and converted with `shanghaiDate`.
 *
 * Holiday and adjusted-workday (调休) data come from chinese-days' published table (2004 onward,
 * as far as the installed version goes). We read its data file rather than its functions because
 * those parse dates in the process time zone and shift by a day west of UTC.
 * A year the table does not cover falls back to plain Monday–Friday and is reported unconfirmed.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import chineseDays from 'chinese-days/dist/chinese-days.json'
import { ownValue } from '../own'

dayjs.extend(utc)

type DayTable = Record<string, string>
const DATA = chineseDays as unknown as { holidays: DayTable; workdays: DayTable; inLieuDays: DayTable }

const PUBLISHED_YEARS: ReadonlySet<number> = new Set(Object.keys(DATA.holidays).map((d) => Number(d.slice(0, 4))))

/** First and last year with official holiday data. */
export const HOLIDAY_DATA_RANGE = {
  first: Math.min(...PUBLISHED_YEARS),
  last: Math.max(...PUBLISHED_YEARS),
} as const

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export type DateString = string

/** Is this a real calendar date written as YYYY-MM-DD? */
export function isDateString(value: unknown): value is DateString {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false
  const d = dayjs.utc(value)
  return d.isValid() && d.format('YYYY-MM-DD') === value
}

function assertDate(value: string, name = 'date'): void {
  if (!isDateString(value)) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`)
}

/** Calendar arithmetic on date strings. */
export function addDays(date: DateString, n: number): DateString {
  assertDate(date)
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD')
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateString): number {
  assertDate(date)
  return dayjs.utc(date).day()
}

/** Has the official holiday arrangement for this year been published (and shipped with chinese-days)? */
export function holidayDataPublished(year: number): boolean {
  return PUBLISHED_YEARS.has(year)
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday'

export interface DayInfo {
  date: DateString
  workday: boolean
  /** holiday: 法定节假日 (and the weekend days inside its break); adjusted_workday: 调休上班的周末. */
  kind: DayKind
  /** Chinese holiday name for holiday / adjusted_workday days, e.g. 国庆节. */
  holidayName?: string
  /** false when the year's official arrangement is not in the table (plain weekdays assumed). */
  confirmed: boolean
}

const chineseName = (entry: string) => entry.split(',')[1] ?? entry

export function dayInfo(date: DateString): DayInfo {
  assertDate(date)
  const confirmed = holidayDataPublished(Number(date.slice(0, 4)))
  const adjusted = ownValue(DATA.workdays, date)
  if (adjusted) return { date, workday: true, kind: 'adjusted_workday', holidayName: chineseName(adjusted), confirmed }
  const holiday = ownValue(DATA.holidays, date)
  if (holiday) return { date, workday: false, kind: 'holiday', holidayName: chineseName(holiday), confirmed }
  const wd = dayjs.utc(date).day()
  const weekend = wd === 0 || wd === 6
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', confirmed }
}

export function isWorkday(date: DateString): boolean {
  return dayInfo(date).workday
}

/** A public holiday (法定节假日放假), as opposed to an ordinary weekend. */
export function isPublicHoliday(date: DateString): boolean {
  return dayInfo(date).kind === 'holiday'
}

export interface WorkdayResult {
  date: DateString
  /** false if any year the count passed through has no official holiday data yet. */
  confirmed: boolean
}

function yearsConfirmed(a: DateString, b: DateString): boolean {
  const [from, to] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((x, y) => x - y)
  for (let y = from; y <= to; y++) if (!holidayDataPublished(y)) return false
  return true
}

/**
 * The day that is `n` working days after `start` (start itself not counted): a department
 * dispatched on Friday with 1 working day is due on Monday, or on the 调休 Saturday if there is one.
 * `n = 0` returns `start`. Weekends and public holidays are skipped, adjusted working weekends count.
 */
export function addWorkdaysDetailed(start: DateString, n: number): WorkdayResult {
  assertDate(start, 'start')
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`)
  let d = dayjs.utc(start)
  let left = n
  while (left > 0) {
    d = d.add(1, 'day')
    if (isWorkday(d.format('YYYY-MM-DD'))) left--
  }
  const date = d.format('YYYY-MM-DD')
  return { date, confirmed: yearsConfirmed(start, date) }
}

export function addWorkdays(start: DateString, n: number): DateString {
  return addWorkdaysDetailed(start, n).date
}

/**
 * Working days from `a` to `b`: those d with a < d ≤ b, so that
 * `workdaysBetween(a, addWorkdays(a, n)) === n`. Negative when b is before a; 0 when equal.
 */
export function workdaysBetween(a: DateString, b: DateString): number {
  assertDate(a, 'a')
  assertDate(b, 'b')
  if (a === b) return 0
  const sign = a < b ? 1 : -1
  const [lo, hi] = sign > 0 ? [a, b] : [b, a]
  let count = 0
  let d = dayjs.utc(lo)
  const end = dayjs.utc(hi)
  while (d.isBefore(end)) {
    d = d.add(1, 'day')
    if (isWorkday(d.format('YYYY-MM-DD'))) count++
  }
  return sign * count
}

/**
 * Move a date onto a working day: itself if it is one, else the next (`forward`) or the
 * previous (`backward`) working day. For reception days that fall on a holiday.
 */
export function shiftToWorkday(date: DateString, direction: 'forward' | 'backward' = 'forward'): DateString {
  assertDate(date)
  const step = direction === 'forward' ? 1 : -1
  let d = date
  while (!isWorkday(d)) d = addDays(d, step)
  return d
}

const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** The calendar day in Asia/Shanghai (UTC+8, no daylight saving) at that instant, whatever the process TZ. */
export function shanghaiDate(instant: Date | string | number): DateString {
  const t = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (!Number.isFinite(t)) throw new RangeError(`not a valid instant: ${String(instant)}`)
  return dayjs(t).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD')
}

/** A deadline is the whole day in Shanghai: overdue from the next day's 00:00 (UTC+8). */
export function isOverdue(deadline: DateString, now: Date | string | number): boolean {
  assertDate(deadline, 'deadline')
  return shanghaiDate(now) > deadline
}

/**
 * Working days past the deadline, for 督办 lists (“逾期N个工作日”). 0 when not overdue, and also on
 * a weekend or holiday right after the deadline: use `isOverdue` for the flag, this for the count.
 */
export function overdueWorkdays(deadline: DateString, now: Date | string | number): number {
  const today = shanghaiDate(now)
  return today > deadline ? workdaysBetween(deadline, today) : 0
}

/** Working days left until the deadline (0 on the day itself, negative when overdue). */
export function remainingWorkdays(deadline: DateString, now: Date | string | number): number {
  return workdaysBetween(shanghaiDate(now), deadline)
}
