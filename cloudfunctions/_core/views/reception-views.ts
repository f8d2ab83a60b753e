import type { SessionSummary, SessionView } from '@shared/api/reception'
import { SESSION_LIFECYCLE } from '@shared/domain/lifecycles/session'
import { recordHistoryView } from './history-views'
import { WEEKDAY_LABELS, isoWeekday } from '@shared/domain/reception/dates'
import {
  OFFICIAL_KIND_LABELS,
  SESSION_KIND_LABELS,
  SESSION_STATUS_LABELS,
  STATION_PAGE,
} from '@shared/domain/sessions'
import { sessionVisibility, type SessionRelation } from '@shared/domain/visibility'
import type { DeputyDoc, ReceptionAttendanceDoc, ReceptionSessionDoc } from '../model'
import { DEPUTY_LEVEL_LABELS } from './directory-views'

export type DeputyIndex = ReadonlyMap<string, DeputyDoc>

export const indexDeputies = (deputies: readonly DeputyDoc[]): DeputyIndex => new Map(deputies.map((d) => [d.code, d]))

const nameOf = (code: string, deputies: DeputyIndex) => deputies.get(code)?.name ?? code

export function sessionSummary(s: ReceptionSessionDoc, deputies: DeputyIndex): SessionSummary {
  return {
    id: s._id,
    kind: s.kind,
    kindLabel: SESSION_KIND_LABELS[s.kind],
    status: s.status,
    statusLabel: SESSION_STATUS_LABELS[s.status],
    stationCode: s.stationCode,
    stationName: s.stationName,
    place: s.place,
    date: s.date,
    weekdayLabel: WEEKDAY_LABELS[isoWeekday(s.date)],
    startTime: s.startTime,
    endTime: s.endTime,
    theme: s.theme,
    deputyNames: s.deputyCodes.map((c) => nameOf(c, deputies)),
    confirmed: s.confirmed,
    unconfirmedReason: s.unconfirmedReason,
    moved: s.moved,
    moveReason: s.moveReason,
  }
}

export interface SessionViewContext {
  deputies: DeputyIndex
  /** The reader's relation to the session: which internal fields they see (shared/domain/visibility.ts). */
  relation: SessionRelation
  canManage: boolean
  subscribed: boolean
  attendance: readonly ReceptionAttendanceDoc[]
}

/** The H5 route of a station page: what the local QR code opens. */
export const stationH5Path = (stationCode: string) => `/#/${STATION_PAGE}?code=${encodeURIComponent(stationCode)}`

export function sessionView(s: ReceptionSessionDoc, ctx: SessionViewContext): SessionView {
  const shown = sessionVisibility(ctx.relation)
  return {
    ...sessionSummary(s, ctx.deputies),
    countyCode: s.countyCode,
    address: s.place,
    originalDate: s.originalDate,
    deputies: s.deputyCodes.map((code) => {
      const d = ctx.deputies.get(code)
      return { code, name: d?.name ?? code, levelLabel: d ? DEPUTY_LEVEL_LABELS[d.level] : '', socialPosition: d?.socialPosition ?? '' }
    }),
    minDeputies: s.minDeputies,
    invitedOfficials: s.invitedOfficials.map((o) => ({ name: o.name, title: o.title, kind: o.kind, kindLabel: OFFICIAL_KIND_LABELS[o.kind] })),
    announcement: s.announcement,
    participants: s.participants,
    topics: s.topics,
    notes: shown.notes === 'whole' ? s.notes : null,
    followUpSuggestionIds: shown.followUpSuggestionIds === 'whole' ? s.followUpSuggestionIds : [],
    attendance: shown.attendance === 'whole'
      ? ctx.attendance.map((a) => ({ deputyCode: a.deputyCode, name: nameOf(a.deputyCode, ctx.deputies), checkedInAt: a.checkedInAt, source: a.source }))
      : [],
    cancelReason: s.cancelReason,
    qr: s.stationCode ? { page: STATION_PAGE, scene: s.stationCode, h5Path: stationH5Path(s.stationCode) } : null,
    posterPath: `/poster/${s._id}.svg`,
    icsPath: s.stationCode ? `/ics/station/${s.stationCode}.ics` : null,
    subscribed: ctx.subscribed,
    canManage: ctx.canManage,
    version: s.version,
    // who held or cancelled it is read with the internal fields (shared/domain/visibility.ts)
    history: shown.attendance === 'whole' ? recordHistoryView(s.history, SESSION_LIFECYCLE) : [],
  }
}
