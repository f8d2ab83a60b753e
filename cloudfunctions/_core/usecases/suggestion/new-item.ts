import type { HistoryEvent, SuggestionDoc } from '../../model'

/** What the filing says about an item; everything else starts empty. */
export type Filing = Pick<
  SuggestionDoc,
  | '_id'
  | 'number'
  | 'countyCode'
  | 'township'
  | 'stationCode'
  | 'stationName'
  | 'channel'
  | 'content'
  | 'categoryCode'
  | 'photos'
  | 'location'
  | 'anonymous'
  | 'submitterOpenid'
  | 'contactName'
  | 'contactPhone'
  | 'contactConsent'
  | 'clientRequestId'
  | 'moderation'
  | 'escalationTarget'
  | 'viaAssignmentForm'
>

/**
 * A new item in 已点单, as every way of filing one (the resident's form, a supervisor's 交办单)
 * creates it: nobody has handled it yet, the filer follows it, and its history starts with the
 * submit event.
 */
export function newSuggestionDoc(filing: Filing, at: string, submittedBy: Pick<HistoryEvent, 'actorOpenid' | 'actorName' | 'role' | 'note'>): SuggestionDoc {
  return {
    ...filing,
    version: 1,
    focusGroupCode: null,
    grade: null,
    state: 'submitted',
    ownerDeputyCode: null,
    departmentCode: null,
    coDepartmentCodes: [],
    reopenCount: 0,
    followerCount: 1,
    ownerDeputyName: null,
    answer: null,
    departmentName: null,
    coDepartmentNames: [],
    requirements: null,
    deadline: null,
    dispatchWorkdays: null,
    overdue: false,
    extension: null,
    resolution: null,
    residentRating: null,
    deputyRating: null,
    verifiedWithoutRating: false,
    mergedIntoId: null,
    referralReason: null,
    ratingDueDate: null,
    followUpDate: null,
    milestones: { submittedAt: at },
    history: [{ at, event: 'submit', from: null, to: 'submitted', ...submittedBy }],
    createdAt: at,
    updatedAt: at,
  }
}
