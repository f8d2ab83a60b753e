import type { ReceptionFiguresView } from '@shared/api/stats'
import { SESSION_KINDS, type SessionKind } from '@shared/domain/sessions'
import type { z } from 'zod'
import type { periodInput } from '@shared/api/stats'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import { staffScope } from './scope'
import { dayRange, scopeTotals } from './totals'

/** The first instant of a month in Asia/Shanghai, as an ISO string. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`).toISOString()
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/**
 * 接待活动 figures of a county (or one township) in a period of months.
 * - sessions held: sessions of any kind with status `held` whose date is in the period;
 * - deputy participations: attendance records (亮码进站, or recorded by staff at 已举行);
 * - voters received: the visitors of the visit register's records (接待登记, a record may stand
 *   for several visitors who came together), visited in the period, at sessions or ad hoc;
 * - opinions collected: those records (one matter each);
 * - items from reception: five-order items filed at a reception day or an online window.
 * County: indexed counts. A township: its sessions of the period are read (a few hundred at most)
 * and their attendance counted per session.
 */
export async function receptionFigures(
  deps: Deps,
  countyCode: string,
  township: string | null,
  from: string,
  to: string,
  itemsFromReception?: number,
): Promise<ReceptionFiguresView> {
  const repo = deps.repos.stats
  const [first, last] = dayRange(from, to)
  const byKind = Object.fromEntries(SESSION_KINDS.map((k) => [k, 0])) as Record<SessionKind, number>
  let participations = 0
  if (!township) {
    const counts = await Promise.all(SESSION_KINDS.map((kind) => repo.countHeldSessions(countyCode, first, last, kind)))
    SESSION_KINDS.forEach((kind, i) => (byKind[kind] = counts[i]))
    participations = await repo.countAttendanceInCounty(countyCode, first, last)
  } else {
    const held = (await repo.sessionsInCounty(countyCode, first, last)).filter((s) => s.status === 'held' && s.township === township)
    for (const s of held) byKind[s.kind] += 1
    const counts = await Promise.all(held.map((s) => repo.countAttendanceOfSession(s._id)))
    participations = counts.reduce((a, b) => a + b, 0)
  }
  const fromItems = itemsFromReception ?? (await scopeTotals(repo, countyCode, township, from, to)).fromReception
  const visits = await repo.visitsBetween(countyCode, township, monthStart(from), monthStart(nextMonth(to)))
  return {
    sessionsHeld: Object.values(byKind).reduce((a, b) => a + b, 0),
    sessionsHeldByKind: byKind,
    deputyParticipations: participations,
    votersReceived: visits.reduce((sum, v) => sum + Math.max(1, v.visitorCount ?? 1), 0),
    opinionsCollected: visits.length,
    itemsFromReception: fromItems,
    visitRegisterAvailable: true,
  }
}

type PeriodParsed = z.output<typeof periodInput>

/** 接待活动统计 for staff in scope. */
export const receptionFiguresAction: UseCase<PeriodParsed, ReceptionFiguresView> = async (deps, actor, input) => {
  const scope = await staffScope(deps, actor, input)
  return receptionFigures(deps, scope.county.code, scope.township, input.from, input.to)
}
