import { allowedActions } from '../../../cloudfunctions/_core/views/detail-for'
import { itemScope } from '../../../cloudfunctions/_core/views/item-scope'
import type { SuggestionDoc } from '../../../cloudfunctions/_core/model'
import { authorize, type ItemAction } from '@shared/domain/permissions'
import type { Actor, RoleBinding } from '@shared/domain/roles'
import { SUGGESTION_STATES } from '@shared/domain/states'
import { MAX_REOPENS, decideTransition, type SuggestionEvent } from '@shared/domain/transitions'

/**
 * allowedActions comes from the verb registry now; this is the hand-written table it replaced,
 * kept here as the oracle: over every state, moderation, extension, reopen count, 交办单 flag,
 * role and relation both must answer the same list in the same order.
 */
const OLD_VERBS: Array<{ action: string; event: SuggestionEvent; permission: ItemAction }> = [
  { action: 'accept', event: 'accept', permission: 'accept' },
  { action: 'answer', event: 'answer', permission: 'answer' },
  { action: 'escalate', event: 'escalate', permission: 'escalate' },
  { action: 'dispatch', event: 'dispatch', permission: 'dispatch' },
  { action: 'acknowledge', event: 'acknowledge', permission: 'acknowledge' },
  { action: 'progress', event: 'progress', permission: 'progress' },
  { action: 'requestExtension', event: 'request_extension', permission: 'request_extension' },
  { action: 'decideExtension', event: 'decide_extension', permission: 'decide_extension' },
  { action: 'resolve', event: 'resolve', permission: 'resolve' },
  { action: 'sendBack', event: 'send_back', permission: 'send_back' },
  { action: 'rate', event: 'verify', permission: 'verify' },
  { action: 'deputyRate', event: 'deputy_rate', permission: 'deputy_rate' },
  { action: 'supervise', event: 'supervise', permission: 'supervise' },
  { action: 'merge', event: 'merge', permission: 'merge' },
  { action: 'refer', event: 'refer', permission: 'refer' },
  { action: 'withdraw', event: 'withdraw', permission: 'withdraw' },
]

function oldAllowed(actor: Actor, doc: SuggestionDoc, following: boolean): string[] {
  const scope = itemScope(doc, following ? [actor.openid] : [])
  const out: string[] = []
  for (const verb of OLD_VERBS) {
    const auth = authorize(actor, verb.permission, scope)
    if (!auth.allowed) continue
    const decision = decideTransition(doc.state, verb.event, auth.binding.role, { reopenCount: doc.reopenCount, viaAssignmentForm: doc.viaAssignmentForm })
    if (!decision.ok) continue
    if (verb.action === 'requestExtension' && doc.extension?.status === 'pending') continue
    if (verb.action === 'decideExtension' && doc.extension?.status !== 'pending') continue
    out.push(verb.action)
  }
  if (doc.moderation === 'held' && authorize(actor, 'supervise', scope, { role: 'staff' }).allowed) out.unshift('release')
  return out
}

const C = 'XW'
const deputy: RoleBinding = { role: 'deputy', deputyCode: 'R1', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: C }
const otherDeputy: RoleBinding = { role: 'deputy', deputyCode: 'R2', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: C }
const actors: Record<string, Actor> = {
  submitter: { openid: 'me', bindings: [] },
  stranger: { openid: 'other', bindings: [] },
  deputy: { openid: 'd1', bindings: [deputy] },
  otherDeputy: { openid: 'd2', bindings: [otherDeputy] },
  deputySubmitter: { openid: 'me', bindings: [deputy] },
  supervisor: { openid: 's1', bindings: [{ role: 'supervisor', supervisorCode: 'M1', stationCodes: ['XWT01'], countyCode: C }] },
  countyStaff: { openid: 'st1', bindings: [{ role: 'staff', staffCode: 'S1', countyCode: C, scope: 'county' }] },
  townshipStaff: { openid: 'st2', bindings: [{ role: 'staff', staffCode: 'S2', countyCode: C, scope: 'township', township: '七贤镇' }] },
  department: { openid: 'dp1', bindings: [{ role: 'department', departmentCode: 'D09', countyCode: C }] },
  coDepartment: { openid: 'dp2', bindings: [{ role: 'department', departmentCode: 'D02', countyCode: C }] },
  staffAndDeputy: { openid: 'x', bindings: [{ role: 'staff', staffCode: 'S1', countyCode: C, scope: 'county' }, deputy] },
}

function doc(over: Partial<SuggestionDoc>): SuggestionDoc {
  return {
    _id: 'i1',
    version: 1,
    countyCode: C,
    township: '城关镇',
    stationCode: 'XWT01',
    focusGroupCode: null,
    submitterOpenid: 'me',
    moderation: 'pass',
    state: 'submitted',
    ownerDeputyCode: null,
    departmentCode: 'D09',
    coDepartmentCodes: ['D02'],
    reopenCount: 0,
    extension: null,
    viaAssignmentForm: false,
    ...over,
  } as SuggestionDoc
}

describe('allowedActions from the verb registry', () => {
  it('answers what the hand-written table answered, for every combination', () => {
    let compared = 0
    for (const state of SUGGESTION_STATES) {
      for (const moderation of ['pass', 'held'] as const) {
        for (const extension of [null, { workdays: 5, reason: 'r', status: 'pending' as const }, { workdays: 5, reason: 'r', status: 'approved' as const }]) {
          for (const reopenCount of [0, MAX_REOPENS]) {
            for (const viaAssignmentForm of [false, true]) {
              for (const ownerDeputyCode of [null, 'R1', 'R2']) {
                const d = doc({ state, moderation, extension, reopenCount, viaAssignmentForm, ownerDeputyCode })
                for (const [name, actor] of Object.entries(actors)) {
                  for (const following of [false, true]) {
                    const key = { state, moderation, ext: extension?.status, reopenCount, viaAssignmentForm, ownerDeputyCode, name, following }
                    expect({ ...key, actions: allowedActions(actor, d, following) }).toEqual({ ...key, actions: oldAllowed(actor, d, following) })
                    compared++
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10000)
  })

  it('offers something in the places the loop needs it (the oracle is not vacuous)', () => {
    expect(allowedActions(actors.deputy, doc({ state: 'submitted' }), false)).toEqual(['accept', 'merge', 'refer'])
    expect(allowedActions(actors.submitter, doc({ state: 'submitted' }), false)).toEqual(['withdraw'])
    expect(allowedActions(actors.countyStaff, doc({ state: 'submitted', moderation: 'held' }), false)).toEqual(['release', 'merge', 'refer'])
    expect(allowedActions(actors.department, doc({ state: 'in_progress', extension: { workdays: 5, reason: 'r', status: 'pending' } }), false)).toEqual([
      'progress',
      'resolve',
    ])
    expect(allowedActions(actors.countyStaff, doc({ state: 'in_progress', extension: { workdays: 5, reason: 'r', status: 'pending' } }), false)).toEqual([
      'decideExtension',
      'supervise',
    ])
    expect(allowedActions(actors.submitter, doc({ state: 'resolved' }), false)).toEqual(['rate'])
  })
})
