/**
 * Roles over time: who holds which role in the county (role_grants), revoking one, and the
 * county's unredeemed invitations. A revocation takes the binding off the identity (effective on
 * its next request: runtime/actor.ts reads bindings per request), marks the grant revoked and
 * unhooks the directory entry that answered to it, all in one commit with its history entry.
 * The county's last admin cannot be removed; two admins revoking each other at once cannot
 * both win (every admin grant or revocation moves the county's `rolesVersion`).
 */
import { createHash } from 'node:crypto'
import type { ActionName, ActionOutput, ActionParsed } from '@shared/api'
import { INVITATION_PERMISSIONS } from '@shared/domain/lifecycles/invitation'
import { bindingEntry } from '@shared/domain/binding-entry'
import { ROLE_LABELS, type Actor, type RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../runtime/define-function'
import type { Deps } from '../../../ports'
import type { CountyDoc, RoleGrantDoc } from '../../../model'
import type { Write } from '../../../store/port'
import { INVITATION_RECORD } from '../../../repos/lifecycle-records'
import { runLifecycle } from '../../../runtime/run-lifecycle'
import { adminCounty, changeEntry } from './change-log'

type In<A extends ActionName<'directory'>> = ActionParsed<'directory', A>
type Out<A extends ActionName<'directory'>> = ActionOutput<'directory', A>

/** A grant's id: derived from identity and binding (the same role granted twice is one grant), revealing neither. */
export const grantIdOf = (openid: string, binding: RoleBinding) =>
  `g${createHash('sha256').update(JSON.stringify([openid, binding])).digest('hex').slice(0, 31)}`

/** The grant document for an identity that now holds `binding` in its county. */
export function grantDoc(openid: string, binding: RoleBinding & { countyCode: string }, label: string, displayName: string | null, at: string): RoleGrantDoc {
  return { _id: grantIdOf(openid, binding), countyCode: binding.countyCode, openid, role: binding.role, binding, label, displayName, grantedAt: at, revokedAt: null, revokedBy: null }
}

/** o6_x…Ab3F: enough to tell two identities apart, not enough to be one. */
export const maskIdentity = (openid: string) => (openid.length <= 8 ? `${openid.slice(0, 2)}…` : `${openid.slice(0, 4)}…${openid.slice(-4)}`)

/**
 * The county's admin-role guard: a write that moves `rolesVersion` (and misses when another admin
 * change came first), so "never the last admin" holds under concurrency.
 */
export function adminRolesWrite(county: CountyDoc): Write {
  const version = county.rolesVersion ?? 0
  return { op: 'updateIf', collection: 'counties', id: county._id, expect: { rolesVersion: county.rolesVersion ?? null }, set: { rolesVersion: version + 1 } }
}

/** Everything a revocation writes besides its history entry. */
async function revocationWrites(deps: Deps, actor: Actor, grant: RoleGrantDoc, at: string): Promise<Write[]> {
  const { users, directory, countyAdmin } = deps.repos
  const writes: Write[] = [countyAdmin.revokeWrite(grant._id, at, actor.openid)]
  const user = await users.get(grant.openid)
  // by entry: the binding may have followed its entry (new stations) since it was granted
  if (user) writes.push(countyAdmin.putWrite('users', { ...user, bindings: user.bindings.filter((b) => bindingEntry(b) !== bindingEntry(grant.binding)) }))
  const b = grant.binding
  if (b.role === 'deputy') {
    const deputy = await directory.deputy(b.deputyCode)
    if (deputy && deputy.openid === grant.openid) writes.push(countyAdmin.putWrite('deputies', { ...deputy, openid: null }))
  }
  if (b.role === 'department') {
    const department = await directory.department(b.departmentCode)
    if (department) writes.push(countyAdmin.putWrite('departments', { ...department, openids: department.openids.filter((o) => o !== grant.openid) }))
  }
  return writes
}

/**
 * A directory entry's holders lose its role — a department deactivated, a deputy leaving office, a
 * 工作人员 entry stopped: each identity's binding to the entry removed and its open grants for it
 * revoked, matched by entry (binding-entry.ts). No directory write: the caller saves the entry.
 */
export async function entryRevocations(deps: Deps, actor: Actor, entry: string, openids: readonly string[]): Promise<Write[]> {
  const { users, countyAdmin } = deps.repos
  const at = deps.clock.now().toISOString()
  const writes: Write[] = []
  for (const openid of new Set(openids)) {
    const user = await users.get(openid)
    if (user) writes.push(countyAdmin.putWrite('users', { ...user, bindings: user.bindings.filter((b) => bindingEntry(b) !== entry) }))
    for (const g of await countyAdmin.grantsOf(openid)) {
      if (!g.revokedAt && bindingEntry(g.binding) === entry) writes.push(countyAdmin.revokeWrite(g._id, at, actor.openid))
    }
  }
  return writes
}

export const listRoles: UseCase<In<'listRoles'>, Out<'listRoles'>> = async (deps, actor, input) => {
  const countyCode = adminCounty(actor, 'manage_roles')
  const grants = await deps.repos.countyAdmin.heldGrants(countyCode, input.role)
  return {
    items: grants.map((g) => ({
      grantId: g._id,
      identity: maskIdentity(g.openid),
      displayName: g.displayName,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role],
      label: g.label,
      grantedAt: g.grantedAt,
      self: g.openid === actor.openid,
    })),
  }
}

