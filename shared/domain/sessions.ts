/**
 * Reception sessions (接待活动) and the other meetings that share their model: kinds, statuses,
 * labels, and the time windows used by check-in and online reception. Pure: “now” is passed in.
 * The calendar itself (rules, holidays, rotation) is ./reception/.
 */
import { shanghaiDateTime, timeToMinutes, wallMinutes } from './reception/dates'

export const SESSION_KINDS = ['reception', 'thematic', 'online', 'meeting', 'inspection', 'focus_group'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  reception: '代表接待日',
  thematic: '主题接待日',
  online: '网上代表接待日',
  meeting: '约见国家机关负责人',
  inspection: '集中视察',
  focus_group: '关注组督办',
}

/** Sessions residents may see (announcement, station page, ICS feed); the others are internal. */
export const PUBLIC_SESSION_KINDS: readonly SessionKind[] = ['reception', 'thematic', 'online']
/** Sessions that take place at a station and need one. */
export const STATION_SESSION_KINDS: readonly SessionKind[] = ['reception', 'thematic', 'online']
/** Sessions a deputy attends in person at the station (check-in, station page). */
export const IN_PERSON_SESSION_KINDS: readonly SessionKind[] = ['reception', 'thematic']

export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  planned: '计划中',
  held: '已举行',
  cancelled: '已取消',
}

export const OFFICIAL_KINDS = ['department_head', 'judge', 'prosecutor', 'other'] as const
export type OfficialKind = (typeof OFFICIAL_KINDS)[number]
export const OFFICIAL_KIND_LABELS: Record<OfficialKind, string> = {
  department_head: '部门负责人',
  judge: '法官',
  prosecutor: '检察官',
  other: '其他',
}

/** Subscribe-message template kinds (the outbox `kind`s). */
/** admin_notice: told to a county's admins (a new admin invitation); listed in 我的消息 whether or not WeChat delivers it. */
export const TEMPLATE_KINDS = ['item_update', 'deadline_reminder', 'overdue', 'reception_reminder', 'admin_notice'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]
/** Where a queued message stands: sent, refused for want of a subscribe credit, or failed otherwise. */
/**
 * queued → sending (leased to one delivery run) → sent | failed | no_credit. A lease that ran out
 * before its run recorded the answer (the function was killed mid-send) ends `unknown`: WeChat may
 * have delivered it, so it is never sent again (a one-time subscription credit is spent once).
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'no_credit', 'unknown'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Each deputy receives at a station at least this often a year (临颍/修武 practice). */
export const MINIMUM_DUTIES_PER_YEAR = 2
/** Default of the county setting: deputies are reminded this many days before, and 1 day before. */
export const DEFAULT_REMINDER_DAYS = 3
/** A deputy may check in this many minutes before the start and after the end of a session. */
export const CHECK_IN_GRACE_MINUTES = 30

/** The announcement page of a session (mini-program path, also the H5 hash route); subpackage packages/reception. */
export const SESSION_PAGE = 'packages/reception/pages/session/index'
/** The station page the station's code opens; its `scene` / `code` is the station code. */
export const STATION_PAGE = 'pages/station/index'

export interface TimedSession {
  date: string
  startTime: string
  endTime: string
}

/**
 * Whether `now` (an instant) lies in [start − grace, end + grace] of the session, in Shanghai wall
 * time. With grace 0 the window is exactly start…end, both ends included.
 */
export function isWithinWindow(session: TimedSession, now: Date | number, graceMinutes = 0): boolean {
  const wall = shanghaiDateTime(now)
  const at = wallMinutes(wall.date, wall.time)
  const start = wallMinutes(session.date, session.startTime) - graceMinutes
  const end = wallMinutes(session.date, session.endTime) + graceMinutes
  return at >= start && at <= end
}

/** Whether the session's end (Shanghai wall time) is already past at `now`. */
export function hasEnded(session: TimedSession, now: Date | number): boolean {
  const wall = shanghaiDateTime(now)
  return wallMinutes(session.date, session.endTime) < wallMinutes(wall.date, wall.time)
}

/** Minutes of the session; for duration checks and display. */
export function durationMinutes(session: Pick<TimedSession, 'startTime' | 'endTime'>): number {
  return timeToMinutes(session.endTime) - timeToMinutes(session.startTime)
}
