/**
 * Staff edits of sessions: one-off sessions and meetings, edits, confirmation of 待确认 dates,
 * cancellation with a reason, and marking a session held (with attendance recorded by staff).
 * Every write is conditional on the version read, so two editors yield one winner.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { receptionActions, SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { SESSION_KIND_LABELS, STATION_SESSION_KINDS } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { ReceptionSessionDoc, StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { anyStaff, requireStaff, sessionScope, type CalendarScope } from './access'
import { refuseClashes, refuseIfInPast, validateDeputies, validateFollowUps, validateOfficials } from './booking'
import { todayIn } from './calendar'
import { newSessionDoc } from './session-doc'
import { creditedWrites } from './notify'
import { managedSession, viewFor } from './view'
import { SESSION_PAGE } from '@shared/domain/sessions'
import { SESSION_PERMISSIONS } from '@shared/domain/lifecycles/session'
import type { ComposedMessage } from '../../messages'
import { SESSION_RECORD } from '../../repos/lifecycle-records'
import { runLifecycle } from '../../runtime/run-lifecycle'
import type { Write } from '../../store/port'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>

const compact = (date: string) => date.replace(/-/g, '')

/** Id of a one-off session: readable prefix, and a hash of who asked with their request id (retries land on it). */
export function manualSessionId(prefix: string, date: string, kind: string, openid: string, clientRequestId: string): string {
  const hash = createHash('sha256').update(`${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 10)
  return `${prefix}-${compact(date)}-${kind}-${hash}`
}

const stale = () => new AppError('conflict', '该接待活动刚刚已被他人修改，请刷新后再试')

/** Holding and cancelling are asked of the session permission table, within the session's reach. */
const SESSION_ACCESS = { permissions: SESSION_PERMISSIONS, scopeOf: sessionScope }

async function stationOf(deps: Deps, code: string | undefined | null): Promise<StationDoc | null> {
  if (!code) return null
  const station = await directoryRepo(deps.store).station(code)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  return station
}

/** 新建接待活动: a thematic day, an extra reception or online window, or a meeting / inspection / focus-group visit. */
export const createSession: UseCase<In<'createSession'>, SessionView> = async (deps, actor, input) => {
  const station = await stationOf(deps, input.stationCode)
  let scope: CalendarScope
  if (station) {
    scope = { countyCode: station.countyCode, township: station.township }
  } else {
    const staff = anyStaff(actor)
    scope = { countyCode: staff.countyCode, township: staff.scope === 'township' ? (staff.township ?? null) : null }
  }
  requireStaff(actor, scope)
  const repo = receptionRepo(deps.store)
  const id = manualSessionId(station?.code ?? scope.countyCode, input.date, input.kind, actor.openid, input.clientRequestId)
  const existing = await repo.session(id)
  if (existing) return viewFor(deps, actor, existing)

  refuseIfInPast(deps, input.date, input.startTime)
  const deputies = await validateDeputies(deps, input.deputyCodes, scope.countyCode, STATION_SESSION_KINDS.includes(input.kind) ? station : null)
  const now = deps.clock.now().toISOString()
  const doc: ReceptionSessionDoc = newSessionDoc({
    _id: id,
    kind: input.kind,
    source: 'manual',
    countyCode: scope.countyCode,
    township: scope.township,
    stationCode: station?.code ?? null,
    stationName: station?.name ?? null,
    place: input.place ?? station?.address ?? '',
    date: input.date,
    originalDate: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    theme: input.theme ?? null,
    deputyCodes: input.deputyCodes,
    minDeputies: 1,
    invitedOfficials: await validateOfficials(deps, input.invitedOfficials, scope.countyCode),
    announcement: input.announcement ?? null,
    participants: input.participants,
    topics: input.topics,
    notes: input.notes ?? null,
    followUpSuggestionIds: await validateFollowUps(deps, input.followUpSuggestionIds, scope.countyCode),
    edited: true,
    createdBy: actor.openid,
    createdAt: now,
    updatedAt: now,
  })
  await refuseClashes(deps, doc, new Map(deputies.map((d) => [d.code, d])))
  if (!(await repo.insertSession(doc))) return viewFor(deps, actor, (await repo.session(id))!)
  await repo.syncDuties(doc)
  return viewFor(deps, actor, doc)
}

/** Fields a held session still takes: the record of what happened and what follows from it. */
const AFTER_HELD = new Set(['notes', 'topics', 'participants', 'followUpSuggestionIds', 'announcement'])

/** 修改接待活动: date, time, theme, deputies (not fewer than the rule's number), officials, announcement … */
export const updateSession: UseCase<In<'updateSession'>, SessionView> = async (deps, actor, input) => {
  const doc = await managedSession(deps, actor, input.id)
  if (input.expectedVersion !== undefined && input.expectedVersion !== doc.version) throw stale()
  const { id: _id, expectedVersion: _version, ...changes } = input
  const changed = Object.entries(changes).filter(([, v]) => v !== undefined).map(([k]) => k)
  if (doc.status === 'cancelled') throw new AppError('invalid_transition', '已取消的活动不能修改')
  if (doc.status === 'held') {
    const refused = changed.find((k) => !AFTER_HELD.has(k))
    if (refused) throw new AppError('invalid_transition', '已举行的活动只能补充记录、议题、参加人员和关联事项', refused)
  }

  const station = await stationOf(deps, doc.stationCode)
  const set: Partial<ReceptionSessionDoc> = {}
  const date = input.date ?? doc.date
  const startTime = input.startTime ?? doc.startTime
  const endTime = input.endTime ?? doc.endTime
  if (input.date !== undefined || input.startTime !== undefined || input.endTime !== undefined) {
    if (startTime >= endTime) throw new AppError('validation_failed', '结束时间应晚于开始时间', 'endTime')
    refuseIfInPast(deps, date, startTime)
    Object.assign(set, { date, startTime, endTime })
    if (date !== doc.date) {
      // staff chose this date on purpose: it is confirmed, and the reason says who moved it
      Object.assign(set, {
        moved: date !== doc.originalDate,
        moveReason: date !== doc.originalDate ? `原定${formatChineseDate(doc.originalDate)}，由人大工作人员调整至${formatChineseDate(date, date.slice(0, 4) !== doc.originalDate.slice(0, 4))}` : null,
        confirmed: true,
        unconfirmedReason: null,
      })
    }
  }
  let deputyCodes = doc.deputyCodes
  if (input.deputyCodes !== undefined) {
    if (input.deputyCodes.length < doc.minDeputies) {
      throw new AppError('validation_failed', `本次${SESSION_KIND_LABELS[doc.kind]}至少需要安排${doc.minDeputies}名代表`, 'deputyCodes')
    }
    await validateDeputies(deps, input.deputyCodes, doc.countyCode, STATION_SESSION_KINDS.includes(doc.kind) ? station : null)
    deputyCodes = input.deputyCodes
    set.deputyCodes = deputyCodes
  }
  if (input.theme !== undefined) set.theme = input.theme
  if (doc.kind === 'thematic' && set.theme === null) throw new AppError('validation_failed', '主题接待日须填写主题', 'theme')
  if (input.invitedOfficials !== undefined) set.invitedOfficials = await validateOfficials(deps, input.invitedOfficials, doc.countyCode)
  if (input.announcement !== undefined) set.announcement = input.announcement
  if (input.participants !== undefined) set.participants = input.participants
  if (input.topics !== undefined) set.topics = input.topics
  if (input.notes !== undefined) set.notes = input.notes
  if (input.followUpSuggestionIds !== undefined) set.followUpSuggestionIds = await validateFollowUps(deps, input.followUpSuggestionIds, doc.countyCode)
  const timing = 'date' in set || 'deputyCodes' in set
  // touched by hand: regeneration no longer moves or removes it
  set.edited = true
  set.updatedAt = deps.clock.now().toISOString()

  const next: ReceptionSessionDoc = { ...doc, ...set, version: doc.version + 1 }
  if (timing) {
    const deputies = await directoryRepo(deps.store).deputiesByCodes(next.deputyCodes)
    await refuseClashes(deps, next, new Map(deputies.map((d) => [d.code, d])))
  }
  const repo = receptionRepo(deps.store)
  if (!(await repo.updateSession(doc, set))) throw stale()
  if (timing) await repo.syncDuties(next, doc.deputyCodes)
  return viewFor(deps, actor, next)
}

/** 确认日期: a 待确认 date (holiday data not yet published) is confirmed as it stands. */
export const confirmSession: UseCase<In<'confirmSession'>, SessionView> = async (deps, actor, { id }) => {
  const doc = await managedSession(deps, actor, id)
  if (doc.status !== 'planned') throw new AppError('invalid_transition', '只有计划中的活动可以确认日期')
  if (doc.confirmed) return viewFor(deps, actor, doc)
  const set = { confirmed: true, unconfirmedReason: null, edited: true, updatedAt: deps.clock.now().toISOString() }
  if (!(await receptionRepo(deps.store).updateSession(doc, set))) throw stale()
  return viewFor(deps, actor, { ...doc, ...set, version: doc.version + 1 })
}

/** 取消: with a reason; the deputies on duty and residents who asked for a reminder are told — in the same commit. */
export const cancelSession: UseCase<In<'cancelSession'>, SessionView> = async (deps, actor, { id, reason }) => {
  const { reception } = deps.repos
  const next = await runLifecycle(deps, actor, SESSION_RECORD, await reception.session(id), SESSION_ACCESS, {
    event: 'cancel',
    note: reason,
    change: () => ({ cancelReason: reason }),
    writes: async (next, doc, ctx) => [...reception.dutyWrites(next), ...(doc.date >= todayIn(deps) ? await cancelNotices(deps, next, ctx.at) : [])],
  })
  return viewFor(deps, actor, next)
}

/** The cancellation notices, as writes of the cancel's commit (each spends the recipient's credit). */
async function cancelNotices(deps: Deps, s: ReceptionSessionDoc, at: string): Promise<Write[]> {
  const deputies = await deps.repos.directory.deputiesByCodes(s.deputyCodes)
  const recipients = new Set(deputies.map((d) => d.openid).filter((o): o is string => !!o))
  for await (const openid of deps.repos.reception.subscribersOf(s._id)) recipients.add(openid)
  const notice = (openid: string): ComposedMessage => ({
    _id: `rc:${s._id}:${openid}`,
    toOpenid: openid,
    kind: 'reception_reminder',
    title: `${SESSION_KIND_LABELS[s.kind]}取消`,
    body: `${s.stationName ?? s.place}${formatChineseDate(s.date)}的活动已取消：${s.cancelReason ?? ''}`,
    page: `/${SESSION_PAGE}?id=${s._id}`,
  })
  return creditedWrites(deps, [...recipients].map(notice), at)
}

/** 标记已举行: on or after its day; staff may record the deputies present (besides check-ins). */
export const markHeld: UseCase<In<'markHeld'>, SessionView> = async (deps, actor, input) => {
  const { reception } = deps.repos
  const attended = input.attendedDeputyCodes ?? []
  const next = await runLifecycle(deps, actor, SESSION_RECORD, await reception.session(input.id), SESSION_ACCESS, {
    event: 'hold',
    // the session's notes are internal and may name visitors: the history keeps no copy
    change: async (doc) => {
      if (attended.length) {
        const station = await stationOf(deps, doc.stationCode)
        const deputies = await validateDeputies(deps, attended, doc.countyCode, null, 'attendedDeputyCodes')
        for (const d of deputies) {
          if (!doc.deputyCodes.includes(d.code) && !(station && d.stationCodes.includes(station.code))) {
            throw new AppError('validation_failed', `${d.name}既不是本站代表，也未安排在本次活动`, 'attendedDeputyCodes')
          }
        }
      }
      return input.notes !== undefined ? { notes: input.notes } : {}
    },
    writes: (next, doc, ctx) => [
      ...reception.dutyWrites(next),
      ...attended.map((code) =>
        reception.addAttendanceWrite({
          _id: `${doc._id}:${code}`,
          sessionId: doc._id,
          deputyCode: code,
          countyCode: doc.countyCode,
          stationCode: doc.stationCode,
          date: doc.date,
          checkedInAt: ctx.at,
          source: 'staff',
          recordedBy: actor.openid,
        }),
      ),
    ],
  })
  return viewFor(deps, actor, next)
}
