/**
 * The supervisor's day (today's sessions at my stations) and a session's summary: visitors
 * received, matters raised, answered on the spot, 交办单 issued, and the deputies' attendance,
 * which is the same attendance the yearly duty counts (亮码进站, or present in the register).
 */
import type { z } from 'zod'
import type { todaySession, visitActions } from '@shared/api/visit'
import { bindingFor } from '@shared/domain/permissions'
import { dutyCompliance } from '@shared/domain/reception/compliance'
import { shanghaiDateTime } from '@shared/domain/reception/dates'
import { MINIMUM_DUTIES_PER_YEAR, SESSION_KIND_LABELS, SESSION_STATUS_LABELS, STATION_SESSION_KINDS } from '@shared/domain/sessions'
import { missingFields } from '@shared/domain/visits'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { DeputyDoc, ReceptionSessionDoc, StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { visitRepo } from '../../repos/visit-repo'
import { currentResult } from '../../views/visit-views'
import { stationAccess } from './access'
import { linkedItems } from './assignment'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>
type TodaySession = z.output<typeof todaySession>

function sessionCard(s: ReceptionSessionDoc, station: { code: string; name: string }, deputies: ReadonlyMap<string, DeputyDoc>, recordCount: number): TodaySession {
  return {
    id: s._id,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    kindLabel: SESSION_KIND_LABELS[s.kind],
    theme: s.theme,
    stationCode: station.code,
    stationName: s.stationName ?? station.name,
    status: s.status,
    statusLabel: SESSION_STATUS_LABELS[s.status],
    deputies: s.deputyCodes.map((code) => ({ code, name: deputies.get(code)?.name ?? code })),
    recordCount,
  }
}

/** 今日接待: the supervisor's stations with their deputies, and today's sessions there (not cancelled). */
export const today: UseCase<In<'today'>, Out<'today'>> = async (deps, actor) => {
  const b = bindingFor(actor, 'supervisor')
  if (!b) throw new AppError('forbidden', '只有联络站管理员可以登记接待')
  const directory = directoryRepo(deps.store)
  const reception = receptionRepo(deps.store)
  const records = visitRepo(deps.store)
  const date = shanghaiDateTime(deps.clock.now()).date
  const stations = (await Promise.all(b.stationCodes.map((c) => directory.station(c)))).filter((s): s is StationDoc => !!s && s.countyCode === b.countyCode)
  const deputies = new Map((await directory.deputiesByCodes([...new Set(stations.flatMap((s) => s.deputyCodes))])).map((d) => [d.code, d]))
  const sessions: TodaySession[] = []
  for (const station of stations) {
    const todays = (await reception.atStationOn(station.code, date))
      .filter((s) => s.status !== 'cancelled' && STATION_SESSION_KINDS.includes(s.kind))
      .sort((x, y) => (x.startTime < y.startTime ? -1 : 1))
    for (const s of todays) {
      for (const code of s.deputyCodes) if (!deputies.has(code)) for (const d of await directory.deputiesByCodes([code])) deputies.set(d.code, d)
      sessions.push(sessionCard(s, station, deputies, await records.countAtSession(s._id)))
    }
  }
  return {
    date,
    stations: stations.map((s) => ({
      code: s.code,
      name: s.name,
      township: s.township,
      deputies: s.deputyCodes.map((code) => ({ code, name: deputies.get(code)?.name ?? code })),
    })),
    sessions,
  }
}

/** 接待情况: one session's figures and its deputies' attendance (counted toward the yearly duty). */
export const sessionSummary: UseCase<In<'sessionSummary'>, Out<'sessionSummary'>> = async (deps, actor, { sessionId }) => {
  const reception = receptionRepo(deps.store)
  const session = await reception.session(sessionId)
  const station = session?.stationCode ? await directoryRepo(deps.store).station(session.stationCode) : null
  if (!session || !station || stationAccess(actor, station) === 'none') throw new AppError('not_found', '没有找到该接待活动')

  const docs = await visitRepo(deps.store).allRecords({ sessionId: session._id })
  const items = await linkedItems(deps, docs)
  let missingResult = 0
  let missingOpinion = 0
  for (const d of docs) {
    if (d.status === 'closed') continue
    const m = missingFields(currentResult(d, { items }).result, d.opinion)
    if (m.includes('result')) missingResult++
    if (m.includes('opinion')) missingOpinion++
  }

  const attendance = await reception.attendanceOfSession(session._id)
  const codes = [...new Set([...session.deputyCodes, ...attendance.map((a) => a.deputyCode)])]
  const deputies = new Map((await directoryRepo(deps.store).deputiesByCodes(codes)).map((d) => [d.code, d]))
  const today = shanghaiDateTime(deps.clock.now()).date
  const year = Number(session.date.slice(0, 4))
  const yearAttendance = (await Promise.all(codes.map((c) => reception.attendanceOf(c, `${year}-01-01`, `${year}-12-31`)))).flat()
  const asOf = today < `${year}-12-31` ? (today < `${year}-01-01` ? `${year}-01-01` : today) : `${year}-12-31`
  const compliance = new Map(dutyCompliance(codes.map((code) => ({ code })), yearAttendance, year, MINIMUM_DUTIES_PER_YEAR, asOf).map((r) => [r.deputyCode, r]))
  const attended = new Set(attendance.map((a) => a.deputyCode))

  return {
    session: sessionCard(session, station, deputies, docs.length),
    visitors: docs.reduce((n, d) => n + d.visitorCount, 0),
    matters: docs.length,
    answeredOnSpot: docs.filter((d) => d.handling === 'answered_on_spot').length,
    assignmentForms: docs.filter((d) => d.handling === 'assignment_form').length,
    closed: docs.filter((d) => d.status === 'closed').length,
    open: docs.filter((d) => d.status === 'open').length,
    missingResult,
    missingOpinion,
    deputies: codes.map((code) => {
      const row = compliance.get(code)
      const count = row?.count ?? 0
      return {
        code,
        name: deputies.get(code)?.name ?? code,
        onDuty: session.deputyCodes.includes(code),
        attended: attended.has(code),
        attendedThisYear: count,
        minimumPerYear: MINIMUM_DUTIES_PER_YEAR,
        met: count >= MINIMUM_DUTIES_PER_YEAR,
      }
    }),
  }
}
