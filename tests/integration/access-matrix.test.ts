/**
 * The access matrix (issue 13): every action of every function — enumerated from the function
 * registry, so a new action without a row fails here — called by one identity of every role in
 * each position relative to the target: own or other station, department, township and county,
 * and without any identity. The target is always at 城关镇联络站 (XWT01, 城关镇, 修武县), handled
 * by 交通运输局 (XW-D09) and owned by 王建国 (XWT01-R1).
 *
 * Each row says, independently of the code it checks, who may (the answer is `ok`, or the
 * business code given) and how everyone else is refused: without the role → `forbidden` (before
 * the payload is looked at); with the role but unable to see the target → `not_found`; able to
 * see it but not allowed → `forbidden`. Targets that change state are made fresh for every cell.
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { api } from '../../shared/api'
import { actions } from '../support/actors'
import { visitWorld, vwho, type VisitWorld } from './visit-support'

const ID = {
  anon: null,
  resident: 'demo-resident-2',
  submitter: 'demo-resident-1',
  deputyOwn: 'demo-deputy-XWT01-R1',
  deputyOtherStation: 'demo-deputy-XWT02-R1',
  deputyOtherCounty: 'demo-deputy-LYT01-R1',
  supervisorOwn: 'demo-supervisor-XWT01-M1',
  supervisorOtherStation: 'demo-supervisor-XWT02-M1',
  supervisorOtherCounty: 'demo-supervisor-LYT01-M1',
  staffCounty: 'demo-staff-XW-STAFF1',
  staffTownship: 'demo-staff-XW-STAFF-城关镇',
  staffOtherTownship: 'demo-staff-XW-STAFF-七贤镇',
  staffOtherCounty: 'demo-staff-LY-STAFF1',
  departmentOwn: 'demo-department-XW-D09',
  departmentOther: 'demo-department-XW-D02',
  departmentOtherCounty: 'demo-department-LY-D01',
  adminOwn: 'demo-admin-xiuwu',
  adminOtherCounty: 'demo-admin-linying',
} as const
type Who = keyof typeof ID
const WHO = Object.keys(ID) as Who[]

type Kind = 'resident' | 'deputy' | 'supervisor' | 'staff' | 'county_staff' | 'department' | 'admin'
const KINDS: Record<Who, Kind[]> = {
  anon: [],
  resident: ['resident'],
  submitter: ['resident'],
  deputyOwn: ['resident', 'deputy'],
  deputyOtherStation: ['resident', 'deputy'],
  deputyOtherCounty: ['resident', 'deputy'],
  supervisorOwn: ['resident', 'supervisor'],
  supervisorOtherStation: ['resident', 'supervisor'],
  supervisorOtherCounty: ['resident', 'supervisor'],
  staffCounty: ['resident', 'staff', 'county_staff'],
  staffTownship: ['resident', 'staff'],
  staffOtherTownship: ['resident', 'staff'],
  staffOtherCounty: ['resident', 'staff', 'county_staff'],
  departmentOwn: ['resident', 'department'],
  departmentOther: ['resident', 'department'],
  departmentOtherCounty: ['resident', 'department'],
  adminOwn: ['resident', 'admin'],
  adminOtherCounty: ['resident', 'admin'],
}

type Payload = Record<string, unknown>
interface Row {
  /** Role kinds that may call the action at all; everyone holds `resident`. */
  roles: Kind[]
  /** Callers without any identity are answered too. */
  anonymous?: true
  /** Who gets through: `ok`, unless `codes` says which business answer they get. */
  allow: Who[]
  /** Holders of the role who cannot see the target: `not_found`. */
  hidden?: Who[]
  /** Exact answers that differ from the rules above. */
  codes?: Partial<Record<Who, string>>
  /** How a caller without the role is refused. */
  refusal?: string
  /** The payload; called once per cell, so it may make a fresh target. */
  payload: (who: Who) => Payload | Promise<Payload>
}

