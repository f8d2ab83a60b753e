/**
 * The lifecycle kernel (shared/domain/lifecycle.ts) and every resource's table: each is checked
 * exhaustively, as the item's transition matrix is (tests/unit/domain/transitions.test.ts) —
 * every state × event × role against rows written out here independently, then each guard.
 */
import { decide, defineLifecycle, lifecycleMarkdown, rowFor, availableIn, type Lifecycle } from '@shared/domain/lifecycle'
import {
  CALLBACK_LIFECYCLE,
  INVITATION_LIFECYCLE,
  PROBLEM_LIFECYCLE,
  SESSION_LIFECYCLE,
  VISIT_RECORD_LIFECYCLE,
  invitationState,
} from '@shared/domain/lifecycles'
import { ROLES, type Role } from '@shared/domain/roles'
import { SUGGESTION_STATES } from '@shared/domain/states'
import {
  ACTOR_ROLES,
  ITEM_EVENTS,
  ITEM_LIFECYCLE,
  MAX_REOPENS,
  SUGGESTION_EVENTS,
  TRANSITIONS,
  decideTransition,
  type ActorRole,
  type ItemEvent,
  type TransitionContext,
} from '@shared/domain/transitions'

type Expected<S extends string, E extends string, R extends string> = Array<[S, E, S, R[]]>

/** Every state × event × role of `table`, with `facts` under which every guard holds. */
function matrix<S extends string, E extends string, R extends string, F>(table: Lifecycle<S, E, R, F, string>, roles: readonly R[]) {
  return table.states.flatMap((from) => table.events.flatMap((event) => roles.map((role) => [from, event, role] as const)))
}

function checkMatrix<S extends string, E extends string, R extends string, F>(
  table: Lifecycle<S, E, R, F, string>,
  roles: readonly R[],
  expected: Expected<S, E, R>,
  facts: F,
) {
  const cases = matrix(table, roles)
  test.each(cases)('%s + %s by %s', (from, event, role) => {
    const d = decide(table, from, event, role, facts)
    const exp = expected.find(([f, e]) => f === from && e === event)
    if (!exp) expect(d).toMatchObject({ ok: false, code: 'invalid_transition' })
    else if (exp[3].includes(role)) expect(d).toMatchObject({ ok: true, to: exp[2] })
    else expect(d).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('不能') })
  })

  test('has exactly the expected rows', () => {
    const actual = table.rows.map((r) => JSON.stringify([r.from, r.event, r.to, [...r.roles].sort()]))
    expect(new Set(actual)).toEqual(new Set(expected.map(([f, e, t, rs]) => JSON.stringify([f, e, t, [...rs].sort()]))))
    expect(actual).toHaveLength(expected.length)
  })

  test('labels every state, event and role in Chinese, and uses only its own guards', () => {
    for (const s of table.states) expect(table.stateLabels[s]).toMatch(/\p{Script=Han}/u)
    for (const e of table.events) expect(table.eventLabels[e]).toMatch(/\p{Script=Han}/u)
    for (const r of table.roles) expect(table.roleLabels[r]).toMatch(/\p{Script=Han}/u)
    for (const r of table.rows) for (const g of r.guards ?? []) expect(Object.keys(table.guards)).toContain(g)
    for (const e of table.events) expect(table.rows.some((r) => r.event === e)).toBe(true)
  })
}

