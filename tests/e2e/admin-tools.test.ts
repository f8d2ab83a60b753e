/**
 * 县级设置's tools in the H5 build (issue 14), reached by tapping from 县级设置: 从Excel导入 (the
 * downloaded template filled in and chosen back, a preview with a mistake that cannot be applied,
 * the corrected file applied), 站点码 (every station's code with its name and address, on screen
 * and on paper, one card downloaded as a PNG) and 离任与移交 (a deputy's open item handed to a
 * colleague by tapping). Screenshots at 375×812 go to tests/artifacts/.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { fillTemplate } from '../support/import-files'
import { ARTIFACTS, startE2E, visible, type E2E } from './harness'

const ADMIN = 'demo-admin-xiuwu'
let e2e: E2E
let admin: Page

beforeAll(async () => {
  e2e = await startE2E()
  admin = await e2e.open(ADMIN)
  await admin.setViewportSize({ width: 375, height: 812 })
}, 300_000)
afterAll(() => e2e?.close())

async function api(fn: string, action: string, payload: Record<string, unknown>, openid: string) {
  const res = (await e2e.backend.call(fn, { action, payload }, openid)) as { ok: boolean; data?: any; code?: string; message?: string }
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`)
  return res.data
}

async function fromAdminHome(entry: string, ready: string) {
  await admin.goto(`${e2e.base}/#/pages/mine/index`)
  await admin.locator(visible('#workbench-admin')).click()
  await admin.waitForSelector(visible(entry))
  await admin.locator(visible(entry)).click()
  await admin.waitForSelector(visible(ready))
}

/** Chooses `bytes` as the file in the page's picker (the H5 build's <input type=file>). */
async function choose(bytes: Buffer, name: string) {
  const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.locator(visible('#import-choose')).click()])
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes })
}

describe('从Excel导入, from the template to the directory', () => {
  let template: Buffer

  it('downloads the 承办单位 template with Chinese headers and the example row', async () => {
    await fromAdminHome('#admin-import', '#import-page')
    await admin.locator(visible('#chip-import-kind-department')).click()
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator(visible('#import-template')).click()])
    expect(download.suggestedFilename()).toMatch(/承办单位.*\.xlsx$/)
    const file = join(ARTIFACTS, 'import-template-department.xlsx')
    await download.saveAs(file)
    template = readFileSync(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(template as unknown as ArrayBuffer)
    expect(wb.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['编号', '名称', '类型']))
  }, 60_000)

  const filled = (rows: Array<Record<string, string>>) => fillTemplate(template, rows)

  it('a mistake is shown with its row, column and cell, and nothing can be imported', async () => {
    const bad = await filled([
      { 编号: 'XW-D90', 名称: '修武县数据局', 简称: '数据局', 类型: '县政府部门', 联系方式: '办公室 0391-7120090' },
      { 编号: 'XW-D91', 名称: '修武县气象局', 类型: '县局' },
    ])
    await choose(bad, '承办单位.xlsx')
    await admin.waitForSelector(visible('#import-preview'))
    expect(await admin.locator(visible('#import-counts')).innerText()).toMatch(/1\s*新增[\s\S]*1\s*有错误/)
    const row = await admin.locator(visible('#import-row-4')).innerText()
    expect(row).toContain('D4')
    expect(row).toContain('类型')
    expect(await admin.locator(visible('#import-blocked')).innerText()).toContain('不会导入任何记录')
    expect(await admin.locator(visible('#import-apply')).getAttribute('aria-disabled')).toBe('true')
    await admin.locator(visible('#import-apply')).click() // does nothing
    await e2e.screenshot(admin, 'admin-import-error')
    const listed = await api('directory', 'adminDirectory', {}, ADMIN)
    expect(listed.departments.map((d: { code: string }) => d.code)).not.toContain('XW-D90')
  }, 60_000)

  it('the corrected file previews clean and 确认导入 puts both departments in the directory', async () => {
    const good = await filled([
      { 编号: 'XW-D90', 名称: '修武县数据局', 简称: '数据局', 类型: '县政府部门', 联系方式: '办公室 0391-7120090' },
      { 编号: 'XW-D91', 名称: '修武县气象局', 类型: '县政府部门' },
    ])
    await choose(good, '承办单位（改正）.xlsx')
    await admin.waitForFunction(() => document.querySelector('.taro_page_show:not(.taro_page_shade) #import-counts')?.textContent?.replace(/\s/g, '').startsWith('2新增'))
    await e2e.screenshot(admin, 'admin-import-preview')
    await admin.locator(visible('#import-apply')).click()
    // back on 县级设置 after the toast
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    const listed = await api('directory', 'adminDirectory', {}, ADMIN)
    expect(listed.departments.find((d: { code: string }) => d.code === 'XW-D90')).toMatchObject({ name: '修武县数据局', shortName: '数据局', active: true })
    expect(listed.departments.find((d: { code: string }) => d.code === 'XW-D91')).toMatchObject({ name: '修武县气象局' })
    await admin.locator(visible('#chip-admin-tab-department')).click()
    expect(await admin.locator(visible('#admin-list-department')).innerText()).toContain('修武县数据局')
  }, 60_000)
})

