/**
 * 接待公告 in the weapp build (packages/reception, miniprogram-simulate, real functions): station,
 * time, deputies with their positions, and 加入手机日历 through wx.addPhoneCalendar (the H5 build
 * links the station's ICS feed instead).
 */
import { createTestBackend, fixedClock, type TestBackend } from '../support/backend'
import { ensureWeappBuild } from '../support/taro-build'
import { createSimulator, type SimulatedPage, type Simulator } from './simulate'

const clock = fixedClock('2026-09-14T02:00:00.000Z') // Monday 10:00 in Beijing
const STAFF = 'demo-staff-XW-STAFF1'
let backend: TestBackend
let sim: Simulator
let page: SimulatedPage
let session: { id: string; deputies: Array<{ name: string; socialPosition: string }> }

beforeAll(async () => {
  ensureWeappBuild()
  backend = await createTestBackend({ clock })
  const ok = async (action: string, payload: Record<string, unknown>) => {
    const res = await backend.call('reception', { action, payload }, STAFF)
    if (!res.ok) throw new Error(res.message)
    return res.data
  }
  await ok('generateSessions', { stationCode: 'XWT01', months: 1 })
  session = await ok('getSession', { id: (await ok('listSessions', { stationCode: 'XWT01' })).items[0].id })
  sim = createSimulator(({ name, data }) => backend.call(name, data, 'demo-resident-1'))
  ;(globalThis as any).wx.addPhoneCalendar = (arg: any = {}) => {
    sim.calls.push({ api: 'addPhoneCalendar', arg })
    const res = { errMsg: 'addPhoneCalendar:ok' }
    arg.success?.(res)
    return Promise.resolve(res)
  }
  page = await sim.loadPage('packages/reception/pages/session/index', { id: session.id })
  await page.waitFor(() => page.text('#session-title'), 'the announcement')
}, 5 * 60 * 1000)

afterAll(async () => {
  page?.unload()
  await backend?.close()
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
