import tcb from '@cloudbase/node-sdk'
import { createWechatContentCheck } from '../../cloudfunctions/_core/adapters/wechat-content-check'
import { createWechatSubscribeSender } from '../../cloudfunctions/_core/adapters/wechat-subscribe-sender'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'
import { createWechatPhoneNumber } from '../../cloudfunctions/_core/adapters/wechat-phone-number'
import { createDirectoryFunction } from '../../cloudfunctions/directory/function'
import { createTestBackend, type TestBackend } from '../support/backend'

/**
 * The WeChat adapters run through the real @cloudbase/node-sdk (callWxOpenApi) against the local
 * stand-in; the stand-in answers as WeChat's server does, including its quirks.
 */
let standin: CloudbaseStandin
const calls: Array<{ apiName: string; data: any }> = []
let answer: (apiName: string, data: any) => unknown = () => ({ errcode: 0 })

beforeAll(async () => {
  standin = await startCloudbaseStandin({
    wxApi: (apiName, data) => {
      calls.push({ apiName, data })
      return answer(apiName, data)
    },
  })
})
afterAll(() => standin.close())
beforeEach(() => {
  calls.length = 0
})

const app = () => tcb.init({ env: 'test-env', serviceUrl: standin.url, secretId: 'dummy-id', secretKey: 'dummy-key' })

describe('content check through msgSecCheck v2', () => {
  it.each([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'risky'],
  ])('reads the verdict from result.suggest (%s), not from errcode', async (suggest, verdict) => {
    answer = () => ({ errcode: 0, errmsg: 'ok', result: { suggest, label: 100 } })
    const check = createWechatContentCheck(app())
    expect(await check.checkText('村口路灯不亮', 'o-user')).toBe(verdict)
    expect(calls[0]).toMatchObject({ apiName: '/wxa/msg_sec_check', data: { content: '村口路灯不亮', version: 2, openid: 'o-user' } })
  })

  it('holds the text for review when WeChat answers without a verdict', async () => {
    answer = () => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    expect(await createWechatContentCheck(app()).checkText('路灯', 'o-user')).toBe('review')
  })
})

describe('subscribe messages', () => {
  const message = { toOpenid: 'o-deputy', kind: 'reception_reminder', title: '接待日提醒：12月1日城关镇人大代表联络站', body: '请按时进站', page: '/pages/station/index?code=XWT01' }

  it('sends with the configured template and 20-character thing fields', async () => {
    answer = () => ({ errcode: 0, errmsg: 'ok' })
    const sender = createWechatSubscribeSender(app(), { reception_reminder: 'TPL-RECEPTION' })
    expect(await sender.send(message)).toEqual({ status: 'sent' })
    expect(calls[0].apiName).toBe('/cgi-bin/message/subscribe/send')
    expect(calls[0].data).toMatchObject({ touser: 'o-deputy', template_id: 'TPL-RECEPTION' })
    expect([...calls[0].data.data.thing1.value].length).toBeLessThanOrEqual(20)
  })

  it('records 43101 (no credit or refused) as no_credit instead of retrying', async () => {
    answer = () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    const sender = createWechatSubscribeSender(app(), { reception_reminder: 'TPL-RECEPTION' })
    expect(await sender.send(message)).toMatchObject({ status: 'no_credit' })
    expect(calls).toHaveLength(1)
  })

  it('does not call WeChat for a kind that has no template configured', async () => {
    const sender = createWechatSubscribeSender(app(), {})
    expect(await sender.send(message)).toMatchObject({ status: 'failed' })
    expect(calls).toHaveLength(0)
  })
})

describe('手机号快速验证 (phonenumber.getPhoneNumber)', () => {
  const phoneFunction = () => createDirectoryFunction(() => createWechatPhoneNumber(app()))
  const ask = (code: string) => phoneFunction()({ action: 'phoneFromCode', payload: { code } }, 'o-resident', backend.deps)
  let backend: TestBackend
  beforeAll(async () => {
    backend = await createTestBackend()
  })
  afterAll(() => backend.close())

  it("fills the resident's form with the number WeChat verified for the button's code", async () => {
    answer = () => ({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800001111', purePhoneNumber: '13800001111', countryCode: '86' } })
    expect(await ask('code-from-button')).toEqual({ ok: true, data: { phone: '13800001111' } })
    expect(calls[0]).toEqual({ apiName: '/wxa/business/getuserphonenumber', data: { code: 'code-from-button' } })
  })

  it('asks the resident to retry or type it when the code was already used (40029)', async () => {
    answer = () => ({ errcode: 40029, errmsg: 'invalid code' })
    expect(await ask('used-code')).toMatchObject({ ok: false, code: 'validation_failed', message: '获取手机号失败，请重试或直接填写' })
  })

  it('does not put a number from outside the mainland into a field that only takes mainland mobiles', async () => {
    answer = () => ({ errcode: 0, phone_info: { purePhoneNumber: '91234567', countryCode: '852' } })
    expect(await ask('hk-code')).toMatchObject({ ok: false, code: 'validation_failed' })
  })

  it('says WeChat is unreachable, without a stack, when the call fails', async () => {
    answer = () => ({ errcode: -1, errmsg: 'system error' })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(await ask('any')).toEqual({ ok: false, code: 'network_error', message: '暂时无法获取微信手机号，请直接填写' })
    spy.mockRestore()
  })

  it('the local server, which has no WeChat, tells the resident to type the number', async () => {
    const res = await backend.call('directory', { action: 'phoneFromCode', payload: { code: 'x' } }, 'demo-resident-1')
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', message: '当前环境无法通过微信获取手机号，请直接填写' })
  })
})
