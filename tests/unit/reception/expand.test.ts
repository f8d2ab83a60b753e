import chineseDays from 'chinese-days'
import {
  expandRule,
  expandRuleDetailed,
  isAdjustedWorkday,
  isHolidayYearPublished,
  isPublicHoliday,
  isWorkingDay,
  monthlySessionDate,
  type ExpandOptions,
  type HolidayPolicy,
  type PlannedDate,
  type ReceptionRuleInput,
} from '@shared/domain/reception'
import { addDays } from '@shared/domain/reception/dates'

const LINYING_115: ReceptionRuleInput = { kind: 'monthly_first_week', weekday: 5 }
const XIUWU_TUESDAY: ReceptionRuleInput = { kind: 'weekly', weekday: 2, deputiesPerSession: 2 }

function dates(rule: ReceptionRuleInput, options: ExpandOptions): PlannedDate[] {
  const r = expandRule(rule, options)
  if (!r.ok) throw new Error(r.message)
  return r.data
}

function only(rule: ReceptionRuleInput, options: ExpandOptions): PlannedDate {
  const list = dates(rule, options)
  expect(list).toHaveLength(1)
  return list[0]
}

describe('the official data the calendar relies on (chinese-days 1.5.7)', () => {
  test('National Day 2026 is 10-01…10-07, and Saturday 10-10 is an adjusted workday (调休上班)', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(isPublicHoliday(d)).toBe(true)
    expect(isPublicHoliday('2026-10-08')).toBe(false)
    expect(isAdjustedWorkday('2026-10-10')).toBe(true)
    expect(isAdjustedWorkday('2026-10-17')).toBe(false)
  })

  // chinese-days' own functions read dates in the process zone and are wrong west or east of UTC
  // (which is why workdays.ts reads its data file); so the cross-check runs only in a UTC process.
  const utcProcess = new Date(2026, 0, 1).getTimezoneOffset() === 0
  ;(utcProcess ? test : test.skip)('our working-day test agrees with chinese-days.isWorkday on every day of 2024–2026 (adjusted workdays on)', () => {
    for (let d = '2024-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect([d, isWorkingDay(d, true)]).toEqual([d, chineseDays.isWorkday(d)])
    }
  })

  test.each([
    [2004, true],
    [2024, true],
    [2026, true],
    [2027, false],
    [2003, false],
  ])('holiday data for %i published: %s', (year, published) => {
    expect(isHolidayYearPublished(year)).toBe(published)
  })
})

describe('monthly “1·1·5”: first Friday of October 2026 falls in National Day', () => {
  const october = { from: '2026-10-01', to: '2026-10-31' }

  test.each<[HolidayPolicy, boolean, string, string]>([
    ['next_workday', false, '2026-10-08', '原定10月2日为国庆节假期，顺延至10月8日'],
    ['next_workday', true, '2026-10-08', '原定10月2日为国庆节假期，顺延至10月8日'],
    ['previous_workday', false, '2026-09-30', '原定10月2日为国庆节假期，提前至9月30日'],
    ['previous_workday', true, '2026-09-30', '原定10月2日为国庆节假期，提前至9月30日'],
  ])('%s (adjusted workdays %s) moves 10-02 to %s', (holidayPolicy, useAdjustedWorkdays, expected, reason) => {
    const range = holidayPolicy === 'previous_workday' ? { from: '2026-09-01', to: '2026-10-31' } : october
    const all = dates(LINYING_115, { ...range, holidayPolicy, useAdjustedWorkdays })
    const s = all.find((p) => p.originalDate === '2026-10-02')!
    expect(s).toMatchObject({ date: expected, originalDate: '2026-10-02', moved: true, moveReason: reason, confirmed: true, period: '2026-10' })
  })

  test('the move goes to Thursday 10-08, the first working day after the holiday, not the Saturday 调休 10-10', () => {
    const s = only(LINYING_115, { ...october, holidayPolicy: 'next_workday', useAdjustedWorkdays: true })
    expect(s.date).toBe('2026-10-08')
    expect(s.date < '2026-10-10').toBe(true)
  })

  test('skip leaves October without a session and says why', () => {
    const r = expandRuleDetailed(LINYING_115, { ...october, holidayPolicy: 'skip' })
    expect(r).toEqual({
      ok: true,
      data: {
        dates: [],
        dropped: [{ originalDate: '2026-10-02', reason: 'holiday_skipped', into: null, message: '原定10月2日为国庆节假期，当次不安排接待' }],
      },
    })
  })

  test('the default policy is next_workday with adjusted workdays off', () => {
    expect(only(LINYING_115, october).date).toBe('2026-10-08')
  })
})

