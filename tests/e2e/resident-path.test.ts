import type { Page } from 'playwright-core'
import { startE2E, visible, type E2E } from './harness'

// a 4×4 red PNG, as a phone camera picture would arrive (only smaller)
const LAMP_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4ISYLRwzEcQCi0w+xF+ymLwAAAABJRU5ErkJggg==', 'base64')

let e2e: E2E
let page: Page
beforeAll(async () => {
  e2e = await startE2E()
  page = await e2e.open()
}, 240_000)
afterAll(() => e2e?.close())

describe('a resident, after scanning a station code in a browser', () => {
  it('sees the station with its deputies and reception rule', async () => {
    await page.goto(`${e2e.base}/#/pages/station/index?code=XWT01`)
    await page.waitForSelector(visible('#report-button'))
    const text = await page.locator('.taro_page_show').innerText()
    expect(text).toContain('城关镇人大代表联络站')
    expect(text).toContain('每周二，2名代表进站接待')
    expect(text).toContain('王建国')
    await e2e.screenshot(page, 'resident-station')
  })

  it('is told what is missing before anything is sent', async () => {
    await page.locator(visible('#report-button')).click()
    await page.waitForSelector(visible('#submit-page'))
    await page.locator(visible('#submit-button')).click()
    await page.waitForSelector(visible('#error-content'))
    expect(await page.locator(visible('#error-content')).innerText()).toBe('请填写反映内容')
  })

  it('submits a concern and finds it under 我的 as 已点单', async () => {
    await page.locator(visible('.submit-textarea textarea')).fill('东关村路灯坏了三个多月，晚上出行很不方便，希望尽快修复。')
    await page.locator(visible('.category-chip'), { hasText: '城乡建设' }).click()
    await page.locator(visible('.contact__input input')).nth(0).fill('张女士')
    await page.locator(visible('.contact__input input')).nth(1).fill('13912345678')

    // A photo of the broken lamp: the privacy sheet asks first, then the browser's file picker opens.
    const chooser = page.waitForEvent('filechooser')
    await page.locator(visible('#add-photo')).click()
    await page.locator(visible('#privacy-agree')).click()
    await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: LAMP_PNG })
    await page.waitForFunction(() => {
      const photo = document.querySelector('.taro_page_show .photo:not(.photo--add)')
      return photo !== null && !photo.querySelector('.photo__state')
    })
    await e2e.screenshot(page, 'resident-submit')
    await page.locator(visible('#submit-button')).click()
    await page.waitForSelector(visible('#item-page'))
    expect(await page.locator(visible('#item-content')).innerText()).toContain('东关村路灯坏了三个多月')
    // the photo came back from the server and decodes as an image
    await page.waitForFunction(() => {
      const img = document.querySelector('.taro_page_show .item-photo img') as HTMLImageElement | null
      return img !== null && img.complete && img.naturalWidth === 4
    })
    await e2e.screenshot(page, 'resident-item')

    await page.goto(`${e2e.base}/#/pages/mine/index`)
    await page.waitForSelector(visible('.mine-item__excerpt'))
    const mine = await page.locator(visible('#mine-page')).innerText()
    expect(mine).toContain('东关村路灯坏了三个多月')
    expect(mine).toContain('已点单')
    await e2e.screenshot(page, 'resident-mine')
    expect(await e2e.backend.store.collection('suggestions').count()).toBe(1)
  })

  it('gets a friendly 站点不存在 page for an unknown code', async () => {
    await page.goto(`${e2e.base}/#/pages/station/index?code=NOPE99`)
    await page.waitForFunction(() => document.querySelector('.taro_page_show')?.textContent?.includes('站点不存在'))
    await e2e.screenshot(page, 'resident-station-not-found')
  })
})
