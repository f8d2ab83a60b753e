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
    await backend.close()
  })
})
