import type { ItemScope } from '@shared/domain/permissions'
import type { SuggestionDoc } from '../model'

/** The fields of an item that permission rules look at. */
export function itemScope(doc: SuggestionDoc, followerOpenids: string[] = []): ItemScope {
  return {
    countyCode: doc.countyCode,
    township: doc.township,
    stationCode: doc.stationCode,
    focusGroupCode: doc.focusGroupCode,
    submitterOpenid: doc.submitterOpenid,
    followerOpenids,
    ownerDeputyCode: doc.ownerDeputyCode,
    departmentCode: doc.departmentCode,
    coDepartmentCodes: doc.coDepartmentCodes,
    filedOnBehalf: doc.viaAssignmentForm,
  }
}
