/**
 * The scope rules, written once (shared/domain/scope.ts), and every resource's permission table
 * built from them (shared/domain/lifecycles/*): each actor × action × record, exhaustively, with
 * the refusal — `forbidden` only to whoever sees the record, `not_found` to everyone else.
 */
import {
  CALLBACK_ACTIONS,
  CALLBACK_PERMISSIONS,
  INVITATION_ACTIONS,
  INVITATION_PERMISSIONS,
  PROBLEM_ACTIONS,
  PROBLEM_PERMISSIONS,
  SESSION_ACTIONS,
  SESSION_PERMISSIONS,
  VISIT_ACTIONS,
  VISIT_PERMISSIONS,
  type RegisterScope,
  type SessionScope,
} from '@shared/domain/lifecycles'
import { authorizeIn, rolesIn, type PermissionTable } from '@shared/domain/permission-table'
import { authorize, ITEM_PERMISSIONS, type ItemScope } from '@shared/domain/permissions'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import {
  atOwnStation,
  bindingsOf,
  bindingsWithRole,
  departmentMayList,
  inOwnCounty,
  inOwnFocusGroup,
  isCountyStaff,
  managedCounty,
  ofOwnDepartment,
  same,
  staffMayList,
  staffReaches,
  staffReaching,
  stationMayList,
  workCounty,
  type BindingOf,
} from '@shared/domain/scope'

const XW = 'xiuwu'
const LY = 'linying'
const actor = (openid: string, ...bindings: RoleBinding[]): Actor => ({ openid, bindings })

const deputy: BindingOf<'deputy'> = { role: 'deputy', deputyCode: 'D1', stationCodes: ['XWT01'], focusGroupCodes: ['FG1'], countyCode: XW }
const supervisor: BindingOf<'supervisor'> = { role: 'supervisor', supervisorCode: 'S1', stationCodes: ['XWT01'], countyCode: XW }
const townshipStaff: BindingOf<'staff'> = { role: 'staff', staffCode: 'T1', countyCode: XW, scope: 'township', township: '城关镇' }
const countyStaff: BindingOf<'staff'> = { role: 'staff', staffCode: 'C1', countyCode: XW, scope: 'county' }
const department: BindingOf<'department'> = { role: 'department', departmentCode: 'JTJ', countyCode: XW }

describe('the scope rules', () => {
  test('same: both codes present and equal', () => {
    expect(same('a', 'a')).toBe(true)
    expect(same('a', 'b')).toBe(false)
    expect(same(null, null)).toBe(false)
    expect(same(undefined, 'a')).toBe(false)
    expect(same('', '')).toBe(false)
  })

  test.each([
    ['own county', inOwnCounty(countyStaff, { countyCode: XW }), true],
    ['another county', inOwnCounty(countyStaff, { countyCode: LY }), false],
    ['no county', inOwnCounty(countyStaff, {}), false],
  ])('own county: %s', (_n, got, want) => expect(got).toBe(want))

  test.each([
    [countyStaff, { countyCode: XW, township: '七贤镇' }, true],
    [countyStaff, { countyCode: XW, township: null }, true],
    [countyStaff, { countyCode: LY, township: '城关镇' }, false],
    [townshipStaff, { countyCode: XW, township: '城关镇' }, true],
    [townshipStaff, { countyCode: XW, township: '七贤镇' }, false],
    [townshipStaff, { countyCode: XW, township: null }, false],
    [townshipStaff, { countyCode: LY, township: '城关镇' }, false],
    [{ ...townshipStaff, township: undefined }, { countyCode: XW, township: undefined }, false],
  ] as const)('own township: %j reaches %j → %s', (b, t, want) => expect(staffReaches(b, t)).toBe(want))

  test.each([
    [deputy, { countyCode: XW, stationCode: 'XWT01' }, true],
    [deputy, { countyCode: XW, stationCode: 'XWT02' }, false],
    [deputy, { countyCode: LY, stationCode: 'XWT01' }, false],
    [deputy, { countyCode: XW, stationCode: null }, false],
    [supervisor, { countyCode: XW, stationCode: 'XWT01' }, true],
    [supervisor, { countyCode: XW, stationCode: 'XWT02' }, false],
  ] as const)('own station: %j at %j → %s', (b, t, want) => expect(atOwnStation(b, t)).toBe(want))

  test('own focus group and own department', () => {
    expect(inOwnFocusGroup(deputy, { countyCode: XW, focusGroupCode: 'FG1' })).toBe(true)
    expect(inOwnFocusGroup(deputy, { countyCode: XW, focusGroupCode: 'FG2' })).toBe(false)
    expect(inOwnFocusGroup(deputy, { countyCode: LY, focusGroupCode: 'FG1' })).toBe(false)
    expect(inOwnFocusGroup(deputy, { countyCode: XW, focusGroupCode: null })).toBe(false)
    expect(ofOwnDepartment(department, { countyCode: XW, departmentCode: 'JTJ' })).toBe(true)
    expect(ofOwnDepartment(department, { countyCode: XW, departmentCode: 'ZJJ' })).toBe(false)
    expect(ofOwnDepartment(department, { countyCode: LY, departmentCode: 'JTJ' })).toBe(false)
    expect(ofOwnDepartment(department, { countyCode: XW, departmentCode: null })).toBe(false)
  })

  test('lists: an omitted field means any', () => {
    expect(staffMayList(townshipStaff, {})).toBe(true)
    expect(staffMayList(townshipStaff, { township: '城关镇' })).toBe(true)
    expect(staffMayList(townshipStaff, { township: '七贤镇' })).toBe(false)
    expect(staffMayList(countyStaff, { township: '七贤镇' })).toBe(true)
    expect(staffMayList(countyStaff, { countyCode: LY })).toBe(false)
    expect(stationMayList(deputy, {})).toBe(true)
    expect(stationMayList(deputy, { stationCode: 'XWT02' })).toBe(false)
    expect(stationMayList(supervisor, { countyCode: XW, stationCode: 'XWT01' })).toBe(true)
    expect(departmentMayList(department, {})).toBe(true)
    expect(departmentMayList(department, { departmentCode: 'ZJJ' })).toBe(false)
    expect(departmentMayList(department, { countyCode: LY })).toBe(false)
  })

  test('finders over an actor', () => {
    const both = actor('o-1', townshipStaff, countyStaff)
    expect(bindingsOf(both).map((b) => b.role)).toEqual(['staff', 'staff', 'resident'])
    expect(bindingsWithRole(both, 'staff')).toEqual([townshipStaff, countyStaff])
    expect(staffReaching(both, { countyCode: XW, township: '七贤镇' })).toBe(countyStaff)
    expect(staffReaching(actor('o-2', townshipStaff), { countyCode: XW, township: null })).toBeUndefined()
    expect(isCountyStaff(countyStaff)).toBe(true)
    expect(isCountyStaff(countyStaff, LY)).toBe(false)
    expect(isCountyStaff(townshipStaff)).toBe(false)
    expect(managedCounty(actor('o-3', townshipStaff))).toBeNull()
    expect(managedCounty(actor('o-4', countyStaff))).toBe(XW)
    expect(managedCounty(actor('o-5', { role: 'admin', countyCode: LY }))).toBe(LY)
    expect(managedCounty(actor('o-5', { role: 'admin', countyCode: LY }), XW)).toBeNull()
    expect(workCounty(actor('o-6'))).toBeNull()
    expect(workCounty(actor('o-7', supervisor))).toBe(XW)
  })
})

