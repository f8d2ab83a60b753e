import type { ReceptionSessionDoc } from '../../model'

/** The fields a new session starts with unless its maker says otherwise. */
type Fresh =
  | 'version'
  | 'invitedOfficials'
  | 'announcement'
  | 'participants'
  | 'topics'
  | 'notes'
  | 'followUpSuggestionIds'
  | 'status'
  | 'cancelReason'
  | 'confirmed'
  | 'unconfirmedReason'
  | 'moved'
  | 'moveReason'
  | 'edited'
  | 'heldAt'

/**
 * A session as it is first written, by the calendar (generate.ts) or by staff (sessions.ts):
 * version 1, planned, on its planned day, nobody invited, nothing recorded yet.
 */
export function newSessionDoc(fields: Omit<ReceptionSessionDoc, Fresh> & Partial<Pick<ReceptionSessionDoc, Fresh>>): ReceptionSessionDoc {
  return {
    version: 1,
    invitedOfficials: [],
    announcement: null,
    participants: [],
    topics: [],
    notes: null,
    followUpSuggestionIds: [],
    status: 'planned',
    cancelReason: null,
    confirmed: true,
    unconfirmedReason: null,
    moved: false,
    moveReason: null,
    edited: false,
    heldAt: null,
    ...fields,
  }
}
