/**
 * 问题清单 (the register's problem list): open → resolved (整改销号) by staff within their reach,
 * with what was done. Seen by staff in reach and by the people of the problem's station.
 */
import { defineRecordLifecycle } from './record-lifecycle'
import { PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, type ProblemStatus } from '../visits'
import { staffEntryPermissions } from './visit-record'

export const PROBLEM_EVENTS = ['resolve'] as const
export type ProblemEvent = (typeof PROBLEM_EVENTS)[number]
export const PROBLEM_EVENT_LABELS: Record<ProblemEvent, string> = { resolve: '整改销号' }

export interface ProblemFacts {
  resolvedAt: string | null
}

export const PROBLEM_LIFECYCLE = defineRecordLifecycle<ProblemStatus, ProblemEvent, ProblemFacts>({
  name: '问题',
  states: PROBLEM_STATUSES,
  events: PROBLEM_EVENTS,
  finalStates: ['resolved'],
  stateLabels: PROBLEM_STATUS_LABELS,
  eventLabels: PROBLEM_EVENT_LABELS,
  rows: [{ from: 'open', event: 'resolve', to: 'resolved', roles: ['staff'], noteRequired: true }],
  notApplicable: (_from, _event, f) => `该问题已于${f.resolvedAt?.slice(0, 10) ?? ''}整改销号`,
})

export const PROBLEM_ACTIONS = ['view_problem', 'resolve'] as const
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number]

/** A problem at a station is seen by everyone of that station's register; staff in reach resolve it. */
export const PROBLEM_PERMISSIONS = staffEntryPermissions(PROBLEM_ACTIONS, { name: '问题', refusal: '只有人大工作人员可以将问题销号', notFound: '没有找到该问题' })