describe('real holidays 2024–2026, monthly first Friday', () => {
  test.each<[string, HolidayPolicy, boolean, string, string | null]>([
    // 2026 元旦 01-01…01-03; Sunday 01-04 is a 调休 workday
    ['2026-01', 'next_workday', false, '2026-01-05', '原定1月2日为元旦假期，顺延至1月5日'],
    ['2026-01', 'next_workday', true, '2026-01-04', '原定1月2日为元旦假期，顺延至1月4日（星期日，调休上班日）'],
    ['2026-01', 'previous_workday', false, '2025-12-31', '原定1月2日为元旦假期，提前至2025年12月31日'],
    // 2026 Spring Festival 02-15…02-23: the first Friday 02-06 is before it
    ['2026-02', 'next_workday', false, '2026-02-06', null],
    // 2026 Labour Day 05-01…05-05
    ['2026-05', 'next_workday', false, '2026-05-06', '原定5月1日为劳动节假期，顺延至5月6日'],
    ['2026-05', 'previous_workday', false, '2026-04-30', '原定5月1日为劳动节假期，提前至4月30日'],
    // 2025 National Day + Mid-autumn 10-01…10-08
    ['2025-10', 'next_workday', false, '2025-10-09', '原定10月3日为国庆节假期，顺延至10月9日'],
    ['2025-10', 'previous_workday', false, '2025-09-30', '原定10月3日为国庆节假期，提前至9月30日'],
    // 2025 Labour Day 05-01…05-05
    ['2025-05', 'next_workday', false, '2025-05-06', '原定5月2日为劳动节假期，顺延至5月6日'],
    ['2025-05', 'previous_workday', true, '2025-04-30', '原定5月2日为劳动节假期，提前至4月30日'],
    // 2024 National Day 10-01…10-07
    ['2024-10', 'next_workday', false, '2024-10-08', '原定10月4日为国庆节假期，顺延至10月8日'],
    ['2024-10', 'previous_workday', false, '2024-09-30', '原定10月4日为国庆节假期，提前至9月30日'],
    // 2024 Labour Day 05-01…05-05
    ['2024-05', 'next_workday', false, '2024-05-06', '原定5月3日为劳动节假期，顺延至5月6日'],
    // 2024 Qingming 04-04…04-06
    ['2024-04', 'next_workday', false, '2024-04-08', '原定4月5日为清明节假期，顺延至4月8日'],
  ])('%s %s (adjusted %s) → %s', (month, holidayPolicy, useAdjustedWorkdays, expected, reason) => {
    const from = `${month}-01`
    const list = dates(LINYING_115, { from: addDays(from, -40), to: addDays(from, 40), holidayPolicy, useAdjustedWorkdays })
    const s = list.find((p) => p.period === month)!
    expect(s.date).toBe(expected)
    expect(s.moved).toBe(reason !== null)
    expect(s.moveReason).toBe(reason)
  })

  test('a whole year of 2026 gives one session per month, three of them moved', () => {
    const list = dates(LINYING_115, { from: '2026-01-01', to: '2026-12-31' })
    expect(list.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    expect(list.filter((p) => p.moved).map((p) => `${p.originalDate}→${p.date}`)).toEqual([
      '2026-01-02→2026-01-05',
      '2026-05-01→2026-05-06',
      '2026-10-02→2026-10-08',
    ])
    expect(list.every((p) => p.confirmed && p.startTime === '09:00' && p.endTime === '12:00' && p.deputiesPerSession === 1)).toBe(true)
  })
})

describe('修武 weekly Tuesdays', () => {
  test('October 2026: 10-06 in National Day moves to Thursday 10-08; the rest stay', () => {
    const list = dates(XIUWU_TUESDAY, { from: '2026-10-01', to: '2026-10-31' })
    expect(list.map((p) => [p.originalDate, p.date, p.moved])).toEqual([
      ['2026-10-06', '2026-10-08', true],
      ['2026-10-13', '2026-10-13', false],
      ['2026-10-20', '2026-10-20', false],
      ['2026-10-27', '2026-10-27', false],
    ])
    expect(list[0].moveReason).toBe('原定10月6日为国庆节假期，顺延至10月8日')
    expect(list.every((p) => p.deputiesPerSession === 2)).toBe(true)
  })

  test('October 2026 with previous_workday: 10-06 goes back to 09-30, outside the range, so October has three', () => {
    const oct = dates(XIUWU_TUESDAY, { from: '2026-10-01', to: '2026-10-31', holidayPolicy: 'previous_workday' })
    expect(oct.map((p) => p.date)).toEqual(['2026-10-13', '2026-10-20', '2026-10-27'])
    const sep = dates(XIUWU_TUESDAY, { from: '2026-09-01', to: '2026-09-30', holidayPolicy: 'previous_workday' })
    expect(sep.at(-1)).toMatchObject({ date: '2026-09-30', originalDate: '2026-10-06', moveReason: '原定10月6日为国庆节假期，提前至9月30日' })
  })

  test('consecutive ranges give every session exactly once', () => {
    const whole = dates(XIUWU_TUESDAY, { from: '2026-01-01', to: '2026-12-31' }).map((p) => p.date)
    const byMonth = Array.from({ length: 12 }, (_, i) => {
      const from = `2026-${String(i + 1).padStart(2, '0')}-01`
      const to = addDays(i === 11 ? '2027-01-01' : `2026-${String(i + 2).padStart(2, '0')}-01`, -1)
      return dates(XIUWU_TUESDAY, { from, to }).map((p) => p.date)
    }).flat()
    expect(byMonth).toEqual(whole)
  })

  test('Spring Festival 2026: Tuesday 02-17 moved to 02-24 collides with the regular 02-24 session and is merged', () => {
    const r = expandRuleDetailed(XIUWU_TUESDAY, { from: '2026-02-01', to: '2026-02-28' })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.dates.map((p) => p.date)).toEqual(['2026-02-03', '2026-02-10', '2026-02-24'])
    expect(r.data.dates[2]).toMatchObject({ originalDate: '2026-02-24', moved: false, moveReason: null, mergedFrom: ['2026-02-17'] })
    expect(r.data.dropped).toEqual([
      { originalDate: '2026-02-17', reason: 'merged', into: '2026-02-24', message: '原定2月17日为春节假期，顺延至2月24日，与当日接待日合并' },
    ])
  })

  test('Spring Festival 2026 with previous_workday: 02-17 goes to Friday 02-13, or Saturday 02-14 (调休) when allowed', () => {
    const off = dates(XIUWU_TUESDAY, { from: '2026-02-01', to: '2026-02-28', holidayPolicy: 'previous_workday' })
    expect(off.map((p) => p.date)).toEqual(['2026-02-03', '2026-02-10', '2026-02-13', '2026-02-24'])
    const on = dates(XIUWU_TUESDAY, { from: '2026-02-01', to: '2026-02-28', holidayPolicy: 'previous_workday', useAdjustedWorkdays: true })
    expect(on.map((p) => p.date)).toEqual(['2026-02-03', '2026-02-10', '2026-02-14', '2026-02-24'])
    expect(on[2].moveReason).toBe('原定2月17日为春节假期，提前至2月14日（星期六，调休上班日）')
  })

  test('Spring Festival 2024: Tuesday 02-13 moves to Monday 02-19, or Sunday 02-18 (调休) when allowed', () => {
    const range = { from: '2024-02-01', to: '2024-02-29' }
    expect(dates(XIUWU_TUESDAY, range).find((p) => p.originalDate === '2024-02-13')!.date).toBe('2024-02-19')
    expect(dates(XIUWU_TUESDAY, { ...range, useAdjustedWorkdays: true }).find((p) => p.originalDate === '2024-02-13')!.date).toBe('2024-02-18')
  })

  test('National Day 2025 with previous_workday: 10-07 goes back onto the regular 09-30 session and is merged', () => {
    const r = expandRuleDetailed(XIUWU_TUESDAY, { from: '2025-09-01', to: '2025-10-31', holidayPolicy: 'previous_workday' })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.dates.filter((p) => p.date >= '2025-09-30' && p.date <= '2025-10-14').map((p) => [p.date, p.mergedFrom])).toEqual([
      ['2025-09-30', ['2025-10-07']],
      ['2025-10-14', []],
    ])
    expect(r.data.dropped.map((d) => [d.originalDate, d.reason, d.into])).toEqual([['2025-10-07', 'merged', '2025-09-30']])
  })

  test('a merge across the range boundary is seen: October 2025 alone does not list 10-07 as a session', () => {
    const oct = dates(XIUWU_TUESDAY, { from: '2025-10-01', to: '2025-10-31', holidayPolicy: 'previous_workday' })
    expect(oct.map((p) => p.date)).toEqual(['2025-10-14', '2025-10-21', '2025-10-28'])
  })

  test('National Day 2025 with skip: Tuesday 10-07 is dropped, the rest kept', () => {
    const r = expandRuleDetailed(XIUWU_TUESDAY, { from: '2025-10-01', to: '2025-10-31', holidayPolicy: 'skip' })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.dates.map((p) => p.date)).toEqual(['2025-10-14', '2025-10-21', '2025-10-28'])
    expect(r.data.dropped).toEqual([
      { originalDate: '2025-10-07', reason: 'holiday_skipped', into: null, message: '原定10月7日为国庆节假期，当次不安排接待' },
    ])
  })

  test('no two sessions of one rule ever share a date over 2024–2026, whatever the policy', () => {
    for (const holidayPolicy of ['next_workday', 'previous_workday', 'skip'] as const) {
      for (const useAdjustedWorkdays of [false, true]) {
        for (const weekday of [1, 2, 3, 4, 5]) {
          const list = dates({ kind: 'weekly', weekday }, { from: '2024-01-01', to: '2026-12-31', holidayPolicy, useAdjustedWorkdays })
          const ds = list.map((p) => p.date)
          expect(new Set(ds).size).toBe(ds.length)
          expect(list.every((p) => !isPublicHoliday(p.date))).toBe(true)
        }
      }
    }
  })
})

