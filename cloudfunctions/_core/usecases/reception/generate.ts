/**
 * 生成接待日: expands each station's rules over a horizon (default three months from today) on
 * real holidays, assigns duty by rotation, and writes `planned` sessions.
 *
 * - Idempotent: a generated session's id is `${station}-${original date}-${kind}`, so running
 *   twice (or over overlapping ranges) writes nothing new. The original date (before any holiday
 *   move) is used so that a 待确认 session keeps its id when the year's holiday data arrives.
 * - Refresh: a session that is still planned, untouched by staff and whose computed date or
 *   confirmation changed (e.g. the holiday data of its year was published) is moved to the new
 *   date — unless that would put it in the past or make it clash.
 * - Rotation: assignDuty over the new sessions of each station and year, with the deputies'
 *   history this year (distinct days on duty at live sessions or present at any session). A
 *   deputy already on duty elsewhere at that time is swapped for the next in line.
 */
import type { z } from 'zod'
import type { generateReport, receptionActions } from '@shared/api/reception'
import { assignDuty } from '@shared/domain/reception/rotation'
import { isInPast } from '@shared/domain/reception/clashes'
import { addDays, daysInMonth, formatChineseDate, ymd } from '@shared/domain/reception/dates'
import { expandRuleDetailed, type PlannedDate } from '@shared/domain/reception/expand'
import { AppError } from '@shared/errors'
import type { Actor } from '@shared/domain/roles'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { DeputyDoc, ReceptionSessionDoc, SessionKind, StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo, type ReceptionRepo } from '../../repos/reception-repo'
import { anyStaff, requireStaff } from './access'
import { newSessionDoc } from './session-doc'
import { firstClash, KnownSessions } from './booking'
import { loadSettings, rulesOfStations, todayIn, type CalendarSettings, type RuleEntry } from './calendar'
import { ownValue } from '@shared/own'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Report = z.output<typeof generateReport>
type StationReport = Report['stations'][number]

export const ONLINE_PLACE = '网上代表接待（小程序“网上接待”）'

