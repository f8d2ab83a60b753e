import type { StationView } from '@shared/api/directory'
import { addDays, shanghaiDateTime } from '@shared/domain/reception/dates'
import { hasEnded, IN_PERSON_SESSION_KINDS } from '@shared/domain/sessions'
import type { Deps } from '../../ports'
import { receptionRepo } from '../../repos/reception-repo'
import { deputyIndexFor } from './view'

/** How many upcoming reception days the station page lists. */
export const STATION_PAGE_SESSIONS = 3

/**
 * The station page's 接待安排: the next planned in-person reception days (regular and thematic)
 * that have not ended yet, soonest first; `confirmed: false` marks a 待确认 date.
 */
export async function upcomingAtStation(deps: Deps, stationCode: string, limit = STATION_PAGE_SESSIONS): Promise<StationView['upcomingSessions']> {
  const now = deps.clock.now()
  const today = shanghaiDateTime(now).date
  const page = await receptionRepo(deps.store).pageAtStation(stationCode, today, addDays(today, 400), 20, null, { status: 'planned', kind: { $in: [...IN_PERSON_SESSION_KINDS] } })
  const next = page.items
    .filter((s) => IN_PERSON_SESSION_KINDS.includes(s.kind) && !hasEnded(s, now))
    .sort((x, y) => (x.date + x.startTime < y.date + y.startTime ? -1 : 1))
    .slice(0, limit)
  const deputies = await deputyIndexFor(deps, next)
  return next.map((s) => ({
    id: s._id,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    theme: s.theme,
    deputyNames: s.deputyCodes.map((c) => deputies.get(c)?.name ?? c),
    confirmed: s.confirmed,
  }))
}
