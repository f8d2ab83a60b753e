import { readFileSync } from 'fs'
import { join } from 'path'
import { FINAL_STATES, STATE_LABELS, SUGGESTION_STATES, type SuggestionState } from '@shared/domain/states'
import {
  ACTOR_ROLES,
  EVENT_LABELS,
  MAX_REOPENS,
  MILESTONES,
  RATINGS,
  RATING_LABELS,
  RESOLUTION_OUTCOMES,
  RESOLUTION_OUTCOME_LABELS,
  SUGGESTION_EVENTS,
  TRANSITIONS,
  availableEvents,
  decideTransition,
  isSatisfied,
  residentRatingEvent,
  ruleFor,
  transitionTableMarkdown,
  type ActorRole,
  type SuggestionEvent,
} from '@shared/domain/transitions'

/**
 * The expected table, written out independently of the module: (from, event) → to, by whom.
 * Anything not listed must be refused with invalid_transition.
 */
const EXPECTED: Array<[SuggestionState, SuggestionEvent, SuggestionState, ActorRole[]]> = [
  ['submitted', 'accept', 'accepted', ['deputy']],
  ['submitted', 'withdraw', 'withdrawn', ['resident']],
  ['submitted', 'merge', 'merged', ['staff', 'deputy']],
  ['submitted', 'refer', 'referred', ['deputy', 'staff']],
  // submitted → dispatch exists only for 交办单 items: tested separately below
  ['accepted', 'answer', 'answered', ['deputy']],
  ['accepted', 'escalate', 'escalated', ['deputy']],
  ['accepted', 'merge', 'merged', ['staff', 'deputy']],
  ['accepted', 'refer', 'referred', ['deputy', 'staff']],
  ['escalated', 'dispatch', 'dispatched', ['staff']],
  ['escalated', 'merge', 'merged', ['staff', 'deputy']],
  ['dispatched', 'acknowledge', 'in_progress', ['department']],
  ['dispatched', 'send_back', 'escalated', ['department']],
  ['dispatched', 'request_extension', 'dispatched', ['department']],
  ['dispatched', 'decide_extension', 'dispatched', ['staff']],
  ['dispatched', 'supervise', 'dispatched', ['staff']],
  ['in_progress', 'progress', 'in_progress', ['department']],
  ['in_progress', 'request_extension', 'in_progress', ['department']],
  ['in_progress', 'decide_extension', 'in_progress', ['staff']],
  ['in_progress', 'supervise', 'in_progress', ['staff']],
  ['in_progress', 'resolve', 'resolved', ['department']],
  ['resolved', 'verify', 'verified', ['resident', 'supervisor']],
  ['resolved', 'reopen', 'dispatched', ['resident', 'supervisor', 'staff']],
  ['resolved', 'auto_verify', 'verified', ['system']],
  ['resolved', 'deputy_rate', 'resolved', ['deputy']],
  ['answered', 'verify', 'verified', ['resident', 'supervisor']],
  ['answered', 'reopen', 'accepted', ['resident', 'supervisor', 'staff']],
  ['answered', 'auto_verify', 'verified', ['system']],
  ['verified', 'deputy_rate', 'verified', ['deputy']],
  // 代表离任: the admin moves 首问负责 of an open item that has an owner; closed items keep theirs
  ['accepted', 'handover', 'accepted', ['admin']],
  ['answered', 'handover', 'answered', ['admin']],
  ['escalated', 'handover', 'escalated', ['admin']],
  ['dispatched', 'handover', 'dispatched', ['admin']],
  ['in_progress', 'handover', 'in_progress', ['admin']],
  ['resolved', 'handover', 'resolved', ['admin']],
]

const expectedFor = (from: SuggestionState, event: SuggestionEvent) => EXPECTED.find(([f, e]) => f === from && e === event)

const MATRIX = SUGGESTION_STATES.flatMap((from) =>
  SUGGESTION_EVENTS.flatMap((event) => ACTOR_ROLES.map((role) => [from, event, role] as const)),
)

