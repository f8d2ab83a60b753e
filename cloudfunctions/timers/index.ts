import { wechatOpenApi } from '../_core/adapters/wx-openapi'
import { cloudbaseTimerEntry } from '../_core/runtime/cloudbase-entry'
import { timersFunction } from './function'

/** The outbox is delivered with subscribeMessage.send (config.json permissions.openapi). */
export const main = cloudbaseTimerEntry(timersFunction, { openApi: () => wechatOpenApi() })
