/**
 * The whole 五单 loop by tapping, in Chromium on the H5 build against the real functions — four
 * people, each on their own "phone" (a separate browser profile with its own demo identity):
 *
 *   resident submits → deputy accepts and escalates → staff dispatches (deadline preview checked)
 *   → department acknowledges and resolves → resident rates 不满意 and asks for 重新办理 →
 *   department handles it again → resident rates 满意 → the item shows 已验单 with every step.
 *
 * A second resident sees the open item while typing the same concern and follows it (我也关注).
 * Screenshots of each role's main page and of the item timeline go to tests/artifacts/loop-*.png.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { addWorkdays, shanghaiDate } from '../../shared/domain/workdays'
import { ARTIFACTS, startE2E, type E2E } from './harness'

const RESIDENT = 'demo-resident-1'
const NEIGHBOUR = 'demo-resident-2'
const DEPUTY = 'demo-deputy-XWT01-R1'
const STAFF = 'demo-staff-XW-STAFF1'
const DEPARTMENT = 'demo-department-XW-D09'

const CONCERN = '城关镇东关村通往小学的路上路灯坏了三个多月，晚上孩子放学很不安全，希望尽快修复。'

/**
 * The page on top. Taro H5 keeps the page underneath marked `taro_page_show` too (as
 * `taro_page_shade`) while another is pushed over it; ids repeat between the two.
 */
const visible = (selector: string) => `.taro_page_show:not(.taro_page_shade) ${selector}`
const ON_TOP = '.taro_page_show:not(.taro_page_shade)'

let e2e: E2E
const pages: Record<string, Page> = {}
let itemId = ''

beforeAll(async () => {
  e2e = await startE2E()
  for (const who of [RESIDENT, NEIGHBOUR, DEPUTY, STAFF, DEPARTMENT]) pages[who] = await e2e.open(who)
}, 240_000)
afterAll(() => e2e?.close())

/** The item as the function sees it (for assertions next to what the page shows). */
async function stored() {
  const res = (await e2e.backend.call('suggestion', { action: 'get', payload: { id: itemId } }, STAFF)) as {
    ok: boolean
    data: { state: string; history: Array<{ event: string; eventLabel: string }>; deadline: string | null; reopenCount: number; followerCount: number }
  }
  expect(res.ok).toBe(true)
  return res.data
}

async function tap(page: Page, selector: string) {
  await page.locator(visible(selector)).first().click()
}

async function type(page: Page, selector: string, text: string) {
  await page.locator(visible(`${selector} textarea`)).first().fill(text)
}

/** Waits until the state chip of the item on the shown page says `label`. */
async function stateIs(page: Page, label: string) {
  await page.waitForFunction(
    ([top, l]) => document.querySelector(`${top} .item-head .state-chip`)?.textContent?.trim() === l,
    [ON_TOP, label] as const,
    { timeout: 30_000 },
  )
}

/** From 我的, through the 工作台 entry of a role. */
async function openWorkbench(page: Page, role: 'deputy' | 'staff' | 'department', ready: string) {
  await page.goto(`${e2e.base}/#/pages/mine/index`)
  await page.waitForSelector(visible(`#workbench-${role}`), { timeout: 30_000 })
  await tap(page, `#workbench-${role}`)
  await page.waitForSelector(visible(ready), { timeout: 30_000 })
}

async function openItemPage(page: Page, url: string) {
  await page.goto(`${e2e.base}/#${url}?id=${encodeURIComponent(itemId)}`)
  await page.waitForSelector(visible('.item-head .state-chip'), { timeout: 30_000 })
}