describe('the transition matrix (every state × event × role)', () => {
  test.each(MATRIX)('%s + %s by %s', (from, event, role) => {
    const d = decideTransition(from, event, role)
    const exp = expectedFor(from, event)
    if (!exp) {
      expect(d).toMatchObject({ ok: false, code: 'invalid_transition' })
    } else if (exp[3].includes(role)) {
      expect(d).toMatchObject({ ok: true, to: exp[2] })
    } else {
      expect(d).toMatchObject({ ok: false, code: 'forbidden' })
    }
    if (!d.ok) expect(d.message).toContain(`「${STATE_LABELS[from]}」`)
  })

  test('the module table has exactly the expected rows', () => {
    const actual = TRANSITIONS.filter((r) => r.condition === undefined).map((r) => [r.from, r.event, r.to, [...r.roles].sort()])
    const expected = EXPECTED.map(([f, e, t, roles]) => [f, e, t, [...roles].sort()])
    expect(new Set(actual.map((x) => JSON.stringify(x)))).toEqual(new Set(expected.map((x) => JSON.stringify(x))))
    expect(TRANSITIONS.filter((r) => r.condition !== undefined)).toEqual([
      expect.objectContaining({ from: 'submitted', event: 'dispatch', to: 'dispatched', roles: ['staff'], condition: 'assignment_form' }),
    ])
  })
})

