/**
 * 县级设置: the county, its stations, deputies, departments and focus groups, as the county's admin
 * creates, edits and deactivates them. Nothing is ever hard-deleted (items and sessions refer to
 * these codes); every change commits together with its history entry (./change-log.ts).
 */
import type { ActionName, ActionOutput, ActionParsed } from '@shared/api'
import { ADMIN_DEPUTY_LEVEL_LABELS, DIRECTORY_RECORD_KIND_LABELS, type AdminDeputyLevel } from '@shared/api/directory-admin'
import { DEPARTMENT_KIND_LABELS } from '@shared/domain/departments'
import { STATION_KIND_LABELS, type StationKind } from '@shared/domain/stations'
import { categoryLabel } from '@shared/domain/categories'
import { entryKey } from '@shared/domain/binding-entry'
import { countyCategories } from '@shared/domain/county-categories'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../runtime/define-function'
import type { Deps } from '../../../ports'
import type { CountyDoc, DeputyDoc, DepartmentDoc, DirectoryChangeDoc, FocusGroupDoc, StationDoc, UserDoc } from '../../../model'
import type { Write } from '../../../store/port'
import { DEPUTY_LEVEL_LABELS } from '../../../views/directory-views'
import { adminCounty, changeActionLabel, changeEntry, changeSummary, diff, type FieldChange } from './change-log'
import { entryRevocations } from './roles'
import { personAdminView } from './people'

type In<A extends ActionName<'directory'>> = ActionParsed<'directory', A>
type Out<A extends ActionName<'directory'>> = ActionOutput<'directory', A>

const isActive = (r: { active?: boolean }) => r.active !== false

export const stationAdminView = (s: StationDoc): Out<'saveStation'> => ({
  code: s.code,
  name: s.name,
  kind: s.kind,
  kindLabel: STATION_KIND_LABELS[s.kind],
  township: s.township,
  address: s.address,
  location: s.location ?? null,
  receptionNote: s.receptionNote ?? s.receptionRule?.note ?? null,
  active: isActive(s),
  deputyCodes: s.deputyCodes,
  supervisorCodes: s.supervisorCodes,
})

export const deputyAdminView = (d: DeputyDoc): Out<'saveDeputy'> => ({
  code: d.code,
  name: d.name,
  level: d.level,
  levelLabel: DEPUTY_LEVEL_LABELS[d.level],
  stationCodes: d.stationCodes,
  focusGroupCodes: d.focusGroupCodes,
  photoUrl: d.photoUrl,
  socialPosition: d.socialPosition,
  phone: d.phone,
  publishContact: d.publishContact,
  term: d.term ?? null,
  active: isActive(d),
  bound: !!d.openid,
})

const departmentAdminView = (d: DepartmentDoc): Out<'saveDepartment'> => ({
  code: d.code,
  name: d.name,
  shortName: d.shortName ?? null,
  kind: d.kind,
  kindLabel: DEPARTMENT_KIND_LABELS[d.kind],
  contact: d.contact ?? null,
  active: isActive(d),
  handlerCount: d.openids.length,
})

const focusGroupAdminView = (g: FocusGroupDoc, deputies: DeputyDoc[]): Out<'saveFocusGroup'> => ({
  code: g.code,
  name: g.name,
  topics: g.topics,
  memberCodes: deputies.filter((d) => d.focusGroupCodes.includes(g.code)).map((d) => d.code),
  active: g.active,
})

const countyAdminView = (c: CountyDoc): Out<'saveCounty'> => ({
  code: c.code,
  name: c.name,
  prefix: c.prefix,
  townships: c.townships,
  categoryCodes: countyCategories(c.categoryCodes).map((x) => x.code),
})

export async function ownCounty(deps: Deps, countyCode: string): Promise<CountyDoc> {
  const county = await deps.repos.directory.county(countyCode)
  if (!county) throw new AppError('not_found', '本县尚未设置，请先填写县（区）名称与乡镇（街道）')
  return county
}

/** A record of this county, or not_found (another county's record is not revealed). */
function ofCounty<T extends { countyCode: string }>(record: T | null, countyCode: string, what: string): T {
  if (!record || record.countyCode !== countyCode) throw new AppError('not_found', `没有找到该${what}`)
  return record
}

/** The next free code of a kind: the county prefix, a letter and a two-digit (or longer) number. */
function nextCode(prefix: string, letter: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) {
    const code = `${prefix}${letter}${String(n).padStart(2, '0')}`
    if (!used.has(code)) return code
  }
}

