import type { Collection, Store, Where, Write } from '../store/port'
import type {
  DeputyDoc,
  ReceptionAttendanceDoc,
  ReceptionDutyDoc,
  ReceptionRuleDoc,
  ReceptionSessionDoc,
  ReceptionSettingsDoc,
  ReceptionSubscriberDoc,
  SuggestionDoc,
} from '../model'
import { allDocs, eachDoc } from './paging'

/** Reads every page of a query; for bounded sets (one station's year, one county's year). */
const all = <T extends { _id: string }>(collection: Collection<T>, where: Where, orderField: string): Promise<T[]> =>
  allDocs(collection, { where, orderBy: { field: orderField, direction: 'asc' } })

const range = (from: string, to: string) => ({ $gte: from, $lte: to })

/** One deputy's duty row of a session (`_id` = session:deputy). */
const dutyRow = (session: ReceptionSessionDoc, deputyCode: string): ReceptionDutyDoc => ({
  _id: `${session._id}:${deputyCode}`,
  sessionId: session._id,
  deputyCode,
  countyCode: session.countyCode,
  stationCode: session.stationCode,
  kind: session.kind,
  date: session.date,
  startTime: session.startTime,
  endTime: session.endTime,
  status: session.status,
})

/** Sessions, duty rows, attendance, rules, settings and resident reminders of the reception calendar. */
export function receptionRepo(store: Store) {
  const sessions = store.collection<ReceptionSessionDoc>('reception_sessions')
  const duties = store.collection<ReceptionDutyDoc>('reception_duties')
  const attendance = store.collection<ReceptionAttendanceDoc>('reception_attendance')
  const rules = store.collection<ReceptionRuleDoc>('reception_rules')
  const settings = store.collection<ReceptionSettingsDoc>('reception_settings')
  const subscribers = store.collection<ReceptionSubscriberDoc>('reception_subscribers')
  const deputies = store.collection<DeputyDoc>('deputies')
  const suggestions = store.collection<SuggestionDoc>('suggestions')

  return {
    // ---- settings and rules
    settings: (countyCode: string) => settings.get(countyCode),
    putSettings: (doc: ReceptionSettingsDoc) => settings.put(doc),
    rule: (stationCode: string, slot: 'in_person' | 'online') => rules.get(`${stationCode}:${slot}`),
    rulesOfCounty: (countyCode: string) => all(rules, { countyCode }, 'stationCode'),
    putRule: (doc: ReceptionRuleDoc) => rules.put(doc),

    // ---- sessions
    session: (id: string) => sessions.get(id),
    sessions: (ids: string[]) => sessions.getMany(ids),
    /** Inserts once per id; false when the id exists (generation and retries are idempotent). */
    insertSession: (doc: ReceptionSessionDoc) => sessions.insert(doc),
    /** Writes only over the version the caller read: two editors yield one winner. */
    updateSession: (doc: ReceptionSessionDoc, set: Partial<Omit<ReceptionSessionDoc, '_id'>>) =>
      sessions.updateIf(doc._id, { version: doc.version }, { ...set, version: doc.version + 1 }),
    /** Deletes a session never touched by staff (rule changed) with its duty rows. */
    async removeSession(doc: ReceptionSessionDoc): Promise<void> {
      for (const code of doc.deputyCodes) await duties.remove(`${doc._id}:${code}`)
      await sessions.remove(doc._id)
    },
    atStationOn: (stationCode: string, date: string) => all(sessions, { stationCode, date }, 'date'),
    atStationBetween: (stationCode: string, from: string, to: string) => all(sessions, { stationCode, date: range(from, to) }, 'date'),
    pageAtStation(stationCode: string, from: string, to: string, limit: number, cursor?: string | null, extra: Where = {}) {
      return sessions.find({ where: { stationCode, date: range(from, to), ...extra }, orderBy: { field: 'date', direction: 'asc' }, limit, cursor })
    },
    pageInCounty(countyCode: string, from: string, to: string, limit: number, cursor?: string | null, extra: Where = {}) {
      return sessions.find({ where: { countyCode, date: range(from, to), ...extra }, orderBy: { field: 'date', direction: 'asc' }, limit, cursor })
    },
    inCountyBetween: (countyCode: string, from: string, to: string) => all(sessions, { countyCode, date: range(from, to) }, 'date'),
    pagePlannedBetween(from: string, to: string, limit: number, cursor?: string | null) {
      return sessions.find({ where: { status: 'planned', date: range(from, to) }, orderBy: { field: 'date', direction: 'asc' }, limit, cursor })
    },

    // ---- duty rows (one per session and deputy)
    dutiesOf: (deputyCode: string, from: string, to: string) => all(duties, { deputyCode, date: range(from, to) }, 'date'),
    pageDutiesOf(deputyCode: string, from: string, to: string, limit: number) {
      return duties.find({ where: { deputyCode, date: range(from, to) }, orderBy: { field: 'date', direction: 'asc' }, limit })
    },
    /**
     * The duty rows of the session's deputies as they are now, as writes of the session's commit
     * (a step that keeps the deputies: held, cancelled).
     */
    dutyWrites: (session: ReceptionSessionDoc): Write[] => session.deputyCodes.map((deputyCode) => ({ op: 'put', collection: 'reception_duties', doc: dutyRow(session, deputyCode) })),
    /** Makes the duty rows match the session: rows of deputies no longer on duty go. */
    async syncDuties(session: ReceptionSessionDoc, previousDeputyCodes: readonly string[] = []): Promise<void> {
      for (const code of previousDeputyCodes) {
        if (!session.deputyCodes.includes(code)) await duties.remove(`${session._id}:${code}`)
      }
      for (const deputyCode of session.deputyCodes) await duties.put(dutyRow(session, deputyCode))
    },

    // ---- attendance
    attendance: (sessionId: string, deputyCode: string) => attendance.get(`${sessionId}:${deputyCode}`),
    /** Returns false when the deputy already checked in to that session. */
    addAttendance: (doc: ReceptionAttendanceDoc) => attendance.insert(doc),
    /** The same, as a write of a commit: a check-in already there stays. */
    addAttendanceWrite: (doc: ReceptionAttendanceDoc): Write => ({ op: 'insert', collection: 'reception_attendance', doc, ifExists: 'skip' }),
    attendanceOfSession: (sessionId: string) => all(attendance, { sessionId }, 'checkedInAt'),
    attendanceOf: (deputyCode: string, from: string, to: string) => all(attendance, { deputyCode, date: range(from, to) }, 'date'),
    attendanceInCounty: (countyCode: string, from: string, to: string) => all(attendance, { countyCode, date: range(from, to) }, 'date'),

    // ---- residents who asked for a reminder
    subscribe: (sessionId: string, openid: string, at: string) =>
      subscribers.insert({ _id: `${sessionId}:${openid}`, sessionId, openid, createdAt: at }),
    isSubscribed: async (sessionId: string, openid: string) => (await subscribers.get(`${sessionId}:${openid}`)) !== null,
    async *subscribersOf(sessionId: string): AsyncGenerator<string> {
      for await (const s of eachDoc(subscribers, { where: { sessionId }, orderBy: { field: 'createdAt', direction: 'asc' } }, 200)) yield s.openid
    },

    // ---- directory reads this module needs beyond directoryRepo
    deputiesOfCounty: (countyCode: string) => all(deputies, { countyCode }, 'code'),
    suggestionsByIds: (ids: string[]) => suggestions.getMany(ids),
  }
}
export type ReceptionRepo = ReturnType<typeof receptionRepo>
