import type { Store, Write } from '../store/port'
import type { InvitationDoc } from '../model'

/** One-time invitation codes (`_id` is the code). */
export function invitationRepo(store: Store) {
  const invitations = store.collection<InvitationDoc>('invitations')
  return {
    get: (code: string) => invitations.get(code),
    /** Issues a new code in a commit; a code that exists already undoes the commit (draw another). */
    issueWrite: (doc: InvitationDoc): Write => ({ op: 'insert', collection: 'invitations', doc, ifExists: 'abort' }),
  }
}
export type InvitationRepo = ReturnType<typeof invitationRepo>
