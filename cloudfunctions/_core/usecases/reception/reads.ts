/**
 * Reading the calendar: session lists (public: a station's planned and held reception days),
 * one session's announcement, a deputy's own duty, and staff's compliance view.
 */
import type { z } from 'zod'
import type { complianceRow, receptionActions, SessionSummary, SessionView } from '@shared/api/reception'
import { bindingsOf } from '@shared/domain/permissions'
import { dutyCompliance as computeCompliance } from '@shared/domain/reception/compliance'
import { addDays } from '@shared/domain/reception/dates'
import { hasEnded, MINIMUM_DUTIES_PER_YEAR, PUBLIC_SESSION_KINDS, type SessionStatus } from '@shared/domain/sessions'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { ReceptionSessionDoc, StationDoc } from '../../model'
import type { Where } from '../../store/port'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { subscriptionRepo } from '../../repos/subscription-repo'
import { sessionSummary } from '../../views/reception-views'
import { anyStaff, deputyBinding, staffFor } from './access'
import { todayIn } from './calendar'
import { deputyIndexFor, sessionOrFail, viewFor } from './view'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type SummaryPage = { items: SessionSummary[]; nextCursor: string | null }

const PUBLIC_STATUSES: SessionStatus[] = ['planned', 'held']

/** Staff of the county, or a deputy or supervisor of the station: sees every session there. */
function seesAllAtStation(actor: Actor, station: StationDoc): boolean {
  if (staffFor(actor, { countyCode: station.countyCode, township: station.township })) return true
  return bindingsOf(actor).some(
    (b) =>
      (b.role === 'staff' && b.countyCode === station.countyCode) ||
      ((b.role === 'deputy' || b.role === 'supervisor') && b.countyCode === station.countyCode && b.stationCodes.includes(station.code)),
  )
}

async function summaries(deps: Parameters<UseCase<unknown, unknown>>[0], docs: ReceptionSessionDoc[]): Promise<SessionSummary[]> {
  const index = await deputyIndexFor(deps, docs)
  return docs.map((d) => sessionSummary(d, index))
}

/** 接待安排: a station's sessions (anyone: planned and held reception days), or the county's (staff). */
export const listSessions: UseCase<In<'listSessions'>, SummaryPage> = async (deps, actor, input) => {
  const today = todayIn(deps)
  const from = input.from ?? today
  const to = input.to ?? addDays(from, 366)
  if (to < from) throw new AppError('validation_failed', '结束日期不能早于开始日期', 'to')
  const repo = receptionRepo(deps.store)
  const extra: Where = {}
  if (input.kind) extra.kind = input.kind
  if (input.status) extra.status = input.status

  if (input.stationCode) {
    const station = await directoryRepo(deps.store).station(input.stationCode)
    if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
    if (!seesAllAtStation(actor, station)) {
      const statuses = input.status ? PUBLIC_STATUSES.filter((s) => s === input.status) : PUBLIC_STATUSES
      const kinds = input.kind ? PUBLIC_SESSION_KINDS.filter((k) => k === input.kind) : PUBLIC_SESSION_KINDS
      if (statuses.length === 0 || kinds.length === 0) return { items: [], nextCursor: null }
      extra.status = statuses.length === 1 ? statuses[0] : { $in: statuses }
      extra.kind = kinds.length === 1 ? kinds[0] : { $in: [...kinds] }
    }
    const page = await repo.pageAtStation(station.code, from, to, input.limit, input.cursor, extra)
    return { items: await summaries(deps, page.items), nextCursor: page.nextCursor }
  }

  const staff = bindingsOf(actor).find((b) => b.role === 'staff' && (!input.countyCode || b.countyCode === input.countyCode))
  if (!staff || staff.role !== 'staff') throw new AppError('forbidden', '请选择联络站；全县接待安排只有人大工作人员可以查看')
  if (staff.scope === 'township') extra.township = staff.township ?? null
  const page = await repo.pageInCounty(staff.countyCode, from, to, input.limit, input.cursor, extra)
  return { items: await summaries(deps, page.items), nextCursor: page.nextCursor }
}

/** 接待公告: one session as the caller may see it (internal notes only for those concerned). */
export const getSession: UseCase<In<'getSession'>, SessionView> = async (deps, actor, { id }) => viewFor(deps, actor, await sessionOrFail(deps, id))

type MyDuty = z.output<(typeof receptionActions)['myDuty']['output']>

