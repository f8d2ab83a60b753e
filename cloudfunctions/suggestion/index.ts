import { wechatOpenApi } from '../_core/adapters/wx-openapi'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { suggestionFunction } from './function'

/** Submissions are checked with security.msgSecCheck (config.json permissions.openapi). */
export const main = cloudbaseEntry(suggestionFunction, { openApi: () => wechatOpenApi() })
