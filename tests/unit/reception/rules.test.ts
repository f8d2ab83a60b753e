import { CountyCalendarSettingsSchema, describeRule, ReceptionRuleSchema, type ReceptionRuleInput } from '@shared/domain/reception'

describe('reception rule schema', () => {
  test('demo-county.json rules parse, with defaults filled in', () => {
    expect(ReceptionRuleSchema.parse({ kind: 'weekly', weekday: 2, deputiesPerSession: 2, note: '每周二，2名代表进站接待' })).toEqual({
      kind: 'weekly',
      weekday: 2,
      deputiesPerSession: 2,
      startTime: '09:00',
      endTime: '12:00',
      note: '每周二，2名代表进站接待',
    })
    expect(ReceptionRuleSchema.parse({ kind: 'monthly_first_week', weekday: 5, note: '“1·1·5”：每月第一周星期五' })).toMatchObject({
      kind: 'monthly_first_week',
      weekday: 5,
      firstWeekDefinition: 'first_weekday_of_month',
      deputiesPerSession: 1,
    })
  })

  test('a monthly rule without weekday is the Friday (“1·1·5”)', () => {
    expect(ReceptionRuleSchema.parse({ kind: 'monthly_first_week' })).toMatchObject({ weekday: 5 })
  })

  test('county settings default to next_workday without 调休 weekends', () => {
    expect(CountyCalendarSettingsSchema.parse({})).toEqual({ holidayRule: 'next_workday', useAdjustedWorkdays: false })
    expect(CountyCalendarSettingsSchema.parse({ holidayRule: 'skip', useAdjustedWorkdays: true })).toEqual({ holidayRule: 'skip', useAdjustedWorkdays: true })
    expect(CountyCalendarSettingsSchema.safeParse({ holidayRule: 'later' }).success).toBe(false)
  })

  test.each<[ReceptionRuleInput, string]>([
    [{ kind: 'weekly', weekday: 2 }, '每周二'],
    [{ kind: 'monthly_first_week', weekday: 5 }, '每月第一个星期五'],
    [{ kind: 'monthly_first_week', weekday: 5, firstWeekDefinition: 'week_containing_first' }, '每月1日所在周的星期五'],
    [{ kind: 'thematic', date: '2026-06-12', theme: '营商环境' }, '2026-06-12（营商环境）'],
    [{ kind: 'online_window', weekday: 7 }, '每周日网上接待'],
    [{ kind: 'online_window', dates: ['2026-06-12', '2026-07-10'] }, '网上接待（2个日期）'],
  ])('describes %j as “%s”', (input, text) => {
    expect(describeRule(ReceptionRuleSchema.parse(input))).toBe(text)
  })
})
