/**
 * 接待登记: a supervisor logs one visitor (or group) and one matter, at a session of the station
 * or ad hoc, answered on the spot or turned into a 交办单. Also from an offline draft: the record's
 * id is derived from the supervisor and the draft's clientId, so a draft synced twice lands on
 * the record it made; an edit carries the draft's revision and the version it last saw
 * (docs/visit-register.md, “离线草稿与冲突规则”).
 */
import type { z } from 'zod'
import type { VisitRecordView, visitActions } from '@shared/api/visit'
import { formatChineseDate, shanghaiDateTime } from '@shared/domain/reception/dates'
import { VISIT_CLOCK_SKEW_MINUTES, VISIT_MAX_AGE_DAYS, monthRange } from '@shared/domain/visits'
import { AppError } from '@shared/errors'
import type { Actor } from '@shared/domain/roles'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { DeputyDoc, ReceptionSessionDoc, StationDoc, VisitRecordDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { visitRepo, type RecordScope } from '../../repos/visit-repo'
import { actorName, listScopes, readerOf, requireSupervisor, stationAccess, stationOrFail } from './access'
import { fileAssignment, visitIdFor } from './assignment'
import { recordView, recordViews, visibleRecord } from './context'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>

export const staleRecord = () => new AppError('conflict', '该登记刚刚已在别处修改（以服务器为准），请刷新后再编辑')
export const closedRecord = () => new AppError('invalid_transition', '该登记已办结，不能再修改（以服务器上的登记为准）；如有新情况请另行登记')

/** The session a record belongs to: of this station, not cancelled. null for an ad hoc visit. */
async function sessionFor(deps: Deps, sessionId: string | null | undefined, station: StationDoc, keptFrom: string | null = null): Promise<ReceptionSessionDoc | null> {
  if (!sessionId) return null
  const session = await receptionRepo(deps.store).session(sessionId)
  if (!session) throw new AppError('validation_failed', '所选接待活动不存在，请重新选择或改为临时接待', 'sessionId')
  if (session.stationCode !== station.code) {
    throw new AppError('validation_failed', `该接待活动不在${station.name}（在${session.stationName ?? session.place}），不能登记到本站；请选择本站的接待活动或改为临时接待`, 'sessionId')
  }
  // A record already at a session stays there if the session is cancelled afterwards.
  if (session.status === 'cancelled' && session._id !== keptFrom) throw new AppError('validation_failed', '该接待活动已取消，不能登记；请改为临时接待', 'sessionId')
  return session
}

/** The visit's instant (normalised to ISO UTC) and its Beijing date; checked against now and the session. */
function visitTime(deps: Deps, visitedAt: string, session: ReceptionSessionDoc | null): { visitedAt: string; visitDate: string } {
  const t = Date.parse(visitedAt)
  const now = deps.clock.now().getTime()
  if (t > now + VISIT_CLOCK_SKEW_MINUTES * 60_000) throw new AppError('validation_failed', '接待时间不能晚于现在，请检查手机时间', 'visitedAt')
  if (t < now - VISIT_MAX_AGE_DAYS * 86_400_000) {
    throw new AppError('validation_failed', `接待时间早于${VISIT_MAX_AGE_DAYS}天前，请核对；补录更早的登记请联系人大工作人员`, 'visitedAt')
  }
  const visitDate = shanghaiDateTime(t).date
  if (session && visitDate !== session.date) {
    throw new AppError('validation_failed', `接待时间应在该次接待活动当天（${formatChineseDate(session.date, true)}）`, 'visitedAt')
  }
  return { visitedAt: new Date(t).toISOString(), visitDate }
}

/** Deputies present: each of the station, or on duty at the session. */
async function presentDeputies(deps: Deps, codes: readonly string[], station: StationDoc, session: ReceptionSessionDoc | null): Promise<DeputyDoc[]> {
  if (codes.length === 0) return []
  const found = new Map((await directoryRepo(deps.store).deputiesByCodes([...codes])).map((d) => [d.code, d]))
  return codes.map((code) => {
    const d = found.get(code)
    if (!d || d.countyCode !== station.countyCode) throw new AppError('validation_failed', `代表${code}不存在或不是本县代表`, 'deputyCodes')
    if (!d.stationCodes.includes(station.code) && !(session && session.deputyCodes.includes(code))) {
      throw new AppError('validation_failed', `${d.name}既不是${station.name}的代表，也未安排在本次接待`, 'deputyCodes')
    }
    return d
  })
}

/**
 * The deputies present at a session count as attending it (reception_attendance, the same rows
 * 亮码进站 writes), so the register feeds each deputy's yearly duty. A check-in already there stays.
 */
async function recordAttendance(deps: Deps, actor: Actor, session: ReceptionSessionDoc | null, deputies: readonly DeputyDoc[]): Promise<void> {
  if (!session) return
  const repo = receptionRepo(deps.store)
  const at = deps.clock.now().toISOString()
  for (const d of deputies) {
    await repo.addAttendance({
      _id: `${session._id}:${d.code}`,
      sessionId: session._id,
      deputyCode: d.code,
      countyCode: session.countyCode,
      stationCode: session.stationCode,
      date: session.date,
      checkedInAt: at,
      source: 'staff',
      recordedBy: actor.openid,
    })
  }
}

export const opinionOf = (actor: Actor, o: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; note?: string }, at: string) => ({
  rating: o.rating,
  note: o.note ?? null,
  at,
  by: actor.openid,
  byName: actorName(actor, '联络站管理员'),
})

