/**
 * 我要反映: the validation messages people see — first from the shared schema the page checks
 * with (shared/api/suggestion.ts), then on the real page (H5 build in Chromium, real functions
 * behind the local server): nothing is sent while something is missing.
 */
import type { Page } from 'playwright-core'
import { CONTENT_MAX, submitInput } from '../../shared/api/suggestion'
import { startE2E, visible, type E2E } from '../e2e/harness'

const base = { clientRequestId: 'componentTest0000000001', stationCode: 'XWT01', content: '东关村路灯坏了，晚上出行不便。' }
const messages = (input: Record<string, unknown>) => {
  const r = submitInput.safeParse(input)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]))
}

describe('the submit schema (shared/api/suggestion.ts)', () => {
  it('asks for the content, in characters as people count them', () => {
    expect(messages({ ...base, content: '   ', anonymous: true })).toEqual({ content: '请填写反映内容' })
    expect(messages({ ...base, content: '路'.repeat(CONTENT_MAX + 1), anonymous: true })).toEqual({ content: `反映内容不能超过${CONTENT_MAX}个字` })
    expect(messages({ ...base, content: '😀'.repeat(CONTENT_MAX), anonymous: true })).toEqual({})
  })

  it('needs a mobile number unless the report is anonymous', () => {
    expect(messages({ ...base })).toEqual({ contactPhone: '实名反映请留下手机号码，方便代表联系您' })
    expect(messages({ ...base, contactPhone: '1391234' })).toEqual({ contactPhone: '请填写正确的11位手机号码' })
    expect(messages({ ...base, contactPhone: '23912345678' })).toEqual({ contactPhone: '请填写正确的11位手机号码' })
    expect(messages({ ...base, contactPhone: '13912345678' })).toEqual({})
    expect(messages({ ...base, anonymous: true })).toEqual({})
  })

  it('limits the name, the photos and the category', () => {
    expect(messages({ ...base, anonymous: true, contactName: '张'.repeat(21) })).toEqual({ contactName: '称呼不能超过20个字' })
    expect(messages({ ...base, anonymous: true, photos: ['cloud://env/a.jpg', 'cloud://env/b.jpg', 'cloud://env/c.jpg', 'cloud://env/d.jpg'] })).toEqual({ photos: '最多上传3张照片' })
    expect(messages({ ...base, anonymous: true, categoryCode: 'weather' })).toEqual({ categoryCode: '请选择正确的类别' })
  })
})

let e2e: E2E
let page: Page
const submitted = () => e2e.backend.store.collection('suggestions').count()

beforeAll(async () => {
  e2e = await startE2E()
  page = await e2e.open('demo-resident-2')
  await page.goto(`${e2e.base}/#/pages/submit/index?code=XWT01&name=${encodeURIComponent('城关镇人大代表联络站')}`)
  await page.waitForSelector(visible('#submit-button'))
}, 240_000)
afterAll(() => e2e?.close())

const text = (selector: string) => page.locator(visible(selector)).innerText()

describe('the 我要反映 page', () => {
  it('shows what is missing next to each field and sends nothing', async () => {
    await page.locator(visible('#submit-button')).click()
    await page.waitForSelector(visible('#error-content'))
    expect(await text('#error-content')).toBe('请填写反映内容')
    expect(await text('#error-contactPhone')).toBe('实名反映请留下手机号码，方便代表联系您')
    expect(await submitted()).toBe(0)
  })

  it('clears a message as soon as the field is edited', async () => {
    await page.locator(visible('.submit-textarea textarea')).fill('东关村北街路灯坏了三个多月，晚上出行不便。')
    await page.waitForSelector(visible('#error-content'), { state: 'detached' })
    expect(await text('#content-count')).toBe(`${[...'东关村北街路灯坏了三个多月，晚上出行不便。'].length}/${CONTENT_MAX}`)
  })

  it('checks the mobile number', async () => {
    await page.locator(visible('.contact__input input')).nth(1).fill('1391234')
    await page.locator(visible('#submit-button')).click()
    await page.waitForSelector(visible('#error-contactPhone'))
    expect(await text('#error-contactPhone')).toBe('请填写正确的11位手机号码')
    expect(await submitted()).toBe(0)
  })

  it('needs no number when the report is anonymous', async () => {
    await page.locator(visible('.contact__row .nut-switch')).first().click()
    await page.waitForSelector(visible('#error-contactPhone'), { state: 'detached' })
    expect(await page.locator(visible('.contact__input')).count()).toBe(0)
  })
})
