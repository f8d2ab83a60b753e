import type { MessageSender, SendOutcome } from '../ports'
import type { WxOpenApiCaller } from './wechat-content-check'

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
 * subscribeMessage.send through CloudBase's open-API channel. 43101 (no credit, or the user
 * refused) is final for this message: it is recorded so the user can be asked to subscribe again,
 * never retried in a loop.
 */
export function createWechatSubscribeSender(app: WxOpenApiCaller, templates: SubscribeTemplates): MessageSender {
  return {
    async send(m): Promise<SendOutcome> {
      const templateId = templates[m.kind as keyof SubscribeTemplates]
      if (!templateId) return { status: 'failed', error: `no template configured for ${m.kind}` }
      try {
        const res = await app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: m.toOpenid,
            template_id: templateId,
            page: m.page ?? undefined,
            miniprogram_state: 'formal',
            lang: 'zh_CN',
            data: { thing1: { value: thing(m.title) }, thing2: { value: thing(m.body) } },
          },
        })
        const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as { errcode?: number; errmsg?: string } | undefined
        const code = body?.errcode ?? 0
        if (code === 0) return { status: 'sent' }
        if (code === 43101) return { status: 'no_credit', error: `43101 ${body?.errmsg ?? ''}`.trim() }
        return { status: 'failed', error: `${code} ${body?.errmsg ?? ''}`.trim() }
      } catch (error) {
        return { status: 'failed', error: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}
