import { createWechatContentCheck } from '../../cloudfunctions/_core/adapters/wechat-content-check'
import { createWechatMiniCode } from '../../cloudfunctions/_core/adapters/wechat-mini-code'
import { createWechatPhoneNumber } from '../../cloudfunctions/_core/adapters/wechat-phone-number'
import { createWechatSubscribeSender } from '../../cloudfunctions/_core/adapters/wechat-subscribe-sender'
import { wechatOpenApi } from '../../cloudfunctions/_core/adapters/wx-openapi'
import { createDirectoryFunction } from '../../cloudfunctions/directory/function'
import { createTestBackend, type TestBackend } from '../support/backend'
import { startCloudbaseStandin, type CloudbaseStandin, type WxAnswer } from '../support/cloudbase-standin'

/**
 * The WeChat adapters through the real wx-server-sdk (`cloud.openapi`, 云调用 as WeChat documents
 * it) against the local stand-in, which reads the request the SDK really sends (multipart,
 * protobuf arguments in snake_case) and answers as CloudBase wraps WeChat's answer, errcodes
 * included.
 */
let standin: CloudbaseStandin
let answer: (apiName: string, args: Record<string, unknown>) => WxAnswer = () => ({ json: { errcode: 0 } })
const saved = { ...process.env }

beforeAll(async () => {
  // the SDK signs every request; without credentials it rejects outside any caller's reach
  Object.assign(process.env, { TENCENTCLOUD_SECRETID: 'dummy-id', TENCENTCLOUD_SECRETKEY: 'dummy-key' })
  standin = await startCloudbaseStandin({ wxOpenApi: (apiName, args) => answer(apiName, args) })
})
afterAll(async () => {
  process.env = saved
  await standin.close()
})
beforeEach(() => standin.reset())

const api = () => wechatOpenApi({ env: 'test-env', serviceUrl: standin.url })
/** The 云调用 the stand-in received, as the SDK sent them. */
const calls = () => standin.requests.filter((r) => r.action === 'wx.openApi').map((r) => ({ apiName: r.apiName, args: r.args as Record<string, any>, signed: r.signed }))

describe('content check through security.msgSecCheck v2', () => {
  it.each([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'risky'],
  ])('reads the verdict from result.suggest (%s), not from errcode', async (suggest, verdict) => {
    answer = () => ({ json: { errcode: 0, errmsg: 'ok', result: { suggest, label: 100 }, detail: [], trace_id: 't1' } })
    expect(await createWechatContentCheck(api).checkText('村口路灯不亮', 'o-user')).toBe(verdict)
    expect(calls()).toEqual([{ apiName: 'security.msgSecCheck', args: { openid: 'o-user', scene: 1, version: 2, content: '村口路灯不亮' }, signed: true }])
  })

  it('holds the text for review when WeChat refuses the call (45009 over quota)', async () => {
    answer = () => ({ json: { errcode: 45009, errmsg: 'reach max api daily quota limit' } })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(await createWechatContentCheck(api).checkText('路灯', 'o-user')).toBe('review')
    spy.mockRestore()
  })

  it('holds the text for review when the function has no permission for the call (CloudBase -604101)', async () => {
    answer = () => ({ errorCode: -604101 })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(await createWechatContentCheck(api).checkText('路灯', 'o-user')).toBe('review')
    spy.mockRestore()
  })
})

describe('subscribe messages through subscribeMessage.send', () => {
  const message = { toOpenid: 'o-deputy', kind: 'reception_reminder', title: '接待日提醒：12月1日城关镇人大代表联络站', body: '请按时进站', page: '/pages/station/index?code=XWT01' }

  it('sends with the configured template and 20-character thing fields', async () => {
    answer = () => ({ json: { errcode: 0, errmsg: 'ok', msgid: 2_979_412_290_887_434_247 } })
    const sender = createWechatSubscribeSender(api, { reception_reminder: 'TPL-RECEPTION' })
    expect(await sender.send(message)).toEqual({ status: 'sent' })
    const [call] = calls()
    expect(call.apiName).toBe('subscribeMessage.send')
    expect(call.args).toMatchObject({ touser: 'o-deputy', template_id: 'TPL-RECEPTION', miniprogram_state: 'formal', page: message.page })
    expect([...call.args.data.thing1.value].length).toBeLessThanOrEqual(20)
  })

  it('records 43101 (no credit or refused) as no_credit instead of retrying', async () => {
    answer = () => ({ json: { errcode: 43101, errmsg: 'user refuse to accept the msg' } })
    const sender = createWechatSubscribeSender(api, { reception_reminder: 'TPL-RECEPTION' })
    expect(await sender.send(message)).toMatchObject({ status: 'no_credit', error: expect.stringContaining('43101') })
    expect(calls()).toHaveLength(1)
  })

  it('reports WeChat’s other refusals with their code (47003: a field does not fit the template)', async () => {
    answer = () => ({ json: { errcode: 47003, errmsg: 'argument invalid! data.thing1.value exceeds limit' } })
    const sender = createWechatSubscribeSender(api, { reception_reminder: 'TPL-RECEPTION' })
    expect(await sender.send(message)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^47003 /) })
  })

  it('does not call WeChat for a kind that has no template configured', async () => {
    expect(await createWechatSubscribeSender(api, {}).send(message)).toMatchObject({ status: 'failed' })
    expect(calls()).toHaveLength(0)
  })
})

