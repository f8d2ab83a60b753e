import type { Actor, RoleBinding } from '@shared/domain/roles'
import {
  ITEM_ACTIONS,
  PERMISSION_ACTIONS,
  QUEUE_ACTIONS,
  authorize,
  bindingFor,
  bindingsOf,
  canView,
  rolesFor,
  type ItemAction,
  type ItemScope,
} from '@shared/domain/permissions'
import { SUGGESTION_EVENTS, TRANSITIONS } from '@shared/domain/transitions'
import { api } from '@shared/api'
import { CALLERS, callerRule, mayCall } from '@shared/api/callers'

const COUNTY = '410821'
const actor = (openid: string, ...bindings: RoleBinding[]): Actor => ({ openid, bindings })

const ACTORS = {
  resident: actor('o-res'),
  follower: actor('o-fan'),
  stranger: actor('o-nobody'),
  deputy_owner: actor('o-d1', { role: 'deputy', deputyCode: 'D1', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: COUNTY }),
  deputy_same_station: actor('o-d2', { role: 'deputy', deputyCode: 'D2', stationCodes: ['XWT01', 'XWT02'], focusGroupCodes: [], countyCode: COUNTY }),
  deputy_focus_group: actor('o-d3', { role: 'deputy', deputyCode: 'D3', stationCodes: ['XWT05'], focusGroupCodes: ['FG-TRAFFIC'], countyCode: COUNTY }),
  supervisor: actor('o-sv', { role: 'supervisor', supervisorCode: 'S1', stationCodes: ['XWT01'], countyCode: COUNTY }),
  staff_township: actor('o-st', { role: 'staff', staffCode: 'T1', countyCode: COUNTY, scope: 'township', township: '五里源乡' }),
  staff_county: actor('o-sc', { role: 'staff', staffCode: 'C1', countyCode: COUNTY, scope: 'county' }),
  department: actor('o-jtj', { role: 'department', departmentCode: 'JTJ', countyCode: COUNTY }),
  co_department: actor('o-zjj', { role: 'department', departmentCode: 'ZJJ', countyCode: COUNTY }),
  admin: actor('o-admin', { role: 'admin', countyCode: COUNTY }),
} satisfies Record<string, Actor>
type ActorName = keyof typeof ACTORS

/** Item of the actors above: their station, township, focus group, department; owned by D1. */
const OWN: ItemScope = {
  countyCode: COUNTY,
  township: '五里源乡',
  stationCode: 'XWT01',
  focusGroupCode: 'FG-TRAFFIC',
  submitterOpenid: 'o-res',
  followerOpenids: ['o-fan'],
  ownerDeputyCode: 'D1',
  departmentCode: 'JTJ',
  coDepartmentCodes: ['ZJJ'],
}
/** Same county, everything else someone else's. */
const OTHER: ItemScope = {
  countyCode: COUNTY,
  township: '云台山镇',
  stationCode: 'XWT09',
  focusGroupCode: 'FG-TOURISM',
  submitterOpenid: 'o-someone',
  followerOpenids: ['o-another'],
  ownerDeputyCode: 'D9',
  departmentCode: 'WLJ',
  coDepartmentCodes: ['LYJ'],
}
/** Another county entirely, same station / department codes as OWN. */
const OTHER_COUNTY: ItemScope = { ...OWN, countyCode: '411122', submitterOpenid: 'o-someone', followerOpenids: [] }

const DEPUTY_ACTS: ItemAction[] = ['accept', 'answer', 'escalate', 'deputy_rate', 'merge', 'refer']
const STAFF_ACTS: ItemAction[] = ['view_item', 'view_contact', 'dispatch', 'decide_extension', 'reopen', 'merge', 'refer', 'supervise']

