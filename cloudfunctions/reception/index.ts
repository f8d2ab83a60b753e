import { createWechatMiniCode } from '../_core/adapters/wechat-mini-code'
import { wechatOpenApi } from '../_core/adapters/wx-openapi'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { createReceptionFunction } from './function'

/** In CloudBase the poster's code is the mini-program code of the station page (wxacode.getUnlimited). */
export const main = cloudbaseEntry(createReceptionFunction(() => createWechatMiniCode(() => wechatOpenApi())))