describe('站点码, for the print shop and the station wall', () => {
  it('shows every active station’s code with its name, kind and address', async () => {
    await fromAdminHome('#admin-codes', '#codes-sheet')
    await admin.waitForSelector(visible('#code-XWT01 img'))
    const stations = (await api('directory', 'adminDirectory', {}, ADMIN)).stations.filter((s: { active: boolean }) => s.active)
    expect(await admin.locator(visible('.codes-card')).count()).toBe(stations.length)
    const card = await admin.locator(visible('#code-XWT01')).innerText()
    expect(card).toContain('城关镇人大代表联络站')
    expect(card).toContain('城关镇')
    // the image is the QR of the station page's link, drawn in the page
    const src = await admin.locator(visible('#code-XWT01 img')).getAttribute('src')
    expect(src).toMatch(/^data:image\/svg\+xml/)
    await e2e.screenshot(admin, 'admin-codes')
  }, 60_000)

  it('on paper only the cards are printed, without the buttons', async () => {
    await admin.emulateMedia({ media: 'print' })
    try {
      expect(await admin.locator(visible('#codes-print')).isVisible()).toBe(false)
      expect(await admin.locator(visible('#code-save-XWT01')).isVisible()).toBe(false)
      expect(await admin.locator(visible('#code-XWT01')).isVisible()).toBe(true)
      await e2e.screenshot(admin, 'admin-codes-print')
    } finally {
      await admin.emulateMedia({ media: 'screen' })
    }
  }, 60_000)

  it('下载图片 saves one station’s card as a PNG named after it', async () => {
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator(visible('#code-save-XWT01')).click()])
    expect(download.suggestedFilename()).toBe('城关镇人大代表联络站-站点码.png')
    const file = join(ARTIFACTS, 'station-code-XWT01.png')
    await download.saveAs(file)
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(720) // width from the IHDR chunk
  }, 60_000)
})

