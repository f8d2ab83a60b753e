/**
 * 接待公告 in the weapp build (packages/reception, miniprogram-simulate, real functions): station,
 * time, deputies with their positions, 加入手机日历 through wx.addPhoneCalendar (the H5 build
 * links the station's ICS feed instead), and 生成海报 (the simulator has no canvas: the page must
 * say so in Chinese instead of failing silently).
 */
import { fixedClock } from '../support/backend'
import { reception } from '../support/reception'
import { openPageForFile } from './page-fixture'

const clock = fixedClock('2026-09-14T02:00:00.000Z') // Monday 10:00 in Beijing
const STAFF = 'demo-staff-XW-STAFF1'
let session: { id: string; deputies: Array<{ name: string; socialPosition: string }> }

const { page, sim } = openPageForFile({
  clock,
  prepare: async (backend) => {
    const { ok } = reception(backend)
    await ok(STAFF, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    session = await ok(STAFF, 'getSession', { id: (await ok(STAFF, 'listSessions', { stationCode: 'XWT01' })).items[0].id })
  },
  as: 'demo-resident-1',
  beforeLoad: (sim, wx) => {
    wx.addPhoneCalendar = (arg: any = {}) => {
      sim.calls.push({ api: 'addPhoneCalendar', arg })
      const res = { errMsg: 'addPhoneCalendar:ok' }
      arg.success?.(res)
      return Promise.resolve(res)
    }
  },
  route: 'packages/reception/pages/session/index', query: () => ({ id: session.id }), ready: ['#session-title', 'the announcement'],
})

test('shows the station, the time and the deputies on duty with their positions', () => {
  expect(page.text('#session-when')).toBe('2026年9月15日 星期二 09:00–12:00')
  expect(page.text('#session-station')).toBe('城关镇人大代表联络站')
  const deputies = page.text('#session-deputies') ?? ''
  for (const d of session.deputies) {
    expect(deputies).toContain(d.name)
    expect(deputies).toContain(d.socialPosition)
  }
})

test('加入手机日历 adds the session with its Beijing times', async () => {
  await page.tap('link-calendar')
  const call = await page.waitFor(() => sim.calls.find((c) => c.api === 'addPhoneCalendar'), 'the calendar call')
  expect(call.arg).toMatchObject({
    title: '城关镇人大代表联络站代表接待日',
    startTime: Date.parse('2026-09-15T09:00:00+08:00') / 1000,
    endTime: String(Date.parse('2026-09-15T12:00:00+08:00') / 1000),
    location: '修武县城关镇人民政府院内',
  })
})

test('生成海报 fetches the poster content, shows the preview card and, without a canvas, says why in Chinese', async () => {
  const before = sim.calls.length
  await page.tap('link-poster')
  const call = await page.waitFor(() => sim.cloudCalls.find((c) => c.name === 'reception' && c.data.action === 'poster'), 'the poster call')
  expect(call.data.payload).toEqual({ id: session.id })
  await page.waitFor(() => page.text('#poster-preview'), 'the preview card')
  // miniprogram-simulate has no canvas 2d: a toast and the same words in the card, and a way to retry
  const toast = await page.waitFor(() => sim.calls.slice(before).find((c) => c.api === 'showToast'), 'the toast')
  expect(toast.arg.title).toMatch(/海报/)
  expect(toast.arg.title).toMatch(/[\u4e00-\u9fa5]/)
  expect(toast.arg.icon).toBe('none')
  await page.waitFor(() => page.text('#poster-status') === toast.arg.title, 'the same words in the card')
  expect(page.text('#poster-preview')).toContain('保存海报')
  expect(page.text('#poster-retry')).toBe('重新生成')
  // the SVG file path is gone: nothing is written as .svg
  expect(sim.calls.slice(before).some((c) => /svg/i.test(JSON.stringify(c.arg ?? '')))).toBe(false)
})
