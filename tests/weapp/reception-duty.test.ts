/**
 * 我的接待 in the weapp build (packages/reception, miniprogram-simulate, real functions): the
 * deputy's duty and count, 订阅提醒 without a configured template (says so, records nothing), and
 * 亮码进站 through wx.scanCode — a mini-program code's path carries the station as `scene`.
 */
import { fixedClock } from '../support/backend'
import { reception } from '../support/reception'
import { openPageForFile } from './page-fixture'

// Tuesday 2026-09-15 09:10 in Beijing: XWT01's first generated session (09:00–12:00) is on
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const STAFF = 'demo-staff-XW-STAFF1'
let scanned: unknown = null

const { page, sim } = openPageForFile({
  clock,
  prepare: async (backend) => {
    const { ok } = reception(backend)
    await ok(STAFF, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const first = (await ok(STAFF, 'listSessions', { stationCode: 'XWT01' })).items[0]
    const deputy = `demo-deputy-${(await ok(STAFF, 'getSession', { id: first.id })).deputies[0].code}`
    clock.set('2026-09-15T01:10:00.000Z')
    return deputy
  },
  as: (deputy) => deputy,
  beforeLoad: (sim, wx) => {
    wx.scanCode = (arg: any = {}) => {
      scanned = arg
      const res = { errMsg: 'scanCode:ok', scanType: 'WX_CODE', result: '', path: 'pages/station/index?scene=XWT01', charSet: 'utf-8' }
      arg.success?.(res)
      arg.complete?.(res)
      return Promise.resolve(res)
    }
    wx.requestSubscribeMessage = (arg: any = {}) => {
      sim.calls.push({ api: 'requestSubscribeMessage', arg })
      return Promise.reject({ errMsg: 'requestSubscribeMessage:fail' })
    }
  },
  route: 'packages/reception/pages/duty/index', ready: ['#duty-list', 'the duty list'],
})

test('shows the coming duty, the year’s count and that reminders need a subscription', () => {
  expect(page.text('#duty-list')).toContain('9月15日')
  expect(page.text('#duty-count')).toContain('0')
  expect(page.text('#needs-resubscribe')).toContain('提醒次数已用完')
})

test('订阅提醒 without a configured template says so and records no credit', async () => {
  await page.tap('subscribe-button')
  const note = await page.waitFor(() => page.text('#subscribe-result'), 'the subscribe note')
  expect(note).toContain('消息模板尚未配置')
  expect(sim.calls.some((c) => c.api === 'requestSubscribeMessage')).toBe(false)
  expect(sim.cloudCalls.some((c) => c.data.action === 'recordSubscription')).toBe(false)
})

test('亮码进站: scanning the station code checks the deputy in', async () => {
  await page.tap('check-in-button')
  const result = await page.waitFor(() => page.text('#check-in-result'), 'the check-in result')
  expect(scanned).toMatchObject({ onlyFromCamera: true })
  expect(sim.cloudCalls.find((c) => c.data.action === 'checkIn')?.data.payload).toEqual({ stationCode: 'XWT01' })
  expect(result).toContain('签到成功')
  expect(result).toContain('城关镇人大代表联络站')
  expect(result).toContain('今年已到站 1 次')
})