const STATION_LETTERS: Record<StationKind, string> = { township_station: 'T', industry_station: 'I', liaison_point: 'P', deputy_studio: 'S' }

/** A generated code is free in this county's list; a record of another county may still hold it (codes are global). */
function assertUnused(existing: unknown, label: string): void {
  if (existing) throw new AppError('validation_failed', `${label}编号已被使用，请换一个`, 'code')
}

async function commitWithHistory(deps: Deps, writes: Write[], entry: DirectoryChangeDoc): Promise<void> {
  const ok = await deps.store.commit([...writes, deps.repos.countyAdmin.historyWrite(entry)])
  if (!ok) throw new AppError('conflict')
}

/** create / update / deactivate / reactivate, read from the two versions of a record. */
export function actionOf(before: { active?: boolean } | null, after: { active?: boolean }): DirectoryChangeDoc['action'] {
  if (!before) return 'create'
  if (isActive(before) && !isActive(after)) return 'deactivate'
  if (!isActive(before) && isActive(after)) return 'reactivate'
  return 'update'
}

// ----- the overview ---------------------------------------------------------------------------

export const adminDirectory: UseCase<In<'adminDirectory'>, Out<'adminDirectory'>> = async (deps, actor) => {
  const countyCode = adminCounty(actor, 'view_directory')
  const { countyAdmin, directory } = deps.repos
  const [county, stations, deputies, departments, groups, people, held] = await Promise.all([
    directory.county(countyCode),
    countyAdmin.stationsOf(countyCode),
    countyAdmin.deputiesOf(countyCode),
    countyAdmin.departmentsOf(countyCode),
    countyAdmin.focusGroupsOf(countyCode),
    countyAdmin.peopleOf(countyCode),
    countyAdmin.heldGrants(countyCode),
  ])
  return {
    // a county bootstrapped a moment ago has no record yet: an empty one to fill in
    county: county ? countyAdminView(county) : { code: countyCode, name: '', prefix: '', townships: [], categoryCodes: countyCategories(null).map((x) => x.code) },
    stations: stations.map(stationAdminView),
    deputies: deputies.map(deputyAdminView),
    departments: departments.map(departmentAdminView),
    focusGroups: groups.map((g) => focusGroupAdminView(g, deputies)),
    people: people.map((p) => personAdminView(p, held)),
  }
}

// ----- county -----------------------------------------------------------------------------------

const COUNTY_LABELS = { name: '名称', prefix: '事项编号前缀', townships: '乡镇（街道）', categoryCodes: '议题类别' }

export const saveCounty: UseCase<In<'saveCounty'>, Out<'saveCounty'>> = async (deps, actor, input) => {
  const countyCode = adminCounty(actor)
  const { directory, countyAdmin } = deps.repos
  const before = await directory.county(countyCode)
  const townships = [...new Set(input.townships)]
  if (before) {
    const inUse = new Set((await countyAdmin.stationsOf(countyCode)).map((s) => s.township))
    const dropped = before.townships.filter((t) => !townships.includes(t) && inUse.has(t))
    if (dropped.length) throw new AppError('validation_failed', `仍有站点属于${dropped.join('、')}，不能删除`, 'townships')
  }
  const prefix = input.prefix ?? before?.prefix ?? countyCode.slice(0, 2).toUpperCase()
  // the list as the county offers it (其他 added), so an unchanged list reads unchanged
  const categoryCodes = countyCategories(input.categoryCodes ?? before?.categoryCodes).map((c) => c.code)
  const after: CountyDoc = { _id: countyCode, code: countyCode, holidayRule: 'next_workday', ...before, name: input.name, prefix, townships, categoryCodes }
  const changes = diff({ ...before, categoryCodes: countyCategories(before?.categoryCodes).map((c) => c.code) } as CountyDoc, after, COUNTY_LABELS, {
    categoryCodes: (v) => (v as string[]).map(categoryLabel).join('、'),
  })
  if (before && !changes.length) return countyAdminView(before)
  await commitWithHistory(
    deps,
    [countyAdmin.putWrite('counties', after)],
    // the county's record exists from the bootstrap on, unnamed: naming it is its creation
    changeEntry(deps, actor, { countyCode, kind: 'county', code: countyCode, name: after.name, action: before?.name ? 'update' : 'create', changes }),
  )
  return countyAdminView(after)
}

