import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../store/cloudbase'
import { createWechatContentCheck } from '../adapters/wechat-content-check'
import { createWechatSubscribeSender } from '../adapters/wechat-subscribe-sender'
import type { WxOpenApi } from '../adapters/wx-openapi-port'
import { systemClock, withRepos, type ContentCheck, type Deps, type MessageSender } from '../ports'
import type { CloudFunction } from './define-function'
import type { TimerFunction } from './define-timer'

/** What a function that calls WeChat passes (its index.ts imports wx-openapi.ts; the others do not load the SDK). */
export interface EntryOptions {
  openApi?: () => WxOpenApi
}

/** A function without 云调用 permissions holds text for review and sends nothing (neither is asked of it). */
const noContentCheck: ContentCheck = {
  async checkText() {
    console.error('[content-check] this function has no security.msgSecCheck permission; holding text for review')
    return 'review'
  },
}
const noSender: MessageSender = {
  async send() {
    return { status: 'failed', error: 'this function has no subscribeMessage.send permission' }
  },
}

let deps: Deps | null = null

function productionDeps(options: EntryOptions): Deps {
  if (!deps) {
    // requests give up well before the function's own timeout (10 s for the shortest), so the
    // person gets an answer instead of the platform's 'function timed out'
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: 8000 })
    const openApi = options.openApi
    deps = withRepos({
      store: createCloudbaseStore({ app }),
      clock: systemClock,
      contentCheck: openApi ? createWechatContentCheck(openApi) : noContentCheck,
      sender: !openApi ? noSender : createWechatSubscribeSender(openApi, {
        item_update: process.env.TEMPLATE_ITEM_UPDATE,
        deadline_reminder: process.env.TEMPLATE_DEADLINE_REMINDER,
        overdue: process.env.TEMPLATE_OVERDUE,
        reception_reminder: process.env.TEMPLATE_RECEPTION_REMINDER,
        admin_notice: process.env.TEMPLATE_ADMIN_NOTICE,
      }),
      localMode: false,
    })
  }
  return deps
}

/**
 * The `main` CloudBase calls. Identity comes only from the platform's context (WX_OPENID);
 * this build has no demo identities and no way to switch them on.
 */
export function cloudbaseEntry(fn: CloudFunction, options: EntryOptions = {}) {
  return async (event: unknown, context: unknown) => {
    const { WX_OPENID } = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    return fn(event, WX_OPENID || null, productionDeps(options))
  }
}

/**
 * Entry of a timer-triggered function. It answers only to the platform's timer (no caller
 * identity, `Type: 'Timer'`), so a user cannot run it by calling the function.
 */
export function cloudbaseTimerEntry(fn: TimerFunction, options: EntryOptions = {}) {
  return async (event: unknown, context: unknown) => {
    const { WX_OPENID } = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
    if (WX_OPENID || !isTimer) return { ok: false, code: 'forbidden', message: '定时任务只能由定时触发器调用' }
    return fn(productionDeps(options))
  }
}
