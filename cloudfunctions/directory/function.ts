import { defineFunction } from '../_core/runtime/define-function'
import { getStation } from '../_core/usecases/directory/get-station'
import { listStations } from '../_core/usecases/directory/list-stations'
import { whoami } from '../_core/usecases/directory/whoami'
import { myMessages } from '../_core/usecases/directory/my-messages'
import { issueInvitation, redeemInvitation } from '../_core/usecases/directory/invitations'

/** 站点与代表: public station pages, station lists, and who the caller is. */
export const directoryFunction = defineFunction('directory', {
  getStation,
  listStations,
  whoami,
  myMessages,
  issueInvitation,
  redeemInvitation,
})
