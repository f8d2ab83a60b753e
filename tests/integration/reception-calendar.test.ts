import { backendPerTest, fixedClock } from '../support/backend'
import { reception, rwho, type Reception } from '../support/reception'

// Monday 2026-09-14, 10:00 in Beijing
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const r = reception(backend)


type Summary = { id: string; date: string; startTime: string; deputyNames: string[]; confirmed: boolean; moved: boolean; moveReason: string | null; unconfirmedReason: string | null; status: string }
const sessionsAt = async (stationCode: string, openid = rwho.xwStaff, extra: Record<string, unknown> = {}) =>
  (await r.ok(openid, 'listSessions', { stationCode, limit: 50, ...extra })).items as Summary[]

describe('calendar rules', () => {
  it('derives each demo station rule from the county data until staff replace it', async () => {
    const { settings, stations } = await r.ok(rwho.xwStaff, 'listRules')
    expect(settings).toMatchObject({ countyCode: 'xiuwu', holidayRule: 'next_workday', useAdjustedWorkdays: false, reminderDaysBefore: 3 })
    const byCode = Object.fromEntries(stations.map((s: { stationCode: string }) => [s.stationCode, s]))
    expect(byCode.XWT01.inPerson).toMatchObject({ source: 'seed', description: '每周二', rule: { kind: 'weekly', weekday: 2, deputiesPerSession: 2, startTime: '09:00', endTime: '12:00' } })
    expect(byCode.XWP01.inPerson).toMatchObject({ source: 'seed', description: '每月第一个星期五', rule: { kind: 'monthly_first_week', weekday: 5, deputiesPerSession: 1 } })
    expect(byCode.XWT01.online).toBeNull()
    const ly = await r.ok(rwho.lyStaff, 'listRules')
    expect(ly.stations.map((s: { inPerson: { rule: { kind: string } } }) => s.inPerson.rule.kind)).toEqual(['monthly_first_week', 'monthly_first_week', 'monthly_first_week', 'monthly_first_week'])
  })

  it('lets staff replace a station rule and add an online window, validated by the rule schema', async () => {
    const set = await r.ok(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'weekly', weekday: 3, deputiesPerSession: 1, startTime: '14:30', endTime: '17:30' } })
    expect(set.inPerson).toMatchObject({ source: 'custom', description: '每周三', rule: { weekday: 3, startTime: '14:30' } })
    const online = await r.ok(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'online_window', weekday: 4, startTime: '19:00', endTime: '21:00' } })
    expect(online.inPerson.rule.weekday).toBe(3)
    expect(online.online).toMatchObject({ source: 'custom', description: '每周四网上接待' })
    const cleared = await r.ok(rwho.xwStaff, 'clearRule', { stationCode: 'XWT01', slot: 'in_person' })
    expect(cleared.inPerson).toBeNull()
    expect(cleared.online).not.toBeNull()
  })

  it('refuses a malformed rule with the schema message', async () => {
    const bad = await r.refused(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'weekly', weekday: 9 } })
    expect(bad).toMatchObject({ code: 'validation_failed', field: 'rule.weekday', message: '星期几应为1（星期一）至7（星期日）' })
    const times = await r.refused(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'weekly', weekday: 2, startTime: '12:00', endTime: '09:00' } })
    expect(times.message).toBe('结束时间应晚于开始时间')
  })

  it('refuses a rule with no matching day in the coming year', async () => {
    const res = await r.refused(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'online_window', dates: ['2026-03-04', '2026-05-06'] } })
    expect(res.code).toBe('validation_failed')
    expect(res.message).toContain('没有符合')
  })

  it('refuses a rule needing more deputies than the station has, and thematic days as rules', async () => {
    const many = await r.refused(rwho.xwStaff, 'setRule', { stationCode: 'XWP01', rule: { kind: 'weekly', weekday: 2, deputiesPerSession: 3 } })
    expect(many.message).toBe('城关镇第1代表联络点仅有2名代表，少于每次接待所需的3名')
    const thematic = await r.refused(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'thematic', date: '2026-10-20', theme: '乡村振兴' } })
    expect(thematic.message).toContain('新建接待活动')
  })

  it('lets only staff of the station’s county and township, or the county admin, set rules', async () => {
    const rule = { kind: 'weekly', weekday: 2 }
    expect((await r.refused(rwho.resident, 'setRule', { stationCode: 'XWT01', rule })).code).toBe('forbidden')
    expect((await r.refused(rwho.deputy('XWT01-R1'), 'setRule', { stationCode: 'XWT01', rule })).code).toBe('forbidden')
    expect((await r.refused(rwho.lyStaff, 'setRule', { stationCode: 'XWT01', rule })).code).toBe('forbidden')
    expect((await r.refused(rwho.xwOtherTownshipStaff, 'setRule', { stationCode: 'XWT01', rule })).code).toBe('forbidden')
    await r.ok(rwho.xwTownshipStaff, 'setRule', { stationCode: 'XWT01', rule })
    await r.ok(rwho.xwAdmin, 'setRule', { stationCode: 'XWT01', rule })
  })

  it('keeps county settings that only county staff or the admin may change', async () => {
    expect((await r.refused(rwho.xwTownshipStaff, 'setCountySettings', { holidayRule: 'skip' })).code).toBe('forbidden')
    const saved = await r.ok(rwho.xwStaff, 'setCountySettings', { holidayRule: 'previous_workday', reminderDaysBefore: 5 })
    expect(saved).toEqual({ countyCode: 'xiuwu', holidayRule: 'previous_workday', holidayRuleLabel: '提前至上一个工作日', useAdjustedWorkdays: false, reminderDaysBefore: 5 })
    expect((await r.ok(rwho.xwStaff, 'listRules')).settings.reminderDaysBefore).toBe(5)
    expect((await r.refused(rwho.xwStaff, 'setCountySettings', { reminderDaysBefore: 30 })).message).toBe('提前提醒天数应为1至14天')
  })
})