const ALL: Who[] = WHO.filter((w) => w !== 'anon')
const ROLES_ALL: Kind[] = ['resident']
const XW_STAFF: Who[] = ['staffCounty', 'staffTownship']
const NOT_XWT01_DEPUTIES: Who[] = ['deputyOtherStation', 'deputyOtherCounty']
const NOT_XWT01_SUPERVISORS: Who[] = ['supervisorOtherStation', 'supervisorOtherCounty']
const NOT_IN_SCOPE_STAFF: Who[] = ['staffOtherTownship', 'staffOtherCounty']
const OTHER_DEPARTMENTS: Who[] = ['departmentOther', 'departmentOtherCounty']
/** Holders of a role who do not reach an XWT01 item dispatched to XW-D09. */
const ITEM_STRANGERS: Who[] = ['resident', ...NOT_XWT01_DEPUTIES, ...NOT_XWT01_SUPERVISORS, ...NOT_IN_SCOPE_STAFF, ...OTHER_DEPARTMENTS, 'adminOwn', 'adminOtherCounty']

let w: VisitWorld
let a: ReturnType<typeof actions>
let seq = 0
const next = () => ++seq
const rid = () => `matrix-${process.pid}-${next()}`
const day = (offset: number) => new Date(Date.UTC(2026, 10, 1 + offset)).toISOString().slice(0, 10) // from 2026-11-01

beforeAll(async () => {
  w = await visitWorld()
  a = actions(w.backend)
}, 60_000)
afterAll(() => w.close())

