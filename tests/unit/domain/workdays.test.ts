process.env.TZ = 'UTC'

import { execFileSync } from 'child_process'
import { join } from 'path'
import { isWorkday as libraryIsWorkday } from 'chinese-days'
import {
  HOLIDAY_DATA_RANGE,
  addDays,
  addWorkdays,
  addWorkdaysDetailed,
  dayInfo,
  holidayDataPublished,
  isDateString,
  isOverdue,
  isPublicHoliday,
  isWorkday,
  overdueWorkdays,
  remainingWorkdays,
  shanghaiDate,
  shiftToWorkday,
  weekday,
  workdaysBetween,
} from '@shared/domain/workdays'

const ROOT = join(__dirname, '../../..')

/** The same answers whatever time zone the process runs in (jest's sandbox cannot change its own TZ). */
describe('independence from the process time zone', () => {
  const script = `
    import * as W from './shared/domain/workdays'
    const days: string[] = []
    for (let d = '2024-01-01'; d <= '2026-12-31'; d = W.addDays(d, 1)) if (W.isWorkday(d)) days.push(d)
    console.log(JSON.stringify({
      days: days.length, first: days.slice(0, 3), deadline: W.addWorkdaysDetailed('2026-09-30', 3),
      shanghai: [W.shanghaiDate('2026-09-30T16:00:00Z'), W.shanghaiDate('2026-09-30T15:59:59Z')],
      overdue: W.isOverdue('2026-10-08', '2026-10-08T16:00:00Z'),
    }))`
  const run = (tz: string) =>
    JSON.parse(execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, env: { ...process.env, TZ: tz } }).toString())

  test('UTC, Shanghai, New York and Kiritimati agree', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati'].map(run)
    expect(zones[0]).toMatchObject({
      deadline: { date: '2026-10-10', confirmed: true },
      shanghai: ['2026-10-01', '2026-09-30'],
      overdue: true,
    })
    for (const z of zones.slice(1)) expect(z).toEqual(zones[0])
  })
})

describe('isWorkday with the official arrangements', () => {
  test.each([
    // 2026 National Day: 10-01..07 off; Sun 09-20 and Sat 10-10 are working days
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-05', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-09-20', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    // 2026 Spring Festival: 02-15..23 off; Sat 02-14 and Sat 02-28 work
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    // 2026 New Year: 01-01..03 off, Sun 01-04 works
    ['2026-01-02', false],
    ['2026-01-04', true],
    // 2025 National Day + Mid-autumn: 10-01..08 off; Sun 09-28 and Sat 10-11 work
    ['2025-10-08', false],
    ['2025-09-28', true],
    ['2025-10-11', true],
    // 2024 National Day: 10-01..07 off; Sun 09-29 and Sat 10-12 work
    ['2024-10-07', false],
    ['2024-09-29', true],
    ['2024-10-12', true],
    // 2024 Spring Festival: Sun 02-04 and Sun 02-18 work
    ['2024-02-04', true],
    ['2024-02-12', false],
    ['2024-02-18', true],
    // ordinary days
    ['2026-03-03', true],
    ['2026-03-07', false],
    ['2026-03-08', false],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected)
  })

  // chinese-days' own functions are only right at UTC or east of it, so compare there only
  const eastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0
  ;(eastOfUtc ? test : test.skip)('agrees with chinese-days on every day of 2024–2026', () => {
    let d = '2024-01-01'
    let days = 0
    while (d <= '2026-12-31') {
      expect([d, isWorkday(d)]).toEqual([d, libraryIsWorkday(d)])
      d = addDays(d, 1)
      days++
    }
    expect(days).toBe(366 + 365 + 365)
  })
})

