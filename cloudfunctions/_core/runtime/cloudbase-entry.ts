import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../store/cloudbase'
import { createWechatContentCheck } from '../adapters/wechat-content-check'
import { createWechatSubscribeSender } from '../adapters/wechat-subscribe-sender'
import { systemClock, withRepos, type Deps } from '../ports'
import type { CloudFunction } from './define-function'
import type { TimerFunction } from './define-timer'

let deps: Deps | null = null

function productionDeps(): Deps {
  if (!deps) {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    deps = withRepos({
      store: createCloudbaseStore({ app }),
      clock: systemClock,
      contentCheck: createWechatContentCheck(app),
      sender: createWechatSubscribeSender(app, {
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
export function cloudbaseEntry(fn: CloudFunction) {
  return async (event: unknown, context: unknown) => {
    const { WX_OPENID } = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    return fn(event, WX_OPENID || null, productionDeps())
  }
}

/**
 * Entry of a timer-triggered function. It answers only to the platform's timer (no caller
 * identity, `Type: 'Timer'`), so a user cannot run it by calling the function.
 */
export function cloudbaseTimerEntry(fn: TimerFunction) {
  return async (event: unknown, context: unknown) => {
    const { WX_OPENID } = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
    if (WX_OPENID || !isTimer) return { ok: false, code: 'forbidden', message: '定时任务只能由定时触发器调用' }
    return fn(productionDeps())
  }
}
