/**
 * 县级设置's records: the whole directory of a county as its admin keeps it (inactive entries
 * too), focus groups, the change history, role grants over time, open invitations and wrong-code
 * attempts. Reads are named queries; changes are `Write`s for the commit that also writes their
 * history entry (usecases/directory/admin/commit-change.ts).
 */
import type { Role } from '@shared/domain/roles'
import type { Page, Store, Where, Write, WriteDoc } from '../store/port'
import { allDocs as everything } from './paging'
import type { AttemptDoc, DeputyDoc, DepartmentDoc, DirectoryChangeDoc, FocusGroupDoc, InvitationDoc, PersonDoc, RoleGrantDoc, StationDoc } from '../model'

const byCode = { field: 'code', direction: 'asc' } as const

export function countyAdminRepo(store: Store) {
  const stations = store.collection<StationDoc>('stations')
  const deputies = store.collection<DeputyDoc>('deputies')
  const departments = store.collection<DepartmentDoc>('departments')
  const focusGroups = store.collection<FocusGroupDoc>('focus_groups')
  const people = store.collection<PersonDoc>('people')
  const history = store.collection<DirectoryChangeDoc>('directory_history')
  const grants = store.collection<RoleGrantDoc>('role_grants')
  const invitations = store.collection<InvitationDoc>('invitations')
  const attempts = store.collection<AttemptDoc>('redeem_attempts')
  return {
    stationsOf: (countyCode: string) => everything(stations, { where: { countyCode }, orderBy: byCode }),
    deputiesOf: (countyCode: string) => everything(deputies, { where: { countyCode }, orderBy: byCode }),
    departmentsOf: (countyCode: string) => everything(departments, { where: { countyCode }, orderBy: byCode }),
    focusGroupsOf: (countyCode: string) => everything(focusGroups, { where: { countyCode }, orderBy: byCode }),
    focusGroup: (code: string) => focusGroups.get(code),
    peopleOf: (countyCode: string) => everything(people, { where: { countyCode }, orderBy: byCode }),
    person: (code: string) => people.get(code),
    /** The county's change history (or one record's), newest first. */
    history(countyCode: string, record: { kind?: string; code?: string }, limit: number, cursor?: string | null): Promise<Page<DirectoryChangeDoc>> {
      const where: Where = record.kind && record.code ? { countyCode, kind: record.kind, code: record.code } : { countyCode }
      return history.find({ where, orderBy: { field: 'at', direction: 'desc' }, limit, cursor })
    },
    historyWrite: (entry: DirectoryChangeDoc): Write => ({ op: 'insert', collection: 'directory_history', doc: entry, ifExists: 'skip' }),
    /** Roles held in the county now (optionally one role), newest first. */
    heldGrants: (countyCode: string, role?: Role) =>
      everything(grants, { where: role ? { countyCode, role, revokedAt: null } : { countyCode, revokedAt: null }, orderBy: { field: 'grantedAt', direction: 'desc' } }),
    grant: (grantId: string) => grants.get(grantId),
    /** Every grant an identity ever had (held and revoked). */
    grantsOf: (openid: string) => everything(grants, { where: { openid }, orderBy: { field: 'grantedAt', direction: 'desc' } }),
    grantWrite: (grant: RoleGrantDoc): Write => ({ op: 'put', collection: 'role_grants', doc: grant }),
    /** A revocation that misses (and undoes the commit) when someone revoked it meanwhile. */
    revokeWrite: (grantId: string, at: string, by: string): Write => ({
      op: 'updateIf',
      collection: 'role_grants',
      id: grantId,
      expect: { revokedAt: null },
      set: { revokedAt: at, revokedBy: by },
    }),
    /** Codes nobody redeemed and no admin voided (expired ones too), newest first. */
    openInvitations: (countyCode: string) =>
      everything(invitations, { where: { countyCode, redeemedBy: null, cancelledAt: null }, orderBy: { field: 'createdAt', direction: 'desc' } }),
    attempts: (id: string) => attempts.get(id),
    countAttempt: (id: string, openid: string, windowStart: string) => attempts.increment(id, { count: 1 }, { openid, count: 0, windowStart }),
    putWrite: (collection: 'stations' | 'deputies' | 'departments' | 'focus_groups' | 'people' | 'counties' | 'users', doc: WriteDoc): Write => ({ op: 'put', collection, doc }),
  }
}
export type CountyAdminRepo = ReturnType<typeof countyAdminRepo>
