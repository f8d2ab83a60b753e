import { assignDuty, expandRule, type DutyAssignment, type DutyDeputy } from '@shared/domain/reception'

const station = (n: number, code = 'XWT01'): DutyDeputy[] =>
  Array.from({ length: n }, (_, i) => ({ code: `${code}-R${i + 1}`, stationCodes: [code] }))

function ok(r: ReturnType<typeof assignDuty>): DutyAssignment[] {
  if (!r.ok) throw new Error(r.message)
  return r.data
}

function counts(assignments: DutyAssignment[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const a of assignments) for (const c of a.deputyCodes) m.set(c, (m.get(c) ?? 0) + 1)
  return m
}

describe('fair rotation', () => {
  const tuesdays2026 = (() => {
    const r = expandRule({ kind: 'weekly', weekday: 2, deputiesPerSession: 2 }, { from: '2026-01-01', to: '2026-12-31' })
    if (!r.ok) throw new Error(r.message)
    return r.data
  })()

  test.each([
    [3, 2],
    [5, 2],
    [7, 3],
    [2, 2],
    [12, 1],
  ])('a year of Tuesdays with %i deputies, %i per session: max − min ≤ 1, all sessions staffed', (n, perSession) => {
    const deputies = station(n)
    const out = ok(assignDuty(tuesdays2026, deputies, perSession))
    expect(out).toHaveLength(tuesdays2026.length)
    expect(out.every((a) => a.deputyCodes.length === perSession && new Set(a.deputyCodes).size === perSession)).toBe(true)
    const c = counts(out)
    const values = deputies.map((d) => c.get(d.code) ?? 0)
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1)
    expect(values.reduce((a, b) => a + b, 0)).toBe(tuesdays2026.length * perSession)
  })

  test('least-served first, ties broken by code: three deputies, two per session', () => {
    const out = ok(assignDuty(['2026-10-13', '2026-10-20', '2026-10-27'], station(3), 2))
    expect(out).toEqual([
      { date: '2026-10-13', deputyCodes: ['XWT01-R1', 'XWT01-R2'] },
      { date: '2026-10-20', deputyCodes: ['XWT01-R1', 'XWT01-R3'] },
      { date: '2026-10-27', deputyCodes: ['XWT01-R2', 'XWT01-R3'] },
    ])
  })

  test('history counts: deputies who already received this year wait', () => {
    const out = ok(assignDuty(['2026-10-13', '2026-10-20'], station(4), 2, { 'XWT01-R1': 3, 'XWT01-R2': 1 }))
    expect(out[0].deputyCodes).toEqual(['XWT01-R3', 'XWT01-R4'])
    expect(out[1].deputyCodes).toEqual(['XWT01-R2', 'XWT01-R3'])
  })

  test('deterministic: the same input gives the same roster, whatever the order of dates and deputies', () => {
    const dates = ['2026-11-03', '2026-10-13', '2026-10-20', '2026-10-27']
    const a = ok(assignDuty(dates, station(5), 2))
    const b = ok(assignDuty([...dates].reverse(), [...station(5)].reverse(), 2))
    expect(b).toEqual(a)
    expect(a.map((x) => x.date)).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03'])
  })

  test('PlannedDate entries are accepted as dates', () => {
    const out = ok(assignDuty(tuesdays2026.slice(0, 2), station(2), 2))
    expect(out.map((a) => a.date)).toEqual([tuesdays2026[0].date, tuesdays2026[1].date])
  })

  test('two sessions on one date never share a deputy', () => {
    const out = ok(assignDuty(['2026-10-13', '2026-10-13'], station(4), 2))
    expect(out[0].deputyCodes.filter((c) => out[1].deputyCodes.includes(c))).toEqual([])
  })

  test('only the station’s own deputies when stationCode is given', () => {
    const deputies = [...station(2, 'XWT01'), ...station(3, 'XWT02'), { code: 'SHARED', stationCodes: ['XWT01', 'XWT02'] }]
    const out = ok(assignDuty(['2026-10-13', '2026-10-20', '2026-10-27'], deputies, 2, {}, { stationCode: 'XWT01' }))
    const used = new Set(out.flatMap((a) => a.deputyCodes))
    expect([...used].sort()).toEqual(['SHARED', 'XWT01-R1', 'XWT01-R2'])
  })

  test('a deputy listed twice is one deputy', () => {
    const d = station(1)
    const r = assignDuty(['2026-10-13'], [...d, ...d], 2)
    expect(r.ok).toBe(false)
  })
})

describe('refused clearly', () => {
  test.each<[string, Parameters<typeof assignDuty>, RegExp]>([
    ['fewer deputies than per session', [['2026-10-13'], station(1), 2], /^该站点仅有1名代表，少于每次接待所需的2名，无法排班$/],
    ['no deputy at the station', [['2026-10-13'], station(3, 'XWT02'), 1, {}, { stationCode: 'XWT01' }], /^站点XWT01仅有0名代表，少于每次接待所需的1名，无法排班$/],
    ['two sessions on one date with too few deputies', [['2026-10-13', '2026-10-13'], station(3), 2], /2026-10-13安排了多场接待/],
    ['per session zero', [['2026-10-13'], station(3), 0], /每次接待的代表人数应为不小于1的整数/],
    ['a bad date', [['2026-13-01'], station(3), 1], /排班日期“2026-13-01”格式不正确/],
    ['a negative history', [['2026-10-13'], station(3), 1, { 'XWT01-R1': -1 }], /已接待次数应为不小于0的整数/],
  ])('%s', (_name, args, message) => {
    const r = assignDuty(...args)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('validation_failed')
      expect(r.message).toMatch(message)
    }
  })

  test('no dates is an empty roster, not an error', () => {
    expect(assignDuty([], station(2), 2)).toEqual({ ok: true, data: [] })
  })
})