// ----- stations ---------------------------------------------------------------------------------

export const STATION_LABELS = { name: '名称', kind: '类型', township: '乡镇（街道）', address: '地址', location: '位置', receptionNote: '接待说明', active: '启用' }

/**
 * One planned change of a directory record, shared by the form (saveStation …) and the Excel
 * import: the rules checked against the county, the record after, the other writes that go with it
 * and the history entry (null when nothing changes). Nothing is written here.
 */
export interface RecordPlan<T> {
  code: string
  before: T | null
  after: T
  changes: FieldChange[]
  writes: Write[]
  entry: DirectoryChangeDoc | null
}

/** How a plan finds the records it checks; the import passes ones read once for the whole file. */
export interface PlanLookups {
  station(code: string): Promise<StationDoc | null>
  focusGroup(code: string): Promise<FocusGroupDoc | null>
}
const repoLookups = (deps: Deps): PlanLookups => ({
  station: (code) => deps.repos.directory.station(code),
  focusGroup: (code) => deps.repos.countyAdmin.focusGroup(code),
})

function plan<T extends { name: string }>(
  deps: Deps,
  actor: Actor,
  county: CountyDoc,
  kind: 'station' | 'deputy' | 'department',
  code: string,
  before: T | null,
  after: T,
  changes: FieldChange[],
  writes: Write[],
  action: DirectoryChangeDoc['action'],
): RecordPlan<T> {
  const entry = before && !changes.length ? null : changeEntry(deps, actor, { countyCode: county.code, kind, code, name: after.name, action, changes })
  return { code, before, after, changes, writes: entry ? writes : [], entry }
}

/** A station as the form or the import would save it; `existing` is the record of that code (any county), or null. */
export async function planStation(
  deps: Deps,
  actor: Actor,
  county: CountyDoc,
  input: In<'saveStation'>,
  existing: StationDoc | null,
): Promise<RecordPlan<StationDoc>> {
  const countyCode = county.code
  if (existing) ofCounty(existing, countyCode, '站点')
  if (!county.townships.includes(input.township)) throw new AppError('validation_failed', `${input.township}不是本县的乡镇（街道）`, 'township')
  const code = input.code ?? nextCode(county.prefix, STATION_LETTERS[input.kind], (await deps.repos.directory.allStations()).map((s) => s.code))
  const before = existing
  const after: StationDoc = {
    _id: code,
    code,
    countyCode,
    receptionRule: null,
    deputyCodes: [],
    supervisorCodes: [],
    ...before,
    name: input.name,
    kind: input.kind,
    township: input.township,
    address: input.address,
    location: input.location ?? before?.location ?? null,
    receptionNote: input.receptionNote ?? null,
    active: input.active,
  }
  const changes = diff(before, after, STATION_LABELS, { kind: (k) => STATION_KIND_LABELS[k as StationKind] })
  return plan(deps, actor, county, 'station', code, before, after, changes, [deps.repos.countyAdmin.putWrite('stations', after)], actionOf(before, after))
}

async function commitPlan<T>(deps: Deps, p: RecordPlan<T>, extra: Write[] = []): Promise<void> {
  if (p.entry) await commitWithHistory(deps, [...p.writes, ...extra], p.entry)
}

export const saveStation: UseCase<In<'saveStation'>, Out<'saveStation'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const p = await planStation(deps, actor, county, input, input.code ? await deps.repos.directory.station(input.code) : null)
  await commitPlan(deps, p)
  return stationAdminView(p.entry ? p.after : p.before!)
}

// ----- deputies -----------------------------------------------------------------------------------

const DEPUTY_LABELS = {
  name: '姓名',
  level: '层级',
  stationCodes: '所在站点',
  focusGroupCodes: '专题关注组',
  photoUrl: '照片',
  socialPosition: '工作单位及职务',
  phone: '手机号',
  publishContact: '在站点页面公开电话',
  term: '届次',
  active: '在任',
}

/** The stations whose deputy (or supervisor) lists change with that person's stations: both sides stay in step. */
export async function stationListWrites(
  deps: Deps,
  code: string,
  was: string[],
  now: string[],
  list: 'deputyCodes' | 'supervisorCodes' = 'deputyCodes',
): Promise<Write[]> {
  const { directory, countyAdmin } = deps.repos
  const touched = [...new Set([...was, ...now])].filter((s) => was.includes(s) !== now.includes(s))
  const writes: Write[] = []
  for (const stationCode of touched) {
    const station = await directory.station(stationCode)
    if (!station) continue
    const codes = now.includes(stationCode) ? [...new Set([...station[list], code])] : station[list].filter((c) => c !== code)
    writes.push(countyAdmin.putWrite('stations', { ...station, [list]: codes } satisfies StationDoc))
  }
  return writes
}