/** 登记: one record from a form or an offline draft; a draft synced again answers the record it made. */
export const createVisit: UseCase<In<'create'>, Out<'create'>> = async (deps, actor, input) => {
  const station = await stationOrFail(deps, input.stationCode)
  requireSupervisor(actor, station, station.name)
  const repo = visitRepo(deps.store)
  const id = visitIdFor(actor.openid, input.clientId)
  const existing = await repo.record(id)
  if (existing) return { record: await recordView(deps, existing, readerOf(actor, 'record')), outcome: 'duplicate', message: '该登记已同步过，未重复保存' }

  const session = await sessionFor(deps, input.sessionId, station)
  const time = visitTime(deps, input.visitedAt, session)
  const deputies = await presentDeputies(deps, input.deputyCodes, station, session)
  const name = actorName(actor, '联络站管理员')
  const assignment =
    input.handling === 'assignment_form'
      ? await fileAssignment(deps, actor, {
          clientId: input.clientId,
          station,
          route: input.route!,
          matter: input.matter,
          categoryCode: input.categoryCode,
          visitor: input.visitor,
          supervisorName: name,
        })
      : null
  const at = deps.clock.now().toISOString()
  const doc: VisitRecordDoc = {
    _id: id,
    version: 1,
    clientId: input.clientId,
    clientRevision: input.revision,
    countyCode: station.countyCode,
    township: station.township,
    stationCode: station.code,
    stationName: station.name,
    sessionId: session?._id ?? null,
    visitedAt: time.visitedAt,
    visitDate: time.visitDate,
    deputyCodes: deputies.map((d) => d.code),
    deputyNames: deputies.map((d) => d.name),
    visitorCount: input.visitorCount,
    visitor: { name: input.visitor.name, phone: input.visitor.phone, village: input.visitor.village ?? null },
    visitorErasedAt: null,
    matter: input.matter,
    categoryCode: input.categoryCode,
    handling: input.handling,
    answer: input.handling === 'answered_on_spot' ? (input.answer ?? null) : null,
    assignment,
    result: null,
    resultAt: null,
    opinion: input.opinion && input.handling === 'answered_on_spot' ? opinionOf(actor, input.opinion, at) : null,
    opinionHistory: [],
    status: 'open',
    closedAt: null,
    closedBy: null,
    closedByName: null,
    recordedBy: actor.openid,
    recordedByName: name,
    createdAt: at,
    updatedAt: at,
  }
  if (!(await repo.insertRecord(doc))) {
    // The same draft arrived twice at once: the other request made it.
    const saved = await repo.record(id)
    if (!saved) throw staleRecord()
    return { record: await recordView(deps, saved, readerOf(actor, 'record')), outcome: 'duplicate', message: '该登记已同步过，未重复保存' }
  }
  await recordAttendance(deps, actor, session, deputies)
  return {
    record: await recordView(deps, doc, readerOf(actor, 'record')),
    outcome: 'created',
    message: assignment ? `已登记，交办单${assignment.suggestionNumber}已送${assignment.targetName}` : '已登记',
  }
}

