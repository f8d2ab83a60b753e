import tcb from '@cloudbase/node-sdk'
import { createWechatPhoneNumber } from '../_core/adapters/wechat-phone-number'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { createDirectoryFunction } from './function'

let app: ReturnType<typeof tcb.init> | null = null

/** In CloudBase the resident's phone number comes from WeChat (phonenumber.getPhoneNumber). */
export const main = cloudbaseEntry(createDirectoryFunction(() => createWechatPhoneNumber((app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })))))
