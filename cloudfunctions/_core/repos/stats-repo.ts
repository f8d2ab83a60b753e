import { createHash } from 'node:crypto'
import type { Counts, StatsDimension } from '@shared/domain/stats'
import type { Collection, Page, Store } from '../store/port'
import type { DepartmentDoc, DeputyDoc, StationDoc, StatsCommentDoc, StatsCounterDoc, StatsSnapshotDoc } from '../model'

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

const PAGE = 500

async function all<T extends { _id: string }>(collection: Collection<T>, find: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await find(cursor)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  void collection
  return out
}

/** Counters, deputies' comments and frozen years of the statistics; directory reads by code. */
export function statsRepo(store: Store) {
  const counters = store.collection<StatsCounterDoc>('stats_counters')
  const comments = store.collection<StatsCommentDoc>('stats_comments')
  const snapshots = store.collection<StatsSnapshotDoc>('stats_snapshots')
  const stations = store.collection<StationDoc>('stations')
  const deputies = store.collection<DeputyDoc>('deputies')
  const departments = store.collection<DepartmentDoc>('departments')

  return {
    /** Adds to one counter row, creating it on first use. */
    add(k: CounterKey, by: Partial<Counts>): Promise<void> {
      return counters.increment(counterId(k), by as Record<string, number>, { ...k })
    },
    /** The rows of one key over some months (missing months are simply absent). */
    rowsOf(keys: CounterKey[]): Promise<StatsCounterDoc[]> {
      return counters.getMany(keys.map(counterId))
    },
    /** Every row of a dimension in a scope between two months (index by_scope_dimension_month). */
    dimensionRows(countyCode: string, scope: string, dimension: StatsDimension, from: string, to: string): Promise<StatsCounterDoc[]> {
      return all(counters, (cursor) =>
        counters.find({
          where: { countyCode, scope, dimension, month: { $gte: from, $lte: to } },
          orderBy: { field: 'month', direction: 'asc' },
          limit: PAGE,
          cursor,
        }),
      )
    },

    putComment: (doc: StatsCommentDoc) => comments.put(doc),
    /** A department's newest comments of a year (index by_county_year_department). */
    async commentsOf(countyCode: string, year: string, departmentCode: string, limit: number): Promise<StatsCommentDoc[]> {
      const page = await comments.find({ where: { countyCode, year, departmentCode }, orderBy: { field: 'at', direction: 'desc' }, limit })
      return page.items
    },

    snapshot: (countyCode: string, year: number) => snapshots.get(`${countyCode}:${year}`),
    /** false when the year was frozen already (first freeze wins). */
    insertSnapshot: (doc: StatsSnapshotDoc) => snapshots.insert(doc),

    stations: (codes: string[]) => stations.getMany(codes),
    deputies: (codes: string[]) => deputies.getMany(codes),
    departments: (codes: string[]) => departments.getMany(codes),
    departmentsOfCounty: (countyCode: string) =>
      all(departments, (cursor) => departments.find({ where: { countyCode }, orderBy: { field: 'code', direction: 'asc' }, limit: PAGE, cursor })),
  }
}
export type StatsRepo = ReturnType<typeof statsRepo>
