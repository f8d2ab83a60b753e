import type { ContentCheck, ContentVerdict } from '../ports'
import type { WxOpenApi } from './wx-openapi-port'

/**
 * WeChat security.msgSecCheck v2. Its errcode is 0 even for risky text, so the verdict comes
 * from `result.suggest` (pass / review / risky). A failed check call holds the text for review
 * rather than publishing unchecked text or losing the resident's submission.
 */
export function createWechatContentCheck(api: () => Pick<WxOpenApi, 'security'>): ContentCheck {
  return {
    async checkText(text: string, openid: string): Promise<ContentVerdict> {
      try {
        const res = await api().security.msgSecCheck({ openid, scene: 1, version: 2, content: text })
        const suggest = res?.result?.suggest
        if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
        return 'review'
      } catch (error) {
        console.error('[content-check] msgSecCheck failed, holding text for review', error)
        return 'review'
      }
    },
  }
}
