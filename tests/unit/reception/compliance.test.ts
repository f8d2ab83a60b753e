import { dutyCompliance } from '@shared/domain/reception'

const deputies = [{ code: 'D1' }, { code: 'D2' }, { code: 'D3' }, { code: 'D4' }]
const attendance = [
  { deputyCode: 'D1', date: '2026-03-03' },
  { deputyCode: 'D1', date: '2026-09-08' },
  { deputyCode: 'D1', date: '2026-10-13' },
  { deputyCode: 'D2', date: '2026-05-06' },
  { deputyCode: 'D2', date: '2026-05-06' }, // scanned twice the same day: one
  { deputyCode: 'D3', date: '2025-12-30' }, // last year
  { deputyCode: 'D3', date: '2026-12-29' }, // after today
  { deputyCode: 'X9', date: '2026-03-03' }, // not in the list
]

describe('who is behind the two-a-year minimum', () => {
  test('at year end: behind = fewer than 2, sorted behind first', () => {
    const rows = dutyCompliance(deputies, attendance, 2026, 2, '2026-12-31')
    expect(rows).toEqual([
      { deputyCode: 'D4', count: 0, behind: true, remainingSessionsNeeded: 2, expectedByNow: 2 },
      { deputyCode: 'D2', count: 1, behind: true, remainingSessionsNeeded: 1, expectedByNow: 2 },
      { deputyCode: 'D3', count: 1, behind: true, remainingSessionsNeeded: 1, expectedByNow: 2 },
      { deputyCode: 'D1', count: 3, behind: false, remainingSessionsNeeded: 0, expectedByNow: 2 },
    ])
  })

  test.each([
    ['2026-01-15', 0, []],
    ['2026-07-01', 0, []], // day 182 of 365: not yet half
    ['2026-07-02', 1, ['D3', 'D4']], // day 183: half the year, one expected
    ['2026-11-20', 1, ['D3', 'D4']],
    ['2026-12-31', 2, ['D2', 'D3', 'D4']],
  ])('on %s, %i expected so far; behind: %j', (today, expected, behind) => {
    const rows = dutyCompliance(deputies, attendance, 2026, 2, today)
    expect(rows.every((r) => r.expectedByNow === expected)).toBe(true)
    expect(rows.filter((r) => r.behind).map((r) => r.deputyCode).sort()).toEqual(behind)
  })

  test('a future date is not counted yet: D3’s 12-29 session counts only from that day', () => {
    const before = dutyCompliance(deputies, attendance, 2026, 2, '2026-12-28').find((r) => r.deputyCode === 'D3')!
    const on = dutyCompliance(deputies, attendance, 2026, 2, '2026-12-29').find((r) => r.deputyCode === 'D3')!
    expect([before.count, on.count]).toEqual([0, 1])
  })

  test('a past year is judged on the full minimum, a future year has nobody behind', () => {
    const past = dutyCompliance(deputies, attendance, 2025, 2, '2026-06-01')
    expect(past.filter((r) => r.behind).map((r) => r.deputyCode)).toEqual(['D1', 'D2', 'D4', 'D3'])
    expect(past.find((r) => r.deputyCode === 'D3')).toMatchObject({ count: 1, remainingSessionsNeeded: 1 })
    const future = dutyCompliance(deputies, attendance, 2027, 2, '2026-06-01')
    expect(future.every((r) => !r.behind && r.count === 0 && r.remainingSessionsNeeded === 2)).toBe(true)
  })

  test('a leap year reaches one expected on 1 July (day 183 of 366)', () => {
    expect(dutyCompliance([{ code: 'D1' }], [], 2028, 2, '2028-06-30')[0].expectedByNow).toBe(0)
    expect(dutyCompliance([{ code: 'D1' }], [], 2028, 2, '2028-07-01')[0].expectedByNow).toBe(1)
  })

  test('a different minimum: 4 a year', () => {
    const rows = dutyCompliance(deputies, attendance, 2026, 4, '2026-12-31')
    expect(rows.find((r) => r.deputyCode === 'D1')).toMatchObject({ count: 3, behind: true, remainingSessionsNeeded: 1 })
  })

  test('the default minimum is 2', () => {
    expect(dutyCompliance([{ code: 'D1' }], [], 2026, undefined, '2026-12-31')[0].remainingSessionsNeeded).toBe(2)
  })

  test('a malformed today throws', () => {
    expect(() => dutyCompliance(deputies, attendance, 2026, 2, '2026/12/31')).toThrow()
  })
})