const samePhone = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '')

/**
 * 修改登记 (and a synced draft edited on the phone): guarded by the version the editor saw; an
 * edit already applied (same draft revision) is absorbed; a closed record is never changed.
 */
export const updateVisit: UseCase<In<'update'>, Out<'update'>> = async (deps, actor, input) => {
  const { doc } = await visibleRecord(deps, actor, input.id)
  requireSupervisor(actor, { code: doc.stationCode, countyCode: doc.countyCode, township: doc.township }, doc.stationName)
  if (input.clientRevision !== undefined && input.clientRevision <= doc.clientRevision) {
    return { record: await recordView(deps, doc, readerOf(actor, 'record')), outcome: 'duplicate', message: '该修改已同步过，未重复保存' }
  }
  if (doc.status === 'closed') throw closedRecord()
  if (doc.version !== input.expectedVersion) throw staleRecord()
  if (input.stationCode && input.stationCode !== doc.stationCode) throw new AppError('validation_failed', '登记的联络站不能修改；如登记错站，请在正确的站点另行登记', 'stationCode')

  const station = await stationOrFail(deps, doc.stationCode)
  const sessionId = input.sessionId === undefined ? doc.sessionId : input.sessionId
  const session = await sessionFor(deps, sessionId, station, doc.sessionId)
  const timeChanged = input.visitedAt !== undefined || sessionId !== doc.sessionId
  const time = timeChanged ? visitTime(deps, input.visitedAt ?? doc.visitedAt, session) : { visitedAt: doc.visitedAt, visitDate: doc.visitDate }
  const deputies = input.deputyCodes ? await presentDeputies(deps, input.deputyCodes, station, session) : null
  const handling = input.handling ?? doc.handling
  const set: Partial<VisitRecordDoc> = {}

  if (doc.handling === 'assignment_form') {
    if (handling !== 'assignment_form') throw new AppError('validation_failed', '已填写交办单的登记不能改为当场答复', 'handling')
    const locked =
      (input.matter !== undefined && input.matter !== doc.matter) ||
      (input.categoryCode !== undefined && input.categoryCode !== doc.categoryCode) ||
      (input.visitor !== undefined && !samePhone(input.visitor.phone, doc.visitor?.phone)) ||
      (input.route !== undefined && input.route !== doc.assignment?.route)
    if (locked) throw new AppError('validation_failed', '交办单已送出，反映事项、类别、来访人电话和交办去向不能再修改；如需补充请联系人大工作人员', 'matter')
    if (input.opinion) throw new AppError('validation_failed', '交办单事项请在办理完毕、回访群众后登记意见', 'opinion')
  } else if (handling === 'assignment_form') {
    // Not answered after all: the on-the-spot record becomes a 交办单 now.
    if (!input.route) throw new AppError('validation_failed', '填写交办单的，请选择交办去向', 'route')
    const visitor = input.visitor ?? doc.visitor
    if (!visitor) throw new AppError('validation_failed', '来访人信息已按保存期限删除，不能再填写交办单', 'visitor')
    set.assignment = await fileAssignment(deps, actor, {
      clientId: doc.clientId,
      station,
      route: input.route,
      matter: input.matter ?? doc.matter,
      categoryCode: input.categoryCode ?? doc.categoryCode,
      visitor,
      supervisorName: actorName(actor, '联络站管理员'),
    })
    set.handling = 'assignment_form'
    set.answer = null
    set.opinion = null
  } else {
    if (input.answer !== undefined) set.answer = input.answer
    if (input.opinion) set.opinion = opinionOf(actor, input.opinion, deps.clock.now().toISOString())
  }

  if (sessionId !== doc.sessionId) set.sessionId = sessionId ?? null
  if (timeChanged) Object.assign(set, time)
  if (deputies) {
    set.deputyCodes = deputies.map((d) => d.code)
    set.deputyNames = deputies.map((d) => d.name)
  }
  if (input.visitorCount !== undefined) set.visitorCount = input.visitorCount
  if (input.visitor) {
    if (!doc.visitor) throw new AppError('validation_failed', '来访人信息已按保存期限删除，不能再修改', 'visitor')
    set.visitor = { name: input.visitor.name, phone: input.visitor.phone, village: input.visitor.village ?? null }
  }
  if (input.matter !== undefined) set.matter = input.matter
  if (input.categoryCode !== undefined) set.categoryCode = input.categoryCode
  if (input.clientRevision !== undefined) set.clientRevision = input.clientRevision
  set.updatedAt = deps.clock.now().toISOString()

  if (!(await visitRepo(deps.store).updateRecord(doc, set))) throw staleRecord()
  const next: VisitRecordDoc = { ...doc, ...set, version: doc.version + 1 }
  await recordAttendance(deps, actor, session, deputies ?? [])
  return { record: await recordView(deps, next, readerOf(actor, 'record')), outcome: 'updated', message: set.assignment ? `已改为交办单${set.assignment.suggestionNumber}` : '已保存修改' }
}

