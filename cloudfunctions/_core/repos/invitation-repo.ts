import type { Store } from '../store/port'
import type { InvitationDoc } from '../model'

/** One-time invitation codes (`_id` is the code). */
export function invitationRepo(store: Store) {
  const invitations = store.collection<InvitationDoc>('invitations')
  return {
    get: (code: string) => invitations.get(code),
    /** Returns false when the code exists already (draw another). */
    issue: (doc: InvitationDoc) => invitations.insert(doc),
    /** Spends the code for `openid` only while nobody has redeemed it; false when someone was first. */
    spend: (code: string, openid: string, at: string) => invitations.updateIf(code, { redeemedBy: null }, { redeemedBy: openid, redeemedAt: at }),
  }
}
export type InvitationRepo = ReturnType<typeof invitationRepo>