/** What each actor may do on OWN; every other item action is `forbidden` (they can see it). */
const ALLOWED_ON_OWN: Record<ActorName, ItemAction[]> = {
  resident: ['view_item', 'view_contact', 'withdraw', 'follow', 'verify', 'reopen'],
  follower: ['view_item', 'follow'],
  stranger: [],
  deputy_owner: ['view_item', 'view_contact', ...DEPUTY_ACTS],
  deputy_same_station: ['view_item'], // 首问负责: D1 owns it
  deputy_focus_group: ['view_item'],
  supervisor: ['view_item', 'view_contact', 'verify', 'reopen'],
  staff_township: STAFF_ACTS,
  staff_county: STAFF_ACTS,
  department: ['view_item', 'acknowledge', 'progress', 'request_extension', 'resolve', 'send_back'],
  co_department: ['view_item', 'progress'],
  // 代表离任: the county's admin moves 首问负责 of an owned item, and sees nothing of it
  admin: ['handover'],
}
/** Before any deputy owns it, every deputy of the station or focus group may act; contact still masked. */
const ALLOWED_ON_UNOWNED: Partial<Record<ActorName, ItemAction[]>> = {
  deputy_owner: ['view_item', ...DEPUTY_ACTS],
  deputy_same_station: ['view_item', ...DEPUTY_ACTS],
  deputy_focus_group: ['view_item', ...DEPUTY_ACTS],
  admin: [], // nobody owns it: nothing to hand over
}
/** Who still reaches OTHER (same county): county staff only. */
const ALLOWED_ON_OTHER: Partial<Record<ActorName, ItemAction[]>> = { staff_county: STAFF_ACTS, admin: ['handover'] }

const NAMES = Object.keys(ACTORS) as ActorName[]
const cases = (allowed: Partial<Record<ActorName, ItemAction[]>>) =>
  NAMES.flatMap((name) => ITEM_ACTIONS.map((action) => [name, action, allowed[name] ?? []] as const))

function expected(allowedList: readonly ItemAction[], visible: boolean) {
  return (action: ItemAction) => (allowedList.includes(action) ? 'allowed' : visible ? 'forbidden' : 'not_found')
}
const outcome = (r: ReturnType<typeof authorize>) => (r.allowed ? 'allowed' : r.code)

describe('item permissions on an item in the actor’s own scope', () => {
  test.each(cases(ALLOWED_ON_OWN))('%s → %s', (name, action, allowed) => {
    const visible = allowed.includes('view_item')
    expect(outcome(authorize(ACTORS[name], action, OWN))).toBe(expected(allowed, visible)(action))
  })
})

describe('item permissions on an item nobody owns yet', () => {
  const unowned = { ...OWN, ownerDeputyCode: null }
  test.each(cases({ ...ALLOWED_ON_OWN, ...ALLOWED_ON_UNOWNED }))('%s → %s', (name, action, allowed) => {
    const visible = allowed.includes('view_item')
    expect(outcome(authorize(ACTORS[name], action, unowned))).toBe(expected(allowed, visible)(action))
  })
})

describe('item permissions on an item in another scope of the same county', () => {
  test.each(cases(ALLOWED_ON_OTHER))('%s → %s', (name, action, allowed) => {
    const visible = allowed.includes('view_item')
    expect(outcome(authorize(ACTORS[name], action, OTHER))).toBe(expected(allowed, visible)(action))
  })
})

describe('item permissions on an item of another county', () => {
  test.each(cases({}))('%s → %s is not_found', (name, action) => {
    expect(outcome(authorize(ACTORS[name], action, OTHER_COUNTY))).toBe('not_found')
  })
})

describe('queue permissions', () => {
  const OWN_Q = { countyCode: COUNTY, township: '五里源乡', stationCode: 'XWT01', departmentCode: 'JTJ' }
  const OTHER_Q = { countyCode: COUNTY, township: '云台山镇', stationCode: 'XWT09', departmentCode: 'WLJ' }
  const FOREIGN_Q = { ...OWN_Q, countyCode: '411122' }
  const QUEUES: Record<ActorName, { own: string[]; other: string[] }> = {
    resident: { own: [], other: [] },
    follower: { own: [], other: [] },
    stranger: { own: [], other: [] },
    deputy_owner: { own: ['view_station_queue'], other: [] },
    deputy_same_station: { own: ['view_station_queue'], other: [] },
    deputy_focus_group: { own: [], other: [] }, // XWT05 only
    supervisor: { own: ['view_station_queue'], other: [] },
    staff_township: { own: ['view_station_queue', 'view_dispatch_board'], other: [] },
    staff_county: { own: ['view_station_queue', 'view_dispatch_board'], other: ['view_station_queue', 'view_dispatch_board'] },
    department: { own: ['view_department_queue'], other: [] },
    co_department: { own: [], other: [] },
    admin: { own: [], other: [] },
  }
  const qcases = NAMES.flatMap((name) => QUEUE_ACTIONS.map((action) => [name, action] as const))
  test.each(qcases)('%s → %s', (name, action) => {
    const a = ACTORS[name]
    expect(authorize(a, action, OWN_Q).allowed).toBe(QUEUES[name].own.includes(action))
    expect(authorize(a, action, OTHER_Q).allowed).toBe(QUEUES[name].other.includes(action))
    expect(authorize(a, action, FOREIGN_Q).allowed).toBe(false)
    // without a queue: "any such queue of mine" — whoever has the role
    const any = authorize(a, action)
    const roleOf = { view_station_queue: ['deputy', 'supervisor', 'staff'], view_dispatch_board: ['staff'], view_department_queue: ['department'] }[action]
    expect(any.allowed).toBe(a.bindings.some((b) => roleOf.includes(b.role)))
    if (!any.allowed) expect(any.code).toBe('forbidden')
  })
})

