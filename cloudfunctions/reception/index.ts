import tcb from '@cloudbase/node-sdk'
import { createWechatMiniCode } from '../_core/adapters/wechat-mini-code'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { createReceptionFunction } from './function'

let app: ReturnType<typeof tcb.init> | null = null

/** In CloudBase the poster's code is the mini-program code of the station page (wxacode.getUnlimited). */
export const main = cloudbaseEntry(
  createReceptionFunction(() => createWechatMiniCode((app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })))),
)
