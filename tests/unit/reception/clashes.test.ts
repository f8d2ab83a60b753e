import { findClashes, isInPast, type SessionSlot } from '@shared/domain/reception'

const s = (id: string, stationCode: string, date: string, startTime: string, endTime: string, deputyCodes: string[], status?: string): SessionSlot => ({
  id,
  stationCode,
  date,
  startTime,
  endTime,
  deputyCodes,
  status,
})

describe('overlapping sessions and double-booked deputies', () => {
  test('two overlapping sessions at one station clash', () => {
    const clashes = findClashes([s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A']), s('S2', 'XWT01', '2026-10-13', '11:00', '13:00', ['B'])])
    expect(clashes).toEqual([
      {
        kind: 'station_overlap',
        sessionIds: ['S1', 'S2'],
        date: '2026-10-13',
        stationCode: 'XWT01',
        message: '站点XWT01在10月13日 09:00–12:00 与 11:00–13:00有两场时间重叠的接待',
      },
    ])
  })

  test('a deputy at two stations at overlapping times clashes, even though the stations differ', () => {
    const clashes = findClashes([s('S2', 'XWT02', '2026-10-13', '10:00', '11:00', ['A', 'C']), s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A', 'B'])])
    expect(clashes).toEqual([
      {
        kind: 'deputy_double_booked',
        sessionIds: ['S1', 'S2'],
        date: '2026-10-13',
        deputyCode: 'A',
        message: '代表A在10月13日 09:00–12:00 与 10:00–11:00被同时安排了两场接待',
      },
    ])
  })

  test('one station, overlapping, same deputies: one station clash and one per shared deputy', () => {
    const clashes = findClashes([s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A', 'B']), s('S2', 'XWT01', '2026-10-13', '09:00', '12:00', ['B', 'A'])])
    expect(clashes.map((c) => [c.kind, c.kind === 'deputy_double_booked' ? c.deputyCode : c.stationCode])).toEqual([
      ['deputy_double_booked', 'A'],
      ['deputy_double_booked', 'B'],
      ['station_overlap', 'XWT01'],
    ])
  })

  test.each<[string, SessionSlot[]]>([
    ['back to back (12:00 end, 12:00 start)', [s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A']), s('S2', 'XWT01', '2026-10-13', '12:00', '15:00', ['A'])]],
    ['same times on different dates', [s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A']), s('S2', 'XWT01', '2026-10-20', '09:00', '12:00', ['A'])]],
    ['overlapping at different stations with different deputies', [s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A']), s('S2', 'XWT02', '2026-10-13', '09:00', '12:00', ['B'])]],
    ['one of them cancelled', [s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A']), s('S2', 'XWT01', '2026-10-13', '10:00', '11:00', ['A'], 'cancelled')]],
    ['a single session', [s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', ['A'])]],
  ])('no clash: %s', (_name, sessions) => {
    expect(findClashes(sessions)).toEqual([])
  })

  test('three sessions: every overlapping pair is reported once', () => {
    const clashes = findClashes([
      s('S3', 'XWT01', '2026-10-13', '11:30', '12:30', []),
      s('S1', 'XWT01', '2026-10-13', '09:00', '12:00', []),
      s('S2', 'XWT01', '2026-10-13', '10:00', '11:00', []),
    ])
    expect(clashes.map((c) => c.sessionIds)).toEqual([
      ['S1', 'S2'],
      ['S1', 'S3'],
    ])
  })

  test('a malformed time throws', () => {
    expect(() => findClashes([s('S1', 'XWT01', '2026-10-13', '9:00', '12:00', [])])).toThrow()
  })
})

describe('isInPast', () => {
  // 2026-10-13 09:00 in Shanghai is 2026-10-13T01:00:00Z
  test.each<[string, string, Date | number | { date: string; time: string }, boolean]>([
    ['2026-10-13', '09:00', new Date('2026-10-13T00:59:00Z'), false],
    ['2026-10-13', '09:00', new Date('2026-10-13T01:00:59Z'), false],
    ['2026-10-13', '09:00', new Date('2026-10-13T01:01:00Z'), true],
    ['2026-10-13', '09:00', Date.UTC(2026, 9, 12, 23, 0), false],
    // 2026-10-12 23:30 UTC is already 10-13 07:30 in Shanghai: a 07:00 session that day has passed
    ['2026-10-13', '07:00', new Date('2026-10-12T23:30:00Z'), true],
    ['2026-10-12', '20:00', { date: '2026-10-13', time: '08:00' }, true],
    ['2026-10-13', '08:00', { date: '2026-10-13', time: '08:00' }, false],
    ['2026-10-14', '08:00', { date: '2026-10-13', time: '23:59' }, false],
  ])('a session at %s %s, now %p → %s', (date, time, now, expected) => {
    expect(isInPast(date, time, now)).toBe(expected)
  })
})