/** The same day `months` later (clamped to the month's end), minus one day: the horizon's last day. */
export function horizonEnd(from: string, months: number): string {
  const y = Number(from.slice(0, 4))
  const m = Number(from.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month = (m % 12) + 1
  const day = Math.min(Number(from.slice(8, 10)), daysInMonth(year, month))
  return addDays(ymd(year, month, day), -1)
}

export const generatedSessionId = (stationCode: string, originalDate: string, kind: SessionKind) =>
  `${stationCode}-${originalDate.replace(/-/g, '')}-${kind}`

export const generateSessions: UseCase<In<'generateSessions'>, Report> = async (deps, actor, input) => {
  const today = todayIn(deps)
  const from = input.from ?? today
  if (from < today) throw new AppError('validation_failed', '不能为过去的日期生成接待日，开始日期最早为今天', 'from')
  const to = horizonEnd(from, input.months)
  const directory = directoryRepo(deps.store)

  let countyCode: string
  let stations: StationDoc[]
  if (input.stationCode) {
    const station = await directory.station(input.stationCode)
    if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
    requireStaff(actor, { countyCode: station.countyCode, township: station.township })
    countyCode = station.countyCode
    stations = [station]
  } else {
    const staff = anyStaff(actor)
    countyCode = staff.countyCode
    stations = (await directory.stationsOfCounty(countyCode)).filter((s) => staff.scope === 'county' || s.township === staff.township)
  }
  const single = !!input.stationCode
  const settings = await loadSettings(deps, countyCode)
  const ruleSets = await rulesOfStations(deps, countyCode, stations)
  const report: Report = { from, to, created: 0, existing: 0, refreshed: 0, removed: 0, unconfirmed: 0, stations: [] }

  for (const station of stations) {
    const set = ruleSets.get(station.code)!
    const row: StationReport = { stationCode: station.code, stationName: station.name, created: 0, existing: 0, refreshed: 0, removed: 0, unconfirmed: 0, notes: [], skipped: null }
    report.stations.push(row)
    const entries = [set.inPerson, set.online].filter((e): e is RuleEntry => e !== null)
    if (entries.length === 0) {
      if (single) throw new AppError('validation_failed', `${station.name}尚未设置接待日规则，请先设置规则`, 'stationCode')
      row.skipped = '尚未设置接待日规则'
      continue
    }
    const failures: AppError[] = []
    for (const entry of entries) {
      try {
        await generateForRule(deps, actor, station, entry, { from, to, settings, today }, row)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        failures.push(error)
      }
    }
    // one station asked for: refuse when none of its rules could be used (no matching day, too few deputies)
    if (single && failures.length === entries.length) throw failures[0]
    if (failures.length === entries.length) row.skipped = failures.map((f) => f.message).join('；')
    else row.notes.push(...failures.map((f) => f.message))
    report.created += row.created
    report.existing += row.existing
    report.refreshed += row.refreshed
    report.removed += row.removed
    report.unconfirmed += row.unconfirmed
  }
  return report
}

interface Horizon {
  from: string
  to: string
  settings: CalendarSettings
  today: string
}

async function generateForRule(deps: Deps, actor: Actor, station: StationDoc, entry: RuleEntry, h: Horizon, row: StationReport): Promise<void> {
  const rule = entry.rule
  const expanded = expandRuleDetailed(rule, { from: h.from, to: h.to, holidayPolicy: h.settings.holidayRule, useAdjustedWorkdays: h.settings.useAdjustedWorkdays })
  if (!expanded.ok) throw new AppError('validation_failed', `${station.name}：${expanded.message}`, 'stationCode')
  row.notes.push(...expanded.data.dropped.map((d) => d.message))
  const kind: SessionKind = rule.kind === 'online_window' ? 'online' : 'reception'
  const repo = receptionRepo(deps.store)
  const now = deps.clock.now()
  const planned = expanded.data.dates
  const ids = planned.map((p) => generatedSessionId(station.code, p.originalDate, kind))
  const existing = new Map((await repo.sessions(ids)).map((s) => [s._id, s]))

  // what new sessions may clash with: the station's sessions and its deputies' duty anywhere
  const known = await KnownSessions.load(deps, station.code, station.deputyCodes, h.from, h.to)

  // sessions this rule no longer produces (the rule changed), never touched by staff, go
  const wanted = new Set(ids)
  for (const s of known.all()) {
    if (s.stationCode !== station.code || s.kind !== kind || s.source !== 'rule' || s.status !== 'planned' || s.edited || wanted.has(s._id)) continue
    if (isInPast(s.date, s.startTime, now)) continue
    await repo.removeSession(s)
    known.remove(s._id)
    row.removed++
  }

  const fresh: PlannedDate[] = []
  for (const p of planned) {
    const id = generatedSessionId(station.code, p.originalDate, kind)
    const old = existing.get(id)
    if (!old) {
      if (isInPast(p.date, p.startTime, now)) row.notes.push(`${formatChineseDate(p.date)}的接待时间已过，未生成`)
      else fresh.push(p)
      continue
    }
    if (await refresh(deps, old, p, row, known)) row.refreshed++
    else row.existing++
  }
  if (fresh.length === 0) return

  const deputies = (await directoryRepo(deps.store).deputiesByCodes(station.deputyCodes)).filter((d) => d.stationCodes.includes(station.code))
  const byCode = new Map(deputies.map((d) => [d.code, d]))
  const years = [...new Set(fresh.map((p) => p.date.slice(0, 4)))]
  for (const year of years) {
    const dates = fresh.filter((p) => p.date.startsWith(year))
    const history = await dutyHistory(repo, deputies, year)
    const assigned = assignDuty(dates, deputies, rule.deputiesPerSession, history, { stationCode: station.code })
    if (!assigned.ok) throw new AppError('validation_failed', assigned.message, 'stationCode')
    // Keyed by deputy codes: a null-prototype object, so no code can reach Object.prototype.
    const counts: Record<string, number> = Object.assign(Object.create(null), history)
    for (let i = 0; i < dates.length; i++) {
      // one assignment per entry, in chronological order; the expanded dates are ascending already
      const p = dates[i]
      if (assigned.data[i].date !== p.date) throw new Error(`rotation out of order at ${p.date}`)
      const doc = sessionDoc(station, kind, p, assigned.data[i].deputyCodes, rule.deputiesPerSession, actor.openid, now.toISOString())
      const placed = placeWithoutClash(doc, deputies, counts, byCode, known)
      if (!placed) {
        row.notes.push(`${formatChineseDate(doc.date)}：与其他活动时间冲突或可值班代表不足，未生成`)
        continue
      }
      if (!(await repo.insertSession(placed))) {
        row.existing++
        continue
      }
      await repo.syncDuties(placed)
      known.add(placed)
      for (const c of placed.deputyCodes) counts[c] = (ownValue(counts, c) ?? 0) + 1
      row.created++
      if (!placed.confirmed) row.unconfirmed++
      if (placed.moveReason) row.notes.push(placed.moveReason)
    }
  }
}

/** Moves an untouched planned session to its newly computed date (holiday data published, policy changed). */
async function refresh(deps: Deps, old: ReceptionSessionDoc, p: PlannedDate, row: StationReport, known: KnownSessions): Promise<boolean> {
  if (old.source !== 'rule' || old.status !== 'planned' || old.edited) return false
  if (old.date === p.date && old.confirmed === p.confirmed) return false
  if (isInPast(old.date, old.startTime, deps.clock.now()) || isInPast(p.date, p.startTime, deps.clock.now())) return false
  const set = {
    date: p.date,
    moved: p.moved,
    moveReason: p.moveReason,
    confirmed: p.confirmed,
    unconfirmedReason: p.unconfirmedReason,
    updatedAt: deps.clock.now().toISOString(),
  }
  const next: ReceptionSessionDoc = { ...old, ...set, version: old.version + 1 }
  // the deputies' duty on the new date may lie outside what was loaded: read that date
  if (old.date !== p.date && (known.clashOf(next) ?? (await firstClash(deps, next)))) {
    row.notes.push(`${formatChineseDate(old.date)}的接待日应调整至${formatChineseDate(p.date)}，但与其他活动时间冲突，请人工调整`)
    return false
  }
  const repo = receptionRepo(deps.store)
  if (!(await repo.updateSession(old, set))) return false
  await repo.syncDuties(next)
  known.add(next)
  if (p.moveReason && old.date !== p.date) row.notes.push(p.moveReason)
  return true
}

function sessionDoc(station: StationDoc, kind: SessionKind, p: PlannedDate, deputyCodes: string[], min: number, by: string, at: string): ReceptionSessionDoc {
  return newSessionDoc({
    _id: generatedSessionId(station.code, p.originalDate, kind),
    kind,
    source: 'rule',
    countyCode: station.countyCode,
    township: station.township,
    stationCode: station.code,
    stationName: station.name,
    place: kind === 'online' ? ONLINE_PLACE : station.address,
    date: p.date,
    originalDate: p.originalDate,
    startTime: p.startTime,
    endTime: p.endTime,
    theme: p.theme,
    deputyCodes,
    minDeputies: min,
    confirmed: p.confirmed,
    unconfirmedReason: p.unconfirmedReason,
    moved: p.moved,
    moveReason: p.moveReason,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  })
}

/**
 * Days this year each deputy was on duty at a live session or present at any session: the
 * history the rotation balances.
 */
async function dutyHistory(repo: ReceptionRepo, deputies: readonly DeputyDoc[], year: string): Promise<Record<string, number>> {
  const history: Record<string, number> = Object.create(null)
  for (const d of deputies) {
    const [duties, present] = await Promise.all([repo.dutiesOf(d.code, `${year}-01-01`, `${year}-12-31`), repo.attendanceOf(d.code, `${year}-01-01`, `${year}-12-31`)])
    const days = new Set([...duties.filter((x) => x.status !== 'cancelled').map((x) => x.date), ...present.map((x) => x.date)])
    history[d.code] = days.size
  }
  return history
}

/**
 * The session as assigned, or with a deputy who is busy elsewhere at that time replaced by the
 * next in line (fewest duties). Null when the station itself is taken or too few are free.
 */
function placeWithoutClash(
  doc: ReceptionSessionDoc,
  deputies: readonly DeputyDoc[],
  counts: Record<string, number>,
  byCode: ReadonlyMap<string, DeputyDoc>,
  known: KnownSessions,
): ReceptionSessionDoc | null {
  const busy = new Set<string>()
  let current = doc
  for (let attempt = 0; attempt <= deputies.length; attempt++) {
    const clash = known.clashOf(current)
    if (!clash) return current
    if (clash.kind === 'station_overlap') return null
    busy.add(clash.deputyCode)
    const free = deputies.filter((d) => !busy.has(d.code))
    const again = assignDuty([current.date], free, doc.minDeputies, pick(counts, free), { stationCode: doc.stationCode ?? undefined })
    if (!again.ok) return null
    current = { ...current, deputyCodes: again.data[0].deputyCodes.filter((c) => byCode.has(c)) }
  }
  return null
}

const pick = (counts: Record<string, number>, deputies: readonly DeputyDoc[]) => Object.fromEntries(deputies.map((d) => [d.code, ownValue(counts, d.code) ?? 0]))
