import { defineFunction } from '../_core/runtime/define-function'
import { overview } from '../_core/usecases/stats/overview'
import { breakdown } from '../_core/usecases/stats/breakdown'
import { receptionFiguresAction } from '../_core/usecases/stats/reception-figures'
import { evaluation, freezeYear } from '../_core/usecases/stats/evaluation'
import { evaluationExport } from '../_core/usecases/stats/export'
import { deputyRecord } from '../_core/usecases/stats/deputy-record'
import { reconcileCountersAction } from '../_core/usecases/stats/reconcile'
import { clusters } from '../_core/usecases/stats/clusters'
import { open311Requests, open311Services } from '../_core/usecases/stats/open311'

/** 统计与评议: figures, breakdowns, the year-end evaluation, duty records, clusters, Open311. */
export const statsFunction = defineFunction('stats', {
  overview,
  breakdown,
  receptionFigures: receptionFiguresAction,
  evaluation,
  evaluationExport,
  freezeYear,
  reconcileCounters: reconcileCountersAction,
  deputyRecord,
  clusters,
  open311Requests,
  open311Services,
})
