/**
 * A station supervisor logs a morning's reception in Chromium (H5 build on the local server):
 * two visitors — one answered on the spot, one 交办单 — logged with the signal gone, kept on the
 * phone as 待同步 and synced once when it returns; the 交办单 appears on the county staff's
 * dispatch board, is dispatched and resolved (through the API), and its 销单 fills the record's
 * 办理结果; the supervisor then records the visitor's opinion and closes the record.
 */
import type { Page } from 'playwright-core'
import { shanghaiDateTime } from '../../shared/domain/reception/dates'
import { newSessionDoc } from '../../cloudfunctions/_core/usecases/reception/session-doc'
import { startE2E, type E2E } from './harness'

const SUPERVISOR = 'demo-supervisor-XWT01-M1'
const COUNTY_STAFF = 'demo-staff-XW-STAFF1'
const TRANSPORT = 'demo-department-XW-D09'

let e2e: E2E
let page: Page
let sessionId: string

beforeAll(async () => {
  e2e = await startE2E()
  // Today's reception at 城关镇联络站, as the calendar would have generated it (all day, so the test runs any time).
  const date = shanghaiDateTime(new Date()).date
  sessionId = `XWT01-${date.replace(/-/g, '')}-reception`
  const at = new Date().toISOString()
  await e2e.backend.store.collection('reception_sessions').put(newSessionDoc({
    _id: sessionId,
    kind: 'reception',
    source: 'rule',
    countyCode: 'xiuwu',
    township: '城关镇',
    stationCode: 'XWT01',
    stationName: '城关镇人大代表联络站',
    place: '修武县城关镇人民政府院内',
    date,
    originalDate: date,
    startTime: '00:00',
    endTime: '23:59',
    theme: null,
    deputyCodes: ['XWT01-R1', 'XWT01-R2'],
    minDeputies: 2,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  }) as never)
  page = await e2e.open(SUPERVISOR)
}, 240_000)
afterAll(() => e2e?.close())

