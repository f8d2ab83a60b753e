import { randomInt } from 'node:crypto'
import type { z } from 'zod'
import type { invitationTarget, Whoami } from '@shared/api/directory'
import { bindingFor } from '@shared/domain/permissions'
import { bindingEntry } from '@shared/domain/binding-entry'
import { ROLE_LABELS, type Role, type RoleBinding } from '@shared/domain/roles'
import { personBinding, personLabel } from './admin/people'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { InvitationDoc } from '../../model'
import { whoami } from './whoami'
import { loadActor } from '../../runtime/actor'
import { INVITATION_PERMISSIONS } from '@shared/domain/lifecycles/invitation'
import { deputyBindWrite, departmentOpenidWrite, userPutWrite } from '../../repos/binding-writes'
import { INVITATION_RECORD } from '../../repos/lifecycle-records'
import { runLifecycle } from '../../runtime/run-lifecycle'
import type { Write } from '../../store/port'
import { adminInvitationIssued, messageWrites } from '../../messages'
import { assertMayTry, countWrongTry } from './admin/attempts'
import { changeEntry } from './admin/change-log'
import { adminRolesWrite, grantDoc } from './admin/roles'

/** No 0/O or 1/I: codes are read aloud and typed on phones. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

type Target = z.output<typeof invitationTarget>

async function bindingForTarget(deps: Parameters<UseCase<unknown, unknown>>[0], countyCode: string, target: Target): Promise<{ binding: RoleBinding; label: string }> {
  const { directory } = deps.repos
  switch (target.role) {
    case 'deputy': {
      const d = await directory.deputy(target.deputyCode)
      if (!d || d.countyCode !== countyCode) throw new AppError('validation_failed', '代表不存在', 'target.deputyCode')
      return {
        binding: { role: 'deputy', deputyCode: d.code, stationCodes: d.stationCodes, focusGroupCodes: d.focusGroupCodes, countyCode },
        label: `人大代表 ${d.name}`,
      }
    }
    case 'department': {
      const d = await directory.department(target.departmentCode)
      if (!d || d.countyCode !== countyCode) throw new AppError('validation_failed', '承办单位不存在', 'target.departmentCode')
      return { binding: { role: 'department', departmentCode: d.code, countyCode }, label: `承办单位 ${d.name}` }
    }
    // supervisors and staff: an active entry of 县级设置 → 工作人员, whose stations or scope the role takes
    case 'supervisor':
    case 'staff': {
      const code = target.role === 'supervisor' ? target.supervisorCode : target.staffCode
      const p = await deps.repos.countyAdmin.person(code.trim().toUpperCase())
      const field = target.role === 'supervisor' ? 'target.supervisorCode' : 'target.staffCode'
      if (!p || p.countyCode !== countyCode || p.role !== target.role) throw new AppError('validation_failed', target.role === 'supervisor' ? '联络站管理员不存在' : '工作人员不存在', field)
      if (!p.active) throw new AppError('validation_failed', `${p.name}已停用，请先在县级设置中启用`, field)
      return { binding: personBinding(p), label: personLabel(p) }
    }
    case 'admin':
      return { binding: { role: 'admin', countyCode }, label: '系统管理员' }
  }
}

/** “承办单位 修武县交通运输局”, “系统管理员”: the role's name is said once, first. */
const targetLabel = (label: string, role: Role) => (label.startsWith(ROLE_LABELS[role]) ? label : `${ROLE_LABELS[role]} ${label}`)

