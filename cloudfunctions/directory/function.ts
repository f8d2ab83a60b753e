import { defineFunction } from '../_core/runtime/define-function'
import { getStation } from '../_core/usecases/directory/get-station'
import { listStations } from '../_core/usecases/directory/list-stations'
import { listDepartments } from '../_core/usecases/directory/list-departments'
import { countyCategories } from '../_core/usecases/directory/county-categories'
import { whoami } from '../_core/usecases/directory/whoami'
import { myMessages } from '../_core/usecases/directory/my-messages'
import { issueInvitation, redeemInvitation } from '../_core/usecases/directory/invitations'
import { noWechatPhoneNumbers, phoneFromCode, type PhoneNumberPort } from '../_core/usecases/directory/phone-number'
import type { Deps } from '../_core/ports'
import { adminDirectory, directoryHistory, saveCounty, saveDepartment, saveDeputy, saveFocusGroup, saveStation } from '../_core/usecases/directory/admin/records'
import { savePerson } from '../_core/usecases/directory/admin/people'
import { cancelInvitation, listInvitations, listRoles, revokeRole } from '../_core/usecases/directory/admin/roles'
import { bootstrapAdmin } from '../_core/usecases/directory/admin/bootstrap'
import { deputyLeave, deputyLeavePlan } from '../_core/usecases/directory/admin/deputy-leave'
import { importApply, importPreview, importTemplate } from '../_core/usecases/directory/admin/import/import'
import { stationCodes } from '../_core/usecases/directory/admin/station-codes'
import { createH5LinkCode, localH5Base } from '../_core/adapters/h5-link-code'
import type { MiniCodePort } from '../_core/usecases/reception/ports'

/**
 * 站点与代表: public station pages, station lists, who the caller is and their own phone number.
 * `phoneNumbers` is WeChat's phone-number check in CloudBase; the local server has none.
 * 县级设置 (管理员工作台): usecases/directory/admin/. `bootstrapSecret` is the one-time secret of
 * the first admin, from the function's environment (WDT_BOOTSTRAP_SECRET) unless a test names one.
 * `miniCode` makes the 站点二维码 (stationCodes), as for the reception function's posters: WeChat's
 * mini-program code in CloudBase (./index.ts), a QR code of the H5 link locally.
 */
export function createDirectoryFunction(
  phoneNumbers: (deps: Deps) => PhoneNumberPort,
  bootstrapSecret: () => string | undefined = () => process.env.WDT_BOOTSTRAP_SECRET,
  miniCode: (deps: Deps) => MiniCodePort = () => createH5LinkCode(localH5Base()),
) {
  return defineFunction('directory', {
    getStation,
    listStations,
    listDepartments,
    countyCategories,
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
    savePerson,
    directoryHistory,
    listRoles,
    revokeRole,
    listInvitations,
    cancelInvitation,
    deputyLeavePlan,
    deputyLeave,
    importTemplate,
    importPreview,
    importApply,
    stationCodes: stationCodes(miniCode),
    bootstrapAdmin: bootstrapAdmin(bootstrapSecret),
  })
}

export const directoryFunction = createDirectoryFunction(() => noWechatPhoneNumbers)
