import type { Page } from 'playwright-core'
import { fixedClock } from '../support/backend'
import { startE2E, visible, type E2E } from './harness'

/**
 * Issue 5 end to end, on the H5 build against the local server: staff generate a month of
 * reception days for 城关镇 (XWT01, every Tuesday, two deputies) through the calendar page; a
 * deputy on duty subscribes on 我的接待; the timer fires twice; the outbox holds exactly one
 * reminder per deputy for the session. The backend's clock is fixed: Monday 2026-09-14 10:00 in
 * Beijing, so the first session (Tuesday 09-15) is inside the reminder window and the month
 * crosses National Day (10-06 moves to 10-08).
 */
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const STAFF = 'demo-staff-XW-STAFF1'
const RESIDENT = 'demo-resident-1'
const SESSION = '/#/packages/reception/pages/session/index'
const DUTY = '/#/packages/reception/pages/duty/index'
const CALENDAR = '/#/packages/reception/pages/calendar/index'

let e2e: E2E
let staff: Page
let firstSession: { id: string; deputyCodes: string[] }

beforeAll(async () => {
  e2e = await startE2E({ clock })
  staff = await e2e.open(STAFF)
}, 300_000)
afterAll(() => e2e?.close())

const pageText = (page: Page) => page.locator('.taro_page_show').innerText()
const deputyOpenid = (code: string) => `demo-deputy-${code}`
async function api(fn: string, action: string, payload: Record<string, unknown>, openid: string) {
  const res = await e2e.backend.call(fn, { action, payload }, openid)
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`)
  return res.data
}
async function fireTimer(): Promise<Record<string, any>> {
  const res = await fetch(`${e2e.base}/timer/timers`, { method: 'POST' })
  const body = (await res.json()) as { ok: boolean; data: Record<string, any> }
  expect(body.ok).toBe(true)
  return body.data
}
async function remindersFor(openid: string, sessionId: string) {
  const data = await api('directory', 'myMessages', { limit: 50 }, openid)
  return (data.items as Array<{ id: string; kind: string; body: string; page: string | null; status: string }>).filter(
    (m) => m.kind === 'reception_reminder' && m.id.includes(sessionId),
  )
}

describe('reception days: generate, subscribe, remind once', () => {
  it('staff generate a month for 城关镇 on the calendar page and see the report', async () => {
    await staff.goto(`${e2e.base}${CALENDAR}`)
    await staff.waitForSelector(visible('#calendar-tabs'))
    await staff.locator(visible('#tab-generate')).click()
    await staff.locator(visible('#select-gen-station-toggle')).click()
    await staff.locator(visible('#option-gen-station-XWT01')).click()
    await staff.locator(visible('#chip-gen-months-1')).click()
    await staff.locator(visible('#generate-button')).click()
    await staff.waitForSelector(visible('#generate-report'))
    const report = await staff.locator(visible('#generate-report')).innerText()
    // Tuesdays 09-15 … 10-13; 10-06 falls in the National Day holiday and moves to Thursday 10-08
    expect(await staff.locator(visible('#report-created .rc-tile__count')).innerText()).toBe('5')
    expect(report).toContain('城关镇人大代表联络站')
    expect(report).toContain('原定10月6日为国庆节假期，顺延至10月8日')
    await staff.locator(visible('#report-stations')).scrollIntoViewIfNeeded()
    await e2e.screenshot(staff, 'reception-calendar-report')

    await staff.locator(visible('#report-show')).click()
    await staff.waitForSelector(visible('#session-list .rc-session'))
    const rows = staff.locator(visible('#session-list .rc-session'))
    expect(await rows.count()).toBe(5)
    expect(await rows.first().innerText()).toContain('9月15日 星期二 09:00–12:00')
    expect(await pageText(staff)).toContain('节假日调整')
    await e2e.screenshot(staff, 'reception-calendar')

    const listed = await api('reception', 'listSessions', { stationCode: 'XWT01', limit: 50 }, STAFF)
    expect(listed.items).toHaveLength(5)
    const view = await api('reception', 'getSession', { id: listed.items[0].id }, STAFF)
    firstSession = { id: view.id, deputyCodes: view.deputies.map((d: { code: string }) => d.code) }
    expect(firstSession.deputyCodes).toHaveLength(2)
  })

  it('shows the announcement (公告) and a resident asks to be reminded', async () => {
    const resident = await e2e.open(RESIDENT)
    await resident.goto(`${e2e.base}${SESSION}?id=${firstSession.id}`)
    await resident.waitForSelector(visible('#remind-button'))
    const text = await pageText(resident)
    expect(text).toContain('城关镇人大代表联络站')
    expect(text).toContain('2026年9月15日 星期二 09:00–12:00')
    const view = await api('reception', 'getSession', { id: firstSession.id }, STAFF)
    for (const d of view.deputies) {
      expect(text).toContain(d.name)
      expect(text).toContain(d.socialPosition)
    }
    await e2e.screenshot(resident, 'reception-announcement')
    await resident.locator(visible('#remind-button')).click()
    await resident.waitForSelector(visible('#remind-result'))
    expect(await resident.locator(visible('#remind-result')).innerText()).toContain('已预约')
    expect(await resident.locator(visible('#remind-button')).innerText()).toContain('已预约提醒')
  })

  it('a deputy on duty sees the session on 我的接待 and taps 订阅提醒', async () => {
    const code = firstSession.deputyCodes[0]
    const deputy = await e2e.open(deputyOpenid(code))
    await deputy.goto(`${e2e.base}${DUTY}`)
    await deputy.waitForSelector(visible('#duty-list'))
    expect(await deputy.locator(visible(`#session-${firstSession.id}`)).innerText()).toContain('9月15日')
    // no credit yet: the page says so prominently
    await deputy.waitForSelector(visible('#needs-resubscribe'))
    await deputy.locator(visible('#subscribe-button')).click()
    await deputy.waitForSelector(visible('#subscribe-result'))
    expect(await deputy.locator(visible('#subscribe-result')).innerText()).toContain('已订阅')
    await deputy.waitForSelector(visible('#needs-resubscribe'), { state: 'detached' })
    expect(await pageText(deputy)).toContain('剩余 1 次')
    await e2e.screenshot(deputy, 'reception-duty')
  })

  it('fires the timer twice: exactly one reminder per deputy per session', async () => {
    const [subscribed, unsubscribed] = firstSession.deputyCodes
    const first = await fireTimer()
    // the subscribed deputy and the resident get theirs; the other deputy's is kept as no_credit
    expect(first.remindReceptions).toEqual({ queued: 2, noCredit: 1 })
    const second = await fireTimer()
    expect(second.remindReceptions).toEqual({ queued: 0, noCredit: 0 })

    const mine = await remindersFor(deputyOpenid(subscribed), firstSession.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      status: 'sent',
      body: '9月15日 09:00–12:00 请到城关镇人大代表联络站值班接待',
      page: `/packages/reception/pages/session/index?id=${firstSession.id}`,
    })
    expect((await remindersFor(deputyOpenid(unsubscribed), firstSession.id)).map((m) => m.status)).toEqual(['no_credit'])
    expect(await remindersFor(RESIDENT, firstSession.id)).toHaveLength(1)

    // the store itself: one outbox row per recipient of this session, nothing for other sessions
    const rows = (await e2e.backend.store.collection<{ _id: string; toOpenid: string }>('outbox').find({ where: {}, limit: 500 })).items.filter(
      (r) => r._id.startsWith('rr:'),
    )
    const perRecipient = new Map<string, number>()
    for (const r of rows) {
      expect(r._id).toContain(firstSession.id)
      perRecipient.set(r.toOpenid, (perRecipient.get(r.toOpenid) ?? 0) + 1)
    }
    expect(Object.fromEntries(perRecipient)).toEqual({ [deputyOpenid(subscribed)]: 1, [deputyOpenid(unsubscribed)]: 1, [RESIDENT]: 1 })
  })

  it('亮码进站: the deputy on duty checks in during the session; a deputy of another station is refused', async () => {
    clock.set('2026-09-15T01:10:00.000Z') // Tuesday 09:10 in Beijing
    const deputy = await e2e.open(deputyOpenid(firstSession.deputyCodes[1]))
    await deputy.goto(`${e2e.base}${DUTY}`)
    await deputy.waitForSelector(visible('#needs-resubscribe')) // its one reminder found no credit
    await deputy.locator(visible('#check-in-code input')).fill('xwt01')
    await deputy.locator(visible('#check-in-button')).click()
    await deputy.waitForSelector(visible('#check-in-result'))
    const ok = await deputy.locator(visible('#check-in-result')).innerText()
    expect(ok).toContain('签到成功')
    expect(ok).toContain('今年已到站 1 次')
    await deputy.locator(visible('#check-in-result')).scrollIntoViewIfNeeded()
    await e2e.screenshot(deputy, 'reception-duty-check-in')

    const other = await e2e.open(deputyOpenid('XWT02-R1'))
    await other.goto(`${e2e.base}${DUTY}`)
    await other.waitForSelector(visible('#check-in-code'))
    await other.locator(visible('#check-in-code input')).fill('XWT01')
    await other.locator(visible('#check-in-button')).click()
    await other.waitForSelector(visible('#check-in-error'))
    expect(await other.locator(visible('#check-in-error')).innerText()).toContain('您不是该联络站的代表')
  })
})
