import { mapLimit } from '../../shared/map-limit'

describe('mapLimit', () => {
  it('keeps the input order and never has more than the limit in flight', async () => {
    let inFlight = 0
    let most = 0
    const out = await mapLimit([50, 10, 30, 0, 20, 40], 2, async (ms) => {
      most = Math.max(most, ++inFlight)
      await new Promise((r) => setTimeout(r, ms))
      inFlight--
      return ms * 2
    })
    expect(out).toEqual([100, 20, 60, 0, 40, 80])
    expect(most).toBe(2)
  })

  it('answers an empty list at once', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([])
  })
})