// ---- the permission tables, exhaustively ---------------------------------------------------

const ACTORS = {
  resident: actor('o-res'),
  deputy: actor('o-d1', deputy),
  dutyDeputy: actor('o-d9', { role: 'deputy', deputyCode: 'D9', stationCodes: ['XWT05'], focusGroupCodes: [], countyCode: XW }),
  otherDeputy: actor('o-d2', { ...deputy, deputyCode: 'D2', stationCodes: ['XWT02'] }),
  supervisor: actor('o-sv', supervisor),
  otherSupervisor: actor('o-sv2', { ...supervisor, supervisorCode: 'S2', stationCodes: ['XWT02'] }),
  townshipStaff: actor('o-st', townshipStaff),
  otherTownshipStaff: actor('o-st2', { ...townshipStaff, staffCode: 'T2', township: '七贤镇' }),
  countyStaff: actor('o-sc', countyStaff),
  otherCountyStaff: actor('o-ly', { ...countyStaff, staffCode: 'L1', countyCode: LY }),
  department: actor('o-jtj', department),
  admin: actor('o-admin', { role: 'admin', countyCode: XW }),
  otherAdmin: actor('o-admin2', { role: 'admin', countyCode: LY }),
} satisfies Record<string, Actor>
type Name = keyof typeof ACTORS
const NAMES = Object.keys(ACTORS) as Name[]

function checkTable<A extends string, T>(table: PermissionTable<A, T>, actions: readonly A[], target: T, allowed: Partial<Record<Name, readonly A[]>>) {
  const cases = NAMES.flatMap((name) => actions.map((action) => [name, action] as const))
  test.each(cases)('%s → %s', (name, action) => {
    const mine = allowed[name] ?? []
    const sees = mine.includes(table.view)
    const got = authorizeIn(table, ACTORS[name], action, target)
    if (mine.includes(action)) expect(got).toMatchObject({ allowed: true })
    else if (sees) expect(got).toMatchObject({ allowed: false, code: 'forbidden' })
    else expect(got).toEqual(table.notFound ? { allowed: false, code: 'not_found', message: table.notFound } : { allowed: false, code: 'not_found' })
  })
}