/** One record: the visitor in full for the station's supervisors and staff, masked for its deputies. */
export const getVisit: UseCase<In<'get'>, VisitRecordView> = async (deps, actor, { id }) => {
  const { doc } = await visibleRecord(deps, actor, id)
  return recordView(deps, doc, readerOf(actor, 'record'))
}

/** Visit date range of a month, as ISO instants (Beijing days). */
export function monthInstants(month: string): { from: string; to: string } {
  const [first, last] = monthRange(month)
  return { from: new Date(`${first}T00:00:00+08:00`).toISOString(), to: new Date(Date.parse(`${last}T00:00:00+08:00`) + 86_400_000).toISOString() }
}

/** 登记记录: newest first, by station (default: the caller's), session or month; visitors masked in the list. */
export const listVisits: UseCase<In<'list'>, Out<'list'>> = async (deps, actor, input) => {
  const repo = visitRepo(deps.store)
  const range = input.month ? monthInstants(input.month) : {}
  if (input.sessionId) {
    const session = await receptionRepo(deps.store).session(input.sessionId)
    if (!session || !session.stationCode) throw new AppError('not_found', '没有找到该接待活动')
    const station = await stationOrFail(deps, session.stationCode)
    if (stationAccess(actor, station) === 'none') throw new AppError('not_found', '没有找到该接待活动')
    const page = await repo.pageRecords({ sessionId: session._id }, { status: input.status, limit: input.limit, cursor: input.cursor })
    return { items: await recordViews(deps, page.items, readerOf(actor, 'list')), nextCursor: page.nextCursor }
  }
  const { scopes } = await listScopes(deps, actor, { stationCode: input.stationCode })
  // A supervisor or deputy of several stations pages through one station at a time (the first by default).
  const scope: RecordScope = scopes[0]
  if (!scope) return { items: [], nextCursor: null }
  const page = await repo.pageRecords(scope, { status: input.status, ...range, limit: input.limit, cursor: input.cursor })
  return { items: await recordViews(deps, page.items, readerOf(actor, 'list')), nextCursor: page.nextCursor }
}
