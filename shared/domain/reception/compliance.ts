/**
 * Duty compliance (每位代表每年到站接待不少于2次).
 *
 * - `count`: distinct dates in `year`, up to and including `today`, on which the deputy has an
 *   attendance record (代表亮码进站). Two check-ins on one day count once; records of other years,
 *   of future dates and of deputies not listed are ignored.
 * - `remainingSessionsNeeded`: max(0, minimumPerYear − count).
 * - `expectedByNow`: how many the deputy should have by `today`, spread evenly over the year:
 *   floor(minimumPerYear × elapsed days / days in year), elapsed counting `today` itself. With the
 *   default 2: 0 in the first half of the year, 1 from about 2 July, 2 on 31 December. For a past
 *   year it is the minimum; for a future year 0.
 * - `behind`: count < expectedByNow — the deputy is behind the year's pace (on 31 December and for
 *   past years: did not reach the minimum).
 *
 * Answer order: behind first, then fewest attended, then deputy code.
 */
import { isValidDate, toDayNumber, yearOf, ymd } from './dates'

export interface ComplianceRow {
  deputyCode: string
  count: number
  behind: boolean
  remainingSessionsNeeded: number
  expectedByNow: number
}

export function dutyCompliance(
  deputies: readonly { code: string }[],
  attendance: readonly { deputyCode: string; date: string }[],
  year: number,
  minimumPerYear = 2,
  today: string,
): ComplianceRow[] {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new Error(`invalid year: ${year}`)
  if (!Number.isInteger(minimumPerYear) || minimumPerYear < 0) throw new Error(`invalid minimumPerYear: ${minimumPerYear}`)
  if (!isValidDate(today)) throw new Error(`invalid today: ${today}`)

  const dates = new Map<string, Set<string>>(deputies.map((d) => [d.code, new Set<string>()]))
  for (const a of attendance) {
    if (!isValidDate(a.date) || yearOf(a.date) !== year || a.date > today) continue
    dates.get(a.deputyCode)?.add(a.date)
  }

  const expectedByNow = expectedCount(year, minimumPerYear, today)
  const rows = [...dates.entries()].map(([deputyCode, set]) => {
    const count = set.size
    return {
      deputyCode,
      count,
      behind: count < expectedByNow,
      remainingSessionsNeeded: Math.max(0, minimumPerYear - count),
      expectedByNow,
    }
  })
  return rows.sort((a, b) => Number(b.behind) - Number(a.behind) || a.count - b.count || (a.deputyCode < b.deputyCode ? -1 : a.deputyCode > b.deputyCode ? 1 : 0))
}

function expectedCount(year: number, minimum: number, today: string): number {
  const todayYear = yearOf(today)
  if (todayYear < year) return 0
  if (todayYear > year) return minimum
  const start = toDayNumber(ymd(year, 1, 1))
  const length = toDayNumber(ymd(year + 1, 1, 1)) - start
  const elapsed = toDayNumber(today) - start + 1
  return Math.floor((minimum * elapsed) / length)
}
