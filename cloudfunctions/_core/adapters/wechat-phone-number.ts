import type { PhoneNumberPort } from '../usecases/directory/phone-number'
import { wxErrCode, type WxOpenApi } from './wx-openapi-port'

/** WeChat's answer for a code that is wrong, used or expired: the resident's to retry, not an outage. */
const BAD_CODE = new Set([40029, 40163])

/**
 * Production: phonenumber.getPhoneNumber (云调用). The code from the button is single-use and
 * valid for five minutes. Needs `phonenumber.getPhoneNumber` in the function's config.json.
 */
export function createWechatPhoneNumber(api: () => Pick<WxOpenApi, 'phonenumber'>): PhoneNumberPort {
  return {
    async fromCode(code) {
      let res: Awaited<ReturnType<WxOpenApi['phonenumber']['getPhoneNumber']>>
      try {
        res = await api().phonenumber.getPhoneNumber({ code })
      } catch (error) {
        if (BAD_CODE.has(wxErrCode(error) ?? 0)) return null
        throw error
      }
      const phone = res?.phoneInfo?.purePhoneNumber
      // Mainland numbers only: the item's contact field accepts 11-digit mainland mobiles.
      return phone && /^1[3-9]\d{9}$/.test(phone) ? phone : null
    },
  }
}
