import type { VisitRecordView } from '@shared/api/visit'
import { VISIT_RECORD_LIFECYCLE } from '@shared/domain/lifecycles/visit-record'
import { recordHistoryView } from './history-views'
import type { z } from 'zod'
import type { callbackView, problemView, spotCheckItem } from '@shared/api/visit'
import { categoryLabel } from '@shared/domain/categories'
import { formatChineseDate, shanghaiDateTime } from '@shared/domain/reception/dates'
import { SESSION_KIND_LABELS } from '@shared/domain/sessions'
import { RESOLUTION_OUTCOME_LABELS } from '@shared/domain/transitions'
import { STATE_LABELS } from '@shared/domain/states'
import {
  ASSIGNMENT_ROUTE_LABELS,
  CALLBACK_OUTCOME_LABELS,
  MISSING_FIELD_LABELS,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  VISIT_HANDLING_LABELS,
  VISIT_OPINION_LABELS,
  VISIT_STATUS_LABELS,
  maskPlace,
  missingFields,
  type Visitor,
} from '@shared/domain/visits'
import { maskName, maskPhone } from '@shared/domain/privacy'
import type { VisitPersonalField, Visibility } from '@shared/domain/visibility'
import type { ReceptionSessionDoc, SuggestionDoc, VisitCallbackDoc, VisitProblemDoc, VisitRecordDoc } from '../model'

/** Where a 交办单's item stands, and the 办理结果 it has come to (null while it is being handled). */
export interface ItemOutcome {
  result: string | null
  resultAt: string | null
  progress: string
}

/**
 * The 办理结果 of a five-order item, read live: the department's reply with its outcome, a
 * deputy's answer, or the referral; a merged item follows the item it was folded into.
 */
const waitingFor = (route: 'township' | 'county') => (route === 'township' ? '等待乡镇人大主席团派单' : '等待县人大常委会代工委研究交办')

export function itemOutcome(item: SuggestionDoc, mergedInto: SuggestionDoc | null = null, route: 'township' | 'county' = 'county'): ItemOutcome {
  const deadline = item.deadline ? `${formatChineseDate(item.deadline)}前办结` : ''
  if (item.resolution && (item.state === 'resolved' || item.state === 'verified')) {
    const promised = item.resolution.promisedDate ? `（承诺${formatChineseDate(item.resolution.promisedDate, true)}前完成）` : ''
    return {
      result: `${RESOLUTION_OUTCOME_LABELS[item.resolution.outcome]}：${item.resolution.reply}${promised}`,
      resultAt: item.resolution.at,
      progress: `${item.departmentName ?? '承办单位'}已销单，${item.state === 'verified' ? '已验单' : '待回访群众意见'}`,
    }
  }
  if (item.answer && (item.state === 'answered' || item.state === 'verified')) {
    return { result: `代表答复：${item.answer}`, resultAt: item.milestones.answeredAt ?? null, progress: item.state === 'verified' ? '已验单' : '代表已答复，待回访群众意见' }
  }
  switch (item.state) {
    case 'referred':
      return { result: `转法定途径：${item.referralReason ?? ''}`, resultAt: item.milestones.referredAt ?? null, progress: '已告知群众通过法定途径办理' }
    case 'merged':
      if (mergedInto) {
        const inner = itemOutcome(mergedInto, null, route)
        return { result: inner.result ? `（并案办理）${inner.result}` : null, resultAt: inner.resultAt, progress: `已与${mergedInto.number}并案：${inner.progress}` }
      }
      return { result: null, resultAt: null, progress: '已并案办理' }
    case 'withdrawn':
      return { result: null, resultAt: null, progress: '交办单已撤回' }
    case 'submitted':
      return { result: null, resultAt: null, progress: waitingFor(route) }
    case 'accepted':
      return { result: null, resultAt: null, progress: `${item.ownerDeputyName ?? '代表'}已接单` }
    case 'escalated':
      // a 交办单 waits for the township presidium / 代工委 (also after a department sent it back)
      return { result: null, resultAt: null, progress: item.viaAssignmentForm && !item.ownerDeputyCode ? waitingFor(route) : '已提交人大，等待派单' }
    case 'dispatched':
      return { result: null, resultAt: null, progress: `已派单：${item.departmentName ?? '承办单位'}${deadline ? `，${deadline}` : ''}` }
    case 'in_progress':
      return { result: null, resultAt: null, progress: `${item.departmentName ?? '承办单位'}办理中${deadline ? `，${deadline}` : ''}${item.overdue ? '（已超期）' : ''}` }
    default:
      return { result: null, resultAt: null, progress: STATE_LABELS[item.state] }
  }
}

