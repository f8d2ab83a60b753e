import tcb from '@cloudbase/node-sdk'
import { createWechatContentCheck } from '../../cloudfunctions/_core/adapters/wechat-content-check'
import { createWechatSubscribeSender } from '../../cloudfunctions/_core/adapters/wechat-subscribe-sender'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'

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
