/**
 * iCalendar (RFC 5545) feed of reception sessions, per deputy or per station.
 *
 * - Lines end with CRLF, the last one too.
 * - Content lines longer than 75 octets are folded (RFC 5545 §3.1): CRLF followed by one space,
 *   the space counting towards the next line's 75. Octets are UTF-8 octets, and a line is never
 *   cut inside a character (a Chinese character is 3 octets, an emoji 4).
 * - TEXT values (calendar name, UID, SUMMARY, LOCATION, DESCRIPTION) escape `\` `;` `,` and turn
 *   newlines into `\n` (§3.3.11).
 * - Times are local times with TZID=Asia/Shanghai, and the calendar carries a VTIMEZONE for China
 *   Standard Time: UTC+8 all year, no daylight saving.
 * - DTSTAMP is required in every VEVENT. It is `options.now` when given (the feed's generation
 *   time); without it the function stays pure and deterministic by stamping the event's own start
 *   instant, which is a valid value and keeps unchanged feeds byte-identical.
 *
 * Invalid events (bad date or time, end not after start, empty uid) throw AppError validation_failed.
 */
import { AppError } from '../../errors'
import { isValidDate, isValidTime, SHANGHAI_OFFSET_MINUTES, timeToMinutes, toDayNumber } from './dates'

export interface CalendarEvent {
  uid: string
  date: string
  startTime: string
  endTime: string
  summary: string
  location: string
  description: string
  /** `tentative` suits a 待确认 date; `cancelled` keeps the event so that subscribers drop it. */
  status?: 'confirmed' | 'tentative' | 'cancelled'
  /** Link to the session's announcement page. */
  url?: string
}

export interface ToICSOptions {
  /** Generation time, used as DTSTAMP. */
  now?: Date | number
}

export const ICS_TZID = 'Asia/Shanghai'
export const ICS_PRODID = '-//五单通//人大代表接待日//ZH'
const CRLF = '\r\n'
const MAX_OCTETS = 75

export function toICS(calendarName: string, events: readonly CalendarEvent[], options: ToICSOptions = {}): string {
  const stamp = options.now === undefined ? null : utcStamp(typeof options.now === 'number' ? options.now : options.now.getTime())
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendarName)}`,
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    `X-WR-TIMEZONE:${ICS_TZID}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
    'BEGIN:VTIMEZONE',
    `TZID:${ICS_TZID}`,
    `X-LIC-LOCATION:${ICS_TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
  for (const e of events) {
    validate(e)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp ?? utcStamp(startInstant(e.date, e.startTime))}`,
      `DTSTART;TZID=${ICS_TZID}:${localStamp(e.date, e.startTime)}`,
      `DTEND;TZID=${ICS_TZID}:${localStamp(e.date, e.endTime)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `LOCATION:${escapeText(e.location)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
    )
    if (e.url) lines.push(`URL:${e.url}`)
    if (e.status) lines.push(`STATUS:${e.status.toUpperCase()}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}

/** RFC 5545 TEXT escaping. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds one content line at 75 UTF-8 octets without splitting a character. */
export function foldLine(line: string): string {
  if (utf8Length(line) <= MAX_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let size = 0
  let limit = MAX_OCTETS
  for (const ch of line) {
    const n = utf8Length(ch)
    if (size + n > limit) {
      parts.push(current)
      current = ''
      size = 0
      limit = MAX_OCTETS - 1 // the leading space of a continuation line is one of its 75 octets
    }
    current += ch
    size += n
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** UTF-8 octets of a string, counted by code point (no Buffer/TextEncoder: runs in the mini-program too). */
export function utf8Length(value: string): number {
  let n = 0
  for (const ch of value) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

function validate(e: CalendarEvent): void {
  if (!e.uid || !e.uid.trim()) throw new AppError('validation_failed', '日历事件缺少唯一编号（UID）', 'uid')
  if (!isValidDate(e.date)) throw new AppError('validation_failed', `日历事件${e.uid}的日期格式不正确`, 'date')
  if (!isValidTime(e.startTime) || !isValidTime(e.endTime)) throw new AppError('validation_failed', `日历事件${e.uid}的时间格式不正确`, 'startTime')
  if (timeToMinutes(e.startTime) >= timeToMinutes(e.endTime)) throw new AppError('validation_failed', `日历事件${e.uid}的结束时间应晚于开始时间`, 'endTime')
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`
}

function startInstant(date: string, time: string): number {
  return (toDayNumber(date) * 1440 + timeToMinutes(time) - SHANGHAI_OFFSET_MINUTES) * 60_000
}

function utcStamp(ms: number): string {
  if (!Number.isFinite(ms)) throw new AppError('validation_failed', '生成时间不正确', 'now')
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}
