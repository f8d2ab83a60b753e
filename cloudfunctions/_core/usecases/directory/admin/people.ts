/**
 * 县级设置 → 工作人员: the county's 联络站管理员 (supervisors of stations) and 人大工作人员 (staff of
 * the county 代工委 or a township 人大主席团). Invitations for these roles name an entry here, so a
 * role always answers to a real person; the role follows its entry — the stations a supervisor
 * looks after, the township a staff member works for — from the holder's next request, and ends
 * when the entry is deactivated. Each change commits with its history entry and the holders'
 * bindings.
 */
import type { ActionName, ActionOutput, ActionParsed } from '@shared/api'
import { PERSON_ROLE_LABELS, STAFF_SCOPE_LABELS, type PersonRole } from '@shared/api/directory-admin'
import { bindingEntry, entryKey } from '@shared/domain/binding-entry'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../runtime/define-function'
import type { Deps } from '../../../ports'
import type { CountyDoc, PersonDoc, RoleGrantDoc, UserDoc } from '../../../model'
import type { Write } from '../../../store/port'
import { adminCounty, changeEntry, diff } from './change-log'
import { actionOf, ownCounty, stationListWrites } from './records'
import { entryRevocations } from './roles'

type In<A extends ActionName<'directory'>> = ActionParsed<'directory', A>
type Out<A extends ActionName<'directory'>> = ActionOutput<'directory', A>

/** The binding an entry gives its holder (what an invitation naming it binds). */
export function personBinding(p: PersonDoc): RoleBinding & { countyCode: string } {
  if (p.role === 'supervisor') return { role: 'supervisor', supervisorCode: p.code, stationCodes: p.stationCodes, countyCode: p.countyCode }
  return p.scope === 'township' && p.township
    ? { role: 'staff', staffCode: p.code, countyCode: p.countyCode, scope: 'township', township: p.township }
    : { role: 'staff', staffCode: p.code, countyCode: p.countyCode, scope: 'county' }
}

/** “联络站管理员 宋桂英” / “人大工作人员 魏凤英（城关镇）”: how the entry reads on an invitation and in 角色. */
export function personLabel(p: PersonDoc): string {
  return p.role === 'staff' && p.scope === 'township' && p.township ? `${PERSON_ROLE_LABELS.staff} ${p.name}（${p.township}）` : `${PERSON_ROLE_LABELS[p.role]} ${p.name}`
}

const entryOf = (p: Pick<PersonDoc, 'role' | 'code'>) => entryKey(p.role, p.code)

/** The grants held now that answer to this entry. */
const holdersOf = (p: Pick<PersonDoc, 'role' | 'code'>, held: RoleGrantDoc[]) => held.filter((g) => bindingEntry(g.binding) === entryOf(p))

export const personAdminView = (p: PersonDoc, held: RoleGrantDoc[]): Out<'savePerson'> => ({
  code: p.code,
  name: p.name,
  role: p.role,
  roleLabel: PERSON_ROLE_LABELS[p.role],
  title: p.title,
  phone: p.phone,
  stationCodes: p.stationCodes,
  scope: p.scope,
  township: p.township,
  active: p.active,
  holders: holdersOf(p, held).length,
})

const PERSON_LABELS = { name: '姓名', role: '类别', title: '职务', phone: '手机号', stationCodes: '管理的站点', scope: '工作范围', township: '乡镇（街道）', active: '在职' }

/** The holders' bindings follow the entry; a deactivated entry's holders lose the role and their grants end. */
async function holderWrites(deps: Deps, actor: Actor, after: PersonDoc, held: RoleGrantDoc[]): Promise<Write[]> {
  const holders = holdersOf(after, held).map((g) => g.openid)
  if (!after.active) return entryRevocations(deps, actor, entryOf(after), holders)
  const binding = personBinding(after)
  const writes: Write[] = []
  for (const openid of new Set(holders)) {
    const user = await deps.repos.users.get(openid)
    if (user) writes.push(deps.repos.countyAdmin.putWrite('users', { ...user, bindings: [...user.bindings.filter((b) => bindingEntry(b) !== entryOf(after)), binding] } satisfies UserDoc))
  }
  return writes
}

/** The next free code: a supervisor's from their first station (XWT01-M2), staff from the county (XW-STAFF3). */
async function nextPersonCode(deps: Deps, county: CountyDoc, role: PersonRole, stationCodes: string[]): Promise<string> {
  const base = role === 'supervisor' ? `${stationCodes[0]}-M` : `${county.prefix}-STAFF`
  for (let n = 1; ; n++) {
    const code = `${base}${n}`
    if (!(await deps.repos.countyAdmin.person(code))) return code
  }
}

export const savePerson: UseCase<In<'savePerson'>, Out<'savePerson'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const { countyAdmin, directory } = deps.repos
  const before = input.code ? await countyAdmin.person(input.code) : null
  if (before && before.countyCode !== county.code) throw new AppError('not_found', '没有找到该工作人员')
  if (before && before.role !== input.role) throw new AppError('validation_failed', '不能更改人员类别，请新增一位', 'role')
  const stationCodes = input.role === 'supervisor' ? [...new Set(input.stationCodes)] : []
  for (const s of stationCodes) {
    const station = await directory.station(s)
    if (!station || station.countyCode !== county.code) throw new AppError('validation_failed', `站点不存在：${s}`, 'stationCodes')
  }
  const scope = input.role === 'staff' ? input.scope : null
  const township = scope === 'township' ? input.township : null
  if (township && !county.townships.includes(township)) throw new AppError('validation_failed', `${township}不是本县的乡镇（街道）`, 'township')
  const code = input.code ?? (await nextPersonCode(deps, county, input.role, stationCodes))
  const after: PersonDoc = {
    _id: code,
    code,
    countyCode: county.code,
    name: input.name,
    role: input.role,
    title: input.title,
    phone: input.phone,
    stationCodes,
    scope,
    township,
    active: input.active,
  }
  const held = await countyAdmin.heldGrants(county.code, input.role)
  const changes = diff(before, after, PERSON_LABELS, {
    role: (r) => PERSON_ROLE_LABELS[r as PersonRole],
    scope: (s) => (s ? STAFF_SCOPE_LABELS[s as 'county' | 'township'] : null),
  })
  if (before && !changes.length) return personAdminView(before, held)
  const action = actionOf(before, after)
  const writes = [
    countyAdmin.putWrite('people', after),
    ...(await stationListWrites(deps, code, before?.active === false ? [] : (before?.stationCodes ?? []), after.active ? stationCodes : [], 'supervisorCodes')),
    ...(before ? await holderWrites(deps, actor, after, held) : []),
    countyAdmin.historyWrite(changeEntry(deps, actor, { countyCode: county.code, kind: 'person', code, name: after.name, action, changes })),
  ]
  if (!(await deps.store.commit(writes))) throw new AppError('conflict')
  return personAdminView(after, after.active ? held : held.filter((g) => bindingEntry(g.binding) !== entryOf(after)))
}