/** 我的接待: the deputy's coming duty, this year's count against the minimum, reminder credits. */
export const myDuty: UseCase<In<'myDuty'>, MyDuty> = async (deps, actor) => {
  const b = deputyBinding(actor)
  if (!b) throw new AppError('forbidden', '只有人大代表可以查看接待安排')
  const deputy = await directoryRepo(deps.store).deputy(b.deputyCode)
  if (!deputy) throw new AppError('not_found', '没有找到代表信息')
  const repo = receptionRepo(deps.store)
  const today = todayIn(deps)
  const year = Number(today.slice(0, 4))
  const now = deps.clock.now()

  const duties = await repo.pageDutiesOf(deputy.code, today, addDays(today, 366), 50)
  const ids = duties.items.filter((d) => d.status === 'planned').map((d) => d.sessionId)
  const upcoming = (await repo.sessions(ids))
    .filter((s) => s.status === 'planned' && !hasEnded(s, now))
    .sort((x, y) => (x.date + x.startTime < y.date + y.startTime ? -1 : 1))
    .slice(0, 20)
  const attendance = await repo.attendanceOf(deputy.code, `${year}-01-01`, today)
  const [row] = computeCompliance([{ code: deputy.code }], attendance, year, MINIMUM_DUTIES_PER_YEAR, today)
  const credits = await subscriptionRepo(deps.store).get(actor.openid, 'reception_reminder')
  const longTerm = credits?.longTerm ?? false
  const reminderCredits = credits?.credits ?? 0
  return {
    deputyCode: deputy.code,
    deputyName: deputy.name,
    year,
    attendedThisYear: row.count,
    minimumPerYear: MINIMUM_DUTIES_PER_YEAR,
    behind: row.behind,
    remainingSessionsNeeded: row.remainingSessionsNeeded,
    upcoming: await summaries(deps, upcoming),
    reminderCredits,
    longTermReminders: longTerm,
    needsResubscribe: !longTerm && reminderCredits <= 0,
  }
}

type ComplianceRow = z.output<typeof complianceRow>

/** 履职情况: every deputy of the county (or township) with this year's station days; who is behind first. */
export const dutyCompliance: UseCase<In<'dutyCompliance'>, { year: number; today: string; minimumPerYear: number; items: ComplianceRow[] }> = async (
  deps,
  actor,
  input,
) => {
  const staff = anyStaff(actor)
  const today = todayIn(deps)
  const year = input.year ?? Number(today.slice(0, 4))
  // As statistics do (usecases/stats/scope.ts): township staff asking for another township are refused, not given their own.
  if (staff.scope === 'township' && input.township && input.township !== staff.township) {
    throw new AppError('forbidden', '乡镇人大工作人员只能查看本乡镇代表的履职情况')
  }
  const township = staff.scope === 'township' ? staff.township : input.township
  if (township) {
    const county = await directoryRepo(deps.store).county(staff.countyCode)
    if (county && !county.townships.includes(township)) throw new AppError('validation_failed', '本县没有这个乡镇', 'township')
  }
  const repo = receptionRepo(deps.store)
  const stations = await directoryRepo(deps.store).stationsOfCounty(staff.countyCode)
  const stationName = new Map(stations.map((s) => [s.code, s.name]))
  const inTownship = new Set(stations.filter((s) => !township || s.township === township).map((s) => s.code))
  const deputies = (await repo.deputiesOfCounty(staff.countyCode)).filter((d) => !township || d.stationCodes.some((c) => inTownship.has(c)))
  const attendance = await repo.attendanceInCounty(staff.countyCode, `${year}-01-01`, `${year}-12-31`)
  const rows = computeCompliance(deputies, attendance, year, MINIMUM_DUTIES_PER_YEAR, today)

  const upcoming = new Map<string, number>()
  const start = today > `${year}-01-01` ? today : `${year}-01-01`
  if (start <= `${year}-12-31`) {
    for (const s of await repo.inCountyBetween(staff.countyCode, start, `${year}-12-31`)) {
      if (s.status !== 'planned') continue
      for (const c of s.deputyCodes) upcoming.set(c, (upcoming.get(c) ?? 0) + 1)
    }
  }
  const byCode = new Map(deputies.map((d) => [d.code, d]))
  return {
    year,
    today,
    minimumPerYear: MINIMUM_DUTIES_PER_YEAR,
    items: rows.map((r) => {
      const d = byCode.get(r.deputyCode)!
      return {
        ...r,
        name: d.name,
        stationNames: d.stationCodes.map((c) => stationName.get(c) ?? c),
        upcomingDuties: upcoming.get(r.deputyCode) ?? 0,
      }
    }),
  }
}
