import { createWechatMiniCode } from '../_core/adapters/wechat-mini-code'
import { createWechatPhoneNumber } from '../_core/adapters/wechat-phone-number'
import { wechatOpenApi } from '../_core/adapters/wx-openapi'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { cachedMiniCode } from '../_core/usecases/directory/admin/station-codes'
import { createDirectoryFunction } from './function'

/** One per warm instance: each station's wxacode is asked for once (station-codes.ts). */
let miniCode: ReturnType<typeof cachedMiniCode> | null = null

/**
 * In CloudBase the resident's phone number comes from WeChat (phonenumber.getPhoneNumber) and the
 * 站点二维码 are mini-program codes of the station page (wxacode.getUnlimited), both 云调用.
 */
export const main = cloudbaseEntry(
  createDirectoryFunction(
    () => createWechatPhoneNumber(() => wechatOpenApi()),
    undefined,
    () => (miniCode ??= cachedMiniCode(createWechatMiniCode(() => wechatOpenApi()))),
  ),
)