describe('dayInfo', () => {
  test('tells a public holiday from a weekend and names adjusted working days', () => {
    expect(dayInfo('2026-10-03')).toEqual({ date: '2026-10-03', workday: false, kind: 'holiday', holidayName: '国庆节', confirmed: true })
    expect(dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', workday: true, kind: 'adjusted_workday', holidayName: '国庆节', confirmed: true })
    expect(dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', workday: false, kind: 'weekend', confirmed: true })
    expect(dayInfo('2026-03-06')).toEqual({ date: '2026-03-06', workday: true, kind: 'workday', confirmed: true })
    expect(dayInfo('2026-02-17').holidayName).toBe('春节')
    expect(isPublicHoliday('2026-10-03')).toBe(true)
    expect(isPublicHoliday('2026-03-07')).toBe(false)
  })
})

describe('addWorkdays: deadlines in working days', () => {
  test.each([
    ['2026-09-30', 1, '2026-10-08', 'skips the whole National Day week'],
    ['2026-09-30', 3, '2026-10-10', 'counts the 调休 Saturday'],
    ['2026-09-30', 4, '2026-10-12', 'skips the ordinary Sunday after it'],
    ['2026-09-18', 1, '2026-09-20', 'a 调休 Sunday before the holiday counts'],
    ['2026-02-13', 1, '2026-02-14', 'Friday before Spring Festival → the 调休 Saturday'],
    ['2026-02-14', 1, '2026-02-24', 'skips the nine days of Spring Festival'],
    ['2026-02-13', 5, '2026-02-27', 'Spring Festival inside a five-day deadline'],
    ['2025-09-30', 1, '2025-10-09', '2025 National Day and Mid-autumn together'],
    ['2024-09-30', 1, '2024-10-08', '2024 National Day'],
    ['2025-01-24', 1, '2025-01-26', '2025 Spring Festival 调休 Sunday'],
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 → Monday'],
    ['2026-03-07', 1, '2026-03-09', 'from a Saturday + 1 → Monday'],
    ['2026-03-02', 15, '2026-03-23', 'three plain weeks'],
    ['2026-03-04', 0, '2026-03-04', 'zero days is the start itself'],
  ])('%s + %i working days = %s (%s)', (start, n, due) => {
    expect(addWorkdays(start, n)).toBe(due)
    expect(addWorkdaysDetailed(start, n)).toEqual({ date: due, confirmed: true })
  })

  test('a year without published holidays falls back to weekdays and says it is unconfirmed', () => {
    expect(holidayDataPublished(2026)).toBe(true)
    expect(holidayDataPublished(2027)).toBe(false)
    expect(holidayDataPublished(2003)).toBe(false)
    expect(HOLIDAY_DATA_RANGE).toEqual({ first: 2004, last: 2026 })
    // 2027-01-01 is a Friday: counted as a working day until the 2027 arrangement is published
    expect(addWorkdaysDetailed('2026-12-30', 3)).toEqual({ date: '2027-01-04', confirmed: false })
    expect(addWorkdaysDetailed('2026-12-28', 3)).toEqual({ date: '2026-12-31', confirmed: true })
    expect(dayInfo('2027-10-01')).toMatchObject({ workday: true, kind: 'workday', confirmed: false })
  })

  test('refuses a negative or fractional count and a malformed date', () => {
    expect(() => addWorkdays('2026-03-02', -1)).toThrow(RangeError)
    expect(() => addWorkdays('2026-03-02', 1.5)).toThrow(RangeError)
    expect(() => addWorkdays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addWorkdays('2026/03/02', 1)).toThrow(RangeError)
  })
})

describe('workdaysBetween', () => {
  test.each([
    ['2026-09-30', '2026-10-12', 4],
    ['2026-10-12', '2026-09-30', -4],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-06', '2026-03-08', 0],
    ['2026-03-06', '2026-03-09', 1],
    ['2026-02-13', '2026-02-28', 6],
    ['2026-01-01', '2026-12-31', 248], // 261 weekdays − 19 holiday weekdays + 6 调休 weekends
  ])('from %s to %s: %i', (a, b, n) => {
    expect(workdaysBetween(a, b)).toBe(n)
  })

  test('is the inverse of addWorkdays', () => {
    for (const start of ['2026-09-25', '2026-02-10', '2025-12-31', '2024-04-30']) {
      for (const n of [0, 1, 2, 5, 10, 20]) expect(workdaysBetween(start, addWorkdays(start, n))).toBe(n)
    }
  })
})

describe('shiftToWorkday', () => {
  test('moves a reception day off a holiday', () => {
    expect(shiftToWorkday('2026-10-06')).toBe('2026-10-08')
    expect(shiftToWorkday('2026-10-06', 'backward')).toBe('2026-09-30')
    expect(shiftToWorkday('2026-10-10')).toBe('2026-10-10')
  })
})

describe('shanghaiDate and deadlines', () => {
  test.each([
    ['2026-09-30T15:59:59Z', '2026-09-30'],
    ['2026-09-30T16:00:00Z', '2026-10-01'],
    ['2026-10-01T00:30:00+08:00', '2026-10-01'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(instant)).toBe(date)
    expect(shanghaiDate(new Date(instant))).toBe(date)
    expect(shanghaiDate(Date.parse(instant))).toBe(date)
  })

  test('an invalid instant throws', () => {
    expect(() => shanghaiDate('not a date')).toThrow(RangeError)
  })

  test('a deadline lasts until midnight Shanghai time', () => {
    expect(isOverdue('2026-10-08', '2026-10-08T15:59:59Z')).toBe(false)
    expect(isOverdue('2026-10-08', '2026-10-08T16:00:00Z')).toBe(true)
    expect(isOverdue('2026-10-08', new Date('2026-10-01T03:00:00Z'))).toBe(false)
  })

  test('counts working days overdue and left', () => {
    expect(overdueWorkdays('2026-09-30', '2026-10-09T02:00:00Z')).toBe(2)
    expect(overdueWorkdays('2026-09-30', '2026-09-30T02:00:00Z')).toBe(0)
    expect(remainingWorkdays('2026-10-12', '2026-09-30T02:00:00Z')).toBe(4)
  })
})

describe('date helpers', () => {
  test('validate and step calendar dates', () => {
    expect(isDateString('2024-02-29')).toBe(true)
    expect(isDateString('2026-02-29')).toBe(false)
    expect(isDateString('2026-2-1')).toBe(false)
    expect(isDateString(20260201)).toBe(false)
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(weekday('2026-10-01')).toBe(4)
  })
})