describe('离任与移交, from the deputy’s card', () => {
  it('hands the leaving deputy’s open item to a colleague by tapping; the deputy is marked 已离任', async () => {
    const { id } = await api(
      'suggestion',
      'submit',
      { clientRequestId: 'e2e-leave-1', stationCode: 'XWT01', content: '城关镇南街路灯坏了三个月，晚上出行不便', contactName: '赵女士', contactPhone: '13800001234', contactConsent: true },
      'e2e-leave-resident',
    )
    await api('suggestion', 'accept', { id, categoryCode: 'transport' }, 'demo-deputy-XWT01-R1')

    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.locator(visible('#workbench-admin')).click()
    await admin.waitForSelector(visible('#admin-home'))
    await admin.locator(visible('#chip-admin-tab-deputy')).click()
    await admin.locator(visible('#admin-row-XWT01-R1')).click()
    await admin.waitForSelector(visible('#admin-deputy-leave'))
    await admin.locator(visible('#admin-deputy-leave')).click()
    await admin.waitForSelector(visible(`#leave-item-${id}`))
    // nothing chosen: told, nothing done
    await admin.locator(visible('#field-reason input')).fill('调离本县')
    await admin.locator(visible('#leave-confirm')).click()
    await admin.waitForSelector(visible('#leave-items-error'))
    expect(await admin.locator(visible('#leave-items-error')).innerText()).toContain('1件事项未指定接替代表')

    await admin.locator(visible(`#chip-leave-to-${id}-XWT01-R2`)).click()
    await e2e.screenshot(admin, 'admin-leave')
    await admin.locator(visible('#leave-confirm')).click()
    await admin.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' })
    await admin.locator('.taro__modal .taro-model__confirm').click()
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })

    const item = await api('suggestion', 'get', { id }, 'demo-staff-XW-STAFF1')
    expect(item.history.map((h: { event: string }) => h.event)).toContain('handover')
    const listed = await api('directory', 'adminDirectory', {}, ADMIN)
    expect(listed.deputies.find((d: { code: string }) => d.code === 'XWT01-R1')).toMatchObject({ active: false })
    await admin.waitForFunction(() => document.querySelector('.taro_page_show:not(.taro_page_shade) #admin-row-XWT01-R1')?.textContent?.includes('已离任'))

    // re-elected: 恢复在任 from the same card
    await admin.locator(visible('#admin-row-XWT01-R1')).click()
    await admin.waitForSelector(visible('#admin-deputy-reactivate'))
    expect(await admin.locator(visible('#admin-deputy-leave')).count()).toBe(0)
    await admin.locator(visible('#admin-deputy-reactivate')).click()
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    const back = (await api('directory', 'adminDirectory', {}, ADMIN)).deputies.find((d: { code: string }) => d.code === 'XWT01-R1')
    expect(back).toMatchObject({ active: true, bound: false })
  }, 90_000)
})

describe('工作人员: a station supervisor entered by tapping, then invited from their card', () => {
  it('adds 联络站管理员 马红梅 for 西村乡, and her code binds her to that station', async () => {
    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.locator(visible('#workbench-admin')).click()
    await admin.waitForSelector(visible('#admin-home'))
    await admin.locator(visible('#chip-admin-tab-person')).click()
    expect(await admin.locator(visible('#admin-list-person')).innerText()).toContain('宋桂英')
    await admin.locator(visible('#admin-new-person')).click()
    await admin.waitForSelector(visible('#admin-form-person'))
    await admin.locator(visible('#field-name input')).fill('马红梅')
    await admin.locator(visible('#chip-role-supervisor')).click()
    await admin.locator(visible('#field-title input')).fill('联络员')
    // without a station: told beside the field, nothing saved
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#field-stationCodes-error'))
    expect(await admin.locator(visible('#field-stationCodes-error')).innerText()).toBe('请选择管理的站点')
    await admin.locator(visible('#chip-stationCodes-XWT03')).click()
    await e2e.screenshot(admin, 'admin-new-person')
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    const person = (await api('directory', 'adminDirectory', {}, ADMIN)).people.find((p: { name: string }) => p.name === '马红梅')
    expect(person).toMatchObject({ role: 'supervisor', stationCodes: ['XWT03'], title: '联络员' })

    await admin.locator(visible('#chip-admin-tab-person')).click()
    await admin.locator(visible(`#admin-row-${person.code}`)).click()
    await admin.locator(visible('#admin-record-invite')).click()
    await admin.waitForSelector(visible(`#invite-person-${person.code}.ad-pick--on`))
    await admin.locator(visible('#issue-button')).click()
    await admin.waitForSelector(visible('#issued-code'))
    expect(await admin.locator(visible('#issued-label')).innerText()).toBe('联络站管理员 马红梅')
    await e2e.screenshot(admin, 'admin-invite-issued')
    const code = (await admin.locator(visible('#issued-code')).innerText()).replace(/\s/g, '')
    const me = await api('directory', 'redeemInvitation', { code }, 'e2e-new-supervisor')
    expect(me.roles).toContain('supervisor')
  }, 90_000)
})

