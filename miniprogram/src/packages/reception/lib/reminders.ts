import Taro from '@tarojs/taro'
import { call } from '../../../api/client'
import { LOCAL_MODE } from '../../../lib/demo-identity'

/**
 * Build-time settings (miniprogram/.env): the subscribe-message template of 接待日提醒, and whether
 * the mini-program's category allows long-term subscriptions (政务民生). A name missing from the
 * .env files is not replaced by the build, and `process` does not exist in a mini-program: read
 * it defensively.
 */
function buildVar(read: () => string | undefined): string {
  try {
    return read() || ''
  } catch {
    return ''
  }
}
const TEMPLATE_ID = buildVar(() => process.env.TARO_APP_TEMPLATE_RECEPTION_REMINDER)
const LONG_TERM = buildVar(() => process.env.TARO_APP_TEMPLATE_LONG_TERM) === '1'

export type Grant =
  | { status: 'accepted'; credits: number; longTerm: boolean; simulated: boolean }
  | { status: 'declined'; message: string }
  | { status: 'unavailable'; message: string }

/**
 * 订阅接待提醒: asks WeChat for one reminder credit (`requestSubscribeMessage` — only works as the
 * direct result of a tap, so call this first in the tap handler, before any other await), then
 * records the accept with `reception.recordSubscription`. One accept of a one-time template = one
 * reminder that may be sent. Local H5 has no WeChat: the accept is recorded as if granted, so the
 * outbox can be tried.
 */
export async function requestReminderCredit(): Promise<Grant> {
  let simulated = false
  if (process.env.TARO_ENV === 'weapp') {
    if (!TEMPLATE_ID) return { status: 'unavailable', message: '接待提醒的消息模板尚未配置，请联系县人大工作人员' }
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID], entityIds: [] })) as unknown as Record<string, string>
      if (res[TEMPLATE_ID] !== 'accept') {
        return {
          status: 'declined',
          message: res[TEMPLATE_ID] === 'ban' ? '您已关闭此类通知：请在小程序右上角“…”→设置→通知管理中打开' : '您没有允许接收提醒，需要时可再点订阅',
        }
      }
    } catch (err) {
      const code = (err as { errCode?: number })?.errCode
      return {
        status: 'declined',
        message: code === 20004 ? '您已关闭小程序的通知：请在右上角“…”→设置中打开后再订阅' : '暂时无法订阅提醒，请稍后再试',
      }
    }
  } else if (LOCAL_MODE) {
    simulated = true
  } else {
    return { status: 'unavailable', message: '接待提醒通过微信服务通知发送，请在微信小程序中订阅' }
  }
  const out = await call('reception', 'recordSubscription', { accepted: ['reception_reminder'], longTerm: LONG_TERM })
  const row = out.items.find((i) => i.kind === 'reception_reminder')
  return { status: 'accepted', credits: row?.credits ?? 0, longTerm: row?.longTerm ?? false, simulated }
}