describe('the kernel', () => {
  type S = 'a' | 'b' | 'c'
  const table = defineLifecycle<S, 'go' | 'stop', 'x' | 'y', { ok: boolean; early: boolean }, 'late' | 'early'>({
    name: '测试',
    states: ['a', 'b', 'c'],
    events: ['go', 'stop'],
    roles: ['x', 'y'],
    finalStates: ['c'],
    stateLabels: { a: '甲', b: '乙', c: '丙' },
    eventLabels: { go: '前进', stop: '停止' },
    roleLabels: { x: '张', y: '李' },
    guards: {
      early: { phase: 'applies', label: '早', holds: (f) => f.early, refusal: () => ({ code: 'invalid_transition', message: '太早' }) },
      late: { phase: 'allows', label: '晚', holds: (f) => f.ok, refusal: () => ({ code: 'validation_failed', message: '不行', field: 'f' }) },
    },
    rows: [
      { from: 'a', event: 'go', to: 'b', roles: ['x'], guards: ['early', 'late'] },
      { from: 'b', event: 'stop', to: 'c', roles: ['x', 'y'], noteRequired: true },
    ],
  })
  const all = { ok: true, early: true }

  test('decides a row, and says when the record closes', () => {
    expect(decide(table, 'a', 'go', 'x', all)).toMatchObject({ ok: true, to: 'b', closes: false })
    expect(decide(table, 'b', 'stop', 'y', all)).toMatchObject({ ok: true, to: 'c', closes: true })
  })

  test('checks: the row → `applies` guards → the role → `allows` guards', () => {
    expect(decide(table, 'c', 'go', 'x', all)).toEqual({ ok: false, code: 'invalid_transition', message: '当前状态为「丙」，不能前进' })
    expect(decide(table, 'a', 'go', 'y', { ok: false, early: false })).toEqual({ ok: false, code: 'invalid_transition', message: '太早' })
    expect(decide(table, 'a', 'go', 'y', { ok: false, early: true })).toEqual({ ok: false, code: 'forbidden', message: '当前状态为「甲」，李不能前进' })
    expect(decide(table, 'a', 'go', 'x', { ok: false, early: true })).toEqual({ ok: false, code: 'validation_failed', message: '不行', field: 'f' })
  })

  test('an unknown event or state is refused, not a crash', () => {
    expect(decide(table, 'a', 'fly' as 'go', 'x', all)).toMatchObject({ ok: false, code: 'invalid_transition', message: '当前状态为「甲」，不能fly' })
    expect(decide(table, 'z' as S, 'go', 'x', all)).toMatchObject({ ok: false, code: 'invalid_transition' })
  })

  test('refuses a table with two rows for one (from, event)', () => {
    expect(() => defineLifecycle({ ...table, rows: [...table.rows, { from: 'a', event: 'go', to: 'c', roles: ['y'] }] })).toThrow(/a\/go/)
  })

  test('lists what a role may do now, and renders the table for docs', () => {
    expect(availableIn(table, 'a', 'x', all)).toEqual(['go'])
    expect(availableIn(table, 'a', 'x', { ok: true, early: false })).toEqual([])
    expect(rowFor(table, 'b', 'stop')).toMatchObject({ to: 'c' })
    expect(lifecycleMarkdown(table)).toContain('| 甲 `a` | 前进 `go` | 乙 `b` | 张 | 早；晚 |')
    expect(lifecycleMarkdown(table)).toContain('| 乙 `b` | 停止 `stop` | 丙 `c` | 张、李 | 须填写说明 |')
  })
})

describe('接待活动 (reception sessions)', () => {
  checkMatrix(SESSION_LIFECYCLE, ROLES, [
    ['planned', 'hold', 'held', ['staff']],
    ['planned', 'cancel', 'cancelled', ['staff']],
  ], { date: '2026-09-15', today: '2026-09-15' })

  test('holding waits for the session’s day', () => {
    expect(decide(SESSION_LIFECYCLE, 'planned', 'hold', 'staff', { date: '2026-09-15', today: '2026-09-16' })).toMatchObject({ ok: true })
    expect(decide(SESSION_LIFECYCLE, 'planned', 'hold', 'staff', { date: '2026-09-16', today: '2026-09-15' })).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: '活动日期（9月16日）未到，不能标记为已举行',
    })
    // a role that may never hold is told so, before the date
    expect(decide(SESSION_LIFECYCLE, 'planned', 'hold', 'deputy', { date: '2026-09-16', today: '2026-09-15' })).toMatchObject({ code: 'forbidden' })
  })

  test.each([
    ['cancelled', 'cancel', '该活动已经取消'],
    ['held', 'cancel', '已举行的活动不能取消'],
    ['held', 'hold', '该活动已标记为已举行'],
    ['cancelled', 'hold', '已取消的活动不能标记为已举行'],
  ] as const)('from %s, %s says “%s”', (from, event, message) => {
    expect(decide(SESSION_LIFECYCLE, from, event, 'staff', { date: '2026-09-15', today: '2026-09-15' })).toEqual({ ok: false, code: 'invalid_transition', message })
  })

  test('cancelling needs a reason', () => {
    expect(rowFor(SESSION_LIFECYCLE, 'planned', 'cancel')?.noteRequired).toBe(true)
    expect(rowFor(SESSION_LIFECYCLE, 'planned', 'hold')?.noteRequired).toBeUndefined()
  })
})

