/**
 * ICS calendar feeds (RFC 5545, via toICS) per station and per deputy. Public feeds hold the
 * public sessions (reception days, thematic days, online windows); the deputy themself and
 * county staff also get meetings and inspections through the `icsFeed` action.
 * Range: from 30 days ago to a year ahead. Cancelled sessions stay in the feed with
 * STATUS:CANCELLED so subscribed calendars drop them; 待确认 dates are TENTATIVE.
 */
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { bindingsOf } from '@shared/domain/permissions'
import { addDays, shanghaiDateTime } from '@shared/domain/reception/dates'
import { toICS, type CalendarEvent } from '@shared/domain/reception/ics'
import type { Actor } from '@shared/domain/roles'
import { OFFICIAL_KIND_LABELS, SESSION_KIND_LABELS, SESSION_PAGE } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { DeputyDoc, ReceptionSessionDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { isPublicSession } from './access'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Out<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['output']>

export interface IcsOptions {
  /** Meetings and inspections too (the deputy themself, staff). */
  includeInternal: boolean
  /** Base of links to the announcement page, e.g. http://host:8787 (H5). */
  baseUrl?: string
}

function eventOf(s: ReceptionSessionDoc, deputies: ReadonlyMap<string, DeputyDoc>, baseUrl?: string): CalendarEvent {
  const where = s.stationName ?? s.place
  const lines = [
    `${SESSION_KIND_LABELS[s.kind]}：${where}`,
    s.theme ? `主题：${s.theme}` : '',
    s.deputyCodes.length ? `值班代表：${s.deputyCodes.map((c) => deputies.get(c)?.name ?? c).join('、')}` : '',
    s.invitedOfficials.length ? `受邀参加：${s.invitedOfficials.map((o) => `${o.name}（${o.title}，${OFFICIAL_KIND_LABELS[o.kind]}）`).join('、')}` : '',
    s.announcement ?? '',
    s.moveReason ?? '',
    !s.confirmed && s.unconfirmedReason ? s.unconfirmedReason : '',
    s.status === 'cancelled' ? `已取消：${s.cancelReason ?? ''}` : '',
  ].filter(Boolean)
  return {
    uid: `${s._id}@wudantong`,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    summary: `${s.theme ? `${s.theme}｜` : ''}${SESSION_KIND_LABELS[s.kind]}（${where}）`,
    location: s.place,
    description: lines.join('\n'),
    status: s.status === 'cancelled' ? 'cancelled' : s.confirmed ? 'confirmed' : 'tentative',
    url: baseUrl ? `${baseUrl.replace(/\/+$/, '')}/#/${SESSION_PAGE}?id=${s._id}` : undefined,
  }
}

export async function buildIcsFeed(deps: Deps, scope: 'station' | 'deputy', rawCode: string, options: IcsOptions): Promise<{ filename: string; text: string }> {
  const code = rawCode.toUpperCase()
  const directory = directoryRepo(deps.store)
  const repo = receptionRepo(deps.store)
  const today = shanghaiDateTime(deps.clock.now()).date
  const from = addDays(today, -30)
  const to = addDays(today, 366)
  let name: string
  let sessions: ReceptionSessionDoc[]
  if (scope === 'station') {
    const station = await directory.station(code)
    if (!station) throw new AppError('station_not_found', undefined, 'code')
    name = `${station.name}接待日`
    sessions = await repo.atStationBetween(station.code, from, to)
  } else {
    const deputy = await directory.deputy(code)
    if (!deputy) throw new AppError('not_found', '没有找到该代表', 'code')
    name = `${deputy.name}代表接待安排`
    const duties = await repo.dutiesOf(deputy.code, from, to)
    sessions = (await repo.sessions(duties.map((d) => d.sessionId))).filter((s) => s.deputyCodes.includes(deputy.code))
  }
  sessions = sessions
    .filter((s) => options.includeInternal || isPublicSession(s))
    .sort((x, y) => (x.date + x.startTime < y.date + y.startTime ? -1 : x.date + x.startTime > y.date + y.startTime ? 1 : x._id < y._id ? -1 : 1))
  const deputies = new Map((await directory.deputiesByCodes([...new Set(sessions.flatMap((s) => s.deputyCodes))])).map((d) => [d.code, d]))
  const text = toICS(name, sessions.map((s) => eventOf(s, deputies, options.baseUrl)), { now: deps.clock.now() })
  return { filename: `${scope}-${code}.ics`, text }
}

function seesInternal(actor: Actor, scope: 'station' | 'deputy', code: string, countyCode: string | null): boolean {
  return bindingsOf(actor).some(
    (b) => (b.role === 'deputy' && scope === 'deputy' && b.deputyCode === code) || (b.role === 'staff' && b.countyCode === countyCode),
  )
}

/** 日历订阅: the feed's text, for CloudBase (where the local GET /ics/... route does not exist). */
export const icsFeed: UseCase<In<'icsFeed'>, Out<'icsFeed'>> = async (deps, actor, input) => {
  const code = input.code.toUpperCase()
  const directory = directoryRepo(deps.store)
  const owner = input.scope === 'station' ? await directory.station(code) : await directory.deputy(code)
  const includeInternal = seesInternal(actor, input.scope, code, owner?.countyCode ?? null)
  const { filename, text } = await buildIcsFeed(deps, input.scope, code, { includeInternal, baseUrl: process.env.PUBLIC_BASE_URL })
  return { filename, contentType: 'text/calendar; charset=utf-8', text }
}
