import type { Collection, Store, Where } from '../store/port'
import type { VisitCallbackDoc, VisitProblemDoc, VisitRecordDoc, VisitSettingsDoc, VisitSpotCheckDoc } from '../model'
import { allDocs } from './paging'

/** Reads every page of an indexed query, up to `cap` documents (bounded sets: one station's open records …). */
const all = <T extends { _id: string }>(collection: Collection<T>, where: Where, orderBy: { field: string; direction: 'asc' | 'desc' }, cap = 10_000): Promise<T[]> =>
  allDocs(collection, { where, orderBy }, cap)

/** Where to look for records: one station, or a county (optionally one township of it). */
export type RecordScope = { stationCode: string } | { countyCode: string; township?: string | null }

function scopeWhere(scope: RecordScope): Where {
  if ('stationCode' in scope) return { stationCode: scope.stationCode }
  return scope.township ? { countyCode: scope.countyCode, township: scope.township } : { countyCode: scope.countyCode }
}

/** The visit register: records, spot checks with their callbacks, the problem list, settings. */
export function visitRepo(store: Store) {
  const records = store.collection<VisitRecordDoc>('visit_records')
  const spotChecks = store.collection<VisitSpotCheckDoc>('visit_spot_checks')
  const callbacks = store.collection<VisitCallbackDoc>('visit_callbacks')
  const problems = store.collection<VisitProblemDoc>('visit_problems')
  const settings = store.collection<VisitSettingsDoc>('visit_settings')

  return {
    // ---- records
    record: (id: string) => records.get(id),
    records: (ids: string[]) => records.getMany(ids),
    /** false when a record with this id exists (a draft synced again). */
    insertRecord: (doc: VisitRecordDoc) => records.insert(doc),
    /** Writes only over the version the caller read: two editors (or phones) yield one winner. */
    updateRecord: (doc: VisitRecordDoc, set: Partial<Omit<VisitRecordDoc, '_id'>>) =>
      records.updateIf(doc._id, { version: doc.version }, { ...set, version: doc.version + 1 }),
    /** A page of records newest first (by station, session, or county/township), optionally in a date range. */
    pageRecords(
      scope: RecordScope | { sessionId: string },
      options: { status?: 'open' | 'closed'; from?: string; to?: string; limit: number; cursor?: string | null },
    ) {
      const where: Where = 'sessionId' in scope ? { sessionId: scope.sessionId } : scopeWhere(scope)
      if (options.status) where.status = options.status
      if (options.from || options.to) {
        where.visitedAt = { ...(options.from ? { $gte: options.from } : {}), ...(options.to ? { $lt: options.to } : {}) }
      }
      return records.find({ where, orderBy: { field: 'visitedAt', direction: 'desc' }, limit: options.limit, cursor: options.cursor })
    },
    countAtSession: (sessionId: string) => records.count({ sessionId }),
    /** Every record of a scope (optionally of one status and time range), oldest first. */
    allRecords(scope: RecordScope | { sessionId: string }, options: { status?: 'open' | 'closed'; from?: string; to?: string } = {}, cap?: number) {
      const where: Where = 'sessionId' in scope ? { sessionId: scope.sessionId } : scopeWhere(scope)
      if (options.status) where.status = options.status
      if (options.from || options.to) {
        where.visitedAt = { ...(options.from ? { $gte: options.from } : {}), ...(options.to ? { $lt: options.to } : {}) }
      }
      return all(records, where, { field: 'visitedAt', direction: 'asc' }, cap)
    },
    /** Closed records of a county whose closing is older than `before` (retention). */
    closedBefore(countyCode: string, before: string, limit: number, cursor?: string | null) {
      return records.find({
        where: { countyCode, status: 'closed', closedAt: { $lt: before } },
        orderBy: { field: 'closedAt', direction: 'asc' },
        limit,
        cursor,
      })
    },
    /** Erases personal data; written without a version bump only when nobody changed the record meanwhile. */
    eraseVisitor: (doc: VisitRecordDoc, at: string) =>
      records.updateIf(doc._id, { version: doc.version }, { visitor: null, visitorErasedAt: at, version: doc.version + 1, updatedAt: at }),

    // ---- spot checks and callbacks
    spotCheck: (id: string) => spotChecks.get(id),
    insertSpotCheck: (doc: VisitSpotCheckDoc) => spotChecks.insert(doc),
    insertCallback: (doc: VisitCallbackDoc) => callbacks.insert(doc),
    callback: (id: string) => callbacks.get(id),
    callbacksOf: (spotCheckId: string) => all(callbacks, { spotCheckId }, { field: 'recordId', direction: 'asc' }),
    /** Records the callback once: false when it was recorded already. */
    completeCallback: (id: string, set: Partial<Omit<VisitCallbackDoc, '_id'>>) => callbacks.updateIf(id, { status: 'pending' }, { ...set, status: 'done' }),
    pageCallbacks(scope: RecordScope, limit: number, cursor?: string | null) {
      return callbacks.find({ where: scopeWhere(scope), orderBy: { field: 'drawnAt', direction: 'desc' }, limit, cursor })
    },

    // ---- problem list
    problem: (id: string) => problems.get(id),
    insertProblem: (doc: VisitProblemDoc) => problems.insert(doc),
    updateProblem: (doc: VisitProblemDoc, set: Partial<Omit<VisitProblemDoc, '_id'>>) =>
      problems.updateIf(doc._id, { version: doc.version }, { ...set, version: doc.version + 1 }),
    pageProblems(scope: RecordScope, status: 'open' | 'resolved' | undefined, limit: number, cursor?: string | null) {
      const where = scopeWhere(scope)
      if (status) where.status = status
      return problems.find({ where, orderBy: { field: 'createdAt', direction: 'desc' }, limit, cursor })
    },

    // ---- settings
    settings: (countyCode: string) => settings.get(countyCode),
    putSettings: (doc: VisitSettingsDoc) => settings.put(doc),
  }
}
export type VisitRepo = ReturnType<typeof visitRepo>