describe('named cases', () => {
  test('rejects dispatch of an item nobody accepted', () => {
    const d = decideTransition('submitted', 'dispatch', 'staff')
    expect(d).toMatchObject({ ok: false, code: 'invalid_transition' })
    if (!d.ok) expect(d.message).toMatch(/^当前状态为「已点单」，尚未经代表接单并提交人大，不能派单/)
  })

  test('lets staff dispatch a 交办单 item straight from submitted, and nobody else', () => {
    for (const role of ACTOR_ROLES) {
      const d = decideTransition('submitted', 'dispatch', role, { viaAssignmentForm: true })
      if (role === 'staff') expect(d).toMatchObject({ ok: true, to: 'dispatched', milestone: 'dispatchedAt' })
      else expect(d).toMatchObject({ ok: false, code: 'forbidden' })
    }
  })

  test('a 交办单 flag does not open dispatch from any other state', () => {
    for (const from of SUGGESTION_STATES.filter((s) => s !== 'submitted' && s !== 'escalated')) {
      expect(decideTransition(from, 'dispatch', 'staff', { viaAssignmentForm: true })).toMatchObject({ ok: false, code: 'invalid_transition' })
    }
  })

  test('says which state the item is in when an event does not apply', () => {
    expect(decideTransition('dispatched', 'accept', 'deputy')).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: '当前状态为「已派单」，不能接单',
    })
  })

  test('says which role may not do it when the event applies but not for that role', () => {
    expect(decideTransition('submitted', 'accept', 'resident')).toEqual({
      ok: false,
      code: 'forbidden',
      message: '当前状态为「已点单」，群众不能接单',
    })
  })

  test('two deputies accepting: the second finds the item already accepted', () => {
    expect(decideTransition('submitted', 'accept', 'deputy')).toMatchObject({ ok: true, to: 'accepted', milestone: 'acceptedAt' })
    expect(decideTransition('accepted', 'accept', 'deputy')).toMatchObject({ ok: false, code: 'invalid_transition' })
  })

  test('the deputy answers on the spot, the resident verifies: the short loop', () => {
    expect(decideTransition('accepted', 'answer', 'deputy')).toMatchObject({ ok: true, to: 'answered', milestone: 'answeredAt', closes: false })
    expect(decideTransition('answered', 'verify', 'resident')).toMatchObject({ ok: true, to: 'verified', milestone: 'verifiedAt', closes: true })
  })

  test('the full five-order loop walks from submitted to verified', () => {
    const steps: Array<[SuggestionEvent, ActorRole, SuggestionState]> = [
      ['accept', 'deputy', 'accepted'],
      ['escalate', 'deputy', 'escalated'],
      ['dispatch', 'staff', 'dispatched'],
      ['acknowledge', 'department', 'in_progress'],
      ['progress', 'department', 'in_progress'],
      ['resolve', 'department', 'resolved'],
      ['deputy_rate', 'deputy', 'resolved'],
      ['verify', 'resident', 'verified'],
    ]
    let state: SuggestionState = 'submitted'
    for (const [event, role, to] of steps) {
      const d = decideTransition(state, event, role)
      expect(d).toMatchObject({ ok: true, to })
      if (d.ok) state = d.to
    }
    expect(state).toBe('verified')
  })

  test('reopening a resolved item sends it back to the department (dispatched)', () => {
    expect(decideTransition('resolved', 'reopen', 'resident', { reopenCount: 0 })).toMatchObject({
      ok: true,
      to: 'dispatched',
      milestone: 'reopenedAt',
      reopen: true,
    })
  })

  test('reopening an on-the-spot answer sends it back to the deputy (accepted)', () => {
    expect(decideTransition('answered', 'reopen', 'resident', { reopenCount: 1 })).toMatchObject({ ok: true, to: 'accepted' })
  })

  test.each(['resident', 'supervisor', 'staff'] as const)('reopen by %s is bounded by MAX_REOPENS', (role) => {
    expect(MAX_REOPENS).toBe(2)
    expect(decideTransition('resolved', 'reopen', role, { reopenCount: MAX_REOPENS - 1 })).toMatchObject({ ok: true })
    const d = decideTransition('resolved', 'reopen', role, { reopenCount: MAX_REOPENS })
    expect(d).toMatchObject({ ok: false, code: 'reopen_limit' })
    if (!d.ok) expect(d.message).toContain('上限2次')
    expect(decideTransition('answered', 'reopen', role, { reopenCount: 5 })).toMatchObject({ ok: false, code: 'reopen_limit' })
  })

  test('a role that may never reopen is told forbidden, not reopen_limit', () => {
    expect(decideTransition('resolved', 'reopen', 'department', { reopenCount: 9 })).toMatchObject({ ok: false, code: 'forbidden' })
  })

  test('only the reopen rules count reopens', () => {
    for (const r of TRANSITIONS) {
      const d = decideTransition(r.from, r.event, r.roles[0], { reopenCount: 99, viaAssignmentForm: true })
      expect(d.ok).toBe(r.event !== 'reopen')
    }
  })

  test('withdraw only before a deputy accepts', () => {
    expect(decideTransition('submitted', 'withdraw', 'resident')).toMatchObject({ ok: true, to: 'withdrawn', closes: true })
    for (const from of SUGGESTION_STATES.filter((s) => s !== 'submitted')) {
      expect(decideTransition(from, 'withdraw', 'resident')).toMatchObject({ ok: false, code: 'invalid_transition' })
    }
  })

  test('auto-verify is the timer’s alone and closes the item', () => {
    expect(decideTransition('resolved', 'auto_verify', 'system')).toMatchObject({ ok: true, to: 'verified', closes: true })
    expect(decideTransition('resolved', 'auto_verify', 'staff')).toMatchObject({ ok: false, code: 'forbidden' })
    for (const event of SUGGESTION_EVENTS.filter((e) => e !== 'auto_verify')) {
      for (const from of SUGGESTION_STATES) expect(decideTransition(from, event, 'system', { viaAssignmentForm: true }).ok).toBe(false)
    }
  })

  test('final states accept nothing except the deputy’s late rating of a verified item', () => {
    for (const from of FINAL_STATES) {
      const open = availableEvents(from, 'deputy').concat(...ACTOR_ROLES.filter((r) => r !== 'deputy').map((r) => availableEvents(from, r)))
      expect(open).toEqual(from === 'verified' ? ['deputy_rate'] : [])
    }
  })

  test('a department may send a wrong dispatch back to the congress, before acknowledging only', () => {
    expect(decideTransition('dispatched', 'send_back', 'department')).toMatchObject({ ok: true, to: 'escalated', milestone: 'sentBackAt' })
    expect(decideTransition('in_progress', 'send_back', 'department')).toMatchObject({ ok: false, code: 'invalid_transition' })
  })

  test('what each role may do on a submitted item', () => {
    expect(availableEvents('submitted', 'deputy')).toEqual(['accept', 'merge', 'refer'])
    expect(availableEvents('submitted', 'resident')).toEqual(['withdraw'])
    expect(availableEvents('submitted', 'staff')).toEqual(['merge', 'refer'])
    expect(availableEvents('submitted', 'staff', { viaAssignmentForm: true })).toEqual(['dispatch', 'merge', 'refer'])
    expect(availableEvents('submitted', 'department')).toEqual([])
  })

  test('an unknown event string is an invalid transition, not a crash', () => {
    expect(decideTransition('submitted', 'teleport' as SuggestionEvent, 'deputy')).toMatchObject({ ok: false, code: 'invalid_transition' })
  })
})

