/**
 * Delivering the outbox (issue 15, item 4): each message is sent at most once. Overlapping timer
 * runs never both send one; a run killed between WeChat's answer and recording it leaves the
 * message `unknown`, not sent again; a long queue stops taking new sends once the run's budget is
 * spent and the rest go in the next run. Real functions on SQLite; the sender counts its calls.
 */
import { deliverOutbox, LEASE_MS } from '../../cloudfunctions/_core/usecases/timers/deliver-outbox'
import type { MessageSender } from '../../cloudfunctions/_core/ports'
import { backendPerTest, fixedClock } from '../support/backend'

const clock = fixedClock('2026-11-26T02:00:00.000Z')
const backend = backendPerTest({ clock })

async function queue(n: number) {
  for (let i = 0; i < n; i++) {
    await backend.deps.repos.outbox.enqueue({ _id: `m-${i}`, toOpenid: `o-${i}`, kind: 'item_update', title: '办理进度', body: `事项${i}已接单`, page: null }, clock.now().toISOString())
  }
}

/** A sender that takes a while (as WeChat does) and remembers whom it sent to. */
function countingSender(delayMs = 5): MessageSender & { sent: string[] } {
  const sent: string[] = []
  return {
    sent,
    async send(m) {
      await new Promise((r) => setTimeout(r, delayMs))
      sent.push(m.toOpenid)
      return { status: 'sent' }
    },
  }
}

const statusOf = async (id: string) => (await backend.deps.repos.outbox.get(id))?.status

describe('delivering the outbox', () => {
  it('two overlapping runs send each message once', async () => {
    await queue(20)
    const sender = countingSender()
    const deps = { ...backend.deps, sender }
    const [a, b] = await Promise.all([deliverOutbox(deps), deliverOutbox(deps)])
    expect(a.sent + b.sent).toBe(20)
    expect(new Set(sender.sent).size).toBe(20)
    expect(sender.sent).toHaveLength(20)
  })

  it('a run killed after sending leaves the message unknown, and the next run does not send it again', async () => {
    await queue(2)
    // the killed run: took m-0 and asked WeChat, never recorded the answer
    const m0 = (await backend.deps.repos.outbox.get('m-0'))!
    expect(await backend.deps.repos.outbox.lease(m0, new Date(clock.now().getTime() + LEASE_MS).toISOString())).toBe(true)
    const sender = countingSender()
    // within the lease the next run leaves it alone; after it, it is marked unknown
    expect(await deliverOutbox({ ...backend.deps, sender })).toMatchObject({ sent: 1, unknown: 0 })
    clock.set(new Date(clock.now().getTime() + LEASE_MS + 1000).toISOString())
    expect(await deliverOutbox({ ...backend.deps, sender })).toMatchObject({ sent: 0, unknown: 1 })
    expect(sender.sent).toEqual(['o-1'])
    expect(await statusOf('m-0')).toBe('unknown')
    const mine = await backend.call('directory', { action: 'myMessages', payload: {} }, 'o-0')
    expect(mine).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ status: 'unknown' })] } })
  })

  it('stops starting sends when the run’s budget is spent; the rest go next time', async () => {
    await queue(5)
    let ticks = 0
    const sender = countingSender(0)
    const first = await deliverOutbox({ ...backend.deps, sender }, { budgetMs: 3, elapsed: () => ticks++ })
    expect(first).toMatchObject({ sent: 3, left: 2 })
    expect(await statusOf('m-4')).toBe('queued')
    expect(await deliverOutbox({ ...backend.deps, sender })).toMatchObject({ sent: 2, left: 0 })
    expect(sender.sent).toEqual(['o-0', 'o-1', 'o-2', 'o-3', 'o-4'])
  })
})
