import { assertOnlineReceptionOpen } from '../../cloudfunctions/_core/usecases/reception/online-window'
import { backendPerTest, fixedClock } from '../support/backend'
import { reception, requestId, rwho, type Reception } from '../support/reception'

// Monday 2026-09-14, 10:00 in Beijing; XWT01 receives on Tuesdays 09:00–12:00
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const r = reception(backend)
/** Sets the clock to a Beijing wall time. */
const at = (date: string, time: string) => clock.set(new Date(`${date}T${time}:00+08:00`).toISOString())

let tuesday: { id: string; deputies: Array<{ code: string; name: string }> }
let offDuty: string

beforeEach(async () => {
  await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
  const [first] = (await r.ok(rwho.xwStaff, 'listSessions', { stationCode: 'XWT01', limit: 1 })).items
  tuesday = await r.ok(rwho.xwStaff, 'getSession', { id: first.id })
  offDuty = ['XWT01-R1', 'XWT01-R2', 'XWT01-R3'].find((c) => !tuesday.deputies.some((d) => d.code === c))!
})

describe('check-in (代表亮码进站)', () => {
  it('records attendance from 30 minutes before the start to 30 minutes after the end, Beijing time', async () => {
    const deputy = rwho.deputy(tuesday.deputies[0].code)
    at('2026-09-15', '08:29')
    const early = await r.refused(deputy, 'checkIn', { stationCode: 'XWT01' })
    expect(early).toMatchObject({ code: 'validation_failed', field: 'stationCode' })
    expect(early.message).toBe('现在不在城关镇人大代表联络站的接待时间内：今天的接待时间为09:00–12:00，可在开始前30分钟至结束后30分钟内签到')
    at('2026-09-15', '08:30')
    const done = await r.ok(deputy, 'checkIn', { stationCode: 'XWT01' })
    expect(done).toMatchObject({ sessionId: tuesday.id, stationName: '城关镇人大代表联络站', date: '2026-09-15', alreadyCheckedIn: false, attendedThisYear: 1, checkedInAt: '2026-09-15T00:30:00.000Z' })
    at('2026-09-15', '12:30')
    await r.ok(rwho.deputy(tuesday.deputies[1].code), 'checkIn', { stationCode: 'xwt01' })
    at('2026-09-15', '12:31')
    expect((await r.refused(rwho.deputy(offDuty), 'checkIn', { stationCode: 'XWT01' })).code).toBe('validation_failed')
  })

  it('is idempotent and counts towards the year', async () => {
    const deputy = rwho.deputy(tuesday.deputies[0].code)
    at('2026-09-15', '09:10')
    await r.ok(deputy, 'checkIn', { stationCode: 'XWT01' })
    at('2026-09-15', '09:40')
    const again = await r.ok(deputy, 'checkIn', { stationCode: 'XWT01' })
    expect(again).toMatchObject({ alreadyCheckedIn: true, attendedThisYear: 1, checkedInAt: '2026-09-15T01:10:00.000Z' })
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: tuesday.id })
    expect(view.attendance).toEqual([{ deputyCode: tuesday.deputies[0].code, name: tuesday.deputies[0].name, checkedInAt: '2026-09-15T01:10:00.000Z', source: 'check_in' }])
    expect((await r.ok(deputy, 'myDuty')).attendedThisYear).toBe(1)
  })

  it('lets a deputy of the station check in even when not on duty, and refuses deputies of other stations', async () => {
    at('2026-09-15', '10:00')
    expect((await r.ok(rwho.deputy(offDuty), 'checkIn', { stationCode: 'XWT01' })).sessionId).toBe(tuesday.id)
    const other = await r.refused(rwho.deputy('XWT02-R1'), 'checkIn', { stationCode: 'XWT01' })
    expect(other).toMatchObject({ code: 'forbidden', message: '您不是城关镇人大代表联络站的代表，也未安排在本次接待值班，不能在此签到' })
    expect((await r.refused(rwho.resident, 'checkIn', { stationCode: 'XWT01' })).code).toBe('forbidden')
    expect((await r.refused(rwho.supervisorXWT01, 'checkIn', { stationCode: 'XWT01' })).code).toBe('forbidden')
  })

  it('lets a deputy from elsewhere on duty at the station check in (an inspection held there)', async () => {
    at('2026-09-16', '08:00')
    await r.ok(rwho.xwStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'inspection',
      stationCode: 'XWT01',
      date: '2026-09-16',
      startTime: '09:00',
      endTime: '11:00',
      deputyCodes: ['XWT02-R1'],
    })
    at('2026-09-16', '09:15')
    expect((await r.ok(rwho.deputy('XWT02-R1'), 'checkIn', { stationCode: 'XWT01' })).attendedThisYear).toBe(1)
  })

  it('refuses on a day without a session, and for a cancelled one', async () => {
    at('2026-09-14', '10:00')
    expect((await r.refused(rwho.deputy(offDuty), 'checkIn', { stationCode: 'XWT01' })).message).toBe('城关镇人大代表联络站今天（9月14日）没有接待安排，无法签到')
    await r.ok(rwho.xwStaff, 'cancelSession', { id: tuesday.id, reason: '停电' })
    at('2026-09-15', '10:00')
    expect((await r.refused(rwho.deputy(offDuty), 'checkIn', { stationCode: 'XWT01' })).code).toBe('validation_failed')
    expect((await r.refused(rwho.deputy(offDuty), 'checkIn', { stationCode: 'NOPE1' })).code).toBe('station_not_found')
  })
})

