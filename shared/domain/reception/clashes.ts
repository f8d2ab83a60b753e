/**
 * Bad bookings: overlapping sessions at one station, a deputy on duty at two overlapping sessions,
 * and sessions in the past.
 *
 * Two sessions overlap when they are on the same date and each starts before the other ends
 * (start < otherEnd && otherStart < end): 09:00–12:00 and 12:00–15:00 do not overlap. Cancelled
 * sessions (`status: 'cancelled'`) are ignored. A deputy booked at overlapping sessions clashes
 * whether or not the stations differ. Each pair is reported once, ids in ascending order; the
 * answer is sorted by date, then kind, then ids.
 */
import { isValidDate, isValidTime, shanghaiDateTime, timeToMinutes, wallMinutes, formatChineseDate } from './dates'

export interface SessionSlot {
  id: string
  stationCode: string
  date: string
  startTime: string
  endTime: string
  deputyCodes: readonly string[]
  status?: string
}

export type Clash =
  | { kind: 'station_overlap'; sessionIds: [string, string]; date: string; stationCode: string; message: string }
  | { kind: 'deputy_double_booked'; sessionIds: [string, string]; date: string; deputyCode: string; message: string }

export function findClashes(sessions: readonly SessionSlot[]): Clash[] {
  for (const s of sessions) {
    if (!isValidDate(s.date) || !isValidTime(s.startTime) || !isValidTime(s.endTime)) {
      throw new Error(`session ${s.id}: invalid date or time`)
    }
  }
  const live = sessions.filter((s) => s.status !== 'cancelled')
  const byDate = new Map<string, SessionSlot[]>()
  for (const s of live) {
    const list = byDate.get(s.date)
    if (list) list.push(s)
    else byDate.set(s.date, [s])
  }

  const clashes: Clash[] = []
  for (const [date, list] of byDate) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i].id <= list[j].id ? [list[i], list[j]] : [list[j], list[i]]
        if (!overlaps(a, b)) continue
        const when = `${formatChineseDate(date)} ${a.startTime}–${a.endTime} 与 ${b.startTime}–${b.endTime}`
        if (a.stationCode === b.stationCode) {
          clashes.push({
            kind: 'station_overlap',
            sessionIds: [a.id, b.id],
            date,
            stationCode: a.stationCode,
            message: `站点${a.stationCode}在${when}有两场时间重叠的接待`,
          })
        }
        const shared = [...new Set(a.deputyCodes)].filter((c) => b.deputyCodes.includes(c)).sort()
        for (const deputyCode of shared) {
          clashes.push({
            kind: 'deputy_double_booked',
            sessionIds: [a.id, b.id],
            date,
            deputyCode,
            message: `代表${deputyCode}在${when}被同时安排了两场接待`,
          })
        }
      }
    }
  }
  return clashes.sort(
    (x, y) =>
      cmp(x.date, y.date) ||
      cmp(x.kind, y.kind) ||
      cmp(x.sessionIds[0], y.sessionIds[0]) ||
      cmp(x.sessionIds[1], y.sessionIds[1]) ||
      cmp(x.kind === 'deputy_double_booked' ? x.deputyCode : '', y.kind === 'deputy_double_booked' ? y.deputyCode : ''),
  )
}

function overlaps(a: SessionSlot, b: SessionSlot): boolean {
  return timeToMinutes(a.startTime) < timeToMinutes(b.endTime) && timeToMinutes(b.startTime) < timeToMinutes(a.endTime)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether a session starting at `date` `time` (Shanghai wall time) lies in the past at `now`,
 * an instant (Date or epoch ms) or a Shanghai wall-clock {date, time}. Minute precision: the
 * session is in the past when its start minute is before the current minute — a 09:00 session
 * can still be created at 09:00:59, not at 09:01.
 */
export function isInPast(date: string, time: string, now: Date | number | { date: string; time: string }): boolean {
  if (!isValidDate(date) || !isValidTime(time)) throw new Error(`invalid date or time: ${date} ${time}`)
  const wall = typeof now === 'object' && !(now instanceof Date) ? now : shanghaiDateTime(now)
  if (!isValidDate(wall.date) || !isValidTime(wall.time)) throw new Error('invalid now')
  return wallMinutes(date, time) < wallMinutes(wall.date, wall.time)
}
