/**
 * Checks a session must pass before it is written: deputies of the right station, existing
 * departments and items, not in the past, no overlap at the station, no deputy booked twice.
 */
import { findClashes, isInPast, type SessionSlot } from '@shared/domain/reception/clashes'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { SESSION_KIND_LABELS } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { DeputyDoc, InvitedOfficial, ReceptionSessionDoc, StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'

/**
 * The deputies, all of the session's county and, for a session at a station, of that station.
 * Answers them in the order given.
 */
export async function validateDeputies(deps: Deps, codes: readonly string[], countyCode: string, station: StationDoc | null, field = 'deputyCodes'): Promise<DeputyDoc[]> {
  const found = await directoryRepo(deps.store).deputiesByCodes([...codes])
  const byCode = new Map(found.map((d) => [d.code, d]))
  return codes.map((code) => {
    const d = byCode.get(code)
    if (!d || d.countyCode !== countyCode) throw new AppError('validation_failed', `代表${code}不存在或不是本县代表`, field)
    if (station && !d.stationCodes.includes(station.code)) {
      throw new AppError('validation_failed', `${d.name}不是${station.name}的代表，不能安排在该站接待`, field)
    }
    return d
  })
}

export async function validateOfficials(
  deps: Deps,
  officials: ReadonlyArray<{ name: string; title: string; kind: InvitedOfficial['kind']; departmentCode?: string }>,
  countyCode: string,
): Promise<InvitedOfficial[]> {
  const directory = directoryRepo(deps.store)
  const out: InvitedOfficial[] = []
  for (const o of officials) {
    if (o.departmentCode) {
      const dep = await directory.department(o.departmentCode)
      if (!dep || dep.countyCode !== countyCode) throw new AppError('validation_failed', `受邀人员${o.name}的单位不存在`, 'invitedOfficials')
    }
    out.push({ name: o.name, title: o.title, kind: o.kind, departmentCode: o.departmentCode || null })
  }
  return out
}

export async function validateFollowUps(deps: Deps, ids: readonly string[], countyCode: string): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const found = await receptionRepo(deps.store).suggestionsByIds(unique)
  const ok = new Set(found.filter((s) => s.countyCode === countyCode).map((s) => s._id))
  const missing = unique.find((id) => !ok.has(id))
  if (missing) throw new AppError('validation_failed', `关联的事项${missing}不存在或不属于本县`, 'followUpSuggestionIds')
  return unique
}

export function refuseIfInPast(deps: Deps, date: string, startTime: string): void {
  if (isInPast(date, startTime, deps.clock.now())) {
    throw new AppError('validation_failed', `${formatChineseDate(date, true)} ${startTime}已经过去，不能安排在过去的时间`, 'date')
  }
}

/** Online windows do not occupy the station's room; meetings elsewhere occupy nothing. */
function stationKey(s: ReceptionSessionDoc): string {
  if (!s.stationCode) return `place:${s._id}`
  return s.kind === 'online' ? `${s.stationCode}#online` : s.stationCode
}

const slotOf = (s: ReceptionSessionDoc): SessionSlot => ({
  id: s._id,
  stationCode: stationKey(s),
  date: s.date,
  startTime: s.startTime,
  endTime: s.endTime,
  deputyCodes: s.deputyCodes,
  status: s.status,
})

const whereOf = (s: ReceptionSessionDoc) => s.stationName ?? s.place

/**
 * Refuses the session when it overlaps another live session at its station, or one of its
 * deputies is on duty elsewhere at the same time (findClashes). `pending` are sessions about to be
 * written in the same run (generation), checked as if already stored.
 */
export async function refuseClashes(
  deps: Deps,
  session: ReceptionSessionDoc,
  deputies: ReadonlyMap<string, { name: string }>,
  pending: readonly ReceptionSessionDoc[] = [],
): Promise<void> {
  const clash = await firstClash(deps, session, pending)
  if (!clash) return
  const other = clash.other
  const when = `${formatChineseDate(other.date)} ${other.startTime}–${other.endTime}`
  if (clash.kind === 'station_overlap') {
    throw new AppError('validation_failed', `${whereOf(session)}在${when}已有${SESSION_KIND_LABELS[other.kind]}安排，时间重叠，不能再安排`, 'startTime')
  }
  const name = deputies.get(clash.deputyCode)?.name ?? clash.deputyCode
  throw new AppError('validation_failed', `代表${name}在${when}已安排在${whereOf(other)}（${SESSION_KIND_LABELS[other.kind]}），不能同时参加两场活动`, 'deputyCodes')
}

export type FoundClash =
  | { kind: 'station_overlap'; other: ReceptionSessionDoc }
  | { kind: 'deputy_double_booked'; other: ReceptionSessionDoc; deputyCode: string }

/** The first clash of `session` with `others` (same station overlapping, or a shared deputy at the same time). */
export function clashAmong(session: ReceptionSessionDoc, others: Iterable<ReceptionSessionDoc>): FoundClash | null {
  if (session.status === 'cancelled') return null
  const byId = new Map<string, ReceptionSessionDoc>()
  for (const o of others) if (o._id !== session._id && o.date === session.date) byId.set(o._id, o)
  const clashes = findClashes([...byId.values()].map(slotOf).concat(slotOf(session))).filter((c) => c.sessionIds.includes(session._id))
  const c = clashes.find((x) => x.kind === 'station_overlap') ?? clashes[0]
  if (!c) return null
  const other = byId.get(c.sessionIds[0] === session._id ? c.sessionIds[1] : c.sessionIds[0])!
  return c.kind === 'station_overlap' ? { kind: c.kind, other } : { kind: c.kind, other, deputyCode: c.deputyCode }
}

/**
 * Sessions that may clash with new ones at a station over a date range: those at the station and
 * those of the given deputies anywhere. Loaded with one query per deputy, then kept up to date by
 * the caller (generation checks many candidates against it without reading again).
 */
export class KnownSessions {
  private readonly byId = new Map<string, ReceptionSessionDoc>()

  static async load(deps: Deps, stationCode: string | null, deputyCodes: readonly string[], from: string, to: string): Promise<KnownSessions> {
    const repo = receptionRepo(deps.store)
    const known = new KnownSessions()
    if (stationCode) for (const s of await repo.atStationBetween(stationCode, from, to)) known.add(s)
    const ids = new Set<string>()
    for (const code of deputyCodes) for (const d of await repo.dutiesOf(code, from, to)) if (!known.byId.has(d.sessionId)) ids.add(d.sessionId)
    for (const s of await repo.sessions([...ids])) known.add(s)
    return known
  }

  add(s: ReceptionSessionDoc): void {
    this.byId.set(s._id, s)
  }

  remove(id: string): void {
    this.byId.delete(id)
  }

  all(): ReceptionSessionDoc[] {
    return [...this.byId.values()]
  }

  clashOf(session: ReceptionSessionDoc): FoundClash | null {
    return clashAmong(session, this.byId.values())
  }
}

/** Reads what may clash with the session on its date, and answers the first clash. */
export async function firstClash(deps: Deps, session: ReceptionSessionDoc, pending: readonly ReceptionSessionDoc[] = []): Promise<FoundClash | null> {
  if (session.status === 'cancelled') return null
  const known = await KnownSessions.load(deps, session.stationCode, session.deputyCodes, session.date, session.date)
  for (const s of pending) known.add(s)
  return known.clashOf(session)
}
