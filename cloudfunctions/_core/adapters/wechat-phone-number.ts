import type { PhoneNumberPort } from '../usecases/directory/phone-number'
import type { WxOpenApiCaller } from './wechat-content-check'

/**
 * Production: phonenumber.getPhoneNumber through CloudBase's open-API channel. The code from the
 * button is single-use and valid for five minutes; WeChat answers errcode 40029 for a bad or used
 * code, which is the resident's to retry, not an outage. Needs `phonenumber.getPhoneNumber` in the
 * function's config.json permissions.
 */
export function createWechatPhoneNumber(app: WxOpenApiCaller): PhoneNumberPort {
  return {
    async fromCode(code) {
      const res = await app.callWxOpenApi({ apiName: '/wxa/business/getuserphonenumber', requestData: { code } })
      const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as
        | { errcode?: number; errmsg?: string; phone_info?: { purePhoneNumber?: string; countryCode?: string } }
        | undefined
      if (body?.errcode === 40029 || body?.errcode === 40163) return null
      if (body?.errcode) throw new Error(`getuserphonenumber: ${body.errcode} ${body.errmsg ?? ''}`.trim())
      const phone = body?.phone_info?.purePhoneNumber
      // Mainland numbers only: the item's contact field accepts 11-digit mainland mobiles.
      return phone && /^1[3-9]\d{9}$/.test(phone) ? phone : null
    },
  }
}
