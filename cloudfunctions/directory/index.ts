import tcb from '@cloudbase/node-sdk'
import { createWechatMiniCode } from '../_core/adapters/wechat-mini-code'
import { createWechatPhoneNumber } from '../_core/adapters/wechat-phone-number'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { cachedMiniCode } from '../_core/usecases/directory/admin/station-codes'
import { createDirectoryFunction } from './function'

let app: ReturnType<typeof tcb.init> | null = null
const cloud = () => (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }))
/** One per warm instance: each station's wxacode is asked for once (station-codes.ts). */
let miniCode: ReturnType<typeof cachedMiniCode> | null = null

/**
 * In CloudBase the resident's phone number comes from WeChat (phonenumber.getPhoneNumber) and the
 * 站点二维码 are mini-program codes of the station page (wxacode.getUnlimited).
 */
export const main = cloudbaseEntry(
  createDirectoryFunction(
    () => createWechatPhoneNumber(cloud()),
    undefined,
    () => (miniCode ??= cachedMiniCode(createWechatMiniCode(cloud()))),
  ),
)