describe('接待活动 permissions', () => {
  const station: SessionScope = { countyCode: XW, township: '城关镇', stationCode: 'XWT01', deputyCodes: ['D1', 'D9'], kind: 'reception' }
  const meeting: SessionScope = { countyCode: XW, township: null, stationCode: null, deputyCodes: ['D9'], kind: 'meeting' }
  const MANAGE = ['view_session', 'view_internal', 'manage', 'hold', 'cancel'] as const
  const INTERNAL = ['view_session', 'view_internal'] as const

  describe('a public reception day at XWT01 (城关镇)', () => {
    checkTable(SESSION_PERMISSIONS, SESSION_ACTIONS, station, {
      resident: ['view_session'],
      deputy: INTERNAL,
      dutyDeputy: INTERNAL,
      otherDeputy: ['view_session'],
      supervisor: INTERNAL,
      otherSupervisor: ['view_session'],
      townshipStaff: MANAGE,
      otherTownshipStaff: INTERNAL,
      countyStaff: MANAGE,
      otherCountyStaff: ['view_session'],
      department: ['view_session'],
      admin: ['view_session'],
      otherAdmin: ['view_session'],
    })
  })

  describe('a county-level meeting (internal)', () => {
    checkTable(SESSION_PERMISSIONS, SESSION_ACTIONS, meeting, {
      dutyDeputy: INTERNAL,
      townshipStaff: INTERNAL,
      otherTownshipStaff: INTERNAL,
      countyStaff: MANAGE,
    })
  })

  test('refuses managing in the calendar’s words', () => {
    expect(authorizeIn(SESSION_PERMISSIONS, ACTORS.supervisor, 'cancel', station)).toEqual({ allowed: false, code: 'forbidden', message: '只有本县（本乡镇）人大工作人员可以修改接待活动' })
  })
})

describe('接待登记 permissions (a record of XWT01, 城关镇)', () => {
  const record: RegisterScope = { countyCode: XW, township: '城关镇', stationCode: 'XWT01', stationName: '城关镇人大代表联络站' }
  checkTable(VISIT_PERMISSIONS, VISIT_ACTIONS, record, {
    deputy: ['view_record'],
    supervisor: ['view_record', 'write_record', 'close'],
    townshipStaff: ['view_record', 'supervise'],
    countyStaff: ['view_record', 'supervise'],
  })

  test('says whose station’s supervisor may write, and what supervision is', () => {
    expect(authorizeIn(VISIT_PERMISSIONS, ACTORS.deputy, 'close', record)).toMatchObject({ message: '只有城关镇人大代表联络站的联络站管理员可以登记或修改接待登记' })
    expect(authorizeIn(VISIT_PERMISSIONS, ACTORS.supervisor, 'supervise', record)).toMatchObject({ message: '只有本县（本乡镇）人大工作人员可以进行抽查回访和问题清单管理' })
  })
})

describe('问题清单 permissions', () => {
  describe('a problem at XWT01', () => {
    checkTable(PROBLEM_PERMISSIONS, PROBLEM_ACTIONS, { countyCode: XW, township: '城关镇', stationCode: 'XWT01' }, {
      deputy: ['view_problem'],
      supervisor: ['view_problem'],
      townshipStaff: ['view_problem', 'resolve'],
      countyStaff: ['view_problem', 'resolve'],
    })
  })
  describe('a county-level problem (no station, no township)', () => {
    checkTable(PROBLEM_PERMISSIONS, PROBLEM_ACTIONS, { countyCode: XW, township: null, stationCode: null }, { countyStaff: ['view_problem', 'resolve'] })
  })
})

describe('抽查回访 permissions (a callback of XWT01)', () => {
  checkTable(CALLBACK_PERMISSIONS, CALLBACK_ACTIONS, { countyCode: XW, township: '城关镇', stationCode: 'XWT01' }, {
    deputy: ['view_callback'],
    supervisor: ['view_callback'],
    townshipStaff: ['view_callback', 'record'],
    countyStaff: ['view_callback', 'record'],
  })
})

describe('邀请码 permissions (a code of 修武)', () => {
  const anyone = ['view_invitation', 'redeem'] as const
  checkTable(INVITATION_PERMISSIONS, INVITATION_ACTIONS, { countyCode: XW }, {
    ...Object.fromEntries(NAMES.map((n) => [n, anyone])),
    admin: [...anyone, 'issue', 'cancel'],
  })
})

describe('the item table has the same shape', () => {
  const OWN: ItemScope = { countyCode: XW, township: '城关镇', stationCode: 'XWT01', submitterOpenid: 'o-res', ownerDeputyCode: 'D1', departmentCode: 'JTJ' }
  test('authorize is authorizeIn over ITEM_PERMISSIONS, without a message', () => {
    for (const name of NAMES) {
      for (const action of ['view_item', 'accept', 'dispatch', 'resolve', 'supervise'] as const) {
        const got = authorize(ACTORS[name], action, OWN)
        const table = authorizeIn(ITEM_PERMISSIONS, ACTORS[name], action, OWN)
        expect(got).toEqual(table)
      }
    }
  })

  test('rolesIn lists the roles with a rule', () => {
    expect(rolesIn(ITEM_PERMISSIONS, 'dispatch')).toEqual(['staff'])
    expect(rolesIn(SESSION_PERMISSIONS, 'view_session')).toEqual(['resident', 'deputy', 'supervisor', 'staff', 'department', 'admin'])
    expect(rolesIn(VISIT_PERMISSIONS, 'close')).toEqual(['supervisor'])
  })
})
