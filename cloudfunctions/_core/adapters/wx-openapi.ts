/**
 * WeChat 云调用 the documented way: `wx-server-sdk`'s `cloud.openapi.<category>.<method>`, each
 * declared in the calling function's config.json `permissions.openapi`. The SDK sends one
 * `wx.openApi` request to CloudBase (multipart, protobuf `requestData`, arguments in snake_case)
 * and hands back WeChat's answer in camelCase; a WeChat errcode is thrown with `errCode` (docs/
 * cloudbase-standin.md describes the wire the tests emulate).
 *
 * Only the functions that call WeChat import this module (directory, reception, suggestion,
 * visit, timers): the others do not carry the SDK.
 */
import cloud from 'wx-server-sdk'
import type { WxOpenApi } from './wx-openapi-port'

export type { WxOpenApi } from './wx-openapi-port'

/** Request timeout below the functions' own (the SDK's default of 15 s would outlive a 10 s function). */
const REQUEST_TIMEOUT_MS = 8000

let initialised = false

/**
 * The SDK initialised once per instance for the function's own environment. `serviceUrl` points
 * it elsewhere (the tests' stand-in); in CloudBase it finds its endpoint and credentials itself.
 */
export function wechatOpenApi(options: { env?: string; serviceUrl?: string } = {}): WxOpenApi {
  if (!initialised || options.serviceUrl) {
    cloud.init({ env: options.env ?? cloud.DYNAMIC_CURRENT_ENV, timeout: REQUEST_TIMEOUT_MS, ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}) } as never)
    initialised = true
  }
  return cloud.openapi as unknown as WxOpenApi
}
