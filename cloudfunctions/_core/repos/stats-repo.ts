import { createHash } from 'node:crypto'
import type { Counts, StatsDimension } from '@shared/domain/stats'
import { WITH_DEPARTMENT_STATES, type SuggestionState } from '@shared/domain/states'
import type { FindOptions, Store, Where, Write } from '../store/port'
import type {
  DepartmentDoc,
  DeputyDoc,
  ReceptionAttendanceDoc,
  ReceptionDutyDoc,
  ReceptionSessionDoc,
  StationDoc,
  StatsCommentDoc,
  StatsCounterDoc,
  StatsLedgerDoc,
  StatsSnapshotDoc,
  SuggestionDoc,
  VisitRecordDoc,
} from '../model'
import { allDocs } from './paging'

export interface CounterKey {
  countyCode: string
  scope: string
  month: string
  dimension: StatsDimension
  key: string
}

/** The counter row's id: a hash of the tuple, so township names and codes never need escaping. */
export function counterId(k: CounterKey): string {
  const tuple = [k.countyCode, k.scope, k.month, k.dimension, k.key].join('\u0000')
  return `c${createHash('sha1').update(tuple).digest('hex').slice(0, 28)}`
}


const dateRange = (from: string, to: string) => ({ $gte: from, $lte: to })

/**
 * Counters, deputies' comments and frozen years of the statistics, plus the reads the figures
 * need from elsewhere (directory by code, reception sessions and attendance, open items), each
 * an indexed query.
 */
