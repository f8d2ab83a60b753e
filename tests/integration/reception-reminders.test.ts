import { TIMERS } from '../../cloudfunctions/_core/functions'
import { dueOffset } from '../../cloudfunctions/_core/usecases/timers/remind-receptions'
import { backendPerTest, fixedClock } from '../support/backend'
import { reception, requestId, rwho, type Reception } from '../support/reception'

// Monday 2026-09-14, 10:00 in Beijing; XWT01 receives on Tuesdays 09:00–12:00 with two deputies
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const r = reception(backend)
const at = (date: string, time: string) => clock.set(new Date(`${date}T${time}:00+08:00`).toISOString())
const fire = async () => {
  const res = await TIMERS.timers(backend.deps)
  if (!res.ok) throw new Error('timer failed')
  return res.data as Record<string, any>
}
type Message = { id: string; kind: string; title: string; body: string; page: string | null; status: string }
const remindersOf = async (openid: string) => {
  const res = await backend.call('directory', { action: 'myMessages', payload: { limit: 50 } }, openid)
  if (!res.ok) throw new Error(res.message)
  return (res.data.items as Message[]).filter((m) => m.kind === 'reception_reminder')
}
const subscribe = (openid: string, times = 1) => Promise.all(Array.from({ length: times }, () => r.ok(openid, 'recordSubscription', { accepted: ['reception_reminder'] })))

let sessions: Array<{ id: string; date: string }>
let onDuty: string[]
let offDuty: string

beforeEach(async () => {
  await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
  sessions = (await r.ok(rwho.xwStaff, 'listSessions', { stationCode: 'XWT01', limit: 50 })).items
  onDuty = (await r.ok(rwho.xwStaff, 'getSession', { id: sessions[0].id })).deputies.map((d: { code: string }) => d.code)
  offDuty = ['XWT01-R1', 'XWT01-R2', 'XWT01-R3'].find((c) => !onDuty.includes(c))!
})

