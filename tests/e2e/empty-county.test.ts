/**
 * A county that is not in the demo file goes live by tapping and by Excel (issue 14), in the H5 build
 * on an empty store (as `npm start -- --empty` and a fresh CloudBase environment begin):
 *   the person the county named redeems the one-time bootstrap secret → fills in the county and its
 *   townships → imports stations, departments and deputies from the downloaded templates → issues a
 *   deputy's invitation → the deputy redeems it on their own phone and takes a resident's item
 *   (接单) → the admin revokes the deputy's role → the deputy's next 接单 is refused.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { fillTemplate } from '../support/import-files'
import { ARTIFACTS, startE2E, visible, type E2E } from './harness'

const SECRET = 'e2e-bootstrap-secret-7f3a9c21d4'
const ADMIN = 'e2e-huojia-first-admin'
const DEPUTY = 'e2e-huojia-deputy'
const RESIDENT = 'e2e-huojia-resident'
const ON_TOP = '.taro_page_show:not(.taro_page_shade)'

let e2e: E2E
let admin: Page
let deputy: Page
const items: string[] = []
let before: string | undefined

beforeAll(async () => {
  before = process.env.WDT_BOOTSTRAP_SECRET
  process.env.WDT_BOOTSTRAP_SECRET = SECRET
  e2e = await startE2E({ empty: true })
  admin = await e2e.open(ADMIN)
  deputy = await e2e.open(DEPUTY)
  await admin.setViewportSize({ width: 375, height: 812 })
}, 300_000)
afterAll(async () => {
  if (before === undefined) delete process.env.WDT_BOOTSTRAP_SECRET
  else process.env.WDT_BOOTSTRAP_SECRET = before
  await e2e?.close()
})

const tap = (page: Page, selector: string) => page.locator(visible(selector)).first().click()
const textOf = (page: Page, selector: string) => page.locator(visible(selector)).first().innerText()

async function adminHome() {
  await admin.goto(`${e2e.base}/#/pages/mine/index`)
  await tap(admin, '#workbench-admin')
  await admin.waitForSelector(visible('#admin-home'))
}

/** 从Excel导入 one kind: the template downloaded, `rows` typed under its example row, chosen, previewed, confirmed. */
async function importRows(kind: 'station' | 'department' | 'deputy', rows: Array<Record<string, string>>) {
  await adminHome()
  await tap(admin, '#admin-import')
  await admin.waitForSelector(visible('#import-page'))
  await tap(admin, `#chip-import-kind-${kind}`)
  const [download] = await Promise.all([admin.waitForEvent('download'), tap(admin, '#import-template')])
  const file = join(ARTIFACTS, `empty-county-${kind}.xlsx`)
  await download.saveAs(file)
  const buffer = await fillTemplate(readFileSync(file), rows)
  const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), tap(admin, '#import-choose')])
  await chooser.setFiles({ name: `${kind}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
  await admin.waitForFunction(
    ([top, n]) => document.querySelector(`${top} #import-counts`)?.textContent?.replace(/\s/g, '').startsWith(`${n}新增`),
    [ON_TOP, rows.length] as const,
  )
  expect(await textOf(admin, '#import-counts')).toMatch(/0\s*有错误/)
  await tap(admin, '#import-apply')
  await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
}

async function submitted(content: string) {
  const res = (await e2e.backend.call(
    'suggestion',
    { action: 'submit', payload: { clientRequestId: `e2e-hj-${items.length}`, stationCode: 'HJT01', content, contactName: '孙先生', contactPhone: '13700002222', contactConsent: true } },
    RESIDENT,
  )) as { ok: boolean; data: { id: string } }
  expect(res.ok).toBe(true)
  items.push(res.data.id)
  return res.data.id
}

/** The item as stored (the county has no staff yet who could read it through the functions). */
async function stateOf(id: string) {
  return (await e2e.backend.store.collection<{ _id: string; state: string }>('suggestions').get(id))?.state ?? null
}