describe('接待登记 (visit records)', () => {
  checkMatrix(VISIT_RECORD_LIFECYCLE, ROLES, [['open', 'close', 'closed', ['supervisor']]], { missing: [] })

  test.each([
    [['result', 'opinion'], '还缺少“办理结果”和“选民群众对办理结果的意见”，不能办结', 'result'],
    [['opinion'], '还缺少“选民群众对办理结果的意见”，不能办结', 'opinion'],
    [['result'], '还缺少“办理结果”，不能办结', 'result'],
  ] as const)('closing with %j missing is refused on that field', (missing, message, field) => {
    expect(decide(VISIT_RECORD_LIFECYCLE, 'open', 'close', 'supervisor', { missing })).toEqual({ ok: false, code: 'validation_failed', message, field })
  })

  test('a closed record says it is closed', () => {
    expect(decide(VISIT_RECORD_LIFECYCLE, 'closed', 'close', 'supervisor', { missing: [] })).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('该登记已办结') })
  })
})

describe('问题清单 (problems)', () => {
  checkMatrix(PROBLEM_LIFECYCLE, ROLES, [['open', 'resolve', 'resolved', ['staff']]], { resolvedAt: null })

  test('a resolved problem says when it was resolved; resolving needs what was done', () => {
    expect(decide(PROBLEM_LIFECYCLE, 'resolved', 'resolve', 'staff', { resolvedAt: '2026-09-15T03:00:00.000Z' })).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: '该问题已于2026-09-15整改销号',
    })
    expect(rowFor(PROBLEM_LIFECYCLE, 'open', 'resolve')?.noteRequired).toBe(true)
  })
})

describe('抽查回访 (callbacks)', () => {
  checkMatrix(CALLBACK_LIFECYCLE, ROLES, [['pending', 'record', 'done', ['staff']]], { calledAt: null, calledByName: null })

  test('a callback is recorded once, and the refusal says by whom', () => {
    expect(decide(CALLBACK_LIFECYCLE, 'done', 'record', 'staff', { calledAt: '2026-09-15T03:00:00.000Z', calledByName: '魏凤英' })).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: '该条登记已于2026-09-15由魏凤英回访，不能重复登记',
    })
  })
})

describe('邀请码 (invitations)', () => {
  const valid = { expiresAt: '2026-09-20T00:00:00.000Z', now: '2026-09-15T00:00:00.000Z' }
  checkMatrix(INVITATION_LIFECYCLE, ROLES, [['issued', 'redeem', 'redeemed', ['resident']], ['issued', 'cancel', 'cancelled', ['admin']]], valid)

  test('an expired or spent code is invalid, on the code field', () => {
    const invalid = { ok: false, code: 'invitation_invalid', message: '邀请码无效、已使用或已过期', field: 'code' }
    expect(decide(INVITATION_LIFECYCLE, 'issued', 'redeem', 'resident', { ...valid, now: valid.expiresAt })).toEqual(invalid)
    expect(decide(INVITATION_LIFECYCLE, 'redeemed', 'redeem', 'resident', valid)).toMatchObject({ code: 'invalid_transition', message: invalid.message })
  })

  test('its state is whether someone redeemed it, or an admin voided it', () => {
    expect(invitationState({ redeemedBy: null })).toBe('issued')
    expect(invitationState({ redeemedBy: 'o-1' })).toBe('redeemed')
    expect(invitationState({ redeemedBy: null, cancelledAt: '2026-09-15T00:00:00.000Z' })).toBe('cancelled')
  })

  test('a spent or voided code cannot be voided again', () => {
    for (const from of ['redeemed', 'cancelled'] as const) {
      expect(decide(INVITATION_LIFECYCLE, from, 'cancel', 'admin', valid)).toMatchObject({ code: 'invalid_transition', message: '该邀请码已使用或已作废' })
    }
  })
})

