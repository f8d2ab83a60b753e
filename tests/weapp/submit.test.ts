/**
 * The submit page in the weapp build against the real suggestion function: client-side
 * validation with the shared schema, and a retry after a lost answer that must not create a
 * second item (the form keeps its clientRequestId).
 */
import { createDirectoryFunction } from '../../cloudfunctions/directory/function'
import { openPageForFile } from './page-fixture'

const OPENID = 'demo-resident-2'
const fakePhoneDirectory = createDirectoryFunction(() => ({
  fromCode: async (code: string) => (code === 'code-from-wechat' ? '13900002222' : null),
}))

/** when set, the next function call runs but its answer is "lost" on the way back */
let loseNextAnswer = false

const { page, sim, backend } = openPageForFile({
  as: OPENID,
  call: async ({ name, data }, backend, openid) => {
    // The simulator has no WeChat to verify phone numbers: a fake stands in for that one port.
    if (name === 'directory' && data.action === 'phoneFromCode') return fakePhoneDirectory(data, openid, backend.deps)
    const envelope = await backend.call(name, data, openid)
    if (loseNextAnswer) {
      loseNextAnswer = false
      throw new Error('request:fail timeout')
    }
    return envelope
  },
  route: 'pages/submit/index', query: { code: 'XWT01', name: encodeURIComponent('城关镇人大代表联络站') }, ready: ['#submit-button', 'the submit button'],
})

function type(selector: string, index: number, value: string) {
  const el = page.comp.querySelectorAll(selector)[index]
  if (!el) throw new Error(`no ${selector}[${index}]`)
  el.dispatchEvent('input', { detail: { value, cursor: value.length } })
}

const submitCalls = () => sim.cloudCalls.filter((c) => c.name === 'suggestion' && c.data.action === 'submit')

test('checks the form with the shared schema before sending anything', async () => {
  await page.tap('submit-button')
  const error = await page.waitFor(() => page.text('#error-content'), 'the content error')
  expect(error).toBe('请填写反映内容')
  expect(page.text('#error-contactPhone')).toBe('实名反映请留下手机号码，方便代表联系您')
  expect(submitCalls()).toHaveLength(0)
})

test('使用微信绑定的手机号 fills the phone field with the number WeChat verified', async () => {
  const button = page.comp.querySelector('#wx-phone')
  expect(button).toBeTruthy()
  button!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'code-from-wechat' } })
  await page.waitFor(() => sim.cloudCalls.find((c) => c.data.action === 'phoneFromCode'), 'the phone-number call')
  await page.waitFor(() => page.text('#error-contactPhone') === null, 'the phone error to clear')
  expect(sim.cloudCalls.find((c) => c.data.action === 'phoneFromCode')!.data.payload).toEqual({ code: 'code-from-wechat' })
  // the value Taro hands the native input, as WeChat would render it
  expect(JSON.stringify(page.comp.instance.data)).toContain('"13900002222"')
})

test('a refused phone-number sheet leaves the field for typing and asks nothing of the server', async () => {
  const before = sim.cloudCalls.length
  page.comp.querySelector('#wx-phone')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } })
  await new Promise((r) => setTimeout(r, 100))
  expect(sim.cloudCalls.length).toBe(before)
})

test('a retry after a lost answer finds the same item instead of creating a second one', async () => {
  const content = '城关镇东街路灯坏了一个多月，晚上出行不便，希望尽快修复。'
  type('.nut-textarea-textarea', 0, content)
  type('.nut-input-native', 0, '张先生')
  type('.nut-input-native', 1, '13800001234')
  await page.waitFor(() => page.text('#content-count') === `${[...content].length}/2000`, 'the live character count')

  loseNextAnswer = true
  await page.tap('submit-button')
  const formError = await page.waitFor(() => page.text('#error-form'), 'the network error')
  expect(formError).toBe('网络连接失败，请检查网络后重试')
  expect(sim.calls.some((c) => c.api === 'redirectTo')).toBe(false)

  await page.tap('submit-button')
  const nav = await page.waitFor(() => sim.calls.find((c) => c.api === 'redirectTo'), 'the redirect to the item')
  expect(String(nav.arg.url)).toMatch(/^\/pages\/item\/index\?id=[A-Za-z0-9_-]+&created=1$/)

  const [first, second] = submitCalls()
  expect(second).toBeDefined()
  const p1 = first.data.payload as Record<string, unknown>
  const p2 = second.data.payload as Record<string, unknown>
  expect(p2.clientRequestId).toBe(p1.clientRequestId)
  expect(p1).toMatchObject({ stationCode: 'XWT01', contactName: '张先生', contactPhone: '13800001234', anonymous: false })

  const mine = (await backend.call('suggestion', { action: 'listMine', payload: {} }, OPENID)) as { ok: boolean; data: { items: Array<{ id: string }> } }
  expect(mine.ok).toBe(true)
  expect(mine.data.items).toHaveLength(1)
  expect(String(nav.arg.url)).toContain(`id=${encodeURIComponent(mine.data.items[0].id)}`)
})
