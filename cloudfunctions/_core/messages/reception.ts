/**
 * 接待日提醒: the reminders before a planned session, to the deputies on duty, the invited
 * officials and the residents who tapped “提醒我”. Each spends one subscribe credit when queued
 * (../usecases/reception/notify.ts: queueWithCredit).
 */
import { formatChineseDate } from '@shared/domain/reception/dates'
import { SESSION_KIND_LABELS, SESSION_PAGE } from '@shared/domain/sessions'
import type { ReceptionSessionDoc } from '../model'
import { defineMessage } from './define'

export type ReminderRole = 'deputy' | 'official' | 'resident'

export interface ReminderData {
  session: Pick<ReceptionSessionDoc, '_id' | 'date' | 'startTime' | 'endTime' | 'kind' | 'stationName' | 'place'>
  /** Days before the session this reminder is for (1, or the county's lead time). */
  offset: number
}

/** Everyone a session's reminder could reach, read beforehand. */
export interface ReceptionAudience {
  deputies: string[]
  officials: string[]
  residents: string[]
}

export const sessionPage = (sessionId: string) => `/${SESSION_PAGE}?id=${sessionId}`

const where = ({ session: s }: ReminderData) => s.stationName ?? s.place
const when = ({ session: s }: ReminderData) => `${formatChineseDate(s.date)} ${s.startTime}–${s.endTime}`

/** rr:(session):(date):(role):(recipient):d(offset): firing twice queues once; a moved session is reminded again. */
const reminderId = (role: ReminderRole) => ({ session: s, offset }: ReminderData, to: string) => `rr:${s._id}:${s.date}:${role}:${to}:d${offset}`

const base = {
  kind: 'reception_reminder' as const,
  page: ({ session }: ReminderData) => sessionPage(session._id),
  title: ({ session }: ReminderData) => `${SESSION_KIND_LABELS[session.kind]}提醒`,
}

export const receptionReminderDeputy = defineMessage<ReminderData, ReceptionAudience>({
  ...base,
  recipients: (_d, a) => a.deputies,
  id: reminderId('deputy'),
  body: (d) => `${when(d)} 请到${where(d)}值班接待`,
})

export const receptionReminderOfficial = defineMessage<ReminderData, ReceptionAudience>({
  ...base,
  recipients: (_d, a) => a.officials,
  id: reminderId('official'),
  body: (d) => `${when(d)} 应邀参加${where(d)}${SESSION_KIND_LABELS[d.session.kind]}`,
})

/** Residents hear only the day before. */
export const receptionReminderResident = defineMessage<ReminderData, ReceptionAudience>({
  ...base,
  recipients: ({ offset }, a) => (offset === 1 ? a.residents : []),
  id: reminderId('resident'),
  body: ({ session: s }) => `明天${s.startTime}–${s.endTime} ${s.stationName ?? s.place}`,
})
