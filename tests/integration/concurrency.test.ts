import { actions, who } from '../support/actors'
import { backendPerTest } from '../support/backend'

const backend = backendPerTest()
const a = actions(backend)

describe('concurrency and idempotency', () => {
  it('lets exactly one of 100 simultaneous accepts win; the other 99 get conflict', async () => {
    const { id } = await a.submit()
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => a.raw(i % 2 ? who.deputy : who.sameStationDeputy, 'accept', { id, categoryCode: 'transport' })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const failures = results.filter((r) => !r.ok)
    expect(failures).toHaveLength(99)
    expect(new Set(failures.map((r) => (r.ok ? '' : r.code)))).toEqual(new Set(['conflict']))
    const detail = await a.ok(who.resident, 'get', { id })
    expect(detail.history.filter((h: { event: string }) => h.event === 'accept')).toHaveLength(1)
  })

  it('makes one item from 1,000 repeats of one submit request', async () => {
    const payload = { clientRequestId: 'one-tap-many-retries', stationCode: 'XWT01', content: '路灯不亮', anonymous: true }
    const results = await Promise.all(Array.from({ length: 1000 }, () => a.raw(who.resident, 'submit', payload)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.ok ? r.data.id : null))).size).toBe(1)
    expect(await backend.store.collection('suggestions').count()).toBe(1)
    expect(await backend.store.collection('follows').count()).toBe(1)
  })

  it('tells a deputy who arrives just after another who was faster', async () => {
    const { id } = await a.submit()
    await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport' })
    const late = await a.raw(who.sameStationDeputy, 'accept', { id, categoryCode: 'transport' })
    expect(late).toEqual({ ok: false, code: 'conflict', message: '该事项刚刚已由王建国接单，请刷新后查看' })
  })

  it('answers a double-tapped 销单 with conflict, recording it once', async () => {
    const id = await a.walkTo('in_progress')
    const [first, second] = await Promise.all([
      a.raw(who.department, 'resolve', { id, reply: '已办结', outcome: 'solved' }),
      a.raw(who.department, 'resolve', { id, reply: '已办结', outcome: 'solved' }),
    ])
    expect([first.ok, second.ok].sort()).toEqual([false, true])
    const again = await a.raw(who.department, 'resolve', { id, reply: '已办结', outcome: 'solved' })
    expect(again).toMatchObject({ code: 'conflict' })
    expect((await a.ok(who.resident, 'get', { id })).history.filter((h: { event: string }) => h.event === 'resolve')).toHaveLength(1)
  })
})