describe('站点码 through wxacode.getUnlimited', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex')

  it('asks for the station page with the station code as scene, and keeps the image WeChat sends', async () => {
    answer = () => ({ image: JPEG, contentType: 'image/jpeg' })
    const code = await createWechatMiniCode(api).stationCode('XWT01')
    expect(code).toEqual({ kind: 'image', mime: 'image/jpeg', base64: JPEG.toString('base64'), target: 'pages/station/index?scene=XWT01' })
    expect(calls()[0]).toMatchObject({ apiName: 'wxacode.getUnlimited', args: { scene: 'XWT01', page: 'pages/station/index', check_path: false, env_version: 'release', width: 430 } })
    answer = () => ({ image: PNG, contentType: 'image/png' })
    expect(await createWechatMiniCode(api).stationCode('XWT02')).toMatchObject({ mime: 'image/png' })
  })

  it('fails loudly when WeChat refuses (41030: the page is not published)', async () => {
    answer = () => ({ json: { errcode: 41030, errmsg: 'invalid page rid: 1' } })
    await expect(createWechatMiniCode(api).stationCode('XWT01')).rejects.toMatchObject({ errCode: 41030 })
  })
})

describe('手机号快速验证 through phonenumber.getPhoneNumber', () => {
  const phoneFunction = () => createDirectoryFunction(() => createWechatPhoneNumber(api))
  const ask = (code: string) => phoneFunction()({ action: 'phoneFromCode', payload: { code } }, 'o-resident', backend.deps)
  let backend: TestBackend
  beforeAll(async () => {
    backend = await createTestBackend()
  })
  afterAll(() => backend.close())

  it("fills the resident's form with the number WeChat verified for the button's code", async () => {
    answer = () => ({ json: { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800001111', purePhoneNumber: '13800001111', countryCode: '86', watermark: { timestamp: 1, appid: 'wx1' } } } })
    expect(await ask('code-from-button')).toEqual({ ok: true, data: { phone: '13800001111' } })
    expect(calls()).toEqual([{ apiName: 'phonenumber.getPhoneNumber', args: { code: 'code-from-button' }, signed: true }])
  })

  it('asks the resident to retry or type it when the code was already used (40029)', async () => {
    answer = () => ({ json: { errcode: 40029, errmsg: 'invalid code' } })
    expect(await ask('used-code')).toMatchObject({ ok: false, code: 'validation_failed', message: '获取手机号失败，请重试或直接填写' })
  })

  it('does not put a number from outside the mainland into a field that only takes mainland mobiles', async () => {
    answer = () => ({ json: { errcode: 0, phone_info: { purePhoneNumber: '91234567', countryCode: '852' } } })
    expect(await ask('hk-code')).toMatchObject({ ok: false, code: 'validation_failed' })
  })

  it('says WeChat is unreachable, without a stack, when the call fails', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    answer = () => ({ json: { errcode: -1, errmsg: 'system error' } })
    expect(await ask('any')).toEqual({ ok: false, code: 'network_error', message: '暂时无法获取微信手机号，请直接填写' })
    answer = () => ({ errorCode: -604101 })
    expect(await ask('any')).toEqual({ ok: false, code: 'network_error', message: '暂时无法获取微信手机号，请直接填写' })
    spy.mockRestore()
  })

  it('the local server, which has no WeChat, tells the resident to type the number', async () => {
    const res = await backend.call('directory', { action: 'phoneFromCode', payload: { code: 'x' } }, 'demo-resident-1')
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', message: '当前环境无法通过微信获取手机号，请直接填写' })
  })
})