describe('the item table of the kernel (ITEM_LIFECYCLE)', () => {
  const EVERYTHING_HOLDS: TransitionContext = { reopenCount: 0, viaAssignmentForm: true, moderation: 'held', extension: undefined }

  test('holds every row of TRANSITIONS, in order, then 放行 from every state', () => {
    expect(ITEM_LIFECYCLE.rows.slice(0, TRANSITIONS.length).map((r) => [r.from, r.event, r.to, r.roles])).toEqual(TRANSITIONS.map((r) => [r.from, r.event, r.to, r.roles]))
    expect(ITEM_LIFECYCLE.rows.slice(TRANSITIONS.length).map((r) => [r.from, r.event, r.to, r.roles, r.guards])).toEqual(
      SUGGESTION_STATES.map((s) => [s, 'release', s, ['staff'], ['moderation_held']]),
    )
    expect(ITEM_EVENTS).toEqual([...SUGGESTION_EVENTS, 'release'])
  })

  const cases = SUGGESTION_STATES.flatMap((from) => ITEM_EVENTS.flatMap((event) => ACTOR_ROLES.map((role) => [from, event, role] as const)))
  test.each(cases)('%s + %s by %s agrees with the transition table (and 放行 is staff’s, from anywhere)', (from, event, role) => {
    const d = decide(ITEM_LIFECYCLE, from, event as ItemEvent, role as ActorRole, EVERYTHING_HOLDS)
    if (event === 'release') {
      expect(d).toMatchObject(role === 'staff' ? { ok: true, to: from, closes: false } : { ok: false, code: 'forbidden' })
      return
    }
    const old = decideTransition(from, event, role, EVERYTHING_HOLDS)
    expect(d.ok).toBe(old.ok)
    if (d.ok && old.ok) expect([d.to, d.closes]).toEqual([old.to, old.closes])
    if (!d.ok && !old.ok) expect([d.code, d.message]).toEqual([old.code, old.message])
  })

  test('放行 only while the text is held, in the words the use case always used', () => {
    for (const s of SUGGESTION_STATES) {
      expect(decide(ITEM_LIFECYCLE, s, 'release', 'staff', { moderation: 'pass' })).toEqual({ ok: false, code: 'invalid_transition', message: '该事项无需审核' })
      expect(decide(ITEM_LIFECYCLE, s, 'release', 'staff', {})).toMatchObject({ ok: false, code: 'invalid_transition' })
    }
  })

  test('an extension is decided only while one is pending, and requested only while none is', () => {
    for (const s of ['dispatched', 'in_progress'] as const) {
      expect(decideTransition(s, 'decide_extension', 'staff', { extension: null })).toEqual({ ok: false, code: 'invalid_transition', message: '没有待审批的延期申请' })
      expect(decideTransition(s, 'decide_extension', 'staff', { extension: { status: 'approved' } })).toMatchObject({ ok: false, code: 'invalid_transition' })
      expect(decideTransition(s, 'decide_extension', 'staff', { extension: { status: 'pending' } })).toMatchObject({ ok: true, to: s })
      expect(decideTransition(s, 'request_extension', 'department', { extension: { status: 'pending' } })).toEqual({
        ok: false,
        code: 'invalid_transition',
        message: '已有一份待审批的延期申请，请等待审批结果',
      })
      expect(decideTransition(s, 'request_extension', 'department', { extension: { status: 'rejected' } })).toMatchObject({ ok: true })
      expect(decideTransition(s, 'request_extension', 'department', { extension: null })).toMatchObject({ ok: true })
      // a role that may never decide is told forbidden, not “nothing pending”
      expect(decideTransition(s, 'decide_extension', 'department', { extension: null })).toMatchObject({ code: 'forbidden' })
    }
  })

  test('the reopen guard and the assignment-form guard keep their order and words', () => {
    expect(decideTransition('resolved', 'reopen', 'resident', { reopenCount: MAX_REOPENS })).toMatchObject({ code: 'reopen_limit' })
    expect(decideTransition('resolved', 'reopen', 'department', { reopenCount: MAX_REOPENS })).toMatchObject({ code: 'forbidden' })
    expect(decideTransition('submitted', 'dispatch', 'department', {})).toMatchObject({ code: 'invalid_transition' })
  })

  test('docs render 放行 with its guard', () => {
    expect(lifecycleMarkdown(ITEM_LIFECYCLE)).toContain('| 已点单 `submitted` | 审核放行 `release` | 已点单 `submitted` | 人大工作人员 | 仅限待审核的内容 |')
  })
})

describe('every table', () => {
  const TABLES: Array<Lifecycle<string, string, string, unknown, string>> = [
    ITEM_LIFECYCLE as never,
    SESSION_LIFECYCLE as never,
    VISIT_RECORD_LIFECYCLE as never,
    PROBLEM_LIFECYCLE as never,
    CALLBACK_LIFECYCLE as never,
    INVITATION_LIFECYCLE as never,
  ]
  test.each(TABLES.map((t) => [t.name, t] as const))('%s: rows stay within its states, events and roles; final states are left by no state change', (_name, t) => {
    for (const r of t.rows) {
      expect(t.states).toContain(r.from)
      expect(t.states).toContain(r.to)
      expect(t.events).toContain(r.event)
      for (const role of r.roles) expect(t.roles).toContain(role)
      if (t.finalStates.includes(r.from)) expect(r.to).toBe(r.from)
    }
  })

  test('the Role type covers every role a record table names', () => {
    const roles: readonly Role[] = ROLES
    for (const t of TABLES.slice(1)) expect([...t.roles].sort()).toEqual([...roles].sort())
  })
})
