/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, independent of the process time zone.
 *
 * Every date in the reception calendar is a civil date in Asia/Shanghai. Dates are turned into a
 * day number (days since 1970-01-01) with `Date.UTC`, so the process zone (TZ=UTC on the servers,
 * +08:00 on a phone) never shifts a day. Mainland China has used UTC+8 without daylight saving
 * since 1991, so an instant maps to Shanghai wall time by adding eight hours.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/
const DAY_MS = 86_400_000
/** China Standard Time, UTC+8, no DST. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is false). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = DATE_PATTERN.exec(value)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

/** True for 'HH:mm' on a 24-hour clock. */
export function isValidTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_PATTERN.test(value)
}

export function timeToMinutes(time: string): number {
  const m = TIME_PATTERN.exec(time)
  if (!m) throw new Error(`invalid time: ${time}`)
  return Number(m[1]) * 60 + Number(m[2])
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function toDayNumber(date: string): number {
  const m = DATE_PATTERN.exec(date)
  if (!m) throw new Error(`invalid date: ${date}`)
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS)
}

export function fromDayNumber(day: number): string {
  const d = new Date(day * DAY_MS)
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay()
  return dow === 0 ? 7 : dow
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7))
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10))
}

/** 'YYYY-MM' of a date. */
export function periodOf(date: string): string {
  return date.slice(0, 7)
}

export const WEEKDAY_LABELS: Record<number, string> = {
  1: '星期一',
  2: '星期二',
  3: '星期三',
  4: '星期四',
  5: '星期五',
  6: '星期六',
  7: '星期日',
}

/** “10月2日”, or “2027年1月1日” when `withYear`. */
export function formatChineseDate(date: string, withYear = false): string {
  const text = `${monthOf(date)}月${dayOfMonth(date)}日`
  return withYear ? `${yearOf(date)}年${text}` : text
}

/** Shanghai wall-clock date and time of an instant (Date or epoch milliseconds). */
export function shanghaiDateTime(instant: Date | number): { date: string; time: string } {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(ms)) throw new Error('invalid instant')
  const shifted = new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000)
  return {
    date: ymd(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    time: `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`,
  }
}

/** Minutes since 1970-01-01T00:00 Shanghai wall time: a total order over (date, time). */
export function wallMinutes(date: string, time: string): number {
  return toDayNumber(date) * 1440 + timeToMinutes(time)
}
