/**
 * A code that names no station (an old poster, a typo in a link) gets a friendly 站点不存在 page
 * from the real directory function's station_not_found, not an error dialog.
 */
import { openPageForFile } from './page-fixture'

const { page, sim } = openPageForFile({ as: 'demo-resident-1', route: 'pages/station/index', query: { code: 'XWT99' } })

test('shows 站点不存在 with a way out', async () => {
  const text = await page.waitFor(() => page.text('#station-not-found'), 'the not-found state')
  expect(text).toContain('站点不存在')
  expect(text).toContain('XWT99')
  expect(text).toContain('查看全部联络站')
  expect(sim.cloudCalls).toEqual([{ name: 'directory', data: { action: 'getStation', payload: { stationCode: 'XWT99' } } }])
})
