import { defineFunction } from '../_core/runtime/define-function'
import { getStation } from '../_core/usecases/directory/get-station'
import { listStations } from '../_core/usecases/directory/list-stations'
import { listDepartments } from '../_core/usecases/directory/list-departments'
import { whoami } from '../_core/usecases/directory/whoami'
import { myMessages } from '../_core/usecases/directory/my-messages'
import { issueInvitation, redeemInvitation } from '../_core/usecases/directory/invitations'
import { noWechatPhoneNumbers, phoneFromCode, type PhoneNumberPort } from '../_core/usecases/directory/phone-number'
import type { Deps } from '../_core/ports'
import { adminDirectory, directoryHistory, saveCounty, saveDepartment, saveDeputy, saveFocusGroup, saveStation } from '../_core/usecases/directory/admin/records'
import { cancelInvitation, listInvitations, listRoles, revokeRole } from '../_core/usecases/directory/admin/roles'
import { bootstrapAdmin } from '../_core/usecases/directory/admin/bootstrap'

/**
 * 站点与代表: public station pages, station lists, who the caller is and their own phone number.
 * `phoneNumbers` is WeChat's phone-number check in CloudBase; the local server has none.
 * 县级设置 (管理员工作台): usecases/directory/admin/. `bootstrapSecret` is the one-time secret of
 * the first admin, from the function's environment (WDT_BOOTSTRAP_SECRET) unless a test names one.
 */
export function createDirectoryFunction(
  phoneNumbers: (deps: Deps) => PhoneNumberPort,
  bootstrapSecret: () => string | undefined = () => process.env.WDT_BOOTSTRAP_SECRET,
) {
  return defineFunction('directory', {
    getStation,
    listStations,
    listDepartments,
    whoami,
    phoneFromCode: phoneFromCode(phoneNumbers),
    myMessages,
    issueInvitation,
    redeemInvitation,
    adminDirectory,
    saveCounty,
    saveStation,
    saveDeputy,
    saveDepartment,
    saveFocusGroup,
    directoryHistory,
    listRoles,
    revokeRole,
    listInvitations,
    cancelInvitation,
    bootstrapAdmin: bootstrapAdmin(bootstrapSecret),
  })
}

export const directoryFunction = createDirectoryFunction(() => noWechatPhoneNumbers)