export function statsRepo(store: Store) {
  const counters = store.collection<StatsCounterDoc>('stats_counters')
  const comments = store.collection<StatsCommentDoc>('stats_comments')
  const snapshots = store.collection<StatsSnapshotDoc>('stats_snapshots')
  const stations = store.collection<StationDoc>('stations')
  const deputies = store.collection<DeputyDoc>('deputies')
  const departments = store.collection<DepartmentDoc>('departments')
  const suggestions = store.collection<SuggestionDoc>('suggestions')
  const sessions = store.collection<ReceptionSessionDoc>('reception_sessions')
  const attendance = store.collection<ReceptionAttendanceDoc>('reception_attendance')
  const duties = store.collection<ReceptionDutyDoc>('reception_duties')
  const visits = store.collection<VisitRecordDoc>('visit_records')

  const ledger = store.collection<StatsLedgerDoc>('stats_ledger')

  return {
    // ---- counters
    /** Adds to one counter row, creating it on first use. */
    add(k: CounterKey, by: Partial<Counts>): Promise<void> {
      return counters.increment(counterId(k), by as Record<string, number>, { ...k })
    },
    /** The same, as one write of a step's transaction. */
    addWrite: (k: CounterKey, by: Record<string, number>): Write => ({ op: 'increment', collection: 'stats_counters', id: counterId(k), by, init: { ...k } }),
    /** A step's ledger entry, in the step's transaction (a second entry for one version undoes it). */
    ledgerWrite: (doc: StatsLedgerDoc): Write => ({ op: 'insert', collection: 'stats_ledger', doc, ifExists: 'abort' }),
    putCommentWrite: (doc: StatsCommentDoc): Write => ({ op: 'put', collection: 'stats_comments', doc }),
    /** A county's ledger in pages, oldest first (index by_county_at). */
    ledgerOfCounty: (countyCode: string, limit: number, cursor: string | null) =>
      ledger.find({ where: { countyCode }, orderBy: { field: 'at', direction: 'asc' }, limit, cursor }),
    /** A county's counter rows in pages (index by_county_month). */
    countersOfCounty: (countyCode: string, limit: number, cursor: string | null) =>
      counters.find({ where: { countyCode }, orderBy: { field: 'month', direction: 'asc' }, limit, cursor }),
    /** Sets one counter row to recounted values (reconciliation only). */
    putCounter: (doc: StatsCounterDoc) => counters.put(doc),
    /** The rows of the given keys that exist (a month without any step has no row). */
    rowsOf: (keys: CounterKey[]) => counters.getMany(keys.map(counterId)),
    /** Every row of one dimension in one scope between two months (index by_scope_dimension_month). */
    dimensionRows(countyCode: string, scope: string, dimension: StatsDimension, from: string, to: string): Promise<StatsCounterDoc[]> {
      return allDocs(counters, { where: { countyCode, scope, dimension, month: { $gte: from, $lte: to } }, orderBy: { field: 'month', direction: 'asc' } })
    },

    // ---- comments and frozen years
    putComment: (doc: StatsCommentDoc) => comments.put(doc),
    /** A department's newest comments of a year (index by_county_year_department). */
    async commentsOf(countyCode: string, year: string, departmentCode: string, limit: number): Promise<StatsCommentDoc[]> {
      const page = await comments.find({ where: { countyCode, year, departmentCode }, orderBy: { field: 'at', direction: 'desc' }, limit })
      return page.items
    },
    snapshot: (countyCode: string, year: number) => snapshots.get(`${countyCode}:${year}`),
    /** false when the year was frozen already (the first freeze wins). */
    insertSnapshot: (doc: StatsSnapshotDoc) => snapshots.insert(doc),

    // ---- directory by code
    stations: (codes: string[]) => stations.getMany(codes),
    stationsOfCounty: (countyCode: string) =>
      allDocs(stations, { where: { countyCode }, orderBy: { field: 'code', direction: 'asc' } }),
    deputy: (code: string) => deputies.get(code),
    deputies: (codes: string[]) => deputies.getMany(codes),
    departments: (codes: string[]) => departments.getMany(codes),
    departmentsOfCounty: (countyCode: string) =>
      allDocs(departments, { where: { countyCode }, orderBy: { field: 'code', direction: 'asc' } }),

    // ---- items (open items for clusters and Open311; overdue count)
    /**
     * Newest released items (past content review) of a county (or township) in one state, by last
     * change (index by_county_state / by_county_township_state).
     */
    releasedItemsInState(countyCode: string, township: string | null, state: SuggestionState, limit: number, cursor?: string | null) {
      const where: Where = township ? { countyCode, township, state, moderation: 'pass' } : { countyCode, state, moderation: 'pass' }
      const options: FindOptions = { where, orderBy: { field: 'updatedAt', direction: 'desc' }, limit, cursor }
      return suggestions.find(options)
    },
    /** Items with their department past the deadline now (index by_county_overdue; by_county_township_state for a township). */
    async overdueNow(countyCode: string, township: string | null): Promise<number> {
      if (!township) return suggestions.count({ countyCode, overdue: true })
      const counts = await Promise.all(
        WITH_DEPARTMENT_STATES.map((state) => suggestions.count({ countyCode, township, state, overdue: true })),
      )
      return counts.reduce((a, b) => a + b, 0)
    },

    // ---- reception (issue 5)
    /** Held sessions of a county in a date range, by kind (index by_county_date). */
    countHeldSessions: (countyCode: string, from: string, to: string, kind: string) =>
      sessions.count({ countyCode, date: dateRange(from, to), status: 'held', kind }),
    sessionsInCounty: (countyCode: string, from: string, to: string) =>
      allDocs(sessions, { where: { countyCode, date: dateRange(from, to) }, orderBy: { field: 'date', direction: 'asc' } }),
    /** Attendance records of a county in a date range (index by_county_date). */
    countAttendanceInCounty: (countyCode: string, from: string, to: string) => attendance.count({ countyCode, date: dateRange(from, to) }),
    countAttendanceOfSession: (sessionId: string) => attendance.count({ sessionId }),
    /** A deputy's duty rows and attendance in a date range (indexes by_deputy_date). */
    countDutiesOf: (deputyCode: string, from: string, to: string) => duties.count({ deputyCode, date: dateRange(from, to), status: { $ne: 'cancelled' } }),
    countAttendanceOf: (deputyCode: string, from: string, to: string) => attendance.count({ deputyCode, date: dateRange(from, to) }),

    // ---- visit register (issue 6)
    /**
     * Visit records of a county (or township) visited in [from, to) (ISO instants; indexes
     * by_county_visited / by_county_township_visited). A county-year holds hundreds to a few
     * thousand records; summing their visitor counts needs the documents.
     */
    visitsBetween: (countyCode: string, township: string | null, from: string, to: string) =>
      allDocs(visits, {
        where: township ? { countyCode, township, visitedAt: { $gte: from, $lt: to } } : { countyCode, visitedAt: { $gte: from, $lt: to } },
        orderBy: { field: 'visitedAt', direction: 'desc' },
      }),
  }
}
export type StatsRepo = ReturnType<typeof statsRepo>
