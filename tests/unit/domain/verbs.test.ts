import { allSuggestionActions } from '@shared/api/suggestion-actions'
import { workflowInputs } from '@shared/api/suggestion-workflow'
import { CALLERS } from '@shared/api/callers'
import { ITEM_ACTIONS, rolesFor } from '@shared/domain/permissions'
import { SUGGESTION_STATES } from '@shared/domain/states'
import { EVENT_LABELS, ITEM_LIFECYCLE, MAX_REOPENS, RATINGS, SUGGESTION_EVENTS, TRANSITIONS, residentRatingEvent, ruleFor } from '@shared/domain/transitions'
import {
  VERBS,
  VERB_ACTIONS,
  WORKBENCHES,
  historyEventLabel,
  ratingEvent,
  reopenable,
  verbOf,
  verbOfEvent,
  verbAllowedNow,
  verbsShownOn,
  workbenchFor,
} from '@shared/domain/verbs'

/** Reads of the suggestion function's workflow inputs, not steps on an item. */
const READS = ['similar']

describe('verb registry: derived from the transition and permission tables', () => {
  it('every event of the item lifecycle table (the loop\'s and 放行) has exactly one verb', () => {
    expect(ITEM_LIFECYCLE.events).toEqual(expect.arrayContaining([...SUGGESTION_EVENTS]))
    for (const event of ITEM_LIFECYCLE.events) {
      const owners = VERBS.filter((v) => v.events.includes(event))
      expect({ event, owners: owners.map((v) => v.name) }).toEqual({ event, owners: [expect.any(String)] })
    }
  })

  it('every event a verb names is an event of the table with at least one row', () => {
    const table: readonly string[] = ITEM_LIFECYCLE.events
    for (const v of VERBS) {
      for (const e of v.events) {
        expect(table).toContain(e)
        expect(ITEM_LIFECYCLE.rows.some((r) => r.event === e)).toBe(true)
      }
    }
  })

  it('every workflow action of the API maps to exactly one verb, and every verb action is an API action', () => {
    const actions = Object.keys(workflowInputs).filter((a) => !READS.includes(a))
    for (const action of actions) {
      expect({ action, verbs: VERBS.filter((v) => v.action === action).length }).toEqual({ action, verbs: 1 })
      expect(verbOf(action)?.action).toBe(action)
    }
    expect([...VERB_ACTIONS].sort()).toEqual([...actions].sort())
    for (const v of VERBS) if (v.action) expect(Object.keys(allSuggestionActions)).toContain(v.action)
  })

  it('the verbs without a suggestion action are the timer\'s and the admin\'s 移交, and no item page lists them', () => {
    const unactioned = VERBS.filter((v) => v.action === null)
    expect(unactioned.map((v) => v.name)).toEqual(['auto_verify', 'handover'])
    expect(unactioned.every((v) => !v.listed && v.shownOn.length === 0)).toBe(true)
    expect(TRANSITIONS.filter((r) => r.event === 'auto_verify').every((r) => r.roles.join() === 'system')).toBe(true)
    expect(TRANSITIONS.filter((r) => r.event === 'handover').every((r) => r.roles.join() === 'admin' && r.from === r.to)).toBe(true)
  })

  it('labels agree with the table\'s (EVENT_LABELS for the loop); the timeline names every event', () => {
    for (const v of VERBS) {
      if (v.offerEvent) expect(v.label).toBe(ITEM_LIFECYCLE.eventLabels[v.offerEvent])
    }
    for (const event of SUGGESTION_EVENTS) {
      expect(ITEM_LIFECYCLE.eventLabels[event]).toBe(EVENT_LABELS[event])
      expect(historyEventLabel(event)).toBe(EVENT_LABELS[event])
    }
    expect(historyEventLabel('submit')).toBe('选民点单')
    // the timeline has always said what 放行 did; its button says what staff do
    expect(historyEventLabel('release')).toBe('内容审核通过')
    expect(verbOf('release')?.button).toBe('审核放行')
    expect(historyEventLabel('something_else')).toBe('something_else')
    expect(historyEventLabel('toString')).toBe('toString')
    expect(verbOf('follow')?.label).toBe('我也关注')
  })

  it('the note requirement is the table\'s: a verb needs a note when every row of its events does', () => {
    for (const v of VERBS.filter((x) => x.offerEvent)) {
      const rows = ITEM_LIFECYCLE.rows.filter((r) => v.events.includes(r.event))
      expect({ verb: v.name, needsNote: v.needsNote }).toEqual({ verb: v.name, needsNote: rows.every((r) => r.noteRequired === true) })
    }
    expect(verbOf('answer')?.needsNote).toBe(true)
    expect(verbOf('acknowledge')?.needsNote).toBe(false)
    // 验单: 满意 needs none, 重新办理 does (the form asks for it then)
    expect(verbOf('rate')?.needsNote).toBe(false)
    expect(verbOf('release')?.needsNote).toBe(false)
  })

  it('every permission a verb asks is in the permission table, and the roles it could reach are the callers of its action', () => {
    for (const v of VERBS) {
      if (!v.action) {
        expect(v.permission).toBeNull()
        continue
      }
      expect(ITEM_ACTIONS).toContain(v.permission)
      if (v.asRole) continue
      // the callers table lets in exactly the roles the permission table could grant (rate: verify or reopen)
      const perms = (v.events as readonly string[]).filter((e): e is (typeof ITEM_ACTIONS)[number] => (ITEM_ACTIONS as readonly string[]).includes(e))
      const roles = new Set((perms.length ? perms : [v.permission!]).flatMap(rolesFor))
      expect({ action: v.action, roles: [...(CALLERS.suggestion as Record<string, { roles: readonly string[] }>)[v.action].roles].sort() }).toEqual({
        action: v.action,
        roles: [...roles].sort(),
      })
    }
  })

  it('a verb is offered through its offer event: the permission of the same name, some role of the table may take it', () => {
    for (const v of VERBS.filter((x) => x.listed && !x.asRole)) {
      expect(v.events).toContain(v.offerEvent)
      expect(v.permission).toBe(v.offerEvent)
      const rows = ITEM_LIFECYCLE.rows.filter((r) => r.event === v.offerEvent)
      expect(rows.length).toBeGreaterThan(0)
      const tableRoles = new Set(rows.flatMap((r) => r.roles))
      expect(rolesFor(v.permission!).some((r) => tableRoles.has(r))).toBe(true)
    }
    expect(verbOf('rate')?.offerEvent).toBe('verify')
    expect(verbOf('rate')?.events).toEqual(['verify', 'reopen'])
  })

  it('each workbench shows the verbs of its roles, steps forward first', () => {
    expect(verbsShownOn('deputy').map((v) => v.action)).toEqual(['accept', 'answer', 'escalate', 'deputyRate', 'merge', 'refer'])
    expect(verbsShownOn('staff').map((v) => v.action)).toEqual(['release', 'dispatch', 'decideExtension', 'supervise', 'merge', 'refer'])
    expect(verbsShownOn('department').map((v) => v.action)).toEqual(['acknowledge', 'resolve', 'progress', 'requestExtension', 'sendBack'])
    expect(verbsShownOn('item').map((v) => v.action)).toEqual(['follow', 'rate', 'withdraw'])
    for (const wb of WORKBENCHES) for (const v of verbsShownOn(wb)) expect(v.action).not.toBeNull()
    // a workbench shows a verb only when one of its roles may take it
    const ROLES = { deputy: ['deputy'], staff: ['staff'], department: ['department'], item: ['resident', 'supervisor'] } as const
    for (const wb of WORKBENCHES) {
      for (const v of verbsShownOn(wb)) {
        const roles = v.asRole ? [v.asRole] : rolesFor(v.permission!)
        expect({ wb, verb: v.name, ok: roles.some((r) => (ROLES[wb] as readonly string[]).includes(r)) }).toEqual({ wb, verb: v.name, ok: true })
      }
    }
    expect(verbOf('deputyRate')?.button).toBe('评价办理结果')
    expect(verbOf('accept')?.button).toBe(EVENT_LABELS.accept)
  })

  it('the resident\'s item page sends a role holder to the workbench of the first verb that opens one', () => {
    expect(workbenchFor([])).toBeNull()
    expect(workbenchFor(['rate', 'withdraw'])).toBeNull()
    expect(workbenchFor(['merge', 'refer'])).toBeNull()
    expect(workbenchFor(['release'])).toBeNull()
    expect(workbenchFor(['accept', 'merge'])).toBe('deputy')
    expect(workbenchFor(['deputyRate'])).toBe('deputy')
    expect(workbenchFor(['supervise'])).toBe('staff')
    expect(workbenchFor(['decideExtension', 'merge'])).toBe('staff')
    expect(workbenchFor(['requestExtension'])).toBe('department')
    expect(workbenchFor(['progress', 'accept'])).toBe('deputy')
  })

  it('verbOfEvent names the verb of every event', () => {
    for (const event of SUGGESTION_EVENTS) expect(verbOfEvent(event)?.events).toContain(event)
    expect(verbOfEvent('reopen')?.action).toBe('rate')
  })

  it('the table decides what is offered now: 延期 asked while none is pending and decided while one is, held text released', () => {
    const req = verbOf('requestExtension')!
    const dec = verbOf('decideExtension')!
    const rel = verbOf('release')!
    const pending = { extension: { status: 'pending' as const } }
    expect(verbAllowedNow(req, 'in_progress', 'department', { extension: null })).toBe(true)
    expect(verbAllowedNow(req, 'in_progress', 'department', pending)).toBe(false)
    expect(verbAllowedNow(req, 'in_progress', 'department', { extension: { status: 'approved' } })).toBe(true)
    expect(verbAllowedNow(dec, 'in_progress', 'staff', pending)).toBe(true)
    expect(verbAllowedNow(dec, 'in_progress', 'staff', { extension: { status: 'rejected' } })).toBe(false)
    expect(verbAllowedNow(dec, 'in_progress', 'staff', { extension: null })).toBe(false)
    for (const state of SUGGESTION_STATES) {
      expect(verbAllowedNow(rel, state, 'staff', { moderation: 'held' })).toBe(true)
      expect(verbAllowedNow(rel, state, 'staff', { moderation: 'pass' })).toBe(false)
    }
    expect(rel.asRole).toBe('staff')
    expect(verbAllowedNow(verbOf('follow')!, 'submitted', 'resident', {})).toBe(false)
    expect(verbAllowedNow(verbOf('rate')!, 'resolved', 'resident', { reopenCount: MAX_REOPENS })).toBe(true)
    expect(verbAllowedNow(verbOf('dispatch')!, 'submitted', 'staff', { viaAssignmentForm: false })).toBe(false)
    expect(verbAllowedNow(verbOf('dispatch')!, 'submitted', 'staff', { viaAssignmentForm: true })).toBe(true)
  })
})

describe('what a rating leads to', () => {
  it('follows residentRatingEvent of the table in every state, rating, reopen count and choice', () => {
    for (const state of SUGGESTION_STATES) {
      for (const rating of RATINGS) {
        for (let count = 0; count <= MAX_REOPENS + 1; count++) {
          for (const wants of [false, true]) {
            const expected = wants && ruleFor(state, 'reopen') ? residentRatingEvent(rating, count) : 'verify'
            expect(ratingEvent({ state, reopenCount: count }, rating, wants)).toBe(expected)
          }
        }
      }
      expect(reopenable({ state })).toBe(!!ruleFor(state, 'reopen'))
    }
    expect(ratingEvent({ state: 'resolved', reopenCount: 0 }, 'unsatisfied', true)).toBe('reopen')
    expect(ratingEvent({ state: 'resolved', reopenCount: MAX_REOPENS }, 'unsatisfied', true)).toBe('verify')
    expect(ratingEvent({ state: 'answered', reopenCount: 1 }, 'satisfied', true)).toBe('verify')
  })
})
