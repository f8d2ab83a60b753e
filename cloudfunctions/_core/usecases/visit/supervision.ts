/**
 * Supervision of the register (临颍: 代工委 checks the forms, 明察暗访、重点抽查; 问题清单):
 * staff draw closed records of a period at random for a callback (回访) to the visitor and record
 * what the callback found; the problem list keeps each problem with its owner until it is
 * resolved. Supervisors see the spot checks and problems of their stations.
 */
import { createHash, randomInt } from 'node:crypto'
import type { z } from 'zod'
import type { visitActions } from '@shared/api/visit'
import { bindingsOf, bindingsWithRole } from '@shared/domain/scope'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { VisitCallbackDoc, VisitProblemDoc, VisitRecordDoc, VisitSpotCheckDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { visitRepo, type RecordScope } from '../../repos/visit-repo'
import { periodLabel, problemViewOf, spotCheckItemView } from '../../views/visit-views'
import { staffFor, type StaffBinding } from '../reception/access'
import { CALLBACK_PERMISSIONS, PROBLEM_PERMISSIONS } from '@shared/domain/lifecycles'
import { CALLBACK_OUTCOME_LABELS } from '@shared/domain/visits'
import { CALLBACK_RECORD, PROBLEM_RECORD } from '../../repos/lifecycle-records'
import { runLifecycle } from '../../runtime/run-lifecycle'
import { actorName, readerOf, registerScope, requireStaffOf, stationAccess, stationOrFail, supervisorOf } from './access'
import { recordViews, visibleRecord } from './context'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>

const hashId = (kind: string, openid: string, requestId: string) =>
  createHash('sha256').update(`${kind}\u0000${openid}\u0000${requestId}`).digest('hex').slice(0, 24)

const staffBindings = (actor: Actor): StaffBinding[] => bindingsWithRole(actor, 'staff')

interface StaffScope {
  scope: RecordScope
  countyCode: string
  township: string | null
  stationCode: string | null
  label: string
}

/** Where staff act: one station they reach, one township of their county, or their own scope. */
async function staffScope(deps: Deps, actor: Actor, input: { stationCode?: string; township?: string }): Promise<StaffScope> {
  if (input.stationCode) {
    const station = await stationOrFail(deps, input.stationCode)
    requireStaffOf(actor, station)
    return { scope: { stationCode: station.code }, countyCode: station.countyCode, township: station.township, stationCode: station.code, label: station.name }
  }
  const staff = staffBindings(actor)[0]
  if (!staff) throw new AppError('forbidden', '只有人大工作人员可以进行抽查回访和问题清单管理')
  const county = await directoryRepo(deps.store).county(staff.countyCode)
  if (input.township) {
    if (!staffFor(actor, { countyCode: staff.countyCode, township: input.township })) throw new AppError('forbidden', '乡镇人大工作人员只能抽查本乡镇的接待登记')
    if (county && !county.townships.includes(input.township)) throw new AppError('validation_failed', `${county.name}没有${input.township}`, 'township')
    return { scope: { countyCode: staff.countyCode, township: input.township }, countyCode: staff.countyCode, township: input.township, stationCode: null, label: input.township }
  }
  const township = staff.scope === 'township' ? (staff.township ?? null) : null
  return { scope: { countyCode: staff.countyCode, township }, countyCode: staff.countyCode, township, stationCode: null, label: township ?? county?.name ?? staff.countyCode }
}

/** Partial Fisher–Yates with a cryptographic generator: `n` distinct elements, uniformly. */
export function drawAtRandom<T>(pool: readonly T[], n: number, pick: (max: number) => number = randomInt): T[] {
  const a = [...pool]
  const k = Math.min(n, a.length)
  for (let i = 0; i < k; i++) {
    const j = i + pick(a.length - i)
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a.slice(0, k)
}

const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString()

async function spotCheckView(deps: Deps, actor: Actor, doc: VisitSpotCheckDoc, scopeLabel: string): Promise<Out<'spotCheck'>> {
  const repo = visitRepo(deps.store)
  const callbacks = await repo.callbacksOf(doc._id)
  const records = new Map((await repo.records(doc.recordIds)).map((r) => [r._id, r]))
  const views = new Map((await recordViews(deps, [...records.values()], readerOf(actor, 'record'))).map((v) => [v.id, v]))
  return {
    id: doc._id,
    drawnAt: doc.drawnAt,
    drawnByName: doc.drawnByName,
    from: doc.from,
    to: doc.to,
    periodLabel: periodLabel(doc.from, doc.to),
    scopeLabel,
    poolSize: doc.poolSize,
    items: doc.recordIds.flatMap((rid) => {
      const cb = callbacks.find((c) => c.recordId === rid)
      const view = views.get(rid)
      return cb && view ? [spotCheckItemView(cb, view)] : []
    }),
  }
}

/** 抽查: draws `size` closed records of the period at random (in the station, township or the staff's scope) for a callback. */
export const spotCheck: UseCase<In<'spotCheck'>, Out<'spotCheck'>> = async (deps, actor, input) => {
  const where = await staffScope(deps, actor, input)
  const repo = visitRepo(deps.store)
  const id = hashId('spot-check', actor.openid, input.clientRequestId)
  const existing = await repo.spotCheck(id)
  if (existing) return spotCheckView(deps, actor, existing, where.label)

  const pool = await repo.allRecords(where.scope, { status: 'closed', from: dayStart(input.from), to: dayAfter(input.to) }, 20_000)
  if (pool.length === 0) {
    throw new AppError('validation_failed', `${where.label}在${periodLabel(input.from, input.to)}没有已办结的接待登记，无法抽查`, 'from')
  }
  const chosen: VisitRecordDoc[] = drawAtRandom(pool, input.size)
  const at = deps.clock.now().toISOString()
  const name = actorName(actor, '人大工作人员')
  const doc: VisitSpotCheckDoc = {
    _id: id,
    countyCode: where.countyCode,
    township: where.township,
    stationCode: where.stationCode,
    from: input.from,
    to: input.to,
    size: chosen.length,
    poolSize: pool.length,
    recordIds: chosen.map((r) => r._id),
    drawnBy: actor.openid,
    drawnByName: name,
    drawnAt: at,
  }
  // Callbacks first: a retry after a crash finds them (insert is idempotent) and then writes the draw.
  for (const r of chosen) {
    await repo.insertCallback({
      _id: `${id}:${r._id}`,
      spotCheckId: id,
      recordId: r._id,
      countyCode: r.countyCode,
      township: r.township,
      stationCode: r.stationCode,
      drawnAt: at,
      drawnByName: name,
      from: input.from,
      to: input.to,
      status: 'pending',
      outcome: null,
      rating: null,
      note: null,
      calledAt: null,
      calledBy: null,
      calledByName: null,
    })
  }
  await repo.insertSpotCheck(doc)
  return spotCheckView(deps, actor, (await repo.spotCheck(id)) ?? doc, where.label)
}

/** 抽查回访清单: drawn records newest first; staff see their scope, supervisors their station. */
export const listSpotChecks: UseCase<In<'listSpotChecks'>, Out<'listSpotChecks'>> = async (deps, actor, input) => {
  const repo = visitRepo(deps.store)
  let scope: RecordScope
  if (input.stationCode) {
    const station = await stationOrFail(deps, input.stationCode)
    if (!supervisorOf(actor, station) && stationAccess(actor, station) !== 'full') {
      throw new AppError('forbidden', `只有${station.name}的联络站管理员和本县（乡镇）人大工作人员可以查看抽查回访`)
    }
    scope = { stationCode: station.code }
  } else if (staffBindings(actor).length) {
    scope = (await staffScope(deps, actor, {})).scope
  } else {
    const sup = bindingsOf(actor).find((b) => b.role === 'supervisor')
    if (!sup || sup.role !== 'supervisor' || !sup.stationCodes[0]) throw new AppError('forbidden', '只有联络站管理员和人大工作人员可以查看抽查回访')
    scope = { stationCode: sup.stationCodes[0] }
  }
  const page = await repo.pageCallbacks(scope, input.limit, input.cursor)
  const records = await repo.records(page.items.map((c) => c.recordId))
  const views = new Map((await recordViews(deps, records, readerOf(actor, 'record'))).map((v) => [v.id, v]))
  return { items: page.items.flatMap((c) => (views.has(c.recordId) ? [spotCheckItemView(c, views.get(c.recordId)!)] : [])), nextCursor: page.nextCursor }
}

/** 回访: what calling the visitor back found; recorded once per drawn record, the step kept in its history. */
export const recordCallback: UseCase<In<'recordCallback'>, Out<'recordCallback'>> = async (deps, actor, input) => {
  const { visits } = deps.repos
  const name = actorName(actor, '人大工作人员')
  const done = await runLifecycle(
    deps,
    actor,
    CALLBACK_RECORD,
    await visits.callback(input.id),
    { permissions: CALLBACK_PERMISSIONS, scopeOf: (cb) => registerScope({ code: cb.stationCode, countyCode: cb.countyCode, township: cb.township }) },
    {
      event: 'record',
      // the history says what the callback found in its own words; the staff's note may name the visitor
      note: CALLBACK_OUTCOME_LABELS[input.outcome],
      change: (_cb, ctx) => ({
        outcome: input.outcome,
        rating: input.rating ?? null,
        note: input.note ?? null,
        calledAt: ctx.at,
        calledBy: actor.openid,
        calledByName: name,
      }),
    },
    () => name,
  )
  const record = await visits.record(done.recordId)
  if (!record) throw new AppError('not_found', '没有找到该接待登记')
  const [view] = await recordViews(deps, [record], readerOf(actor, 'record'))
  return spotCheckItemView(done, view)
}

/** 问题清单 — 列入: a problem with its owner (责任人), at a station or for the staff's scope. */
export const createProblem: UseCase<In<'createProblem'>, Out<'createProblem'>> = async (deps, actor, input) => {
  const where = await staffScope(deps, actor, { stationCode: input.stationCode })
  const repo = visitRepo(deps.store)
  const id = hashId('problem', actor.openid, input.clientRequestId)
  const existing = await repo.problem(id)
  if (existing) return problemViewOf(existing)
  if (input.recordId) {
    const { doc } = await visibleRecord(deps, actor, input.recordId)
    if (where.stationCode && doc.stationCode !== where.stationCode) throw new AppError('validation_failed', '关联的接待登记不属于该联络站', 'recordId')
  }
  const station = where.stationCode ? await directoryRepo(deps.store).station(where.stationCode) : null
  const at = deps.clock.now().toISOString()
  const doc: VisitProblemDoc = {
    _id: id,
    version: 1,
    countyCode: where.countyCode,
    township: where.township,
    stationCode: where.stationCode,
    stationName: station?.name ?? null,
    title: input.title,
    description: input.description ?? null,
    owner: input.owner,
    dueDate: input.dueDate ?? null,
    source: input.source,
    recordId: input.recordId ?? null,
    status: 'open',
    resolution: null,
    createdBy: actor.openid,
    createdByName: actorName(actor, '人大工作人员'),
    createdAt: at,
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
  }
  if (!(await repo.insertProblem(doc))) return problemViewOf((await repo.problem(id)) ?? doc)
  return problemViewOf(doc)
}

/** 问题清单 — 销号: the problem is resolved, with what was done; the step kept in its history. */
export const resolveProblem: UseCase<In<'resolveProblem'>, Out<'resolveProblem'>> = async (deps, actor, input) => {
  const doc = await deps.repos.visits.problem(input.id)
  const stale = () => new AppError('conflict', '该问题刚刚已被他人修改，请刷新后再试')
  const name = actorName(actor, '人大工作人员')
  const next = await runLifecycle(
    deps,
    actor,
    PROBLEM_RECORD,
    doc,
    { permissions: PROBLEM_PERMISSIONS, scopeOf: (p) => ({ countyCode: p.countyCode, township: p.township, stationCode: p.stationCode }) },
    {
      event: 'resolve',
      note: input.resolution,
      change: (p, ctx) => {
        if (input.expectedVersion !== undefined && input.expectedVersion !== p.version) throw stale()
        return { resolution: input.resolution, resolvedAt: ctx.at, resolvedBy: actor.openid, resolvedByName: name }
      },
    },
    () => name,
  )
  return problemViewOf(next)
}

/** 问题清单: newest first, open or resolved; staff see their scope, supervisors their station. */
export const listProblems: UseCase<In<'listProblems'>, Out<'listProblems'>> = async (deps, actor, input) => {
  let scope: RecordScope
  if (input.stationCode) {
    const station = await stationOrFail(deps, input.stationCode)
    if (stationAccess(actor, station) !== 'full') throw new AppError('forbidden', `只有${station.name}的联络站管理员和本县（乡镇）人大工作人员可以查看问题清单`)
    scope = { stationCode: station.code }
  } else if (staffBindings(actor).length) {
    scope = (await staffScope(deps, actor, {})).scope
  } else {
    const sup = bindingsOf(actor).find((b) => b.role === 'supervisor')
    if (!sup || sup.role !== 'supervisor' || !sup.stationCodes[0]) throw new AppError('forbidden', '只有联络站管理员和人大工作人员可以查看问题清单')
    scope = { stationCode: sup.stationCodes[0] }
  }
  const page = await visitRepo(deps.store).pageProblems(scope, input.status, input.limit, input.cursor)
  return { items: page.items.map(problemViewOf), nextCursor: page.nextCursor }
}