/** What a record view needs beside the record: the linked item, its merge target, the session, deputy names. */
export interface RecordContext {
  items: ReadonlyMap<string, SuggestionDoc>
  sessions: ReadonlyMap<string, ReceptionSessionDoc>
  /** How much of the visitor this reader sees (shared/domain/visibility.ts, visitVisibility). */
  visitor: Record<VisitPersonalField, Visibility>
}

const levelled = (level: Visibility, value: string, mask: (v: string) => string): string => (level === 'whole' ? value : level === 'masked' ? mask(value) : '')

/** The visitor as the reader may see them, field by field. */
export function visitorView(v: Visitor, levels: Record<VisitPersonalField, Visibility>): Visitor {
  return {
    name: levelled(levels.visitorName, v.name, maskName),
    phone: levelled(levels.visitorPhone, v.phone, maskPhone),
    village: v.village ? levelled(levels.visitorVillage, v.village, maskPlace) || null : null,
  }
}

/** The record's 办理结果 now: frozen once closed; on the spot the answer; for a 交办单 the item's. */
export function currentResult(doc: VisitRecordDoc, ctx: Pick<RecordContext, 'items'>): ItemOutcome | { result: string | null; resultAt: string | null; progress: null } {
  if (doc.status === 'closed') return { result: doc.result, resultAt: doc.resultAt, progress: null }
  if (doc.handling === 'answered_on_spot') return { result: doc.answer, resultAt: doc.createdAt, progress: null }
  const item = doc.assignment ? ctx.items.get(doc.assignment.suggestionId) : undefined
  if (!item) return { result: null, resultAt: null, progress: null }
  const target = item.mergedIntoId ? (ctx.items.get(item.mergedIntoId) ?? null) : null
  return itemOutcome(item, target, doc.assignment!.route)
}

