/**
 * 接待活动 (reception sessions and the meetings that share their model): who may see and act on a
 * session, and how its status moves. planned → held (标记已举行, on or after its day) or
 * planned → cancelled (取消, with a reason); both are staff decisions within their reach.
 * The runner (cloudfunctions/_core/runtime/run-lifecycle.ts) writes each step with its history.
 */
import { definePermissions } from '../permission-table'
import { defineRecordLifecycle } from './record-lifecycle'
import { formatChineseDate } from '../reception/dates'
import { atOwnStation, inOwnCounty, staffReaches, type BindingOf } from '../scope'
import { PUBLIC_SESSION_KINDS, SESSION_STATUSES, SESSION_STATUS_LABELS, type SessionKind, type SessionStatus } from '../sessions'

export const SESSION_EVENTS = ['hold', 'cancel'] as const
export type SessionEvent = (typeof SESSION_EVENTS)[number]
export const SESSION_EVENT_LABELS: Record<SessionEvent, string> = { hold: '标记已举行', cancel: '取消' }

/** What the session's guards look at: its day, and today (Beijing). */
export interface SessionFacts {
  date: string
  today: string
}

export type SessionGuard = 'day_reached'

export const SESSION_LIFECYCLE = defineRecordLifecycle<SessionStatus, SessionEvent, SessionFacts, SessionGuard>({
  name: '接待活动',
  states: SESSION_STATUSES,
  events: SESSION_EVENTS,
  finalStates: ['held', 'cancelled'],
  stateLabels: SESSION_STATUS_LABELS,
  eventLabels: SESSION_EVENT_LABELS,
  guards: {
    day_reached: {
      phase: 'allows',
      label: '活动当天或之后',
      holds: (f) => f.date <= f.today,
      refusal: (f) => ({ code: 'invalid_transition', message: `活动日期（${formatChineseDate(f.date)}）未到，不能标记为已举行` }),
    },
  },
  rows: [
    { from: 'planned', event: 'hold', to: 'held', roles: ['staff'], guards: ['day_reached'] },
    { from: 'planned', event: 'cancel', to: 'cancelled', roles: ['staff'], noteRequired: true },
  ],
  notApplicable: (from, event) => {
    if (event === 'cancel') return from === 'cancelled' ? '该活动已经取消' : '已举行的活动不能取消'
    return from === 'held' ? '该活动已标记为已举行' : '已取消的活动不能标记为已举行'
  },
})

/** The fields of a session the permission rules look at. */
export interface SessionScope {
  countyCode: string
  /** null: county level (only county-scope staff reach it). */
  township: string | null
  stationCode: string | null
  deputyCodes: readonly string[]
  kind: SessionKind
}

export const SESSION_ACTIONS = ['view_session', 'view_internal', 'manage', 'hold', 'cancel'] as const
export type SessionAction = (typeof SESSION_ACTIONS)[number]

export const isPublicKind = (s: { kind: SessionKind }) => PUBLIC_SESSION_KINDS.includes(s.kind)

/** A deputy of the session's station, or on duty at it. */
const deputyConcerned = (b: BindingOf<'deputy'>, s: SessionScope) => atOwnStation(b, s) || (inOwnCounty(b, s) && s.deputyCodes.includes(b.deputyCode))
const manages = (b: BindingOf<'staff'>, s: SessionScope) => staffReaches(b, s)
const MANAGE_REFUSAL = '只有本县（本乡镇）人大工作人员可以修改接待活动'

/**
 * - everyone sees public sessions (reception days, thematic days, online windows);
 * - the county's staff, the deputies of the station or on duty, and the station's supervisors see
 *   the internal fields (notes, attendance, follow-ups) — and so see internal meetings;
 * - staff reaching the session's township (county staff: the whole county) manage it.
 */
export const SESSION_PERMISSIONS = definePermissions<SessionAction, SessionScope>({
  name: '接待活动',
  view: 'view_session',
  rules: {
    view_session: {
      resident: (_o, s) => isPublicKind(s),
      deputy: (b, s) => isPublicKind(s) || deputyConcerned(b, s),
      supervisor: (b, s) => isPublicKind(s) || atOwnStation(b, s),
      staff: (b, s) => isPublicKind(s) || inOwnCounty(b, s),
      department: (_b, s) => isPublicKind(s),
      admin: (_b, s) => isPublicKind(s),
    },
    view_internal: { deputy: deputyConcerned, supervisor: atOwnStation, staff: inOwnCounty },
    manage: { staff: manages },
    hold: { staff: manages },
    cancel: { staff: manages },
  },
  refusals: { manage: MANAGE_REFUSAL, hold: MANAGE_REFUSAL, cancel: MANAGE_REFUSAL },
  notFound: '没有找到该接待活动',
})