describe('named cases', () => {
  test('a resident asking about someone else’s item is told it does not exist', () => {
    for (const action of ITEM_ACTIONS) expect(authorize(ACTORS.stranger, action, OWN)).toEqual({ allowed: false, code: 'not_found' })
  })

  test('a follower may see the item but not withdraw or rate it, and is told forbidden', () => {
    expect(authorize(ACTORS.follower, 'withdraw', OWN)).toEqual({ allowed: false, code: 'forbidden' })
    expect(authorize(ACTORS.follower, 'verify', OWN)).toEqual({ allowed: false, code: 'forbidden' })
    expect(authorize(ACTORS.follower, 'view_contact', OWN)).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('a published item may be seen and followed by any resident, contact still masked', () => {
    const pub = { ...OWN, isPublic: true }
    expect(authorize(ACTORS.stranger, 'view_item', pub)).toMatchObject({ allowed: true, binding: { role: 'resident' } })
    expect(authorize(ACTORS.stranger, 'follow', pub)).toMatchObject({ allowed: true })
    expect(authorize(ACTORS.stranger, 'view_contact', pub)).toEqual({ allowed: false, code: 'forbidden' })
    expect(authorize(ACTORS.stranger, 'verify', pub)).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('a department of another item gets not_found, never a hint that it exists', () => {
    expect(authorize(ACTORS.department, 'resolve', OTHER)).toEqual({ allowed: false, code: 'not_found' })
  })

  test('an item not yet dispatched is invisible to every department', () => {
    const fresh = { ...OWN, departmentCode: null, coDepartmentCodes: [] }
    expect(authorize(ACTORS.department, 'view_item', fresh)).toEqual({ allowed: false, code: 'not_found' })
  })

  test('a co-handling department may view and report progress only', () => {
    expect(authorize(ACTORS.co_department, 'progress', OWN)).toMatchObject({ allowed: true })
    expect(authorize(ACTORS.co_department, 'resolve', OWN)).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('the owning deputy keeps the item even after leaving its station', () => {
    const moved = actor('o-d1', { role: 'deputy', deputyCode: 'D1', stationCodes: ['XWT07'], focusGroupCodes: [], countyCode: COUNTY })
    expect(authorize(moved, 'view_item', OWN)).toMatchObject({ allowed: true })
    expect(authorize(moved, 'deputy_rate', OWN)).toMatchObject({ allowed: true })
    expect(authorize(moved, 'accept', OWN)).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('a deputy who submitted an item acts on it as a resident: withdraw comes with the resident binding', () => {
    const d = actor('o-res', { role: 'deputy', deputyCode: 'D2', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: COUNTY })
    expect(authorize(d, 'withdraw', OWN)).toEqual({ allowed: true, binding: { role: 'resident' } })
    expect(authorize(d, 'view_item', OWN)).toMatchObject({ allowed: true, binding: { role: 'deputy' } })
    expect(authorize(d, 'view_item', OWN, { role: 'resident' })).toEqual({ allowed: true, binding: { role: 'resident' } })
  })

  test('asking for a role the actor lacks is refused', () => {
    expect(authorize(ACTORS.resident, 'accept', OWN, { role: 'deputy' })).toEqual({ allowed: false, code: 'forbidden' })
    expect(authorize(ACTORS.staff_county, 'verify', OWN, { role: 'staff' })).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('an empty openid never matches an empty submitter', () => {
    expect(authorize(actor(''), 'view_item', { ...OWN, submitterOpenid: '' })).toEqual({ allowed: false, code: 'not_found' })
  })

  test('an item action without an item is not_found; an unknown action is forbidden', () => {
    expect(authorize(ACTORS.staff_county, 'dispatch')).toEqual({ allowed: false, code: 'not_found' })
    expect(authorize(ACTORS.staff_county, 'launch_rocket' as never, OWN)).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('township staff reach only their township', () => {
    expect(authorize(ACTORS.staff_township, 'dispatch', { ...OWN, township: '郇封镇' })).toEqual({ allowed: false, code: 'not_found' })
  })

  test('canView agrees with view_item', () => {
    for (const name of NAMES) for (const item of [OWN, OTHER, OTHER_COUNTY]) {
      expect(canView(ACTORS[name], item)).toBe(authorize(ACTORS[name], 'view_item', item).allowed)
    }
  })
})

describe('bindings', () => {
  test('every actor is a resident too, tried last', () => {
    expect(bindingsOf(ACTORS.staff_county).map((b) => b.role)).toEqual(['staff', 'resident'])
    expect(bindingFor(ACTORS.stranger, 'resident')).toEqual({ role: 'resident' })
    expect(bindingFor(ACTORS.stranger, 'deputy')).toBeUndefined()
    expect(bindingFor(ACTORS.deputy_owner, 'deputy')?.deputyCode).toBe('D1')
  })
})

describe('agreement with the transition table', () => {
  test('every event a person takes is a permission action', () => {
    for (const e of SUGGESTION_EVENTS.filter((x) => x !== 'auto_verify')) expect(PERMISSION_ACTIONS).toContain(e)
  })

  test.each(SUGGESTION_EVENTS.filter((x) => x !== 'auto_verify'))('the roles that may %s are the same in both modules', (event) => {
    const inTable = new Set(TRANSITIONS.filter((r) => r.event === event).flatMap((r) => r.roles))
    expect(new Set(rolesFor(event))).toEqual(inTable)
  })
})

describe('a 交办单 filed on a visitor’s behalf (issue 13)', () => {
  const FILED: ItemScope = { ...OWN, submitterOpenid: 'o-sv', followerOpenids: ['o-sv'], ownerDeputyCode: null, filedOnBehalf: true }

  test('gives the supervisor who filed it no resident rights over it: withdraw is forbidden', () => {
    expect(authorize(ACTORS.supervisor, 'withdraw', FILED)).toEqual({ allowed: false, code: 'forbidden' })
    expect(authorize(ACTORS.supervisor, 'view_contact', FILED)).toEqual({ allowed: true, binding: ACTORS.supervisor.bindings[0] })
    expect(authorize(ACTORS.supervisor, 'verify', FILED, { role: 'resident' })).toEqual({ allowed: false, code: 'forbidden' })
  })

  test('leaves the station’s supervisor rules in force for it', () => {
    expect(authorize(ACTORS.supervisor, 'verify', FILED)).toMatchObject({ allowed: true, binding: { role: 'supervisor' } })
  })
})

describe('who may call each action at all (shared/api/callers.ts, issue 13)', () => {
  test('names every action of every function, and only those', () => {
    for (const [fn, actions] of Object.entries(api)) expect(Object.keys(CALLERS[fn as keyof typeof CALLERS]).sort()).toEqual(Object.keys(actions).sort())
  })

  test('finds only its own entries, never what objects inherit', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(callerRule('suggestion', name)).toBeUndefined()
      expect(callerRule(name, 'get')).toBeUndefined()
    }
  })

  test('lets every role that the permission table grants an item action call it', () => {
    for (const action of ITEM_ACTIONS.filter((a) => !['view_item', 'view_contact'].includes(a))) {
      const verb = action.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
      // 移交 is written by the directory's 代表离任, not by a suggestion action
      const rule = action === 'handover' ? callerRule('directory', 'deputyLeave') : callerRule('suggestion', verb === 'verify' || verb === 'reopen' ? 'rate' : verb)
      expect([action, rule]).toEqual([action, expect.anything()])
      for (const name of NAMES) if (authorize(ACTORS[name], action, OWN).allowed) expect([action, name, mayCall(ACTORS[name], rule!)]).toEqual([action, name, true])
    }
  })
})