describe('the table itself', () => {
  test('has one row per (from, event)', () => {
    const keys = TRANSITIONS.map((r) => `${r.from}/${r.event}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('uses every event, and every event has a Chinese label', () => {
    for (const e of SUGGESTION_EVENTS) {
      expect(TRANSITIONS.some((r) => r.event === e)).toBe(true)
      expect(EVENT_LABELS[e]).toMatch(/\p{Script=Han}/u)
    }
  })

  test('stamps only known milestones, and every state-changing row stamps one', () => {
    for (const r of TRANSITIONS) {
      if (r.milestone) expect(MILESTONES).toContain(r.milestone)
      if (r.from !== r.to) expect(r.milestone).toBeDefined()
    }
  })

  test('self-loops never change state; side exits need a reason', () => {
    for (const e of ['progress', 'request_extension', 'decide_extension', 'supervise'] as const) {
      for (const r of TRANSITIONS.filter((x) => x.event === e)) expect(r.to).toBe(r.from)
    }
    for (const r of TRANSITIONS.filter((x) => x.event === 'refer' || x.event === 'merge')) expect(r.noteRequired).toBe(true)
  })

  test('every state is reachable from submitted, and verified from every non-final state', () => {
    const reach = (start: SuggestionState) => {
      const seen = new Set<SuggestionState>([start])
      const queue = [start]
      while (queue.length) {
        const s = queue.shift()!
        for (const r of TRANSITIONS.filter((x) => x.from === s)) if (!seen.has(r.to)) (seen.add(r.to), queue.push(r.to))
      }
      return seen
    }
    expect([...reach('submitted')].sort()).toEqual([...SUGGESTION_STATES].sort())
    for (const s of SUGGESTION_STATES.filter((x) => !FINAL_STATES.includes(x))) expect(reach(s).has('verified')).toBe(true)
  })

  test('ruleFor finds the row', () => {
    expect(ruleFor('in_progress', 'resolve')).toMatchObject({ to: 'resolved', roles: ['department'] })
    expect(ruleFor('verified', 'resolve')).toBeUndefined()
  })

  test('docs/states.md shows the table exactly as the module has it', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/states.md'), 'utf8')
    expect(doc).toContain(transitionTableMarkdown())
  })
})

describe('ratings and outcomes', () => {
  test('three ratings with their Chinese labels', () => {
    expect(RATINGS).toEqual(['satisfied', 'basically_satisfied', 'unsatisfied'])
    expect(RATINGS.map((r) => RATING_LABELS[r])).toEqual(['满意', '基本满意', '不满意'])
    expect(RATINGS.map(isSatisfied)).toEqual([true, true, false])
  })

  test('three outcomes with the national wording', () => {
    expect(RESOLUTION_OUTCOMES).toEqual(['solved', 'planned', 'explained'])
    expect(RESOLUTION_OUTCOMES.map((o) => RESOLUTION_OUTCOME_LABELS[o])).toEqual([
      '已解决',
      '列入计划逐步解决',
      '因条件限制暂不能解决并已说明',
    ])
  })

  test.each([
    ['satisfied', 0, 'verify'],
    ['basically_satisfied', 0, 'verify'],
    ['unsatisfied', 0, 'reopen'],
    ['unsatisfied', 1, 'reopen'],
    ['unsatisfied', 2, 'verify'],
    ['satisfied', 2, 'verify'],
  ] as const)('a resident rating %s after %i reopens leads to %s', (rating, count, event) => {
    expect(residentRatingEvent(rating, count)).toBe(event)
  })
})