describe('the five-order loop, four people on four phones', () => {
  it('a resident submits a concern at the station', async () => {
    const page = pages[RESIDENT]
    await page.goto(`${e2e.base}/#/pages/station/index?code=XWT01`)
    await tap(page, '#report-button')
    await page.waitForSelector(visible('#submit-page'))
    await type(page, '.submit-textarea', CONCERN)
    await page.locator(visible('.category-chip'), { hasText: '城乡建设' }).click()
    await page.locator(visible('.contact__input input')).nth(0).fill('张女士')
    await page.locator(visible('.contact__input input')).nth(1).fill('13912345678')
    await tap(page, '#submit-button')
    await page.waitForSelector(visible('#item-page'))
    itemId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(itemId).toMatch(/^[A-Za-z0-9_-]{6,}$/)
    await stateIs(page, '已点单')
    expect(await page.locator(visible('#withdraw-button')).count()).toBe(1)
    expect((await stored()).state).toBe('submitted')
  }, 120_000)

  it('a neighbour typing the same concern is shown the open item and follows it (我也关注)', async () => {
    const page = pages[NEIGHBOUR]
    await page.goto(`${e2e.base}/#/pages/submit/index?code=XWT01&name=${encodeURIComponent('城关镇人大代表联络站')}`)
    await page.waitForSelector(visible('#submit-page'))
    await type(page, '.submit-textarea', '东关村路灯坏了很久了，晚上孩子放学不安全')
    await page.waitForSelector(visible(`#follow-${itemId}`), { timeout: 30_000 })
    expect(await page.locator(visible('#similar')).innerText()).toContain('东关村通往小学的路上路灯坏了')
    await tap(page, `#follow-${itemId}`)
    await page.waitForFunction((top) => document.querySelector(`${top} #similar`)?.textContent?.includes('已关注'), ON_TOP)
    expect((await stored()).followerCount).toBe(2)
  }, 120_000)

  it('the deputy takes the order (接单) and submits it to the congress (提交人大)', async () => {
    const page = pages[DEPUTY]
    await openWorkbench(page, 'deputy', '#deputy-home')
    await page.waitForSelector(visible(`#queue-item-${itemId}`), { timeout: 30_000 })
    await page.waitForFunction((top) => document.querySelector(`${top} #count-waiting .tile__count`)?.textContent === '1', ON_TOP)
    await e2e.screenshot(page, 'loop-deputy-home')

    await tap(page, `#queue-item-${itemId}`)
    await page.waitForSelector(visible('#action-accept'))
    await tap(page, '#action-accept')
    // the resident's category is preselected; the deputy grades it
    await page.waitForSelector(visible('#chip-category-urban_rural_construction.chip--on'))
    await tap(page, '#chip-grade-important')
    await e2e.screenshot(page, 'loop-deputy-accept')
    await tap(page, '#confirm-accept')
    await stateIs(page, '已接单')

    await tap(page, '#action-escalate')
    await tap(page, '#confirm-escalate')
    // nothing chosen yet: told what is missing, nothing sent
    await page.waitForSelector(visible('#error-target'))
    expect((await stored()).state).toBe('accepted')
    await tap(page, '#chip-target-county')
    await type(page, '#note-note', '已现场查看，东关村至第二小学约800米路段路灯全部不亮，建议交县城市管理局修复。')
    await tap(page, '#confirm-escalate')
    await stateIs(page, '已提交人大')
    expect((await stored()).state).toBe('escalated')
  }, 150_000)

  it('staff dispatch it to a department, with the deadline counted in working days', async () => {
    const page = pages[STAFF]
    await openWorkbench(page, 'staff', '#staff-board')
    await page.waitForSelector(visible(`#queue-item-${itemId}`), { timeout: 30_000 })
    await e2e.screenshot(page, 'loop-staff-board')

    await tap(page, `#queue-item-${itemId}`)
    await page.waitForSelector(visible('#action-dispatch'))
    await tap(page, '#action-dispatch')
    await page.waitForSelector(visible('#dispatch-page'))
    await tap(page, '#chip-lead-XW-D09')
    await page.waitForSelector(visible('#picked-lead'))
    await tap(page, '#chip-days-10')
    const due = addWorkdays(shanghaiDate(new Date()), 10)
    const [y, m, d] = due.split('-').map(Number)
    await page.waitForFunction(
      ([top, want]) => document.querySelector(`${top} #deadline-preview`)?.textContent === want,
      [ON_TOP, `10个工作日 → ${y}年${m}月${d}日（已跳过节假日）`] as const,
    )
    await e2e.screenshot(page, 'loop-staff-dispatch')
    await tap(page, '#confirm-dispatch')
    // back on the item once dispatched
    await page.waitForSelector(visible('#work-item'), { timeout: 30_000 })
    await stateIs(page, '已派单')
    const item = await stored()
    expect(item.state).toBe('dispatched')
    expect(item.deadline).toBe(due)
  }, 150_000)

  it('the department acknowledges it and closes it with an outcome (销单)', async () => {
    const page = pages[DEPARTMENT]
    await openWorkbench(page, 'department', '#department-queue')
    await page.waitForSelector(visible(`#queue-item-${itemId}`), { timeout: 30_000 })
    await e2e.screenshot(page, 'loop-department-queue')

    await tap(page, `#queue-item-${itemId}`)
    await acknowledgeAndResolve(page, '已安排维修队更换东关村至第二小学路段的12盏路灯，夜间照明已恢复。')
  }, 150_000)

  it('the resident is not satisfied and asks for it to be handled again (重新办理)', async () => {
    const page = pages[RESIDENT]
    await openItemPage(page, '/pages/item/index')
    await stateIs(page, '已销单')
    expect(await page.locator(visible('#item-handling')).innerText()).toContain('已安排维修队更换')
    await tap(page, '#chip-rating-unsatisfied')
    await page.waitForSelector(visible('#reopen-row'))
    await tap(page, '#confirm-rate')
    // reopening needs a reason
    await page.waitForSelector(visible('#error-comment'))
    await type(page, '#note-comment', '只换了靠村口的几盏，学校门口那一段还是黑的。')
    await tap(page, '#confirm-rate')
    await stateIs(page, '已派单')
    const item = await stored()
    expect(item.state).toBe('dispatched')
    expect(item.reopenCount).toBe(1)
  }, 120_000)

  it('the department handles it again', async () => {
    const page = pages[DEPARTMENT]
    await openItemPage(page, '/packages/department/item/index')
    await page.waitForFunction((top) => document.querySelector(`${top} #department-banner`)?.textContent?.includes('重新办理'), ON_TOP)
    await acknowledgeAndResolve(page, '已补装学校门口路段的6盏路灯并逐盏检查，全段照明正常，已电话回访反映人。')
  }, 150_000)

  it('the resident is satisfied: the item is 已验单 and the timeline shows every step', async () => {
    const page = pages[RESIDENT]
    await openItemPage(page, '/pages/item/index')
    await stateIs(page, '已销单')
    await tap(page, '#chip-rating-satisfied')
    expect(await page.locator(visible('#reopen-row')).count()).toBe(0)
    await type(page, '#note-comment', '学校门口的路灯都亮了，谢谢代表和交通局。')
    await tap(page, '#confirm-rate')
    await stateIs(page, '已验单')

    const timeline = await page.locator(visible('#item-timeline')).innerText()
    for (const step of ['接单', '提交人大', '派单', '签收', '销单', '重新办理', '验单']) expect(timeline).toContain(step)
    expect(timeline).toContain('王建国')
    expect(timeline).toContain('修武县交通运输局')
    const handling = await page.locator(visible('#item-handling')).innerText()
    expect(handling).toContain('满意')
    expect(handling).toContain('已解决')

    const item = await stored()
    expect(item.state).toBe('verified')
    expect(item.history.map((h) => h.event)).toEqual(
      expect.arrayContaining(['accept', 'escalate', 'dispatch', 'acknowledge', 'resolve', 'reopen', 'verify']),
    )
    expect(item.history.filter((h) => h.event === 'resolve')).toHaveLength(2)

    await e2e.screenshot(page, 'loop-item-verified')
    // the whole timeline, however long, as one picture: H5 scrolls inside the page element, so
    // make the window as tall as the page for this one shot
    const height = await page.evaluate((top) => document.querySelector(top)?.scrollHeight ?? 844, ON_TOP)
    await page.setViewportSize({ width: 390, height: Math.min(height + 40, 6000) })
    await page.waitForTimeout(500)
    await page.locator(visible('#item-timeline')).screenshot({ path: join(ARTIFACTS, 'loop-item-timeline.png') })
    await page.setViewportSize({ width: 390, height: 844 })

    // 我的反映 lists it as 已验单
    await page.goto(`${e2e.base}/#/pages/mine/index`)
    await page.waitForFunction((top) => document.querySelector(`${top} #mine-page`)?.textContent?.includes('已验单'), ON_TOP)
    await e2e.screenshot(page, 'loop-resident-mine')
  }, 120_000)
})

async function acknowledgeAndResolve(page: Page, reply: string) {
  await page.waitForSelector(visible('#action-acknowledge'), { timeout: 30_000 })
  await tap(page, '#action-acknowledge')
  await tap(page, '#confirm-acknowledge')
  await stateIs(page, '办理中')
  await tap(page, '#action-resolve')
  await tap(page, '#chip-outcome-solved')
  await type(page, '#note-reply', reply)
  await tap(page, '#confirm-resolve')
  await stateIs(page, '已销单')
}
