import type { ContentCheck, ContentVerdict } from '../ports'

/** The part of the CloudBase app this adapter needs; lets tests pass the real SDK pointed at a stand-in. */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>
}

/**
 * WeChat security.msgSecCheck v2. Its errcode is 0 even for risky text, so the verdict comes
 * from `result.suggest` (pass / review / risky). A failed check call holds the text for review
 * rather than publishing unchecked text or losing the resident's submission.
 */
export function createWechatContentCheck(app: WxOpenApiCaller): ContentCheck {
  return {
    async checkText(text: string, openid: string): Promise<ContentVerdict> {
      try {
        const res = await app.callWxOpenApi({
          apiName: '/wxa/msg_sec_check',
          requestData: { content: text, version: 2, scene: 1, openid },
        })
        const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as
          | { errcode?: number; result?: { suggest?: string } }
          | undefined
        const suggest = body?.result?.suggest
        if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
        return 'review'
      } catch (error) {
        console.error('[content-check] msgSecCheck failed, holding text for review', error)
        return 'review'
      }
    },
  }
}
