/**
 * 县级设置 in the H5 build (issue 14), reached the way an admin reaches it: 我的 → 县级设置, then
 * 新增站点 by tapping and typing, back to the list with the new station on it, its history, and
 * 角色与邀请码. Screenshots at 375×812 go to tests/artifacts/.
 */
import type { Page } from 'playwright-core'
import { startE2E, visible, type E2E } from './harness'

let e2e: E2E
let admin: Page

beforeAll(async () => {
  e2e = await startE2E()
  admin = await e2e.open('demo-admin-xiuwu')
  await admin.setViewportSize({ width: 375, height: 812 })
}, 300_000)
afterAll(() => e2e?.close())

describe('a county admin sets up a station from 我的', () => {
  it('finds 县级设置 on 我的 and sees the county’s stations', async () => {
    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.locator(visible('#workbench-admin')).click()
    await admin.waitForSelector(visible('#admin-row-XWT01'))
    expect(await admin.locator(visible('#admin-county')).innerText()).toContain('修武县')
    expect(await admin.locator(visible('#admin-list-station')).innerText()).toContain('城关镇人大代表联络站')
    await e2e.screenshot(admin, 'admin-home')
  }, 60_000)

  it('adds a station by tapping and typing; it is on the list and in its history', async () => {
    await admin.locator(visible('#admin-new-station')).click()
    await admin.waitForSelector(visible('#admin-form-station'))
    await admin.locator(visible('#field-name input')).fill('西村乡东部人大代表联络点')
    await admin.locator(visible('#chip-kind-liaison_point')).click()
    await admin.locator(visible('#chip-township-西村乡')).click()
    await admin.locator(visible('#field-address input')).fill('修武县西村乡东部便民服务点')
    await e2e.screenshot(admin, 'admin-new-station')
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#admin-home'))
    await admin.waitForFunction(() => document.querySelector('.taro_page_show #admin-home')?.textContent?.includes('西村乡东部人大代表联络点'))
    const listed = (await e2e.backend.call('directory', { action: 'adminDirectory', payload: {} }, 'demo-admin-xiuwu')) as { ok: true; data: any }
    const created = listed.data.stations.find(
      (s: { name: string }) => s.name === '西村乡东部人大代表联络点',
    )
    expect(created).toMatchObject({ kind: 'liaison_point', township: '西村乡', code: expect.stringMatching(/^XWP\d\d$/) })

    await admin.locator(visible(`#admin-row-${created.code}`)).click()
    await admin.waitForSelector(visible('#admin-record-history'))
    expect(await admin.locator(visible('#admin-record-history')).innerText()).toContain('新建')
  }, 60_000)

  it('a mistake is said in Chinese beside the form, nothing saved', async () => {
    await admin.goto(`${e2e.base}/#/packages/admin/pages/edit/index?kind=station`)
    await admin.waitForSelector(visible('#admin-form-station'))
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#field-name-error'))
    expect(await admin.locator(visible('#field-name-error')).innerText()).toMatch(/[\u4e00-\u9fff]/)
  }, 60_000)

  it('角色与邀请码 lists the county’s roles, the admin’s own marked 本人', async () => {
    await admin.goto(`${e2e.base}/#/packages/admin/pages/home/index`)
    await admin.locator(visible('#admin-roles')).click()
    await admin.waitForSelector(visible('#role-list'))
    const roles = await admin.locator(visible('#role-list')).innerText()
    expect(roles).toContain('本人')
    expect(roles).not.toContain('demo-admin-xiuwu')
    await e2e.screenshot(admin, 'admin-roles')
  }, 60_000)

  it('a resident’s 我的 has no 县级设置, and its address refuses them in Chinese', async () => {
    const resident = await e2e.open('demo-resident-1')
    await resident.goto(`${e2e.base}/#/pages/mine/index`)
    await resident.waitForSelector(visible('#mine-page'))
    expect(await resident.locator(visible('#workbench-admin')).count()).toBe(0)
    await resident.goto(`${e2e.base}/#/packages/admin/pages/home/index`)
    await resident.waitForSelector(visible('#admin-error'))
    expect(await resident.locator(visible('#admin-error')).innerText()).toContain('只有本县的管理员可以打开县级设置')
  }, 60_000)
})
