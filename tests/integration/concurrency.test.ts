import { actions, who } from '../support/actors'
import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
let a: ReturnType<typeof actions>
beforeEach(async () => {
  backend = await createTestBackend()
  a = actions(backend)
})
afterEach(() => backend.close())

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

  it('tells the losing deputy who was faster in plain words', async () => {
    const { id } = await a.submit()
    await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport' })
    const late = await a.raw(who.sameStationDeputy, 'accept', { id, categoryCode: 'transport' })
    expect(late).toMatchObject({ ok: false })
    expect(late.ok ? '' : late.message).toMatch(/已接单|已被他人处理|没有找到|权限/)
  })
})
