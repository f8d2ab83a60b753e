/**
 * Following every matter until it is closed (临颍: 代工委 checks 办理结果 and 选民群众对办理结果的意见
 * on every form): the supervisor calls the visitor back and records the opinion — for a 交办单 that
 * is also the item's 验单, on the visitor's behalf — and closes the record once both fields are
 * there. The list of records still missing either, per station.
 */
import type { z } from 'zod'
import type { VisitRecordView, visitActions } from '@shared/api/visit'
import { VISIT_PERMISSIONS } from '@shared/domain/lifecycles/visit-record'
import { missingFields } from '@shared/domain/visits'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { VisitRecordDoc } from '../../model'
import { visitRepo } from '../../repos/visit-repo'
import { currentResult } from '../../views/visit-views'
import { rate } from '../suggestion/resident-verbs'
import { VISIT_RECORD } from '../../repos/lifecycle-records'
import { runLifecycle } from '../../runtime/run-lifecycle'
import { actorName, listScopes, readerOf, registerScope, requireSupervisor } from './access'
import { linkedItems } from './assignment'
import { recordView, recordViews, visibleRecord } from './context'
import { closedRecord, opinionOf, staleRecord } from './records'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>

const stationOf = (doc: VisitRecordDoc) => ({ code: doc.stationCode, countyCode: doc.countyCode, township: doc.township })

/**
 * 选民群众对办理结果的意见, after a callback. For a 交办单 whose item is 已销单 (or answered), the
 * opinion is also the item's 验单 by the supervisor on the visitor's behalf: 满意 / 基本满意 close
 * it; 不满意 with `reopen` sends it back to the department (重新办理), and the record waits for the
 * new result — the opinion is kept in its history, not as the record's opinion.
 */
export const recordOpinion: UseCase<In<'recordOpinion'>, VisitRecordView> = async (deps, actor, input) => {
  const { doc } = await visibleRecord(deps, actor, input.id)
  requireSupervisor(actor, stationOf(doc), doc.stationName)
  if (doc.status === 'closed') throw closedRecord()
  if (input.expectedVersion !== undefined && input.expectedVersion !== doc.version) throw staleRecord()
  if (input.reopen && input.rating !== 'unsatisfied') throw new AppError('validation_failed', '只有“不满意”时才能要求重新办理', 'reopen')
  if (input.reopen && doc.handling !== 'assignment_form') {
    throw new AppError('validation_failed', '当场答复的事项不能要求重新办理；如需交办，请把办理方式改为填写交办单', 'reopen')
  }
  const items = await linkedItems(deps, [doc])
  const outcome = currentResult(doc, { items })
  if (!outcome.result) throw new AppError('invalid_transition', '尚无办理结果，暂不能登记群众意见；交办单办结后再回访群众')

  const item = doc.assignment ? items.get(doc.assignment.suggestionId) : undefined
  if (item && (item.state === 'resolved' || item.state === 'answered')) {
    await rate(deps, actor, { id: item._id, rating: input.rating, comment: input.note, reopen: input.reopen })
  } else if (input.reopen) {
    throw new AppError('invalid_transition', '该交办单已验单办结，不能再要求重新办理')
  }

  const at = deps.clock.now().toISOString()
  const opinion = opinionOf(actor, { rating: input.rating, note: input.note }, at)
  const set: Partial<VisitRecordDoc> = input.reopen
    ? {
        opinion: null,
        opinionHistory: [...doc.opinionHistory, { rating: opinion.rating, note: opinion.note, at, byName: opinion.byName, reopened: true }],
        updatedAt: at,
      }
    : { opinion, updatedAt: at }
  if (!(await visitRepo(deps.store).updateRecord(doc, set))) throw staleRecord()
  return recordView(deps, { ...doc, ...set, version: doc.version + 1 }, readerOf(actor, 'record'))
}

/** 办结: only with both 办理结果 and 选民群众对办理结果的意见; the result is frozen on the record, the step kept in its history. */
export const closeVisit: UseCase<In<'close'>, VisitRecordView> = async (deps, actor, input) => {
  const { doc } = await visibleRecord(deps, actor, input.id)
  requireSupervisor(actor, stationOf(doc), doc.stationName)
  if (doc.status === 'closed') return recordView(deps, doc, readerOf(actor, 'record'))
  if (input.expectedVersion !== undefined && input.expectedVersion !== doc.version) throw staleRecord()
  const outcome = currentResult(doc, { items: await linkedItems(deps, [doc]) })
  const name = actorName(actor, '联络站管理员')
  const next = await runLifecycle(
    deps,
    actor,
    VISIT_RECORD,
    doc,
    { permissions: VISIT_PERMISSIONS, scopeOf: (d) => registerScope(stationOf(d), d.stationName) },
    {
      event: 'close',
      facts: { missing: missingFields(outcome.result, doc.opinion) },
      change: (_d, ctx) => ({ result: outcome.result, resultAt: outcome.resultAt, closedAt: ctx.at, closedBy: actor.openid, closedByName: name }),
    },
    () => name,
  )
  return recordView(deps, next, readerOf(actor, 'record'))
}

const MAX_ITEMS = 200

/**
 * 缺项清单: open records per station with what they still lack; each record's 办理结果 is read
 * live from its 交办单. Oldest first (follow every matter until it is closed), at most 200.
 */
export const missingFieldsList: UseCase<In<'missingFields'>, Out<'missingFields'>> = async (deps, actor, input) => {
  const { scopes, stations } = await listScopes(deps, actor, input)
  const repo = visitRepo(deps.store)
  const open: VisitRecordDoc[] = []
  for (const scope of scopes) open.push(...(await repo.allRecords(scope, { status: 'open' }, 5000)))
  const items = await linkedItems(deps, open)
  const missingOf = new Map(open.map((d) => [d._id, missingFields(currentResult(d, { items }).result, d.opinion)]))

  const names = new Map(stations.map((s) => [s.code, s.name]))
  const rows = new Map<string, { stationCode: string; stationName: string; open: number; missingResult: number; missingOpinion: number; readyToClose: number }>()
  for (const d of open) {
    const row = rows.get(d.stationCode) ?? { stationCode: d.stationCode, stationName: names.get(d.stationCode) ?? d.stationName, open: 0, missingResult: 0, missingOpinion: 0, readyToClose: 0 }
    const m = missingOf.get(d._id)!
    row.open++
    if (m.includes('result')) row.missingResult++
    if (m.includes('opinion')) row.missingOpinion++
    if (m.length === 0) row.readyToClose++
    rows.set(d.stationCode, row)
  }
  const lacking = open.filter((d) => missingOf.get(d._id)!.length > 0)
  const ready = open.filter((d) => missingOf.get(d._id)!.length === 0)
  return {
    stations: [...rows.values()].sort((a, b) => b.missingResult + b.missingOpinion - (a.missingResult + a.missingOpinion) || (a.stationCode < b.stationCode ? -1 : 1)),
    items: await recordViews(deps, lacking.slice(0, MAX_ITEMS), readerOf(actor, 'record')),
    readyToClose: await recordViews(deps, ready.slice(0, MAX_ITEMS), readerOf(actor, 'record')),
    truncated: lacking.length > MAX_ITEMS || ready.length > MAX_ITEMS,
  }
}
