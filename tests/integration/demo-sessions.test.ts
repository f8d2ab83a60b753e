/**
 * The demo start's reception sessions (issue 14): after the demo seed every demo station with a
 * reception rule has coming sessions on its public page (none says 接待日安排即将公布).
 */
import demoCounty from '../../shared/data/demo-county.json'
import { seedDemoSessions } from '../../cloudfunctions/_core/seed/seed-demo-sessions'
import { backendPerTest, fixedClock, functionCaller } from '../support/backend'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const dir = functionCaller(backend, 'directory')

type DemoStation = { code: string; receptionRule?: unknown }

describe('demo reception sessions', () => {
  it('gives every demo station with a rule upcoming sessions, and seeding twice adds none', async () => {
    await seedDemoSessions(backend.deps)
    const stations = (demoCounty as unknown as { counties: Array<{ stations: DemoStation[] }> }).counties.flatMap((c) => c.stations).filter((s) => s.receptionRule)
    expect(stations.length).toBeGreaterThan(0)
    const sessions = backend.store.collection<{ _id: string; stationCode?: string; date: string }>('reception_sessions')
    const before = await sessions.count()
    for (const s of stations) {
      const page = await dir.ok('demo-resident-1', 'getStation', { stationCode: s.code })
      expect([s.code, page.upcomingSessions.length > 0]).toEqual([s.code, true])
    }
    await seedDemoSessions(backend.deps)
    expect(await sessions.count()).toBe(before)
  })
})