/** An admin issues a one-time code that binds a role in the admin's own county. */
export const issueInvitation: UseCase<{ target: Target; validDays: number }, { code: string; role: Role; label: string; expiresAt: string }> = async (
  deps,
  actor,
  input,
) => {
  const admin = bindingFor(actor, 'admin')
  if (!admin) throw new AppError('forbidden')
  const { binding, label } = await bindingForTarget(deps, admin.countyCode, input.target)
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + input.validDays * 86_400_000).toISOString()
  const { countyAdmin, directory } = deps.repos
  // a new admin is told to the county's other admins (read before the commit)
  const admins = binding.role === 'admin' ? (await countyAdmin.heldGrants(admin.countyCode, 'admin')).map((g) => g.openid) : []
  const countyName = (await directory.county(admin.countyCode))?.name ?? ''
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCode()
    const doc: InvitationDoc = {
      _id: code, countyCode: admin.countyCode, binding, label, issuedBy: actor.openid, expiresAt,
      redeemedBy: null, redeemedAt: null, cancelledAt: null, createdAt: now.toISOString(),
    }
    // every issuance is in the county's history (the code itself is not: it is the secret)
    const entry = changeEntry(deps, actor, {
      countyCode: admin.countyCode, kind: 'invitation', code: code.slice(0, 2) + '••••••', name: label, action: 'issue',
      changes: [{ field: 'target', label: '邀请对象', before: null, after: targetLabel(label, binding.role) }],
    })
    const notices = messageWrites(deps, adminInvitationIssued, { invitationKey: entry._id, issuedByName: actor.displayName ?? '管理员', countyName }, { admins, actor: actor.openid })
    const issued = await deps.store.commit([
      deps.repos.invitations.issueWrite(doc),
      countyAdmin.historyWrite(entry),
      ...notices,
    ])
    if (issued) return { code, role: binding.role, label: targetLabel(label, binding.role), expiresAt }
  }
  throw new AppError('conflict')
}

/**
 * The first identity to redeem a valid code gets its role; the code is then spent. The lifecycle
 * runner commits the spent code (its history entry inside), the identity's bindings and the
 * directory entry that now answers to it together: a code is never spent without its role.
 */
export const redeemInvitation: UseCase<{ code: string }, Whoami> = async (deps, actor, { code }) => {
  await assertMayTry(deps, actor.openid)
  const { invitations } = deps.repos
  const invitation = await invitations.get(code)
  const now = deps.clock.now()
  const invalid = () => new AppError('invitation_invalid', undefined, 'code')
  if (!invitation || invitation.redeemedBy || invitation.cancelledAt || invitation.expiresAt <= now.toISOString()) {
    await countWrongTry(deps, actor.openid)
    throw invalid()
  }

  const { users } = deps.repos
  const user = (await users.get(actor.openid)) ?? { _id: actor.openid, displayName: null, bindings: [{ role: 'resident' }], createdAt: now.toISOString() }
  const { directory, countyAdmin } = deps.repos
  // the role as its entry is now (a supervisor's stations may have changed since the code was
  // issued); an entry that left or was deactivated meanwhile makes the code void
  let b = invitation.binding
  if (b.role === 'supervisor' || b.role === 'staff') {
    const person = await countyAdmin.person(b.role === 'supervisor' ? b.supervisorCode : b.staffCode)
    if (!person?.active) throw invalid()
    b = personBinding(person)
  }
  const bindings = [...user.bindings.filter((x) => bindingEntry(x) !== bindingEntry(b)), b]
  let displayName = user.displayName
  const directoryWrites: Write[] = []
  if (b.role === 'deputy') {
    const deputy = await directory.deputy(b.deputyCode)
    if (deputy?.active === false) throw invalid()
    if (deputy) {
      displayName = displayName ?? deputy.name
      directoryWrites.push(deputyBindWrite(deputy, actor.openid))
    }
  }
  if (b.role === 'department') {
    const department = await directory.department(b.departmentCode)
    if (department?.active === false) throw invalid()
    if (department) {
      displayName = displayName ?? department.name
      directoryWrites.push(departmentOpenidWrite(department, actor.openid))
    }
  }
  // the role over time: a grant the admins can list and revoke; an admin grant moves the county's roles guard
  const grant = grantDoc(actor.openid, { ...b, countyCode: invitation.countyCode } as RoleBinding & { countyCode: string }, invitation.label, displayName, now.toISOString())
  const county = b.role === 'admin' ? await directory.county(invitation.countyCode) : null
  const roleWrites = [deps.repos.countyAdmin.grantWrite(grant), ...(county ? [adminRolesWrite(county)] : [])]
  await runLifecycle(
    deps,
    actor,
    INVITATION_RECORD,
    invitation,
    { permissions: INVITATION_PERMISSIONS, scopeOf: (i) => ({ countyCode: i.countyCode }) },
    {
      event: 'redeem',
      note: `获得${ROLE_LABELS[b.role]}身份`,
      change: (_i, ctx) => ({ redeemedBy: actor.openid, redeemedAt: ctx.at }),
      writes: () => [...directoryWrites, ...roleWrites, userPutWrite({ ...user, displayName, bindings })],
      onConflict: invalid,
    },
    // whoever redeems is not named in the code's history
    () => '邀请码持有人',
  )
  return whoami(deps, await loadActor(deps.store, actor.openid), {})
}
