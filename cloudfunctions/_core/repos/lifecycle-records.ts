/**
 * How the lifecycle runner (runtime/run-lifecycle.ts) reads and writes each record that has a
 * state besides the five-order item: its table, where its state is, what its guards look at, and
 * the guarded write (version, or state where the record has no version). Each step appends one
 * entry to the record's `history` inside the same write.
 */
import { shanghaiDateTime } from '@shared/domain/reception/dates'
import {
  CALLBACK_LIFECYCLE,
  INVITATION_LIFECYCLE,
  PROBLEM_LIFECYCLE,
  SESSION_LIFECYCLE,
  VISIT_RECORD_LIFECYCLE,
  invitationState,
} from '@shared/domain/lifecycles'
import type { InvitationDoc, ReceptionSessionDoc, VisitCallbackDoc, VisitProblemDoc, VisitRecordDoc } from '../model'
import { statusRecord } from '../runtime/run-lifecycle'

/** 接待活动: planned → held / cancelled; guarded by its version. */
export const SESSION_RECORD = statusRecord<ReceptionSessionDoc, ReceptionSessionDoc['status'], 'hold' | 'cancel', { date: string; today: string }>({
  collection: 'reception_sessions',
  table: SESSION_LIFECYCLE,
  stateOf: (d) => d.status,
  stateFields: (to, ctx) => (to === 'held' ? { status: to, heldAt: ctx.at } : { status: to }),
  factsOf: (d, now) => ({ date: d.date, today: shanghaiDateTime(now).date }),
  conflict: '该接待活动刚刚已被他人修改，请刷新后再试',
})

/** 接待登记: open → closed; guarded by its version. Facts (what is missing) come from the use case. */
export const VISIT_RECORD = statusRecord<VisitRecordDoc, VisitRecordDoc['status'], 'close', { missing: readonly ('result' | 'opinion')[] }>({
  collection: 'visit_records',
  table: VISIT_RECORD_LIFECYCLE,
  stateOf: (d) => d.status,
  stateFields: (to) => ({ status: to }),
  factsOf: () => ({ missing: [] }),
  conflict: '该登记刚刚已在别处修改（以服务器为准），请刷新后再编辑',
})

/** 问题清单: open → resolved; guarded by its version. */
export const PROBLEM_RECORD = statusRecord<VisitProblemDoc, VisitProblemDoc['status'], 'resolve', { resolvedAt: string | null }>({
  collection: 'visit_problems',
  table: PROBLEM_LIFECYCLE,
  stateOf: (d) => d.status,
  stateFields: (to) => ({ status: to }),
  factsOf: (d) => ({ resolvedAt: d.resolvedAt }),
  conflict: '该问题刚刚已被他人修改，请刷新后再试',
})

/** 抽查回访: pending → done, once; no version: guarded by its status. */
export const CALLBACK_RECORD = statusRecord<VisitCallbackDoc, VisitCallbackDoc['status'], 'record', { calledAt: string | null; calledByName: string | null }>({
  collection: 'visit_callbacks',
  table: CALLBACK_LIFECYCLE,
  stateOf: (d) => d.status,
  stateFields: (to) => ({ status: to }),
  factsOf: (d) => ({ calledAt: d.calledAt, calledByName: d.calledByName }),
  expect: (d) => ({ status: d.status }),
  conflict: '该条登记刚刚已由他人回访，请刷新后查看',
})

/** 邀请码: issued → redeemed, once; its state is whether someone redeemed it, and the write is guarded by that. */
export const INVITATION_RECORD = statusRecord<InvitationDoc, 'issued' | 'redeemed' | 'cancelled', 'redeem' | 'cancel', { expiresAt: string; now: string }>({
  collection: 'invitations',
  table: INVITATION_LIFECYCLE,
  stateOf: invitationState,
  // the use case's change sets redeemedBy / redeemedAt (or cancelledAt): the state follows from them
  stateFields: () => ({}),
  factsOf: (d, now) => ({ expiresAt: d.expiresAt, now: now.toISOString() }),
  // neither redeemed nor cancelled meanwhile (absent equals null)
  expect: (d) => ({ redeemedBy: d.redeemedBy, cancelledAt: d.cancelledAt ?? null }),
})
