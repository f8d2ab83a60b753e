import { wechatOpenApi } from '../_core/adapters/wx-openapi'
import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { visitFunction } from './function'

/** A visit turned into a 交办单 has its text checked with security.msgSecCheck (config.json). */
export const main = cloudbaseEntry(visitFunction, { openApi: () => wechatOpenApi() })