const call = async (fn: string, action: string, payload: Record<string, unknown>, openid: string) => {
  const res = await e2e.backend.call(fn, { action, payload }, openid)
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`)
  return res.data
}

/** Taro H5 keeps the pages below in the stack shown too: look inside the newest one only. */
const top = (selector: string) => page.locator('.taro_page_show').last().locator(selector)
const text = () => page.locator('.taro_page_show').last().innerText()

async function fillVisitor(v: { name: string; phone: string; village: string; matter: string; category: string }) {
  await top('#field-name input').fill(v.name)
  await top('#field-phone input').fill(v.phone)
  await top('#field-village input').fill(v.village)
  await top('#field-matter textarea').fill(v.matter)
  await top('#category-chips .sv-chip').filter({ hasText: v.category }).click()
}

describe('a supervisor on a phone with bad signal', () => {
  it('sees today’s session at the station', async () => {
    await page.goto(`${e2e.base}/#/packages/supervisor/pages/home/index`)
    await top(`#session-${sessionId}`).first().waitFor()
    const home = await text()
    expect(home).toContain('城关镇人大代表联络站')
    expect(home).toContain('00:00–23:59 代表接待日')
    expect(home).toContain('值班代表：王建国、黄秀兰')
    await e2e.screenshot(page, 'visit-home')
  })

  it('logs two visitors with no signal: both stay on the phone as 待同步', async () => {
    await top('.log-visit').click()
    await top('#visit-form').first().waitFor()
    expect(await text()).toContain('00:00–23:59 代表接待日')
    await page.context().setOffline(true)

    await fillVisitor({ name: '张秀兰', phone: '13912345678', village: '东关村', matter: '东关村路灯坏了三个多月，晚上出行不便', category: '城乡建设' })
    await top('#handling-answered_on_spot').click()
    await top('#field-answer textarea').fill('王建国代表当场联系镇政府，本周内修复')
    await top('#rating-chips .sv-chip').filter({ hasText: '基本满意' }).click()
    await e2e.screenshot(page, 'visit-form')
    await top('#save-next').click()
    await top('.recent-draft').first().waitFor()
    // The form is empty again for the next visitor.
    expect(await top('#field-name input').inputValue()).toBe('')

    // A wrong number is caught on the phone, before anything is queued.
    await fillVisitor({ name: '李建军', phone: '1290000', village: '西关社区', matter: '台创园区路面损毁严重，雨雪天气存在安全隐患', category: '交通出行' })
    await top('#handling-assignment_form').click()
    await top('#route-county').click()
    await top('#save-next').click()
    await top('#error-phone').first().waitFor()
    expect(await top('#error-phone').innerText()).toBe('来访人手机号码不是有效的大陆手机号码（11位，以13–19开头）')
    await top('#field-phone input').fill('13698765432')
    await top('#save-next').click()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page_show')).pop()!.querySelectorAll('.recent-draft').length === 2)

    const states = await top('.recent-draft .sv-state').allInnerTexts()
    expect(states).toEqual(['待同步', '待同步'])
    expect(await top('.recent-draft .sv-item__error').first().innerText()).toBe('网络不可用，恢复信号后自动同步')
    expect(await e2e.backend.store.collection('visit_records').count()).toBe(0)
    expect(await top('#sync-banner').innerText()).toContain('2条待同步')
    await e2e.screenshot(page, 'visit-offline-pending')
    await top('.recent-draft').last().scrollIntoViewIfNeeded()
    await e2e.screenshot(page, 'visit-offline-pending-list')
  })

  it('syncs each draft exactly once when the signal returns', async () => {
    await page.context().setOffline(false)
    await page.waitForFunction(
      () => Array.from(Array.from(document.querySelectorAll('.taro_page_show')).pop()!.querySelectorAll('.recent-draft .sv-state')).map((e) => e.textContent).join() === '已同步,已同步',
      undefined,
      { timeout: 30_000 },
    )
    expect(await e2e.backend.store.collection('visit_records').count()).toBe(2)
    expect(await e2e.backend.store.collection('suggestions').count()).toBe(1)
    await top('.recent-draft').last().scrollIntoViewIfNeeded()
    await e2e.screenshot(page, 'visit-synced')
  })

  it('puts the 交办单 on the county staff’s dispatch board; once dispatched and resolved it fills 办理结果', async () => {
    const board = await call('suggestion', 'dispatchBoard', { filters: { state: 'escalated' } }, COUNTY_STAFF)
    expect(board.items).toHaveLength(1)
    const item = board.items[0]
    expect(item).toMatchObject({ stationName: '城关镇人大代表联络站', categoryLabel: '交通出行', state: 'escalated' })
    const detail = await call('suggestion', 'get', { id: item.id }, COUNTY_STAFF)
    expect(detail).toMatchObject({ channel: 'reception_day', contactName: '李建军', contactPhone: '13698765432', escalationTarget: 'county' })

    await call('suggestion', 'dispatch', { id: item.id, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 }, COUNTY_STAFF)
    await call('suggestion', 'acknowledge', { id: item.id }, TRANSPORT)
    await call('suggestion', 'resolve', { id: item.id, reply: '已完成台创园区路面修补，雨雪天气加强巡查', outcome: 'solved' }, TRANSPORT)

    await page.goto(`${e2e.base}/#/packages/supervisor/pages/missing/index`)
    await top('#missing-page .record-card').first().waitFor()
    const missing = await text()
    expect(missing).toContain('缺办理结果')
    expect(missing).toContain('回访电话 13698765432')
    expect(missing).toContain('缺：选民群众对办理结果的意见')
    await e2e.screenshot(page, 'visit-missing')

    await top('.record-card').filter({ hasText: '台创园区' }).click()
    await top('#record-page').first().waitFor()
    expect(await top('#record-result').innerText()).toBe('已解决：已完成台创园区路面修补，雨雪天气加强巡查')
    expect(await text()).toContain('已销单')
    await e2e.screenshot(page, 'visit-record-result')
  })

  it('records the visitor’s opinion after the callback and closes the record', async () => {
    await top('#opinion-satisfied').click()
    await top('#save-opinion').click()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page_show')).pop()?.querySelector('#record-opinion')?.textContent?.includes('满意'))
    await top('#close-record').click()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page_show')).pop()?.textContent?.includes('已办结的登记不能再修改'))
    await e2e.screenshot(page, 'visit-record-closed')
    const records = (await call('visit', 'list', {}, SUPERVISOR)).items
    const closed = records.find((r: { handling: string }) => r.handling === 'assignment_form')
    expect(closed).toMatchObject({ status: 'closed', result: '已解决：已完成台创园区路面修补，雨雪天气加强巡查', opinion: { ratingLabel: '满意' } })
    const item = await call('suggestion', 'get', { id: closed.assignment.suggestionId }, COUNTY_STAFF)
    expect(item.state).toBe('verified')
  })

  it('shows the session’s summary with the deputies’ attendance', async () => {
    await page.goto(`${e2e.base}/#/packages/supervisor/pages/records/index?sessionId=${sessionId}`)
    await top('#session-summary').first().waitFor()
    await top('#record-list .record-card').first().waitFor()
    const summary = await top('#session-summary').innerText()
    expect(summary).toContain('接待人次')
    expect(summary).toContain('王建国（已到，今年1次）')
    expect(await top('#record-list .record-card').count()).toBe(2)
    // The list masks the visitor.
    expect(await top('#record-list').innerText()).toContain('张**')
    await e2e.screenshot(page, 'visit-session-summary')
  })
})