export const revokeRole: UseCase<In<'revokeRole'>, Out<'revokeRole'>> = async (deps, actor, { grantId }) => {
  const countyCode = adminCounty(actor, 'manage_roles')
  const { countyAdmin, directory } = deps.repos
  const grant = await countyAdmin.grant(grantId)
  if (!grant || grant.countyCode !== countyCode || grant.revokedAt) throw new AppError('not_found', '没有找到该角色，可能已被解除')
  const at = deps.clock.now().toISOString()
  const writes = await revocationWrites(deps, actor, grant, at)
  if (grant.role === 'admin') {
    const admins = await countyAdmin.heldGrants(countyCode, 'admin')
    if (admins.length <= 1) throw new AppError('last_admin')
    const county = await directory.county(countyCode)
    if (county) writes.push(adminRolesWrite(county))
  }
  const entry = changeEntry(deps, actor, {
    countyCode,
    kind: 'role',
    code: grant._id,
    name: grant.label,
    action: 'revoke',
    changes: [{ field: 'role', label: ROLE_LABELS[grant.role], before: `${grant.label}（${maskIdentity(grant.openid)}）`, after: null }],
  })
  if (!(await deps.store.commit([...writes, countyAdmin.historyWrite(entry)]))) throw new AppError('conflict', '角色刚刚已被他人修改，请刷新后再试')
  return { grantId, revokedAt: at }
}

export const listInvitations: UseCase<In<'listInvitations'>, Out<'listInvitations'>> = async (deps, actor) => {
  const countyCode = adminCounty(actor, 'manage_roles')
  const { countyAdmin, users } = deps.repos
  const now = deps.clock.now().toISOString()
  const open = await countyAdmin.openInvitations(countyCode)
  const names = new Map<string, string>()
  for (const issuer of new Set(open.map((i) => i.issuedBy))) names.set(issuer, (await users.get(issuer))?.displayName ?? '管理员')
  return {
    items: open.map((i) => ({
      code: i._id,
      role: i.binding.role,
      roleLabel: ROLE_LABELS[i.binding.role],
      label: i.label,
      issuedByName: names.get(i.issuedBy) ?? '管理员',
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      expired: i.expiresAt <= now,
    })),
  }
}

export const cancelInvitation: UseCase<In<'cancelInvitation'>, Out<'cancelInvitation'>> = async (deps, actor, { code }) => {
  const countyCode = adminCounty(actor, 'manage_roles')
  const invitation = await deps.repos.invitations.get(code)
  // another county's code is not revealed
  const mine = invitation && invitation.countyCode === countyCode ? invitation : null
  const entry = changeEntry(deps, actor, {
    countyCode,
    kind: 'invitation',
    code,
    name: mine?.label ?? code,
    action: 'cancel',
    changes: [{ field: 'state', label: '状态', before: '未使用', after: '已作废' }],
  })
  const saved = await runLifecycle(
    deps,
    actor,
    INVITATION_RECORD,
    mine,
    { permissions: INVITATION_PERMISSIONS, scopeOf: (i) => ({ countyCode: i.countyCode }) },
    {
      event: 'cancel',
      change: (_i, ctx) => ({ cancelledAt: ctx.at }),
      writes: () => [deps.repos.countyAdmin.historyWrite(entry)],
      onConflict: () => new AppError('invalid_transition', '该邀请码已使用或已作废'),
    },
  )
  return { code, cancelledAt: saved.cancelledAt as string }
}
