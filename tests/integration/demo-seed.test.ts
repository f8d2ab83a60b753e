import { SUGGESTION_STATES } from '../../shared/domain/states'
import { seedDemoItems } from '../../cloudfunctions/_core/seed/seed-demo-items'
import type { SuggestionDoc } from '../../cloudfunctions/_core/model'
import { createTestBackend, fixedClock } from '../support/backend'

describe('the demo data', () => {
  it('shows an item in every state of the loop, plus an overdue one, made through the use cases', async () => {
    const backend = await createTestBackend({ clock: fixedClock('2026-11-26T02:00:00.000Z') })
    await seedDemoItems(backend.deps)
    const items = (await backend.store.collection<SuggestionDoc>('suggestions').find({ limit: 100 })).items
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(SUGGESTION_STATES))
    expect(items.some((i) => i.overdue)).toBe(true)
    expect(items.every((i) => i.history.length >= 1)).toBe(true)
    // steps are spread over days, so 各环节平均用时 shows real figures on the demo dashboard
    const overview = await backend.call('stats', { action: 'overview', payload: { from: '2026-01', to: '2026-12' } }, 'demo-staff-XW-STAFF1')
    const days = overview.ok ? (overview.data as { figures: { averageDays: Record<string, number | null> } }).figures.averageDays : {}
    expect(days.response).toBeGreaterThan(0)
    expect(days.handle).toBeGreaterThan(0)
    await backend.close()
  })
})