describe('duty', () => {
  it('shows a deputy their coming duty and this year’s count', async () => {
    const code = tuesday.deputies[0].code
    const duty = await r.ok(rwho.deputy(code), 'myDuty')
    expect(duty).toMatchObject({ deputyCode: code, year: 2026, attendedThisYear: 0, minimumPerYear: 2, behind: true, remainingSessionsNeeded: 2 })
    expect(duty.upcoming[0]).toMatchObject({ id: tuesday.id, date: '2026-09-15', stationName: '城关镇人大代表联络站' })
    expect(duty.upcoming.every((s: { deputyNames: string[] }) => s.deputyNames.includes(tuesday.deputies[0].name))).toBe(true)
    expect((await r.refused(rwho.resident, 'myDuty')).code).toBe('forbidden')
  })

  it('lists for staff who is behind the two-a-year minimum', async () => {
    at('2026-09-15', '09:30')
    await r.ok(rwho.deputy('XWT01-R1'), 'checkIn', { stationCode: 'XWT01' })
    const county = await r.ok(rwho.xwStaff, 'dutyCompliance', {})
    expect(county).toMatchObject({ year: 2026, today: '2026-09-15', minimumPerYear: 2 })
    expect(county.items).toHaveLength(54)
    const wang = county.items.find((i: { deputyCode: string }) => i.deputyCode === 'XWT01-R1')
    expect(wang).toMatchObject({ name: '王建国', stationNames: ['城关镇人大代表联络站'], count: 1, behind: false, remainingSessionsNeeded: 1, expectedByNow: 1 })
    expect(county.items[0].behind).toBe(true)
    expect(county.items.at(-1).deputyCode).toBe('XWT01-R1')
    expect(county.items.filter((i: { upcomingDuties: number }) => i.upcomingDuties > 0).map((i: { deputyCode: string }) => i.deputyCode).sort()).toEqual(['XWT01-R1', 'XWT01-R2', 'XWT01-R3'])
    const township = await r.ok(rwho.xwTownshipStaff, 'dutyCompliance', {})
    expect(township.items.every((i: { stationNames: string[] }) => i.stationNames.some((n) => n.startsWith('城关镇') || n.includes('产业集聚区') || n.includes('养老服务')))).toBe(true)
    expect((await r.refused(rwho.deputy('XWT01-R1'), 'dutyCompliance', {})).code).toBe('forbidden')
  })
})

describe('online reception windows (网上代表接待日)', () => {
  beforeEach(async () => {
    await r.ok(rwho.xwStaff, 'setRule', { stationCode: 'XWT01', rule: { kind: 'online_window', weekday: 3, startTime: '19:00', endTime: '21:00', deputiesPerSession: 1 } })
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
  })

  it('is open only inside the window, and says when the next one is', async () => {
    at('2026-09-16', '18:59')
    const before = await r.ok(rwho.resident, 'currentOnlineWindow', { stationCode: 'XWT01' })
    expect(before).toMatchObject({ open: false, current: null, next: { date: '2026-09-16', startTime: '19:00', kind: 'online' }, message: '网上代表接待日未开放，下次为9月16日 19:00–21:00' })
    at('2026-09-16', '19:30')
    const open = await r.ok(rwho.resident, 'currentOnlineWindow', { stationCode: 'XWT01' })
    expect(open).toMatchObject({ open: true, current: { date: '2026-09-16', kindLabel: '网上代表接待日' }, next: { date: '2026-09-23' } })
    expect(open.current.deputyNames).toHaveLength(1)
    expect(open.message).toContain(`值班代表：${open.current.deputyNames[0]}`)
    at('2026-09-16', '21:01')
    expect((await r.ok(rwho.resident, 'currentOnlineWindow', { stationCode: 'XWT01' })).open).toBe(false)
  })

  it('gives suggestion.submit a check that refuses the online channel outside a window', async () => {
    at('2026-09-16', '19:30')
    expect((await assertOnlineReceptionOpen(backend.deps, 'XWT01')).date).toBe('2026-09-16')
    at('2026-09-16', '22:00')
    await expect(assertOnlineReceptionOpen(backend.deps, 'XWT01')).rejects.toMatchObject({ code: 'validation_failed', field: 'channel', message: '网上代表接待日未开放，下次为9月23日 19:00–21:00' })
    await expect(assertOnlineReceptionOpen(backend.deps, 'XWT02')).rejects.toMatchObject({ message: '该站点近期没有安排网上代表接待日，您可以通过扫码点单反映意见建议' })
  })

  it('keeps online windows off the station page and out of check-in, without clashing with in-person days', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'XWT01' } }, rwho.resident)
    expect(res.ok && res.data.upcomingSessions.map((s: { startTime: string }) => s.startTime)).toEqual(['09:00', '09:00', '09:00'])
    at('2026-09-16', '19:30')
    expect((await r.refused(rwho.deputy('XWT01-R1'), 'checkIn', { stationCode: 'XWT01' })).message).toContain('今天（9月16日）没有接待安排')
  })
})
