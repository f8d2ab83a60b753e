import { defineTimer } from '../_core/runtime/define-timer'
import { flagOverdue } from '../_core/usecases/timers/flag-overdue'
import { remindDeadlines } from '../_core/usecases/timers/remind-deadlines'
import { autoVerify } from '../_core/usecases/timers/auto-verify'
import { followUpPlanned } from '../_core/usecases/timers/follow-up-planned'
import { deliverOutbox } from '../_core/usecases/timers/deliver-outbox'
import { remindReceptions } from '../_core/usecases/timers/remind-receptions'
import { applyVisitRetention } from '../_core/usecases/timers/visit-retention'
import { reconcileNightly } from '../_core/usecases/stats/reconcile'

/** 定时任务: overdue flags, deadline reminders, auto-verify, planned follow-ups, counter reconciliation, then delivery. */
export const timersFunction = defineTimer('timers', {
  flagOverdue,
  remindDeadlines,
  autoVerify,
  followUpPlanned,
  remindReceptions,
  applyVisitRetention,
  reconcileCounters: reconcileNightly,
  deliverOutbox,
})