const ok = async (fn: string, openid: string, action: string, payload: Payload) => {
  const res = await w.backend.call(fn, { action, payload }, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.code} ${res.message}`)
  return res.data
}
const item = (state: Parameters<typeof a.walkTo>[0]) => a.walkTo(state)
const ADMINS: Who[] = ['adminOwn', 'adminOtherCounty']
/** A 修武 directory record's saved fields, as saveStation / saveDeputy … take them. */
const asSaved = async (collection: string, code: string, fields: string[]) => {
  const doc = (await w.backend.store.collection<any>(collection).get(code)) as Record<string, unknown>
  return Object.fromEntries(fields.map((f) => [f, doc[f]]))
}
const xiuwuCounty = async () => {
  const c = (await w.backend.store.collection<any>('counties').get('xiuwu')) as { name: string; prefix: string; townships: string[] }
  return { name: c.name, prefix: c.prefix, townships: c.townships }
}
const freshInvitation = () => ok('directory', ID.adminOwn, 'issueInvitation', { target: { role: 'department', departmentCode: 'XW-D09' } })
/** A 修武 deputy just entered (no items, no duties), to see off. */
const freshDeputy = async () =>
  (await ok('directory', ID.adminOwn, 'saveDeputy', { name: `新任代表${next()}`.slice(0, 20), level: 'township', stationCodes: ['XWT01'], socialPosition: '村委会委员', phone: '14000009999' })).code as string
/** An .xlsx of one new department (a code nobody uses yet), with the digest importApply names. */
const departmentFile = async () => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('承办单位')
  sheet.addRow(['编号', '名称', '类型'])
  sheet.addRow([`MX-D${next()}`, '矩阵测试单位', '县政府部门'])
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { kind: 'department', fileBase64: bytes.toString('base64'), digest: createHash('sha256').update(bytes).digest('hex') }
}
/** A role someone new holds in 修武 (an invitation issued and redeemed), to revoke. */
const freshGrant = async () => {
  const holder = `matrix-holder-${next()}`
  await ok('directory', holder, 'redeemInvitation', { code: (await freshInvitation()).code })
  const roles = await ok('directory', ID.adminOwn, 'listRoles', { role: 'department' })
  const grant = (await w.backend.store.collection<any>('role_grants').find({ where: { openid: holder }, orderBy: { field: 'grantedAt', direction: 'desc' }, limit: 1 })).items[0]
  if (!roles.items.some((r: { grantId: string }) => r.grantId === grant._id)) throw new Error('the fresh grant is not listed')
  return { grantId: grant._id }
}
const submitted = async () => (await a.submit()).id
const withExtension = async () => {
  const id = await item('dispatched')
  await a.ok(vwho.transport, 'requestExtension', { id, workdays: 5, reason: '需协调施工单位' })
  return id
}
const held = async () => (await a.submit('我们准备集体维权，要求尽快解决路面问题')).id
/** A thematic day at XWT01, on a day of its own (no two fresh sessions clash). */
const session = async (date = day(next())) =>
  (
    await ok('reception', vwho.countyStaff, 'createSession', {
      clientRequestId: rid(),
      kind: 'thematic',
      stationCode: 'XWT01',
      date,
      startTime: '14:00',
      endTime: '16:00',
      theme: '道路交通安全',
      deputyCodes: ['XWT01-R1'],
    })
  ).id as string
/** A session today after the generated morning reception, in a slot of its own: markHeld accepts it. */
let todaySlot = 0
const sessionToday = async () => {
  const start = 12 * 60 + 15 * todaySlot++
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return (
    await ok('reception', vwho.countyStaff, 'createSession', {
      clientRequestId: rid(),
      kind: 'meeting',
      place: '城关镇政府会议室',
      stationCode: 'XWT01',
      date: '2026-09-15',
      startTime: hm(start),
      endTime: hm(start + 10),
      theme: '约见交通运输局负责人',
      deputyCodes: ['XWT01-R3'],
    })
  ).id as string
}
const record = async (extra: Payload = {}) => (await w.visit.ok(vwho.supervisor, 'create', w.onSpot(extra))).record.id as string
const closedRecord = async () => {
  const id = await record({ opinion: { rating: 'satisfied' } })
  await w.visit.ok(vwho.supervisor, 'close', { id })
  return id
}
const callback = async () => {
  const recordId = await closedRecord()
  const drawn = await w.visit.ok(vwho.countyStaff, 'spotCheck', { clientRequestId: rid(), stationCode: 'XWT01', from: '2026-09-01', to: '2026-09-30', size: 50 })
  const cb = drawn.items.find((i: { record: { id: string } }) => i.record.id === recordId)
  return cb.id as string
}
const problem = async () =>
  (await w.visit.ok(vwho.countyStaff, 'createProblem', { clientRequestId: rid(), stationCode: 'XWT01', title: '登记缺项较多', owner: '宋站长' })).id as string
const period = { countyCode: 'xiuwu', township: '城关镇', from: '2026-01', to: '2026-09' }

const ITEM_VIEWERS: Who[] = ['submitter', 'deputyOwn', 'supervisorOwn', ...XW_STAFF, 'departmentOwn']

const MATRIX: Record<string, Record<string, Row>> = {
  directory: {
    getStation: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ stationCode: 'XWT01' }) },
    listStations: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ countyCode: 'xiuwu' }) },
    listDepartments: {
      roles: ['deputy', 'supervisor', 'staff', 'department', 'admin'],
      allow: ['deputyOwn', 'deputyOtherStation', 'supervisorOwn', 'supervisorOtherStation', ...XW_STAFF, 'staffOtherTownship', 'departmentOwn', 'departmentOther', 'adminOwn'],
      payload: () => ({ countyCode: 'xiuwu' }),
    },
    // each reads their own county's list: everyone with a county role may
    countyCategories: {
      roles: ['deputy', 'supervisor', 'staff', 'department', 'admin'],
      allow: WHO.filter((w) => KINDS[w].some((k) => k !== 'resident')),
      payload: () => ({}),
    },
    whoami: { roles: ROLES_ALL, allow: ALL, payload: () => ({}) },
    phoneFromCode: { roles: ROLES_ALL, allow: ALL, codes: Object.fromEntries(ALL.map((x) => [x, 'validation_failed'])), payload: () => ({ code: 'wx-one-time-code' }) },
    myMessages: { roles: ROLES_ALL, allow: ALL, payload: () => ({}) },
    issueInvitation: {
      roles: ['admin'],
      allow: ['adminOwn', 'adminOtherCounty'],
      codes: { adminOtherCounty: 'validation_failed' }, // XW-D09 is not a department of 临颍
      payload: () => ({ target: { role: 'department', departmentCode: 'XW-D09' } }),
    },
    redeemInvitation: { roles: ROLES_ALL, allow: ALL, codes: Object.fromEntries(ALL.map((x) => [x, 'invitation_invalid'])), payload: () => ({ code: 'ABCDEFGH' }) },
    // 县级设置: admins of their own county. Edits resave a 修武 record as it is (no change, so the
    // shared world stays as seeded): 临颍's admin does not find it.
    adminDirectory: { roles: ['admin'], allow: ADMINS, payload: () => ({}) },
    saveCounty: { roles: ['admin'], allow: ADMINS, codes: { adminOtherCounty: 'validation_failed' }, payload: () => xiuwuCounty() },
    saveStation: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => asSaved('stations', 'XWT01', ['code', 'name', 'kind', 'township', 'address']) },
    saveDeputy: {
      roles: ['admin'],
      allow: ['adminOwn'],
      hidden: ['adminOtherCounty'],
      payload: async () => ({ ...(await asSaved('deputies', 'XWT01-R1', ['code', 'name', 'level', 'stationCodes', 'focusGroupCodes', 'socialPosition', 'phone', 'publishContact'])) }),
    },
    saveDepartment: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => asSaved('departments', 'XW-D09', ['code', 'name', 'kind']) },
    saveFocusGroup: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => asSaved('focus_groups', 'XWG1', ['code', 'name', 'topics']) },
    savePerson: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => asSaved('people', 'XWT01-M1', ['code', 'name', 'role', 'stationCodes']) },
    directoryHistory: { roles: ['admin'], allow: ADMINS, payload: () => ({}) },
    listRoles: { roles: ['admin'], allow: ADMINS, payload: () => ({}) },
    revokeRole: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => freshGrant() },
    listInvitations: { roles: ['admin'], allow: ADMINS, payload: () => ({}) },
    cancelInvitation: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: async () => ({ code: (await freshInvitation()).code }) },
    deputyLeavePlan: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: () => ({ code: 'XWT01-R1' }) },
    deputyLeave: { roles: ['admin'], allow: ['adminOwn'], hidden: ['adminOtherCounty'], payload: async () => ({ code: await freshDeputy(), reason: '工作调动' }) },
    // an import goes into the admin's own county: each admin may, into theirs
    importTemplate: { roles: ['admin'], allow: ADMINS, payload: () => ({ kind: 'station' }) },
    importPreview: { roles: ['admin'], allow: ADMINS, payload: async () => { const { digest: _, ...f } = await departmentFile(); return f } },
    importApply: { roles: ['admin'], allow: ADMINS, payload: departmentFile },
    stationCodes: { roles: ['admin'], allow: ADMINS, payload: () => ({}) },
    // no secret is configured here: everyone gets the wrong-code answer
    bootstrapAdmin: { roles: ROLES_ALL, allow: ALL, codes: Object.fromEntries(ALL.map((x) => [x, 'invitation_invalid'])), payload: () => ({ secret: 'not-configured-anywhere-1234', countyCode: 'xiuwu' }) },
  },
  suggestion: {
    submit: { roles: ROLES_ALL, allow: ALL, payload: () => ({ clientRequestId: rid(), stationCode: 'XWT01', content: '村口路灯不亮', anonymous: true }) },
    listMine: { roles: ROLES_ALL, allow: ALL, payload: () => ({}) },
    get: { roles: ROLES_ALL, allow: ITEM_VIEWERS, hidden: ITEM_STRANGERS, payload: async () => ({ id: await item('dispatched') }) },
    similar: { roles: ROLES_ALL, allow: ALL, payload: () => ({ stationCode: 'XWT01', content: '台创园区路面损毁严重' }) },
    withdraw: {
      roles: ROLES_ALL,
      allow: ['submitter'],
      hidden: [...ITEM_STRANGERS, 'departmentOwn'],
      payload: async () => ({ id: await submitted() }),
    },
    follow: { roles: ROLES_ALL, allow: ALL, payload: async () => ({ id: await submitted() }) },
    accept: { roles: ['deputy'], allow: ['deputyOwn'], hidden: NOT_XWT01_DEPUTIES, payload: async () => ({ id: await submitted(), categoryCode: 'transport' }) },
    answer: { roles: ['deputy'], allow: ['deputyOwn'], hidden: NOT_XWT01_DEPUTIES, payload: async () => ({ id: await item('accepted'), answer: '已联系交通局，下周修补' }) },
    escalate: { roles: ['deputy'], allow: ['deputyOwn'], hidden: NOT_XWT01_DEPUTIES, payload: async () => ({ id: await item('accepted'), target: 'county', note: '需交通局处理' }) },
    dispatch: {
      roles: ['staff'],
      allow: XW_STAFF,
      hidden: NOT_IN_SCOPE_STAFF,
      payload: async () => ({ id: await item('escalated'), departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 }),
    },
    acknowledge: { roles: ['department'], allow: ['departmentOwn'], hidden: OTHER_DEPARTMENTS, payload: async () => ({ id: await item('dispatched') }) },
    progress: { roles: ['department'], allow: ['departmentOwn'], hidden: OTHER_DEPARTMENTS, payload: async () => ({ id: await item('in_progress'), note: '已进场施工' }) },
    requestExtension: {
      roles: ['department'],
      allow: ['departmentOwn'],
      hidden: OTHER_DEPARTMENTS,
      payload: async () => ({ id: await item('dispatched'), workdays: 5, reason: '需协调施工单位' }),
    },
    decideExtension: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await withExtension(), approve: true }) },
    resolve: {
      roles: ['department'],
      allow: ['departmentOwn'],
      hidden: OTHER_DEPARTMENTS,
      payload: async () => ({ id: await item('in_progress'), reply: '已完成路面修补', outcome: 'solved' }),
    },
    sendBack: { roles: ['department'], allow: ['departmentOwn'], hidden: OTHER_DEPARTMENTS, payload: async () => ({ id: await item('dispatched'), reason: '不属于本单位职责' }) },
    rate: { roles: ROLES_ALL, allow: ['submitter', 'supervisorOwn'], hidden: ITEM_STRANGERS, payload: async () => ({ id: await item('resolved'), rating: 'satisfied' }) },
    deputyRate: { roles: ['deputy'], allow: ['deputyOwn'], hidden: NOT_XWT01_DEPUTIES, payload: async () => ({ id: await item('resolved'), rating: 'satisfied' }) },
    merge: {
      roles: ['deputy', 'staff'],
      allow: ['deputyOwn', ...XW_STAFF],
      hidden: [...NOT_XWT01_DEPUTIES, ...NOT_IN_SCOPE_STAFF],
      payload: async () => ({ id: await submitted(), intoId: await submitted(), reason: '同一处路面' }),
    },
    refer: {
      roles: ['deputy', 'staff'],
      allow: ['deputyOwn', ...XW_STAFF],
      hidden: [...NOT_XWT01_DEPUTIES, ...NOT_IN_SCOPE_STAFF],
      payload: async () => ({ id: await submitted(), reason: '属于诉讼事项，已告知群众向法院起诉' }),
    },
    supervise: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await item('dispatched'), note: '请加快办理' }) },
    release: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await held() }) },
    contactReads: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await item('dispatched') }) },
    stationQueue: { roles: ['deputy', 'supervisor'], allow: ['deputyOwn', 'supervisorOwn'], payload: () => ({ stationCode: 'XWT01' }) },
    dispatchBoard: {
      roles: ['staff'],
      allow: [...XW_STAFF, 'staffOtherCounty'], // 临颍 staff read their own county: nothing of 城关镇
      payload: () => ({ filters: { township: '城关镇' } }),
    },
    departmentQueue: { roles: ['department'], allow: ['departmentOwn', ...OTHER_DEPARTMENTS], payload: () => ({}) },
    myHandled: { roles: ['deputy'], allow: ['deputyOwn', ...NOT_XWT01_DEPUTIES], payload: () => ({}) },
  },
  reception: {
    listRules: { roles: ['staff', 'admin'], allow: [...XW_STAFF, 'staffOtherTownship', 'adminOwn'], payload: () => ({ countyCode: 'xiuwu' }) },
    setRule: {
      roles: ['staff', 'admin'],
      allow: [...XW_STAFF, 'adminOwn'],
      payload: () => ({ stationCode: 'XWT01', rule: { kind: 'online_window', weekday: 4, startTime: '19:00', endTime: '21:00' } }),
    },
    clearRule: { roles: ['staff', 'admin'], allow: [...XW_STAFF, 'adminOwn'], payload: () => ({ stationCode: 'XWT01', slot: 'online' }) },
    setCountySettings: {
      roles: ['county_staff', 'admin'],
      allow: ['staffCounty', 'staffOtherCounty', 'adminOwn', 'adminOtherCounty'], // each their own county
      payload: () => ({ reminderDaysBefore: 3 }),
    },
    generateSessions: { roles: ['staff'], allow: XW_STAFF, payload: () => ({ stationCode: 'XWT01', months: 1 }) },
    createSession: {
      roles: ['staff'],
      allow: XW_STAFF,
      payload: () => ({ clientRequestId: rid(), kind: 'thematic', stationCode: 'XWT01', date: day(next()), startTime: '09:00', endTime: '11:00', theme: '农村道路', deputyCodes: ['XWT01-R2'] }),
    },
    updateSession: { roles: ['staff'], allow: XW_STAFF, hidden: [], payload: async () => ({ id: await session(), theme: '道路交通安全（修改）' }) },
    confirmSession: { roles: ['staff'], allow: XW_STAFF, payload: async () => ({ id: await session() }) },
    cancelSession: { roles: ['staff'], allow: XW_STAFF, payload: async () => ({ id: await session(), reason: '场地临时调整' }) },
    // a meeting is no public session: 临颍 staff cannot see it at all
    markHeld: { roles: ['staff'], allow: XW_STAFF, hidden: ['staffOtherCounty'], payload: async () => ({ id: await sessionToday() }) },
    listSessions: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ stationCode: 'XWT01' }) },
    getSession: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ id: w.session.id }) },
    myDuty: { roles: ['deputy'], allow: ['deputyOwn', ...NOT_XWT01_DEPUTIES], payload: () => ({}) },
    dutyCompliance: {
      roles: ['staff'],
      allow: [...XW_STAFF, 'staffOtherCounty'],
      codes: { staffOtherCounty: 'validation_failed' }, // 城关镇 is no township of 临颍
      payload: () => ({ township: '城关镇' }),
    },
    subscribeSession: { roles: ROLES_ALL, allow: ALL, payload: () => ({ id: w.session.id }) },
    recordSubscription: { roles: ROLES_ALL, allow: ALL, payload: () => ({ accepted: ['reception_reminder'] }) },
    checkIn: { roles: ['deputy'], allow: ['deputyOwn'], payload: () => ({ stationCode: 'XWT01' }) },
    currentOnlineWindow: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ stationCode: 'XWT01' }) },
    icsFeed: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ scope: 'station', code: 'XWT01' }) },
    poster: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ id: w.session.id }) },
  },
  stats: {
    overview: { roles: ['staff'], allow: XW_STAFF, payload: () => period },
    breakdown: { roles: ['staff'], allow: XW_STAFF, payload: () => ({ ...period, dimension: 'station' }) },
    receptionFigures: { roles: ['staff'], allow: XW_STAFF, payload: () => period },
    evaluation: { roles: ['county_staff'], allow: ['staffCounty'], payload: () => ({ countyCode: 'xiuwu', year: 2026 }) },
    evaluationExport: { roles: ['county_staff'], allow: ['staffCounty'], payload: () => ({ countyCode: 'xiuwu', year: 2026 }) },
    freezeYear: { roles: ['county_staff'], allow: ['staffCounty'], payload: () => ({ countyCode: 'xiuwu', year: 2025 }) },
    reconcileCounters: { roles: ['county_staff'], allow: ['staffCounty'], payload: () => ({ countyCode: 'xiuwu' }) },
    deputyRecord: { roles: ['deputy', 'staff'], allow: ['deputyOwn', ...XW_STAFF], payload: () => ({ deputyCode: 'XWT01-R1', year: 2026 }) },
    clusters: { roles: ['staff'], allow: XW_STAFF, payload: () => ({ countyCode: 'xiuwu', township: '城关镇' }) },
    open311Requests: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ countyCode: 'xiuwu' }) },
    open311Services: { roles: ROLES_ALL, anonymous: true, allow: WHO, payload: () => ({ countyCode: 'xiuwu' }) },
  },
  visit: {
    today: { roles: ['supervisor'], allow: ['supervisorOwn', ...NOT_XWT01_SUPERVISORS], payload: () => ({}) },
    create: { roles: ['supervisor'], allow: ['supervisorOwn'], payload: () => w.onSpot() },
    update: {
      roles: ['supervisor'],
      allow: ['supervisorOwn'],
      hidden: NOT_XWT01_SUPERVISORS,
      payload: async () => ({ id: await record(), expectedVersion: 1, matter: '东关村路灯坏了三个多月，晚上出行不便，已有老人摔倒' }),
    },
    get: {
      roles: ['supervisor', 'deputy', 'staff'],
      allow: ['supervisorOwn', 'deputyOwn', ...XW_STAFF],
      hidden: [...NOT_XWT01_SUPERVISORS, ...NOT_XWT01_DEPUTIES, ...NOT_IN_SCOPE_STAFF],
      refusal: 'not_found',
      payload: async () => ({ id: await record() }),
    },
    list: { roles: ['supervisor', 'deputy', 'staff'], allow: ['supervisorOwn', 'deputyOwn', ...XW_STAFF], payload: () => ({ stationCode: 'XWT01' }) },
    recordOpinion: { roles: ['supervisor'], allow: ['supervisorOwn'], hidden: NOT_XWT01_SUPERVISORS, payload: async () => ({ id: await record(), rating: 'satisfied' }) },
    close: { roles: ['supervisor'], allow: ['supervisorOwn'], hidden: NOT_XWT01_SUPERVISORS, payload: async () => ({ id: await record({ opinion: { rating: 'satisfied' } }) }) },
    missingFields: { roles: ['supervisor', 'deputy', 'staff'], allow: ['supervisorOwn', 'deputyOwn', ...XW_STAFF], payload: () => ({ stationCode: 'XWT01' }) },
    sessionSummary: {
      roles: ['supervisor', 'deputy', 'staff'],
      allow: ['supervisorOwn', 'deputyOwn', ...XW_STAFF],
      hidden: [...NOT_XWT01_SUPERVISORS, ...NOT_XWT01_DEPUTIES, ...NOT_IN_SCOPE_STAFF],
      payload: () => ({ sessionId: w.session.id }),
    },
    spotCheck: {
      roles: ['staff'],
      allow: XW_STAFF,
      payload: () => ({ clientRequestId: rid(), stationCode: 'XWT01', from: '2026-09-01', to: '2026-09-30', size: 1 }),
    },
    listSpotChecks: { roles: ['staff', 'supervisor'], allow: ['supervisorOwn', ...XW_STAFF], payload: () => ({ stationCode: 'XWT01' }) },
    recordCallback: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await callback(), outcome: 'consistent' }) },
    createProblem: { roles: ['staff'], allow: XW_STAFF, payload: () => ({ clientRequestId: rid(), stationCode: 'XWT01', title: '登记不及时', owner: '宋站长' }) },
    resolveProblem: { roles: ['staff'], allow: XW_STAFF, hidden: NOT_IN_SCOPE_STAFF, payload: async () => ({ id: await problem(), resolution: '已补齐全部登记' }) },
    listProblems: { roles: ['staff', 'supervisor'], allow: ['supervisorOwn', ...XW_STAFF], payload: () => ({ stationCode: 'XWT01' }) },
    exportRegister: {
      roles: ['supervisor', 'deputy', 'staff'],
      allow: ['supervisorOwn', 'deputyOwn', ...XW_STAFF],
      payload: () => ({ scope: 'station', stationCode: 'XWT01', year: 2026 }),
    },
    settings: {
      roles: ['supervisor', 'deputy', 'staff', 'admin'],
      allow: [
        'deputyOwn', ...NOT_XWT01_DEPUTIES, 'supervisorOwn', ...NOT_XWT01_SUPERVISORS,
        ...XW_STAFF, ...NOT_IN_SCOPE_STAFF, 'adminOwn', 'adminOtherCounty',
      ], // each reads their own county's setting
      payload: () => ({}),
    },
    setRetention: { roles: ['county_staff', 'admin'], allow: ['staffCounty', 'staffOtherCounty', 'adminOwn', 'adminOtherCounty'], payload: () => ({ retentionMonths: 36 }) },
    applyRetention: { roles: ['county_staff', 'admin'], allow: ['staffCounty', 'staffOtherCounty', 'adminOwn', 'adminOtherCounty'], payload: () => ({}) },
  },
}

function expected(row: Row, who: Who): string {
  if (who === 'anon' && !row.anonymous) return 'unauthenticated'
  const code = row.codes?.[who]
  if (row.allow.includes(who)) return code ?? 'ok'
  if (code) return code
  if (!row.roles.some((k) => KINDS[who].includes(k))) return row.refusal ?? 'forbidden'
  return row.hidden?.includes(who) ? 'not_found' : 'forbidden'
}

describe('the access matrix', () => {
  it('has a row for every action of every function in the registry, and nothing else', () => {
    const registry = Object.entries(api).flatMap(([fn, actions]) => Object.keys(actions).map((action) => `${fn}.${action}`))
    const rows = Object.entries(MATRIX).flatMap(([fn, actions]) => Object.keys(actions).map((action) => `${fn}.${action}`))
    expect(rows.sort()).toEqual(registry.sort())
  })

  const cells = Object.entries(MATRIX).flatMap(([fn, rows]) => Object.entries(rows).map(([action, row]) => [`${fn}.${action}`, fn, action, row] as const))
  it.each(cells)('%s: role × own / other station, department, township, county', async (_name, fn, action, row) => {
    const got: Array<[Who, string]> = []
    for (const who of WHO) {
      const payload = await row.payload(who)
      const res = await w.backend.call(fn, { action, payload }, ID[who])
      got.push([who, res.ok ? 'ok' : res.code])
    }
    expect(got).toEqual(WHO.map((who) => [who, expected(row, who)]))
  })
})