describe('generating sessions', () => {
  it('moves the October 2026 first-Friday session out of the National Day holiday to 10-08, with the reason', async () => {
    const report = await r.ok(rwho.lyStaff, 'generateSessions', { stationCode: 'LYT01', months: 3 })
    expect(report).toMatchObject({ from: '2026-09-14', to: '2026-12-13', created: 3, existing: 0, unconfirmed: 0 })
    const sessions = await sessionsAt('LYT01', rwho.lyStaff)
    expect(sessions.map((s) => s.date)).toEqual(['2026-10-08', '2026-11-06', '2026-12-04'])
    expect(sessions[0]).toMatchObject({ moved: true, moveReason: '原定10月2日为国庆节假期，顺延至10月8日', confirmed: true, status: 'planned' })
    expect(report.stations[0].notes).toContain('原定10月2日为国庆节假期，顺延至10月8日')
    expect(sessions.every((s) => s.deputyNames.length === 1)).toBe(true)
  })

  it('follows the county holiday policy: previous working day', async () => {
    await r.ok(rwho.lyStaff, 'setCountySettings', { holidayRule: 'previous_workday' })
    await r.ok(rwho.lyStaff, 'generateSessions', { stationCode: 'LYT01', months: 1 })
    const [first] = await sessionsAt('LYT01', rwho.lyStaff)
    expect(first).toMatchObject({ date: '2026-09-30', moveReason: '原定10月2日为国庆节假期，提前至9月30日' })
  })

  it('writes nothing new when generating twice or over overlapping ranges', async () => {
    const first = await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 3 })
    const again = await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 3 })
    expect(first.created).toBeGreaterThan(10)
    expect(again).toMatchObject({ created: 0, existing: first.created, refreshed: 0 })
    const overlap = await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', from: '2026-10-01', months: 4 })
    const all = await sessionsAt('XWT01')
    expect(new Set(all.map((s) => s.date)).size).toBe(all.length)
    expect(all.length).toBe(first.created + overlap.created)
  })

  it('spreads weekly duty evenly over the station’s deputies, two per session', async () => {
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 3 })
    const sessions = await sessionsAt('XWT01')
    const counts = new Map<string, number>()
    for (const s of sessions) {
      expect(s.deputyNames).toHaveLength(2)
      expect(new Set(s.deputyNames).size).toBe(2)
      for (const n of s.deputyNames) counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    expect(counts.size).toBe(3)
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1)
  })

  it('swaps out a deputy who is busy elsewhere at that time', async () => {
    await r.ok(rwho.xwStaff, 'createSession', {
      clientRequestId: 'busy-inspection-1',
      kind: 'inspection',
      place: '县产业集聚区',
      date: '2026-09-15',
      startTime: '08:30',
      endTime: '10:00',
      deputyCodes: ['XWT01-R1', 'XWT01-R2'],
    })
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const [first] = await sessionsAt('XWT01')
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: first.id })
    // two deputies needed, two of three busy: the session cannot be staffed and is reported, not double-booked
    expect(first.date).toBe('2026-09-22')
    await r.ok(rwho.xwStaff, 'updateSession', { id: (await r.ok(rwho.xwStaff, 'listSessions', { kind: 'inspection', limit: 1 })).items[0].id, deputyCodes: ['XWT01-R1'] })
    const again = await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    expect(again.created).toBe(1)
    const fifteenth = (await sessionsAt('XWT01'))[0]
    expect(fifteenth.date).toBe('2026-09-15')
    expect(fifteenth.deputyNames.sort()).toEqual(['高志强', '黄秀兰'].sort())
    expect(view.deputies).toHaveLength(2)
  })

  it('takes this year’s duty history into account when generating the next months', async () => {
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', from: '2026-10-14', months: 2 })
    const counts = new Map<string, number>()
    for (const s of await sessionsAt('XWT01')) for (const n of s.deputyNames) counts.set(n, (counts.get(n) ?? 0) + 1)
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1)
  })

  it('flags sessions in a year without published holiday data as 待确认', async () => {
    clock.set('2026-12-20T02:00:00.000Z')
    const report = await r.ok(rwho.lyStaff, 'generateSessions', { stationCode: 'LYT02', months: 3 })
    expect(report.unconfirmed).toBe(3)
    const sessions = await sessionsAt('LYT02', rwho.lyStaff)
    expect(sessions[0]).toMatchObject({ date: '2027-01-01', confirmed: false, moved: false, unconfirmedReason: '2027年节假日安排尚未公布，日期待确认' })
    const confirmed = await r.ok(rwho.lyStaff, 'confirmSession', { id: sessions[0].id })
    expect(confirmed).toMatchObject({ confirmed: true, unconfirmedReason: null })
  })

  it('generates the whole county for county staff, and only their township for township staff', async () => {
    const township = await r.ok(rwho.xwTownshipStaff, 'generateSessions', { months: 1 })
    expect(township.stations.map((s: { stationCode: string }) => s.stationCode).sort()).toEqual(['XWI01', 'XWP01', 'XWP09', 'XWS01', 'XWT01'])
    const county = await r.ok(rwho.xwStaff, 'generateSessions', { months: 1 })
    expect(county.stations).toHaveLength(23)
    expect(county.stations.every((s: { skipped: string | null }) => s.skipped === null)).toBe(true)
    expect(county.existing).toBe(township.created)
  })

  it('refuses generation by anyone but staff of the station, and from a past date', async () => {
    expect((await r.refused(rwho.resident, 'generateSessions', {})).code).toBe('forbidden')
    expect((await r.refused(rwho.deputy('XWT01-R1'), 'generateSessions', { stationCode: 'XWT01' })).code).toBe('forbidden')
    expect((await r.refused(rwho.xwOtherTownshipStaff, 'generateSessions', { stationCode: 'XWT01' })).code).toBe('forbidden')
    expect((await r.refused(rwho.lyStaff, 'generateSessions', { stationCode: 'XWT01' })).code).toBe('forbidden')
    const past = await r.refused(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', from: '2026-09-01' })
    expect(past).toMatchObject({ code: 'validation_failed', field: 'from' })
  })

  it('refuses a station whose only rule has no day in the range, and one without any rule', async () => {
    await r.ok(rwho.xwStaff, 'setRule', { stationCode: 'XWP01', rule: { kind: 'online_window', dates: ['2026-12-16'], startTime: '19:00', endTime: '21:00' } })
    await r.ok(rwho.xwStaff, 'clearRule', { stationCode: 'XWP01', slot: 'in_person' })
    const none = await r.refused(rwho.xwStaff, 'generateSessions', { stationCode: 'XWP01', months: 1 })
    expect(none.code).toBe('validation_failed')
    expect(none.message).toContain('期间没有符合“网上接待（1个日期）”的接待日')
    await r.ok(rwho.xwStaff, 'clearRule', { stationCode: 'XWP01', slot: 'online' })
    expect((await r.refused(rwho.xwStaff, 'generateSessions', { stationCode: 'XWP01' })).message).toBe('城关镇第1代表联络点尚未设置接待日规则，请先设置规则')
    const county = await r.ok(rwho.xwStaff, 'generateSessions', { months: 1 })
    expect(county.stations.find((s: { stationCode: string }) => s.stationCode === 'XWP01').skipped).toBe('尚未设置接待日规则')
  })

  it('replaces untouched future sessions when the rule changes, keeping the ones staff edited', async () => {
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const tuesdays = await sessionsAt('XWT01')
    expect(tuesdays.map((s) => s.date)).toEqual(['2026-09-15', '2026-09-22', '2026-09-29', '2026-10-08', '2026-10-13'])
    expect((await r.ok(rwho.xwStaff, 'updateSession', { id: tuesdays[1].id, theme: '教育医疗专题' })).theme).toBe('教育医疗专题')
    await r.ok(rwho.xwStaff, 'updateSession', { id: tuesdays[2].id, startTime: '08:30' })
    await r.ok(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'weekly', weekday: 4, deputiesPerSession: 2 } })
    const report = await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    expect(report.removed).toBe(3)
    const after = await sessionsAt('XWT01')
    expect(after.map((s) => s.date)).toEqual(['2026-09-17', '2026-09-22', '2026-09-24', '2026-09-29', '2026-10-08'])
    expect(after.find((s) => s.date === '2026-09-29')?.startTime).toBe('08:30')
  })
})
