import type { ActionOutput, ActionParsed } from '@shared/api'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'

/**
 * The resident's own phone number from the one-time code of WeChat's 手机号快速验证
 * (`<Button open-type="getPhoneNumber">` → `detail.code`). Production asks WeChat
 * (phonenumber.getPhoneNumber); the local server has no WeChat, and its H5 pages have the
 * resident type the number instead.
 */
export interface PhoneNumberPort {
  /** The number WeChat verified for this code; null when the code is invalid, used or expired. */
  fromCode(code: string): Promise<string | null>
}

/** Local server: there is no WeChat to ask. */
export const noWechatPhoneNumbers: PhoneNumberPort = {
  async fromCode() {
    throw new AppError('validation_failed', '当前环境无法通过微信获取手机号，请直接填写', 'code')
  },
}

/**
 * Answers only the caller, with their own number, so the form can show it before they submit;
 * nothing is stored here (the number is kept only if they submit it with their item).
 */
export function phoneFromCode(
  port: (deps: Deps) => PhoneNumberPort,
): UseCase<ActionParsed<'directory', 'phoneFromCode'>, ActionOutput<'directory', 'phoneFromCode'>> {
  return async (deps, _actor, { code }) => {
    let phone: string | null
    try {
      phone = await port(deps).fromCode(code)
    } catch (err) {
      if (err instanceof AppError) throw err
      console.error('[phoneFromCode] WeChat did not answer', err)
      throw new AppError('network_error', '暂时无法获取微信手机号，请直接填写')
    }
    if (!phone) throw new AppError('validation_failed', '获取手机号失败，请重试或直接填写', 'code')
    return { phone }
  }
}
