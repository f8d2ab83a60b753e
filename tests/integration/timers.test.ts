import { TIMERS } from '../../cloudfunctions/_core/functions'
import { actions, who } from '../support/actors'
import { backendPerTest, fixedClock } from '../support/backend'

const clock = fixedClock('2026-11-26T02:00:00.000Z')
const backend = backendPerTest({ clock })
const a = actions(backend)
const fire = async () => {
  const res = await TIMERS.timers(backend.deps)
  if (!res.ok) throw new Error('timer failed')
  return res.data as Record<string, any>
}
const messagesOf = async (openid: string) => {
  const res = await backend.call('directory', { action: 'myMessages', payload: { limit: 50 } }, openid)
  if (!res.ok) throw new Error(res.message)
  return res.data.items as Array<{ id: string; kind: string; title: string; body: string; status: string }>
}

describe('the timers', () => {
  it('reminds the department one working day before the deadline, once', async () => {
    const id = await a.walkTo('dispatched') // deadline 2026-12-10 (Thursday)
    clock.set('2026-12-09T01:00:00.000Z')
    await fire()
    await fire()
    const reminders = (await messagesOf(who.department)).filter((m) => m.kind === 'deadline_reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0].body).toContain('2026-12-10')
    expect((await a.ok(who.department, 'get', { id })).overdue).toBe(false)
  })

  it('flags an item still open after its deadline day as overdue and lists it for 督办', async () => {
    const id = await a.walkTo('in_progress')
    clock.set('2026-12-10T15:00:00.000Z') // 23:00 in Beijing on the deadline day: not yet overdue
    expect((await fire()).flagOverdue).toBe(0)
    clock.set('2026-12-10T16:30:00.000Z') // 00:30 on 12-11 in Beijing
    expect((await fire()).flagOverdue).toBe(1)
    expect((await fire()).flagOverdue).toBe(0)
    const board = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { overdue: true } })
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([id])
    const overdueNotices = (await messagesOf(who.department)).filter((m) => m.kind === 'overdue')
    expect(overdueNotices).toHaveLength(1)
    expect((await messagesOf(who.deputy)).some((m) => m.kind === 'overdue')).toBe(true)
  })

  it('closes a resolved item nobody rated as verified without rating, counted apart', async () => {
    const id = await a.walkTo('resolved') // rating window: 10 working days → due 2026-12-10
    clock.set('2026-12-10T04:00:00.000Z')
    await fire()
    expect((await a.ok(who.resident, 'get', { id })).state).toBe('resolved')
    clock.set('2026-12-11T04:00:00.000Z')
    await fire()
    const closed = await a.ok(who.resident, 'get', { id })
    expect(closed).toMatchObject({ state: 'verified', verifiedWithoutRating: true, residentRating: null })
    expect(closed.history.at(-1)).toMatchObject({ event: 'auto_verify', actorName: '系统', role: 'system' })
  })

  it('asks for a follow-up on the date a planned solution was promised', async () => {
    const id = await a.walkTo('in_progress')
    await a.ok(who.department, 'resolve', { id, reply: '列入明年计划', outcome: 'planned', promisedDate: '2026-12-31' })
    await a.ok(who.resident, 'rate', { id, rating: 'basically_satisfied' })
    clock.set('2026-12-31T02:00:00.000Z')
    await fire()
    await fire()
    const followUps = (await messagesOf(who.department)).filter((m) => m.title === '承诺事项到期回访')
    expect(followUps).toHaveLength(1)
  })

  it('delivers queued messages once and records a refused send without retrying it', async () => {
    await a.walkTo('dispatched')
    const first = await fire()
    expect(first.deliverOutbox.sent).toBeGreaterThan(0)
    expect((await fire()).deliverOutbox).toEqual({ sent: 0, noCredit: 0, failed: 0, unknown: 0, left: 0 })

    const refusing = { ...backend.deps, sender: { send: async () => ({ status: 'no_credit' as const, error: '43101 user refused' }) } }
    await a.walkTo('dispatched')
    const res = await TIMERS.timers(refusing)
    expect(res.ok && (res.data as any).deliverOutbox.noCredit).toBeGreaterThan(0)
    const again = await TIMERS.timers(refusing)
    expect(again.ok && (again.data as any).deliverOutbox.noCredit).toBe(0)
    const statuses = new Set((await messagesOf(who.department)).map((m) => m.status))
    expect(statuses).toEqual(new Set(['sent', 'no_credit']))
    const credit = await backend.store.collection<{ _id: string; credits: number; lastNoCreditAt: string | null }>('subscriptions').get(`${who.department}:item_update`)
    expect(credit).toMatchObject({ credits: 0, lastNoCreditAt: expect.any(String) })
  })
})