describe('first week definitions', () => {
  test.each([
    // month, first_weekday_of_month, week_containing_first (the 1st is a Saturday or Sunday)
    ['2026-02', '2026-02-06', '2026-01-30'],
    ['2026-03', '2026-03-06', '2026-02-27'],
    ['2026-08', '2026-08-07', '2026-07-31'],
    ['2026-11', '2026-11-06', '2026-10-30'],
    ['2025-03', '2025-03-07', '2025-02-28'],
    ['2025-06', '2025-06-06', '2025-05-30'],
  ])('%s: first Friday %s, Friday of the week containing the 1st %s', (month, firstFriday, weekOfFirst) => {
    const [y, m] = month.split('-').map(Number)
    expect(monthlySessionDate(y, m, 5, 'first_weekday_of_month')).toBe(firstFriday)
    expect(monthlySessionDate(y, m, 5, 'week_containing_first')).toBe(weekOfFirst)
  })

  test.each([
    ['2026-04', '2026-04-03'], // the 1st is a Wednesday
    ['2026-05', '2026-05-01'], // the 1st is the Friday itself
    ['2026-09', '2026-09-04'], // the 1st is a Tuesday
  ])('%s: both definitions agree on %s when the Friday of the 1st’s week is in the month', (month, date) => {
    const [y, m] = month.split('-').map(Number)
    expect(monthlySessionDate(y, m, 5, 'first_weekday_of_month')).toBe(date)
    expect(monthlySessionDate(y, m, 5, 'week_containing_first')).toBe(date)
  })

  test('week_containing_first: November 2026’s session is held on 10-30 and is listed in an October range with period 2026-11', () => {
    const rule: ReceptionRuleInput = { kind: 'monthly_first_week', weekday: 5, firstWeekDefinition: 'week_containing_first' }
    const oct = dates(rule, { from: '2026-10-01', to: '2026-10-31' })
    expect(oct.map((p) => [p.date, p.period])).toEqual([
      ['2026-10-08', '2026-10'],
      ['2026-10-30', '2026-11'],
    ])
    const nov = expandRule(rule, { from: '2026-11-01', to: '2026-11-30' })
    expect(nov.ok).toBe(false) // nothing falls in November itself under this definition
  })

  test('week_containing_first over 2026 still gives exactly one session for each month', () => {
    const list = dates({ kind: 'monthly_first_week', weekday: 5, firstWeekDefinition: 'week_containing_first' }, { from: '2026-01-01', to: '2026-12-31' })
    expect(list.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
  })

  test('another weekday: first Monday vs the Monday of the week containing the 1st (April 2026 starts on a Wednesday)', () => {
    expect(monthlySessionDate(2026, 4, 1, 'first_weekday_of_month')).toBe('2026-04-06')
    expect(monthlySessionDate(2026, 4, 1, 'week_containing_first')).toBe('2026-03-30')
  })
})

describe('years without published holiday data are 待确认', () => {
  test('a 2027 date is kept as the rule gives it, confirmed false, with the reason', () => {
    const s = only(LINYING_115, { from: '2027-10-01', to: '2027-10-31' })
    expect(s).toMatchObject({
      date: '2027-10-01',
      originalDate: '2027-10-01',
      moved: false,
      moveReason: null,
      confirmed: false,
      unconfirmedReason: '2027年节假日安排尚未公布，日期待确认',
    })
  })

  test('a range across 2026/2027 confirms 2026 and not 2027', () => {
    const list = dates(XIUWU_TUESDAY, { from: '2026-12-15', to: '2027-01-15' })
    expect(list.map((p) => [p.date, p.confirmed])).toEqual([
      ['2026-12-15', true],
      ['2026-12-22', true],
      ['2026-12-29', true],
      ['2027-01-05', false],
      ['2027-01-12', false],
    ])
  })
})

describe('thematic days and online windows', () => {
  test('a thematic day on its date, with its theme; never moved even on a holiday', () => {
    const s = only({ kind: 'thematic', date: '2026-10-03', theme: '乡村振兴', startTime: '14:30', endTime: '17:00' }, { from: '2026-10-01', to: '2026-10-31' })
    expect(s).toMatchObject({ date: '2026-10-03', moved: false, theme: '乡村振兴', kind: 'thematic', startTime: '14:30', endTime: '17:00', period: null })
  })

  test('an online window by weekday behaves like a weekly rule (moves off holidays)', () => {
    const list = dates({ kind: 'online_window', weekday: 3, startTime: '19:00', endTime: '21:00' }, { from: '2026-09-28', to: '2026-10-11' })
    expect(list.map((p) => [p.originalDate, p.date])).toEqual([
      ['2026-09-30', '2026-09-30'],
      ['2026-10-07', '2026-10-08'],
    ])
    expect(list.every((p) => p.kind === 'online_window' && p.startTime === '19:00')).toBe(true)
  })

  test('an online window by dates lists the dates in range, sorted and de-duplicated', () => {
    const list = dates({ kind: 'online_window', dates: ['2026-06-20', '2026-06-10', '2026-06-10', '2026-07-01'], startTime: '19:00', endTime: '21:00' }, { from: '2026-06-01', to: '2026-06-30' })
    expect(list.map((p) => [p.date, p.moved])).toEqual([
      ['2026-06-10', false],
      ['2026-06-20', false],
    ])
  })
})

describe('refused with a clear Chinese message', () => {
  test.each<[string, unknown, Partial<ExpandOptions>, RegExp]>([
    ['a range with no Tuesday', XIUWU_TUESDAY, { from: '2026-10-01', to: '2026-10-05' }, /^2026年10月1日至2026年10月5日期间没有符合“每周二”的接待日/],
    ['a thematic day outside the range', { kind: 'thematic', date: '2026-12-01', theme: '企业家' }, { from: '2026-10-01', to: '2026-10-31' }, /没有符合“2026-12-01（企业家）”的接待日/],
    ['weekday 8', { kind: 'weekly', weekday: 8 }, {}, /接待日规则不正确：星期几应为1（星期一）至7（星期日）/],
    ['end before start', { kind: 'weekly', weekday: 2, startTime: '12:00', endTime: '09:00' }, {}, /结束时间应晚于开始时间/],
    ['a bad time', { kind: 'weekly', weekday: 2, startTime: '9:00' }, {}, /开始时间格式应为HH:mm/],
    ['an unknown kind', { kind: 'daily' }, {}, /接待日规则类型应为/],
    ['an online window with both weekday and dates', { kind: 'online_window', weekday: 2, dates: ['2026-10-13'] }, {}, /须指定“每周星期几”或“具体日期”其中一项/],
    ['an online window with neither', { kind: 'online_window' }, {}, /须指定“每周星期几”或“具体日期”其中一项/],
    ['a thematic day without theme', { kind: 'thematic', date: '2026-10-13', theme: ' ' }, {}, /请填写接待主题/],
    ['an impossible date', { kind: 'thematic', date: '2026-02-30', theme: '教育' }, {}, /须为有效日期/],
    ['to before from', XIUWU_TUESDAY, { from: '2026-10-31', to: '2026-10-01' }, /结束日期不能早于开始日期/],
    ['a bad from', XIUWU_TUESDAY, { from: '2026/10/01' }, /开始日期格式应为YYYY-MM-DD/],
    ['a range over three years', XIUWU_TUESDAY, { from: '2024-01-01', to: '2027-12-31' }, /一次最多生成1100天的接待日/],
    ['an unknown holiday policy', XIUWU_TUESDAY, { holidayPolicy: 'ignore' as HolidayPolicy }, /节假日处理方式应为/],
  ])('%s', (_name, rule, opts, message) => {
    const r = expandRule(rule as ReceptionRuleInput, { from: '2026-10-01', to: '2026-10-31', ...opts })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('validation_failed')
    expect(r.message).toMatch(message)
  })

  test('a range entirely skipped for a holiday is not an error: empty, with the reason', () => {
    const r = expandRuleDetailed(XIUWU_TUESDAY, { from: '2026-10-01', to: '2026-10-07', holidayPolicy: 'skip' })
    expect(r.ok && r.data.dates.length === 0 && r.data.dropped.length === 1).toBe(true)
  })
})

describe('demo data', () => {
  test('every station rule in demo-county.json expands over 2026 with its county’s holiday rule', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const demo = require('@shared/data/demo-county.json') as {
      counties: { holidayRule: HolidayPolicy; stations: { code: string; receptionRule: ReceptionRuleInput }[] }[]
    }
    for (const county of demo.counties) {
      for (const station of county.stations) {
        const r = expandRule(station.receptionRule, { from: '2026-01-01', to: '2026-12-31', holidayPolicy: county.holidayRule })
        expect([station.code, r.ok]).toEqual([station.code, true])
        if (r.ok) expect(r.data.length).toBeGreaterThanOrEqual(12)
      }
    }
  })
})
