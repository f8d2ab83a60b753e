/**
 * The first administrator of a county on a fresh installation: whoever holds the one-time secret
 * configured on the `directory` function (environment variable WDT_BOOTSTRAP_SECRET, docs/deploy.md)
 * becomes the admin of the county they name. The secret works once: the claim, the identity's
 * role, its grant, the county's first record and the history entry commit together, and a second
 * claim misses. Without a configured secret the action answers as a wrong code would.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { ActionOutput, ActionParsed } from '@shared/api'
import type { RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../runtime/define-function'
import type { CountyDoc, UserDoc } from '../../../model'
import type { Write } from '../../../store/port'
import { loadActor } from '../../../runtime/actor'
import { whoami } from '../whoami'
import { assertMayTry, countWrongTry } from './attempts'
import { changeEntry } from './change-log'
import { grantDoc } from './roles'

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
/** Equal secrets, compared in constant time (a secret of at least 16 characters is required). */
const matches = (given: string, configured: string | undefined) => !!configured && configured.length >= 16 && timingSafeEqual(digest(given), digest(configured))

export const BOOTSTRAP_CLAIM = 'bootstrap'

export function bootstrapAdmin(
  secretOf: () => string | undefined,
): UseCase<ActionParsed<'directory', 'bootstrapAdmin'>, ActionOutput<'directory', 'bootstrapAdmin'>> {
  return async (deps, actor, { secret, countyCode }) => {
    await assertMayTry(deps, actor.openid)
    const invalid = async () => {
      await countWrongTry(deps, actor.openid)
      return new AppError('invitation_invalid', '初始化密钥不正确或已使用', 'secret')
    }
    if (!matches(secret, secretOf())) throw await invalid()
    const { users, directory, countyAdmin } = deps.repos
    const at = deps.clock.now().toISOString()
    const binding: RoleBinding & { countyCode: string } = { role: 'admin', countyCode }
    const user: UserDoc = (await users.get(actor.openid)) ?? { _id: actor.openid, displayName: null, bindings: [{ role: 'resident' }], createdAt: at }
    const county: CountyDoc = (await directory.county(countyCode)) ?? { _id: countyCode, code: countyCode, name: '', prefix: countyCode.slice(0, 2).toUpperCase(), holidayRule: 'next_workday', townships: [] }
    const writes: Write[] = [
      // the claim: a second one finds it and undoes the whole commit
      { op: 'insert', collection: 'system_claims', doc: { _id: BOOTSTRAP_CLAIM, countyCode, openid: actor.openid, at }, ifExists: 'abort' },
      countyAdmin.putWrite('users', { ...user, bindings: [...user.bindings.filter((b) => JSON.stringify(b) !== JSON.stringify(binding)), binding] }),
      countyAdmin.grantWrite(grantDoc(actor.openid, binding, '系统管理员（初始化）', user.displayName, at)),
      countyAdmin.putWrite('counties', { ...county, rolesVersion: (county.rolesVersion ?? 0) + 1 }),
      countyAdmin.historyWrite(
        changeEntry(deps, actor, { countyCode, kind: 'role', code: 'admin', name: '系统管理员', action: 'bootstrap', changes: [{ field: 'role', label: '系统管理员', before: null, after: '初始化密钥' }] }),
      ),
    ]
    if (!(await deps.store.commit(writes))) throw await invalid()
    return whoami(deps, await loadActor(deps.store, actor.openid), {})
  }
}
