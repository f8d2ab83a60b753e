import type { ReceptionFiguresView } from '@shared/api/stats'
import { SESSION_KINDS, type SessionKind } from '@shared/domain/sessions'
import type { z } from 'zod'
import type { periodInput } from '@shared/api/stats'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import { statsRepo } from '../../repos/stats-repo'
import { staffScope } from './scope'
import { dayRange, scopeTotals } from './totals'

/**
 * 接待活动 figures of a county (or one township) in a period of months.
 * - sessions held: sessions of any kind with status `held` whose date is in the period;
 * - deputy participations: attendance records (亮码进站, or recorded by staff at 已举行);
 * - voters received and opinions collected come from the visit register (issue 6): until it
 *   keeps records they are null, and `itemsFromReception` counts the five-order items filed at
 *   a reception day or an online window instead.
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
  const repo = statsRepo(deps.store)
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
  return {
    sessionsHeld: Object.values(byKind).reduce((a, b) => a + b, 0),
    sessionsHeldByKind: byKind,
    deputyParticipations: participations,
    votersReceived: null,
    opinionsCollected: null,
    itemsFromReception: fromItems,
    visitRegisterAvailable: false,
  }
}

type PeriodParsed = z.output<typeof periodInput>

/** 接待活动统计 for staff in scope. */
export const receptionFiguresAction: UseCase<PeriodParsed, ReceptionFiguresView> = async (deps, actor, input) => {
  const scope = await staffScope(deps, actor, input)
  return receptionFigures(deps, scope.county.code, scope.township, input.from, input.to)
}