/** A bound deputy's role follows the directory entry: its stations and focus groups, from the next request. */
async function boundDeputyWrites(deps: Deps, deputy: DeputyDoc): Promise<Write[]> {
  if (!deputy.openid) return []
  const user = await deps.repos.users.get(deputy.openid)
  if (!user) return []
  const bindings: RoleBinding[] = user.bindings.map((b) =>
    b.role === 'deputy' && b.deputyCode === deputy.code ? { ...b, stationCodes: deputy.stationCodes, focusGroupCodes: deputy.focusGroupCodes } : b,
  )
  return [deps.repos.countyAdmin.putWrite('users', { ...user, bindings } satisfies UserDoc)]
}

/**
 * A deputy as the form or the import would save it. The stations' deputy lists are not in
 * `writes`: `stationsBefore` → `stationsAfter` says which change (a deputy out of office is on none) (stationListWrites for one
 * deputy; the import merges them for the whole file).
 */
export async function planDeputy(
  deps: Deps,
  actor: Actor,
  county: CountyDoc,
  input: In<'saveDeputy'>,
  existing: DeputyDoc | null,
  lookups: PlanLookups = repoLookups(deps),
): Promise<RecordPlan<DeputyDoc> & { stationsBefore: string[]; stationsAfter: string[] }> {
  const countyCode = county.code
  const { directory, countyAdmin } = deps.repos
  if (existing) ofCounty(existing, countyCode, '代表')
  const stationCodes = [...new Set(input.stationCodes)]
  for (const s of stationCodes) {
    const station = await lookups.station(s)
    if (!station || station.countyCode !== countyCode) throw new AppError('validation_failed', `站点不存在：${s}`, 'stationCodes')
  }
  const focusGroupCodes = [...new Set(input.focusGroupCodes)]
  for (const g of focusGroupCodes) {
    const group = await lookups.focusGroup(g)
    if (!group || group.countyCode !== countyCode) throw new AppError('validation_failed', `专题关注组不存在：${g}`, 'focusGroupCodes')
  }
  const code = input.code ?? nextCode(county.prefix, 'D', (await countyAdmin.deputiesOf(countyCode)).map((d) => d.code))
  if (!input.code) assertUnused(await directory.deputy(code), '代表')
  const before = existing
  const back = !!before && before.active === false && input.reactivate === true
  const after: DeputyDoc = {
    _id: code,
    code,
    countyCode,
    openid: null,
    active: true,
    ...before,
    ...(back ? { active: true } : {}),
    name: input.name,
    level: input.level as AdminDeputyLevel,
    stationCodes,
    focusGroupCodes,
    // the form that does not send a photo keeps the one on file
    photoUrl: input.photoUrl !== undefined ? input.photoUrl : (before?.photoUrl ?? null),
    socialPosition: input.socialPosition,
    phone: input.phone,
    publishContact: input.publishContact,
    term: input.term ?? null,
  }
  const changes = diff(before, after, DEPUTY_LABELS, { level: (l) => ADMIN_DEPUTY_LEVEL_LABELS[l as AdminDeputyLevel] ?? String(l) })
  const unchanged = before && !changes.length
  const writes = unchanged ? [] : [countyAdmin.putWrite('deputies', after), ...(await boundDeputyWrites(deps, after))]
  // station lists name deputies in office only: one who left is on none (and editing them puts them on none)
  const listed = (d: DeputyDoc | null) => (d && d.active !== false ? d.stationCodes : [])
  return {
    ...plan(deps, actor, county, 'deputy', code, before, after, changes, writes, back ? 'reactivate' : before ? 'update' : 'create'),
    stationsBefore: listed(before),
    stationsAfter: listed(after),
  }
}

export const saveDeputy: UseCase<In<'saveDeputy'>, Out<'saveDeputy'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const p = await planDeputy(deps, actor, county, input, input.code ? await deps.repos.directory.deputy(input.code) : null)
  if (p.entry) await commitPlan(deps, p, await stationListWrites(deps, p.code, p.stationsBefore, p.stationsAfter))
  return deputyAdminView(p.entry ? p.after : p.before!)
}