export function visitRecordView(doc: VisitRecordDoc, ctx: RecordContext): VisitRecordView {
  const outcome = currentResult(doc, ctx)
  const missing = missingFields(outcome.result, doc.opinion)
  const session = doc.sessionId ? ctx.sessions.get(doc.sessionId) : undefined
  const item = doc.assignment ? ctx.items.get(doc.assignment.suggestionId) : undefined
  const visitor = doc.visitor ? visitorView(doc.visitor, ctx.visitor) : null
  const whole = Object.values(ctx.visitor).every((level) => level === 'whole')
  return {
    id: doc._id,
    version: doc.version,
    clientId: doc.clientId,
    clientRevision: doc.clientRevision,
    status: doc.status,
    statusLabel: VISIT_STATUS_LABELS[doc.status],
    countyCode: doc.countyCode,
    township: doc.township,
    stationCode: doc.stationCode,
    stationName: doc.stationName,
    session: session
      ? { id: session._id, date: session.date, startTime: session.startTime, endTime: session.endTime, kindLabel: SESSION_KIND_LABELS[session.kind], theme: session.theme }
      : doc.sessionId
        ? { id: doc.sessionId, date: doc.visitDate, startTime: '', endTime: '', kindLabel: '接待活动', theme: null }
        : null,
    visitedAt: doc.visitedAt,
    deputies: doc.deputyCodes.map((code, i) => ({ code, name: doc.deputyNames[i] ?? code })),
    visitorCount: doc.visitorCount,
    visitor: visitor ? { name: visitor.name, phone: visitor.phone, village: visitor.village } : null,
    visitorMasked: !!doc.visitor && !whole,
    visitorErased: !doc.visitor,
    matter: doc.matter,
    categoryCode: doc.categoryCode,
    categoryLabel: categoryLabel(doc.categoryCode),
    handling: doc.handling,
    handlingLabel: VISIT_HANDLING_LABELS[doc.handling],
    answer: doc.answer,
    assignment: doc.assignment
      ? {
          route: doc.assignment.route,
          routeLabel: ASSIGNMENT_ROUTE_LABELS[doc.assignment.route],
          targetName: doc.assignment.targetName,
          departmentCode: doc.assignment.departmentCode,
          suggestionId: doc.assignment.suggestionId,
          suggestionNumber: doc.assignment.suggestionNumber,
          state: item?.state ?? 'submitted',
          stateLabel: STATE_LABELS[item?.state ?? 'submitted'],
          progress: (outcome.progress ?? (item ? itemOutcome(item, null, doc.assignment.route).progress : '')) || '',
        }
      : null,
    result: outcome.result,
    resultAt: outcome.resultAt,
    opinion: doc.opinion
      ? { rating: doc.opinion.rating, ratingLabel: VISIT_OPINION_LABELS[doc.opinion.rating], note: doc.opinion.note, at: doc.opinion.at, byName: doc.opinion.byName }
      : null,
    missingFields: doc.status === 'closed' ? [] : missing,
    missingLabels: doc.status === 'closed' ? [] : missing.map((f) => MISSING_FIELD_LABELS[f]),
    canClose: doc.status === 'open' && missing.length === 0,
    closedAt: doc.closedAt,
    closedByName: doc.closedByName,
    recordedByName: doc.recordedByName,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    history: recordHistoryView(doc.history, VISIT_RECORD_LIFECYCLE),
  }
}

export function callbackViewOf(doc: VisitCallbackDoc): z.output<typeof callbackView> | null {
  if (doc.status !== 'done' || !doc.outcome) return null
  return {
    outcome: doc.outcome,
    outcomeLabel: CALLBACK_OUTCOME_LABELS[doc.outcome],
    rating: doc.rating,
    ratingLabel: doc.rating ? VISIT_OPINION_LABELS[doc.rating] : null,
    note: doc.note,
    at: doc.calledAt ?? '',
    byName: doc.calledByName ?? '',
  }
}

export const periodLabel = (from: string, to: string) => `${formatChineseDate(from, true)}至${formatChineseDate(to, true)}`

export function spotCheckItemView(doc: VisitCallbackDoc, record: VisitRecordView): z.output<typeof spotCheckItem> {
  return {
    id: doc._id,
    spotCheckId: doc.spotCheckId,
    drawnAt: doc.drawnAt,
    drawnByName: doc.drawnByName,
    periodLabel: periodLabel(doc.from, doc.to),
    status: doc.status,
    statusLabel: doc.status === 'done' ? '已回访' : '待回访',
    record,
    callback: callbackViewOf(doc),
  }
}

export function problemViewOf(doc: VisitProblemDoc): z.output<typeof problemView> {
  return {
    id: doc._id,
    version: doc.version,
    status: doc.status,
    statusLabel: PROBLEM_STATUS_LABELS[doc.status],
    countyCode: doc.countyCode,
    township: doc.township,
    stationCode: doc.stationCode,
    stationName: doc.stationName,
    title: doc.title,
    description: doc.description,
    owner: doc.owner,
    dueDate: doc.dueDate,
    source: doc.source,
    sourceLabel: PROBLEM_SOURCE_LABELS[doc.source],
    recordId: doc.recordId,
    createdByName: doc.createdByName,
    createdAt: doc.createdAt,
    resolvedAt: doc.resolvedAt,
    resolvedByName: doc.resolvedByName,
    resolution: doc.resolution,
  }
}

/** '2026-11-26T02:05:00.000Z' → '2026-11-26 10:05' (Beijing time). */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const { date, time } = shanghaiDateTime(t)
  return `${date} ${time}`
}
