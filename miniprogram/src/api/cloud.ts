import Taro from '@tarojs/taro'
import type { Transport } from './transport'
import { TransportError } from './transport'

/**
 * Mini-program transport: `wx.cloud.callFunction` with the event `{action, payload}`.
 * CloudBase puts the caller's OPENID into the function's context; nothing identity-related is sent.
 */
let initialised = false

export const cloudTransport: Transport = {
  init() {
    if (initialised) return
    initialised = true
    const env = process.env.TARO_APP_CLOUD_ENV
    Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  },
  async send(fn, event) {
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: { ...event } })
      return res.result
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err)
      // -504002 / "functions execute fail": the function threw; everything else never got an answer.
      const crashed = /504002|execute fail/i.test(msg)
      throw new TransportError(crashed ? 'internal' : 'network_error', msg)
    }
  },
}
