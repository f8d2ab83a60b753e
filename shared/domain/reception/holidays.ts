/**
 * Official holiday and adjusted-workday (调休) data for the reception calendar. The table itself is
 * read once, by ../workdays.ts (chinese-days data file, State Council notices, 2004 onwards); this
 * module adds the reception vocabulary on top. Pure lookups: no clock, no process time zone.
 *
 * Vocabulary used throughout ./expand.ts:
 * - **public holiday** (法定节假日): a date listed in the official holiday block, including the rest
 *   days gained by 调休 (e.g. 2026-10-01 … 2026-10-07). Only these dates make a session move.
 *   An ordinary Saturday or Sunday is not a public holiday: a rule that names a weekend day keeps it.
 * - **adjusted workday** (调休上班日): a Saturday or Sunday the notice makes a working day
 *   (e.g. Saturday 2026-10-10).
 * - **working day** (when looking for a day to move a session to): Monday–Friday that is not a
 *   public holiday; plus adjusted workdays, but only when the county's `useAdjustedWorkdays` is on.
 * - **published year**: a year the data covers. For any other year (2027 while this package
 *   version is current) nothing is known to be a holiday, so nothing moves, and every date is
 *   marked 待确认 (`confirmed: false`) until the data is updated.
 */
import { dayInfo, holidayDataPublished, HOLIDAY_DATA_RANGE } from '../workdays'
import { isoWeekday } from './dates'
import { ownValue } from '../../own'

/** The chinese-days short names, as the notices call the holidays in running text. */
const HOLIDAY_DISPLAY_NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
}

/** Whether the official holiday arrangement of `year` is in the data (2004–2026 in chinese-days 1.5.7). */
export function isHolidayYearPublished(year: number): boolean {
  return holidayDataPublished(year)
}

/** First and last year with official holiday data. */
export const PUBLISHED_HOLIDAY_YEARS = HOLIDAY_DATA_RANGE

/** The holiday's Chinese name (“国庆节”) when `date` is a public holiday, else null. */
export function publicHolidayName(date: string): string | null {
  const info = dayInfo(date)
  if (info.kind !== 'holiday') return null
  const short = info.holidayName ?? ''
  return ownValue(HOLIDAY_DISPLAY_NAMES, short) ?? (short || '法定节假日')
}

export function isPublicHoliday(date: string): boolean {
  return dayInfo(date).kind === 'holiday'
}

/** A Saturday or Sunday that the official notice makes a working day (调休上班). */
export function isAdjustedWorkday(date: string): boolean {
  return dayInfo(date).kind === 'adjusted_workday'
}

/** A day a session may be moved to; see the vocabulary above. */
export function isWorkingDay(date: string, useAdjustedWorkdays: boolean): boolean {
  if (isPublicHoliday(date)) return false
  if (isoWeekday(date) <= 5) return true
  return useAdjustedWorkdays && isAdjustedWorkday(date)
}
