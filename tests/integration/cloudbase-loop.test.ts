import { openStore } from '../../cloudfunctions/_core/store'
import { actions, who } from '../support/actors'
import { createTestBackend, fixedClock, type TestBackend } from '../support/backend'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'

/**
 * The same use cases on the production store: the real @cloudbase/node-sdk talking HTTP to the
 * local stand-in of CloudBase's endpoint.
 */
let standin: CloudbaseStandin
let backend: TestBackend
let a: ReturnType<typeof actions>

beforeAll(async () => {
  standin = await startCloudbaseStandin()
  const store = await openStore({ kind: 'cloudbase', env: 'test-env', serviceUrl: standin.url })
  backend = await createTestBackend({ store, clock: fixedClock('2026-11-26T02:00:00.000Z') })
  a = actions(backend)
}, 60_000)
afterAll(async () => {
  await backend.close()
  await standin.close()
})

describe('the loop on the CloudBase store', () => {
  it('runs from 点单 to 验单 with the timeline intact', async () => {
    const id = await a.walkTo('resolved')
    const verified = await a.ok(who.resident, 'rate', { id, rating: 'satisfied' })
    expect(verified.state).toBe('verified')
    expect(verified.history.map((h: { event: string }) => h.event)).toEqual(['submit', 'accept', 'escalate', 'dispatch', 'acknowledge', 'resolve', 'verify'])
    const mine = await a.ok(who.resident, 'listMine', {})
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id)
  })

  it('lets exactly one of 100 simultaneous accepts win', async () => {
    const { id } = await a.submit()
    const results = await Promise.all(Array.from({ length: 100 }, () => a.raw(who.deputy, 'accept', { id, categoryCode: 'transport' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.code === 'conflict')).toHaveLength(99)
  })

  it('saves neither the step nor its counters and messages when the counter write fails inside the transaction', async () => {
    const { id } = await a.submit()
    const outboxBefore = (standin.dump().outbox ?? []).length
    const countersBefore = JSON.stringify(standin.dump().stats_counters)
    standin.failWith((r) => (r.transactionId && r.collectionName === 'stats_counters' && r.action !== 'database.getDocument' ? { code: 'DATABASE_REQUEST_FAILED', message: 'injected' } : undefined))
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await a.raw(who.deputy, 'accept', { id, categoryCode: 'transport' })).toMatchObject({ ok: false, code: 'internal' })
    } finally {
      standin.failWith(undefined)
      errors.mockRestore()
    }
    expect((await a.ok(who.resident, 'get', { id })).state).toBe('submitted')
    expect((standin.dump().outbox ?? []).length).toBe(outboxBefore)
    expect(JSON.stringify(standin.dump().stats_counters)).toBe(countersBefore)
    expect(standin.requests.some((r) => r.action === 'database.abortTransaction')).toBe(true)
    // and once the platform answers again, the same step goes through
    expect((await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport' })).state).toBe('accepted')
  })

  it('asks to try again, in Chinese, when CloudBase is over its rate limit or slow; nothing is half saved', async () => {
    const { id } = await a.submit()
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      standin.failWith((r) => (r.collectionName === 'suggestions' && r.action === 'database.getDocument' ? { code: 'EXCEED_RATELIMIT', message: 'rate limit' } : undefined))
      expect(await a.raw(who.deputy, 'get', { id })).toEqual({ ok: false, code: 'network_error', message: '云服务繁忙，请稍后重试' })
      standin.failWith((r) => (r.transactionId && r.collectionName === 'stats_counters' ? { code: 'DATABASE_TIMEOUT', message: 'timeout' } : undefined))
      expect(await a.raw(who.deputy, 'accept', { id, categoryCode: 'transport' })).toMatchObject({ ok: false, code: 'network_error' })
    } finally {
      standin.failWith(undefined)
      errors.mockRestore()
    }
    expect((await a.ok(who.resident, 'get', { id })).state).toBe('submitted')
  })

  it('makes one item from 100 retries of one submit', async () => {
    const payload = { clientRequestId: 'cloudbase-retry-1', stationCode: 'XWT01', content: '路灯不亮', anonymous: true }
    const results = await Promise.all(Array.from({ length: 100 }, () => a.raw(who.otherResident, 'submit', payload)))
    expect(new Set(results.map((r) => (r.ok ? r.data.id : r.code))).size).toBe(1)
  })

  it('serves the queues and filters', async () => {
    const id = await a.walkTo('escalated')
    const board = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { state: 'escalated' } })
    expect(board.items.map((i: { id: string }) => i.id)).toContain(id)
    const station = await a.ok(who.deputy, 'stationQueue', { state: 'submitted' })
    expect(station.items.every((i: { state: string }) => i.state === 'submitted')).toBe(true)
  })
})