describe('reception reminders', () => {
  it('picks the nearest lead time not yet passed', () => {
    expect([0, 1, 2, 3, 4].map((d) => dueOffset(d, 3))).toEqual([null, 1, 3, 3, null])
    expect([1, 2].map((d) => dueOffset(d, 1))).toEqual([1, null])
  })

  it('queues exactly one reminder per deputy per session when the timer fires twice', async () => {
    for (const code of ['XWT01-R1', 'XWT01-R2', 'XWT01-R3']) await subscribe(rwho.deputy(code), 3)
    const first = await fire()
    expect(first.remindReceptions).toEqual({ queued: 2, noCredit: 0 })
    expect((await fire()).remindReceptions).toEqual({ queued: 0, noCredit: 0 })
    for (const code of onDuty) {
      const reminders = await remindersOf(rwho.deputy(code))
      expect(reminders).toHaveLength(1)
      expect(reminders[0]).toMatchObject({
        status: 'sent',
        title: '代表接待日提醒',
        body: '9月15日 09:00–12:00 请到城关镇人大代表联络站值班接待',
        page: `/packages/reception/pages/session/index?id=${sessions[0].id}`,
      })
    }
    expect(await remindersOf(rwho.deputy(offDuty))).toEqual([])
    // one credit spent each
    expect((await r.ok(rwho.deputy(onDuty[0]), 'myDuty')).reminderCredits).toBe(2)
    expect((await r.ok(rwho.deputy(offDuty), 'myDuty')).reminderCredits).toBe(3)
  })

  it('reminds N days before (county setting) and again one day before, each once', async () => {
    await r.ok(rwho.xwStaff, 'setCountySettings', { reminderDaysBefore: 5 })
    for (const code of ['XWT01-R1', 'XWT01-R2', 'XWT01-R3']) await subscribe(rwho.deputy(code), 10)
    const second = (await r.ok(rwho.xwStaff, 'getSession', { id: sessions[1].id })).deputies.map((d: { code: string }) => d.code)
    at('2026-09-17', '08:00') // 5 days before 09-22
    await fire()
    at('2026-09-17', '20:00')
    await fire()
    at('2026-09-21', '08:00') // 1 day before
    await fire()
    await fire()
    for (const code of second) {
      const forSecond = (await remindersOf(rwho.deputy(code))).filter((m) => m.id.includes(sessions[1].id))
      expect(forSecond.map((m) => m.id.split(':').at(-1))).toEqual(['d1', 'd5'])
    }
  })

  it('records a reminder without credit as no_credit and asks the deputy to subscribe again', async () => {
    const [noCredit, withCredit] = onDuty
    await subscribe(rwho.deputy(withCredit))
    expect((await r.ok(rwho.deputy(noCredit), 'myDuty')).needsResubscribe).toBe(true)
    const res = await fire()
    expect(res.remindReceptions).toEqual({ queued: 1, noCredit: 1 })
    expect(res.deliverOutbox.sent).toBe(1)
    expect((await remindersOf(rwho.deputy(noCredit))).map((m) => m.status)).toEqual(['no_credit'])
    expect((await remindersOf(rwho.deputy(withCredit))).map((m) => m.status)).toEqual(['sent'])
    expect((await r.ok(rwho.deputy(withCredit), 'myDuty'))).toMatchObject({ reminderCredits: 0, needsResubscribe: true })
    // not retried, and after subscribing again the next reminder goes out
    await fire()
    expect(await remindersOf(rwho.deputy(noCredit))).toHaveLength(1)
    await subscribe(rwho.deputy(noCredit))
    expect(await r.ok(rwho.deputy(noCredit), 'myDuty')).toMatchObject({ reminderCredits: 1, needsResubscribe: false })
  })

  it('needs no credit for a long-term template', async () => {
    const res = await r.ok(rwho.deputy(onDuty[0]), 'recordSubscription', { accepted: ['reception_reminder'], longTerm: true })
    expect(res.items).toEqual([{ kind: 'reception_reminder', credits: 1, longTerm: true }])
    await fire()
    expect(await r.ok(rwho.deputy(onDuty[0]), 'myDuty')).toMatchObject({ reminderCredits: 1, longTermReminders: true, needsResubscribe: false })
    expect((await remindersOf(rwho.deputy(onDuty[0]))).map((m) => m.status)).toEqual(['sent'])
  })

  it('reminds residents who asked, the day before, and invited officials of a department', async () => {
    const second = sessions[1]
    await r.ok(rwho.resident, 'subscribeSession', { id: second.id })
    await r.ok(rwho.resident, 'subscribeSession', { id: second.id })
    await subscribe(rwho.resident, 2)
    await r.ok(rwho.xwStaff, 'updateSession', { id: second.id, invitedOfficials: [{ name: '赵局长', title: '交通运输局局长', kind: 'department_head', departmentCode: 'XW-D09' }] })
    const official = 'demo-department-XW-D09'
    await subscribe(official, 2)
    at('2026-09-19', '09:00') // 3 days before: deputies and officials
    await fire()
    expect(await remindersOf(rwho.resident)).toEqual([])
    expect((await remindersOf(official)).map((m) => m.body)).toEqual(['9月22日 09:00–12:00 应邀参加城关镇人大代表联络站代表接待日'])
    at('2026-09-21', '09:00')
    await fire()
    await fire()
    const resident = await remindersOf(rwho.resident)
    expect(resident).toHaveLength(1)
    expect(resident[0]).toMatchObject({ status: 'sent', body: '明天09:00–12:00 城关镇人大代表联络站' })
    expect(await remindersOf(official)).toHaveLength(2)
  })

  it('reminds again after a session moves, and tells subscribers when it is cancelled', async () => {
    for (const code of onDuty) await subscribe(rwho.deputy(code), 5)
    await fire()
    await r.ok(rwho.xwStaff, 'updateSession', { id: sessions[0].id, date: '2026-09-16' })
    at('2026-09-15', '08:00')
    await fire()
    const moved = await remindersOf(rwho.deputy(onDuty[0]))
    expect(moved.map((m) => m.body)).toEqual(['9月16日 09:00–12:00 请到城关镇人大代表联络站值班接待', '9月15日 09:00–12:00 请到城关镇人大代表联络站值班接待'])

    await r.ok(rwho.otherResident, 'subscribeSession', { id: sessions[2].id })
    await subscribe(rwho.otherResident)
    await r.ok(rwho.xwStaff, 'cancelSession', { id: sessions[2].id, reason: '场地用于防汛值守' })
    const notice = await remindersOf(rwho.otherResident)
    expect(notice).toEqual([expect.objectContaining({ title: '代表接待日取消', body: '城关镇人大代表联络站9月29日的活动已取消：场地用于防汛值守' })])
    at('2026-09-28', '09:00')
    await fire()
    expect(await remindersOf(rwho.otherResident)).toHaveLength(1)
    expect((await r.refused(rwho.otherResident, 'subscribeSession', { id: sessions[2].id })).code).toBe('invalid_transition')
  })

  it('refuses subscribing to a meeting the resident cannot see', async () => {
    const meeting = await r.ok(rwho.xwStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'meeting',
      place: '县人大常委会会议室',
      date: '2026-09-30',
      startTime: '15:00',
      endTime: '17:00',
      deputyCodes: ['XWT01-R1'],
    })
    expect((await r.refused(rwho.resident, 'subscribeSession', { id: meeting.id })).code).toBe('not_found')
    expect((await r.refused(rwho.resident, 'recordSubscription', { accepted: ['nonsense'] })).code).toBe('validation_failed')
  })
})

describe('through the local server', () => {
  it('staff generates a month, deputies subscribe, the timer fires twice: one reminder per deputy per session', async () => {
    const { createLocalServer, LOCAL_IDENTITY_HEADER } = await import('../../cloudfunctions/_local/server')
    const server = createLocalServer({ deps: backend.deps })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    const post = async (path: string, openid: string | null, body: unknown = {}) =>
      (await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { [LOCAL_IDENTITY_HEADER]: openid } : {}) }, body: JSON.stringify(body) })).json()
    try {
      const gen = await post('/fn/reception', rwho.lyStaff, { action: 'generateSessions', payload: { months: 1 } })
      expect(gen).toMatchObject({ ok: true, data: { created: 4 } }) // LYT01–04: the 1·1·5 session of October, moved to 10-08
      const deputies = ['LYT01', 'LYT02', 'LYT03', 'LYT04'].flatMap((s) => [1, 2, 3].map((n) => `${s}-R${n}`))
      for (const code of deputies) await post('/fn/reception', rwho.deputy(code), { action: 'recordSubscription', payload: { accepted: ['reception_reminder'] } })
      at('2026-10-07', '09:00')
      await post('/timer/timers', null)
      await post('/timer/timers', null)
      let total = 0
      for (const code of deputies) {
        const inbox = await post('/fn/directory', rwho.deputy(code), { action: 'myMessages', payload: { limit: 50 } })
        const reminders = inbox.data.items.filter((m: Message) => m.kind === 'reception_reminder')
        const duty = await post('/fn/reception', rwho.deputy(code), { action: 'myDuty' })
        expect(reminders).toHaveLength(duty.data.upcoming.length)
        total += reminders.length
      }
      expect(total).toBe(4)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
