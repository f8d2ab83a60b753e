import { defineFunction } from '../_core/runtime/define-function'
import { getStation } from '../_core/usecases/directory/get-station'
import { listStations } from '../_core/usecases/directory/list-stations'
import { listDepartments } from '../_core/usecases/directory/list-departments'
import { whoami } from '../_core/usecases/directory/whoami'
import { myMessages } from '../_core/usecases/directory/my-messages'
import { issueInvitation, redeemInvitation } from '../_core/usecases/directory/invitations'
import { noWechatPhoneNumbers, phoneFromCode, type PhoneNumberPort } from '../_core/usecases/directory/phone-number'
import type { Deps } from '../_core/ports'

/**
 * 站点与代表: public station pages, station lists, who the caller is and their own phone number.
 * `phoneNumbers` is WeChat's phone-number check in CloudBase; the local server has none.
 */
export function createDirectoryFunction(phoneNumbers: (deps: Deps) => PhoneNumberPort) {
  return defineFunction('directory', {
    getStation,
    listStations,
    listDepartments,
    whoami,
    phoneFromCode: phoneFromCode(phoneNumbers),
    myMessages,
    issueInvitation,
    redeemInvitation,
  })
}

export const directoryFunction = createDirectoryFunction(() => noWechatPhoneNumbers)
