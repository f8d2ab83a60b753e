/**
 * A code that names no station (an old poster, a typo in a link) gets a friendly 站点不存在 page
 * from the real directory function's station_not_found, not an error dialog.
 */
import { createTestBackend, type TestBackend } from '../support/backend'
import { ensureWeappBuild } from '../support/taro-build'
import { createSimulator, type SimulatedPage, type Simulator } from './simulate'

let backend: TestBackend
let sim: Simulator
let page: SimulatedPage

beforeAll(async () => {
  ensureWeappBuild()
  backend = await createTestBackend()
  sim = createSimulator(({ name, data }) => backend.call(name, data, 'demo-resident-1'))
  page = await sim.loadPage('pages/station/index', { code: 'XWT99' })
}, 5 * 60 * 1000)

afterAll(async () => {
  page?.unload()
  await backend?.close()
})

test('shows 站点不存在 with a way out', async () => {
  const text = await page.waitFor(() => page.text('#station-not-found'), 'the not-found state')
  expect(text).toContain('站点不存在')
  expect(text).toContain('XWT99')
  expect(text).toContain('查看全部联络站')
  expect(sim.cloudCalls).toEqual([{ name: 'directory', data: { action: 'getStation', payload: { stationCode: 'XWT99' } } }])
})