// ----- departments ------------------------------------------------------------------------------

const DEPARTMENT_LABELS = { name: '名称', shortName: '简称', kind: '类型', contact: '联系方式', active: '启用' }

/** A department as the form or the import would save it; deactivating it revokes its handlers in the same commit. */
export async function planDepartment(
  deps: Deps,
  actor: Actor,
  county: CountyDoc,
  input: In<'saveDepartment'>,
  existing: DepartmentDoc | null,
): Promise<RecordPlan<DepartmentDoc>> {
  const countyCode = county.code
  const { directory, countyAdmin } = deps.repos
  if (existing) ofCounty(existing, countyCode, '承办单位')
  const code = input.code ?? nextCode(`${county.prefix}-D`, '', (await countyAdmin.departmentsOf(countyCode)).map((d) => d.code))
  if (!input.code) assertUnused(await directory.department(code), '承办单位')
  const before = existing
  const deactivating = !!before && isActive(before) && !input.active
  const after: DepartmentDoc = {
    _id: code,
    code,
    countyCode,
    openids: [],
    ...before,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    contact: input.contact ?? null,
    active: input.active,
  }
  // deactivated: its handlers lose the role with it (their grants are revoked in the same commit)
  const revocations = deactivating ? await entryRevocations(deps, actor, entryKey('department', before.code), before.openids) : []
  if (deactivating) after.openids = []
  const changes = diff(before, after, DEPARTMENT_LABELS, { kind: (k) => DEPARTMENT_KIND_LABELS[k as DepartmentDoc['kind']] })
  const writes = [countyAdmin.putWrite('departments', after), ...revocations]
  return plan(deps, actor, county, 'department', code, before, after, changes, writes, actionOf(before, after))
}

export const saveDepartment: UseCase<In<'saveDepartment'>, Out<'saveDepartment'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const p = await planDepartment(deps, actor, county, input, input.code ? await deps.repos.directory.department(input.code) : null)
  await commitPlan(deps, p)
  return departmentAdminView(p.entry ? p.after : p.before!)
}

// ----- focus groups -----------------------------------------------------------------------------

const FOCUS_GROUP_LABELS = { name: '名称', topics: '关注议题', active: '启用' }

export const saveFocusGroup: UseCase<In<'saveFocusGroup'>, Out<'saveFocusGroup'>> = async (deps, actor, input) => {
  const countyCode = adminCounty(actor)
  const { countyAdmin } = deps.repos
  const county = await ownCounty(deps, countyCode)
  const existing = input.code ? await countyAdmin.focusGroup(input.code) : null
  if (existing) ofCounty(existing, countyCode, '专题关注组')
  const code = input.code ?? nextCode(county.prefix, 'G', (await countyAdmin.focusGroupsOf(countyCode)).map((g) => g.code))
  if (!input.code) assertUnused(await countyAdmin.focusGroup(code), '关注组')
  const before = existing
  const after: FocusGroupDoc = { _id: code, code, countyCode, ...before, name: input.name, topics: input.topics, active: input.active }
  const deputies = await countyAdmin.deputiesOf(countyCode)
  const changes = diff(before, after, FOCUS_GROUP_LABELS)
  if (before && !changes.length) return focusGroupAdminView(before, deputies)
  await commitWithHistory(
    deps,
    [countyAdmin.putWrite('focus_groups', after)],
    changeEntry(deps, actor, { countyCode, kind: 'focus_group', code, name: after.name, action: actionOf(before, after), changes }),
  )
  return focusGroupAdminView(after, deputies)
}

// ----- history ----------------------------------------------------------------------------------

export const historyView = (e: DirectoryChangeDoc) => ({
  id: e._id,
  at: e.at,
  actorName: e.actorName,
  kind: e.kind,
  kindLabel: DIRECTORY_RECORD_KIND_LABELS[e.kind],
  code: e.code,
  name: e.name,
  action: e.action,
  actionLabel: changeActionLabel(e.action),
  changes: e.changes as FieldChange[],
  summary: changeSummary(e),
})

export const directoryHistory: UseCase<In<'directoryHistory'>, Out<'directoryHistory'>> = async (deps, actor, input) => {
  const countyCode = adminCounty(actor, 'view_directory')
  const page = await deps.repos.countyAdmin.history(countyCode, { kind: input.kind, code: input.code }, input.limit, input.cursor)
  return { items: page.items.map(historyView), nextCursor: page.nextCursor }
}
