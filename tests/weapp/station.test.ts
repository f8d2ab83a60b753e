/**
 * The station page as WeChat would run it: the Taro-compiled dist/weapp, rendered by
 * miniprogram-simulate, calling the REAL cloud functions (in-memory SQLite, demo county) through
 * a wx.cloud.callFunction stand-in. Opened the way a scanned station code opens it (scene=XWT01).
 */
import { openPageForFile } from './page-fixture'

const OPENID = 'demo-resident-1'

const { page, sim } = openPageForFile({
  as: OPENID, route: 'pages/station/index', query: { scene: encodeURIComponent('XWT01') }, ready: ['#station-name', 'the station name'],
})

test('asks the directory function for the scanned station, through wx.cloud', () => {
  expect(sim.cloudCalls[0]).toEqual({ name: 'directory', data: { action: 'getStation', payload: { stationCode: 'XWT01' } } })
})

test('shows the station: name, kind, place, reception note', () => {
  expect(page.text('#station-name')).toBe('城关镇人大代表联络站')
  const text = page.dom.textContent ?? ''
  expect(text).toContain('乡镇人大代表联络站')
  expect(text).toContain('修武县')
  expect(text).toContain('修武县城关镇人民政府院内')
  expect(page.text('#station-reception-note')).toBe('每周二，2名代表进站接待')
})

test('lists the deputies with their level, and a phone number only where it is published', () => {
  const deputies = page.text('#deputy-list') ?? ''
  for (const name of ['王建国', '黄秀兰', '高志强']) expect(deputies).toContain(name)
  expect(deputies).toContain('县人大代表')
  expect(deputies).toContain('乡镇卫生院院长')
  // 王建国 agreed to publish his number; 黄秀兰 did not
  expect(deputies).toContain('140 0000 7919')
  expect(deputies).not.toContain('15000015838')
  expect(deputies.match(/联系电话/g)).toHaveLength(1)
})

test('shows upcoming reception sessions, or says they are coming', () => {
  const sessions = page.text('#session-list') ?? ''
  expect(sessions.includes('接待日安排即将公布') || /\d+月\d+日/.test(sessions)).toBe(true)
})

test('tapping 我要反映 opens the submit page for this station', async () => {
  const before = sim.calls.length
  await page.tap('report-button')
  const nav = await page.waitFor(() => sim.calls.slice(before).find((c) => c.api === 'navigateTo'), 'wx.navigateTo')
  const url = String(nav.arg.url)
  expect(url.startsWith('/pages/submit/index?')).toBe(true)
  const query = new URLSearchParams(url.split('?')[1])
  expect(query.get('code')).toBe('XWT01')
  expect(query.get('name')).toBe('城关镇人大代表联络站')
})
