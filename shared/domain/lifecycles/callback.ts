/**
 * 抽查回访 (a spot check's callbacks): each drawn record is called back once, pending → done,
 * by staff within their reach; seen by everyone of the record's station register.
 */
import { defineRecordLifecycle } from './record-lifecycle'
import { SUPERVISION_REFUSAL, staffEntryPermissions } from './visit-record'

export const CALLBACK_STATUSES = ['pending', 'done'] as const
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number]
export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = { pending: '待回访', done: '已回访' }

export const CALLBACK_EVENTS = ['record'] as const
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number]
export const CALLBACK_EVENT_LABELS: Record<CallbackEvent, string> = { record: '登记回访' }

export interface CallbackFacts {
  calledAt: string | null
  calledByName: string | null
}

export const CALLBACK_LIFECYCLE = defineRecordLifecycle<CallbackStatus, CallbackEvent, CallbackFacts>({
  name: '抽查回访',
  states: CALLBACK_STATUSES,
  events: CALLBACK_EVENTS,
  finalStates: ['done'],
  stateLabels: CALLBACK_STATUS_LABELS,
  eventLabels: CALLBACK_EVENT_LABELS,
  rows: [{ from: 'pending', event: 'record', to: 'done', roles: ['staff'] }],
  notApplicable: (_from, _event, f) => `该条登记已于${f.calledAt?.slice(0, 10) ?? ''}由${f.calledByName ?? '工作人员'}回访，不能重复登记`,
})

export const CALLBACK_ACTIONS = ['view_callback', 'record'] as const
export type CallbackAction = (typeof CALLBACK_ACTIONS)[number]

export const CALLBACK_PERMISSIONS = staffEntryPermissions(CALLBACK_ACTIONS, { name: '抽查回访', refusal: SUPERVISION_REFUSAL, notFound: '没有找到该抽查记录' })