describe('议题类别: the county’s choice is what a deputy classifies with', () => {
  it('the admin keeps three categories; the deputy’s 接单 offers just those', async () => {
    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.locator(visible('#workbench-admin')).click()
    await admin.locator(visible('#admin-county')).click()
    await admin.waitForSelector(visible('#admin-form-county'))
    for (const code of ['economy', 'justice', 'culture_tourism', 'social_security', 'education_health', 'transport', 'urban_rural_construction', 'other'])
      await admin.locator(visible(`#chip-categoryCodes-${code}`)).click()
    // 其他 tapped off and on again: it goes last
    await admin.locator(visible('#chip-categoryCodes-other')).click()
    expect(await admin.locator(visible('#field-categoryCodes')).innerText()).toContain('乡村振兴、环境保护、其他')
    await e2e.screenshot(admin, 'admin-county-categories')
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    expect((await api('directory', 'adminDirectory', {}, ADMIN)).county.categoryCodes).toEqual(['rural', 'environment', 'other'])

    const { id } = await api(
      'suggestion',
      'submit',
      { clientRequestId: 'e2e-categories-1', stationCode: 'XWT02', content: '七贤镇东村水渠堵塞，雨天积水淹了农田', anonymous: true },
      'e2e-categories-resident',
    )
    const deputy = await e2e.open('demo-deputy-XWT02-R1')
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await deputy.locator(visible('#workbench-deputy')).click()
    await deputy.locator(visible(`#queue-item-${id}`)).click()
    await deputy.locator(visible('#action-accept')).click()
    await deputy.waitForSelector(visible('#chip-category-rural'))
    const offered = await deputy.locator(visible('#chips-category .chip')).allInnerTexts()
    expect(offered.map((t) => t.trim())).toEqual(['乡村振兴', '环境保护', '其他'])
  }, 90_000)
})

describe('a deputy’s photo, from the card to the station page', () => {
  it('uploads a photo on the deputy’s card; the station page shows it', async () => {
    const QRCode = await import('qrcode')
    const png = await QRCode.toBuffer('a stand-in for a portrait', { width: 240 })
    await admin.goto(`${e2e.base}/#/pages/mine/index`)
    await admin.locator(visible('#workbench-admin')).click()
    await admin.locator(visible('#chip-admin-tab-deputy')).click()
    await admin.locator(visible('#admin-row-XWT02-R1')).click()
    await admin.waitForSelector(visible('#admin-form-deputy'))
    const chooserOpens = admin.waitForEvent('filechooser')
    await admin.locator(visible('#photo-pick')).click()
    // the 隐私说明 is agreed first on this device (photos), then the browser's picker opens
    await admin.locator(visible('#privacy-agree')).click()
    const chooser = await chooserOpens
    await chooser.setFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: png })
    await admin.waitForSelector(visible('#photo-remove'), { timeout: 30_000 })
    await e2e.screenshot(admin, 'admin-deputy-photo')
    await admin.locator(visible('#admin-save')).click()
    await admin.waitForSelector(visible('#admin-home'), { timeout: 30_000 })
    const saved = (await api('directory', 'adminDirectory', {}, ADMIN)).deputies.find((d: { code: string }) => d.code === 'XWT02-R1')
    expect(saved.photoUrl).toMatch(/^\/files\/photos\/\d{4}-\d{2}-\d{2}\/[a-z0-9]{32}\.png$/)

    const resident = await e2e.open('e2e-photo-resident')
    await resident.goto(`${e2e.base}/#/pages/station/index?code=XWT02`)
    await resident.waitForSelector(visible('.deputy__avatar img'))
    const loaded = await resident.locator(visible('.deputy__avatar img')).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)
    expect(loaded).toBe(240)
  }, 90_000)
})
