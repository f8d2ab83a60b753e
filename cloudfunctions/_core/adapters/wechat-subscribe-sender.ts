import type { MessageSender, SendOutcome } from '../ports'
import { wxErrCode, type WxOpenApi } from './wx-openapi-port'

/** Template ids per message kind, from the environment (set in the CloudBase console). */
export interface SubscribeTemplates {
  item_update?: string
  deadline_reminder?: string
  overdue?: string
  reception_reminder?: string
  admin_notice?: string
}

/** WeChat `thing` fields hold at most 20 characters. */
export function thing(text: string): string {
  const chars = [...text]
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`
}

/**
 * subscribeMessage.send (云调用). 43101 (no credit, or the user refused) is final for this
 * message: it is recorded so the user can be asked to subscribe again, never retried in a loop.
 */
export function createWechatSubscribeSender(api: () => Pick<WxOpenApi, 'subscribeMessage'>, templates: SubscribeTemplates): MessageSender {
  return {
    async send(m): Promise<SendOutcome> {
      const templateId = templates[m.kind as keyof SubscribeTemplates]
      if (!templateId) return { status: 'failed', error: `no template configured for ${m.kind}` }
      try {
        await api().subscribeMessage.send({
          touser: m.toOpenid,
          templateId,
          page: m.page ?? undefined,
          miniprogramState: 'formal',
          lang: 'zh_CN',
          data: { thing1: { value: thing(m.title) }, thing2: { value: thing(m.body) } },
        })
        return { status: 'sent' }
      } catch (error) {
        const code = wxErrCode(error)
        const said = (error as { errMsg?: string }).errMsg ?? (error instanceof Error ? error.message : String(error))
        if (code === 43101) return { status: 'no_credit', error: `43101 ${said}` }
        return { status: 'failed', error: code === null ? said : `${code} ${said}` }
      }
    },
  }
}