describe('a new county, from nothing to a deputy at work and back', () => {
  it('the named person becomes the county’s first admin with the one-time secret', async () => {
    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.waitForSelector(visible('#mine-page'))
    expect(await admin.locator(visible('#workbench-admin')).count()).toBe(0)
    await tap(admin, '#link-identity')
    await tap(admin, '#bootstrap-open')
    await admin.locator(visible('#bootstrap-county input')).fill('huojia')
    await admin.locator(visible('#bootstrap-secret input')).fill(SECRET)
    await tap(admin, '#bootstrap-button')
    await admin.waitForFunction((top) => document.querySelector(`${top} #identity-roles`)?.textContent?.includes('管理员'), ON_TOP)
    // the secret is spent: nobody else can use it
    const again = (await e2e.backend.call('directory', { action: 'bootstrapAdmin', payload: { secret: SECRET, countyCode: 'huojia' } }, 'someone-else')) as { ok: boolean }
    expect(again.ok).toBe(false)
  }, 90_000)

  it('县级设置 asks for the county first, then takes its name and townships', async () => {
    await adminHome()
    expect(await textOf(admin, '#admin-county')).toContain('本县尚未设置')
    // the set-up steps say what comes first, and lead there
    expect(await admin.locator(visible('#setup-steps .ad-step--next')).getAttribute('id')).toBe('setup-county')
    await e2e.screenshot(admin, 'empty-county-home')
    await tap(admin, '#setup-county')
    await admin.waitForSelector(visible('#admin-form-county'))
    await admin.locator(visible('#field-name input')).fill('获嘉县')
    await admin.locator(visible('#field-prefix input')).fill('HJ')
    await admin.locator(visible('#field-townships input')).fill('城关镇、亢村镇、照镜镇')
    await tap(admin, '#admin-save')
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    await admin.waitForFunction((top) => document.querySelector(`${top} #admin-county`)?.textContent?.includes('获嘉县'), ON_TOP)
  }, 90_000)

  it('imports the county’s stations, departments and deputies from the templates', async () => {
    await importRows('station', [
      { 编号: 'HJT01', 名称: '城关镇人大代表联络站', 类型: '乡镇联络站', '乡镇（街道）': '城关镇', 地址: '获嘉县城关镇人民政府一楼', 接待说明: '每月10日上午' },
      { 编号: 'HJT02', 名称: '亢村镇人大代表联络站', 类型: '乡镇联络站', '乡镇（街道）': '亢村镇', 地址: '获嘉县亢村镇便民服务中心' },
    ])
    await importRows('department', [{ 编号: 'HJ-D01', 名称: '获嘉县交通运输局', 简称: '交通局', 类型: '县政府部门', 联系方式: '办公室 0373-4500001' }])
    await importRows('deputy', [
      { 编号: 'HJT01-R1', 姓名: '李明华', 层级: '县人大代表', 所在站点编号: 'HJT01', 工作单位及职务: '获嘉县城关镇东街社区 主任', 手机号: '13700001111', 是否在站点页面公开电话: '否' },
      { 编号: 'HJT01-R2', 姓名: '周丽', 层级: '乡镇人大代表', 所在站点编号: 'HJT01', 工作单位及职务: '获嘉县第一小学 教师', 手机号: '13700003333' },
    ])
    const dir = (await e2e.backend.call('directory', { action: 'adminDirectory', payload: {} }, ADMIN)) as { ok: true; data: any }
    expect(dir.data.stations.map((s: { code: string }) => s.code)).toEqual(['HJT01', 'HJT02'])
    expect(dir.data.deputies.map((d: { code: string }) => d.code)).toEqual(['HJT01-R1', 'HJT01-R2'])
    expect(dir.data.departments.map((d: { code: string }) => d.code)).toEqual(['HJ-D01'])
    await adminHome()
    expect(await admin.locator(visible('#setup-steps .ad-step--next')).getAttribute('id')).toBe('setup-invite')
    // the station page a resident reaches by the code shows the imported deputies
    const station = (await e2e.backend.call('directory', { action: 'getStation', payload: { stationCode: 'HJT01' } }, RESIDENT)) as { ok: true; data: any }
    expect(JSON.stringify(station.data)).toContain('李明华')
  }, 180_000)

  let code = ''
  it('issues the deputy’s invitation from 角色与邀请码', async () => {
    await adminHome()
    await tap(admin, '#setup-invite')
    await admin.waitForSelector(visible('#role-list'))
    await tap(admin, '#roles-issue')
    await admin.waitForSelector(visible('#issue-form'))
    await tap(admin, '#chip-invite-role-deputy')
    await tap(admin, '#invite-person-HJT01-R1')
    await tap(admin, '#issue-button')
    await admin.waitForSelector(visible('#issued-code'))
    code = (await textOf(admin, '#issued-code')).replace(/\s/g, '')
    expect(code).toMatch(/^[A-Z0-9]{8}$/)
    expect(await textOf(admin, '#issued-label')).toContain('李明华')
  }, 90_000)

  it('the deputy redeems it on their phone and takes a resident’s item (接单)', async () => {
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await tap(deputy, '#link-identity')
    await deputy.locator(visible('#identity-code-input input')).fill(code)
    await tap(deputy, '#redeem-button')
    await deputy.waitForFunction((top) => document.querySelector(`${top} #identity-roles`)?.textContent?.includes('人大代表'), ON_TOP)

    const first = await submitted('城关镇东街路口红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。')
    await submitted('城关镇西关小学门口早晚高峰拥堵，希望增设临时停车点。')
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await tap(deputy, '#workbench-deputy')
    await deputy.waitForSelector(visible(`#queue-item-${first}`), { timeout: 30_000 })
    await tap(deputy, `#queue-item-${first}`)
    await tap(deputy, '#action-accept')
    await tap(deputy, '#chip-category-transport')
    await e2e.screenshot(deputy, 'empty-county-deputy-accept')
    await tap(deputy, '#confirm-accept')
    await deputy.waitForFunction((top) => document.querySelector(`${top} .item-head .state-chip`)?.textContent?.trim() === '已接单', ON_TOP, { timeout: 30_000 })
    expect(await stateOf(first)).toBe('accepted')
  }, 120_000)

  it('the admin revokes the deputy; the deputy’s next 接单 is refused in Chinese and nothing changes', async () => {
    // the deputy has the second item open, ready to take it
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await tap(deputy, '#workbench-deputy')
    await tap(deputy, `#queue-item-${items[1]}`)
    await tap(deputy, '#action-accept')
    await tap(deputy, '#chip-category-transport')

    await adminHome()
    await tap(admin, '#admin-roles')
    await admin.waitForSelector(visible('#role-list'))
    const row = admin.locator(visible('#role-list .ad-row'), { hasText: '李明华' })
    await row.locator('[id^="revoke-"]').click()
    await admin.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' })
    await admin.locator('.taro__modal .taro-model__confirm').click()
    await admin.waitForFunction((top) => !document.querySelector(`${top} #role-list`)?.textContent?.includes('李明华'), ON_TOP, { timeout: 30_000 })
    await e2e.screenshot(admin, 'empty-county-roles')

    await tap(deputy, '#confirm-accept')
    await deputy.waitForSelector(visible('#error-form-accept'), { timeout: 30_000 })
    expect(await textOf(deputy, '#error-form-accept')).toMatch(/[\u4e00-\u9fff]/)
    expect(await stateOf(items[1])).toBe('submitted')
    // and 我的 no longer offers the deputy's workbench
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await deputy.waitForSelector(visible('#mine-page'))
    expect(await deputy.locator(visible('#workbench-deputy')).count()).toBe(0)
  }, 120_000)
})
