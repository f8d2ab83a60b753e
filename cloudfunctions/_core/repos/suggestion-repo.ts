import type { SuggestionState } from '@shared/domain/states'
import type { Page, Scalar, Store, Where, Write } from '../store/port'
import type { SuggestionDoc } from '../model'

/** 派单台 filters, already narrowed to what the caller may see (a township staff member's township). */
export interface BoardQuery {
  countyCode: string
  township?: string
  state?: SuggestionState
  overdue?: boolean
  categoryCode?: string
  departmentCode?: string
  stationCode?: string
  moderation?: SuggestionDoc['moderation']
  extensionPending?: boolean
  /** Filed at or after / before these instants (ISO). */
  createdFrom?: string
  createdBefore?: string
}

/** A page of one of the timers' sweeps; each is served by an index declared in store/collections.ts. */
export type SweepQuery =
  | { kind: 'past_deadline'; state: SuggestionState; before: string }
  | { kind: 'deadline_on'; state: SuggestionState; day: string }
  | { kind: 'follow_up_due'; onOrBefore: string }
  | { kind: 'rating_window_over'; state: SuggestionState; before: string }

export function suggestionRepo(store: Store) {
  const items = store.collection<SuggestionDoc>('suggestions')
  return {
    get: (id: string) => items.get(id),
    getMany: (ids: string[]) => items.getMany(ids),
    /** Returns false when an item with this id exists already (an idempotent retry). */
    insert: (doc: SuggestionDoc) => items.insert(doc),
    /**
     * The only way an item changes: `next` (already carrying version + 1) is written only while
     * the stored item is still at `expectedVersion`.
     */
    replaceIfVersion(next: SuggestionDoc, expectedVersion: number): Promise<boolean> {
      // followerCount moves by `increment` outside the version guard; never write a stale copy back.
      const { _id, followerCount: _ignored, ...fields } = next
      return items.updateIf(_id, { version: expectedVersion } as Record<string, Scalar>, fields)
    },
    /** A new item, as the first write of its transaction: an existing id undoes the whole commit. */
    insertWrite: (doc: SuggestionDoc): Write => ({ op: 'insert', collection: 'suggestions', doc, ifExists: 'abort' }),
    /** replaceIfVersion as one write of a transaction: a newer version undoes the whole commit. */
    replaceIfVersionWrite(next: SuggestionDoc, expectedVersion: number): Write {
      const { _id, followerCount: _ignored, ...fields } = next
      return { op: 'updateIf', collection: 'suggestions', id: _id, expect: { version: expectedVersion }, set: fields }
    },
    addFollower: (doc: SuggestionDoc) => items.increment(doc._id, { followerCount: 1 }, doc),
    async openAtStation(stationCode: string, states: readonly string[], limit: number): Promise<SuggestionDoc[]> {
      const page = await items.find({
        where: { stationCode, state: { $in: [...states] } },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit,
      })
      return page.items
    },
    async openInTownship(countyCode: string, township: string, states: readonly string[], limit: number): Promise<SuggestionDoc[]> {
      const page = await items.find({
        where: { countyCode, township, state: { $in: [...states] } },
        orderBy: { field: 'updatedAt', direction: 'desc' },
        limit,
      })
      return page.items
    },
    /** 站点待办: released items at these stations, newest first. */
    atStations(stationCodes: string[], state: SuggestionState | undefined, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      const where: Where = { stationCode: stationCodes.length === 1 ? stationCodes[0] : { $in: stationCodes }, moderation: 'pass' }
      if (state) where.state = state
      return items.find({ where, orderBy: { field: 'createdAt', direction: 'desc' }, limit, cursor })
    },
    /** 派单台: a county's (or township's) items; overdue ones by deadline, others most recently changed first. */
    board(q: BoardQuery, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      const where: Where = { countyCode: q.countyCode }
      if (q.township) where.township = q.township
      if (q.state) where.state = q.state
      if (q.overdue !== undefined) where.overdue = q.overdue
      if (q.categoryCode) where.categoryCode = q.categoryCode
      if (q.departmentCode) where.departmentCode = q.departmentCode
      if (q.stationCode) where.stationCode = q.stationCode
      if (q.moderation) where.moderation = q.moderation
      if (q.extensionPending) where['extension.status'] = 'pending'
      if (q.createdFrom || q.createdBefore) {
        where.createdAt = { ...(q.createdFrom ? { $gte: q.createdFrom } : {}), ...(q.createdBefore ? { $lt: q.createdBefore } : {}) }
      }
      const orderBy = q.overdue ? { field: 'deadline', direction: 'asc' as const } : { field: 'updatedAt', direction: 'desc' as const }
      return items.find({ where, orderBy, limit, cursor })
    },
    /** 承办待办: a department's items, nearest deadline first. */
    forDepartment(departmentCode: string, state: SuggestionState | undefined, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      const where: Where = { departmentCode }
      if (state) where.state = state
      return items.find({ where, orderBy: { field: 'deadline', direction: 'asc' }, limit, cursor })
    },
    /** 我的接单: items a deputy owns (首问负责), most recently changed first. */
    ownedBy(deputyCode: string, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      return items.find({ where: { ownerDeputyCode: deputyCode }, orderBy: { field: 'updatedAt', direction: 'desc' }, limit, cursor })
    },
    /** One page of a timer's sweep, oldest date first. */
    sweep(q: SweepQuery, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      const asc = (field: string) => ({ field, direction: 'asc' as const })
      switch (q.kind) {
        case 'past_deadline':
          return items.find({ where: { state: q.state, deadline: { $lt: q.before } }, orderBy: asc('deadline'), limit, cursor })
        case 'deadline_on':
          return items.find({ where: { state: q.state, deadline: q.day }, orderBy: asc('deadline'), limit, cursor })
        case 'follow_up_due':
          return items.find({ where: { followUpDate: { $lte: q.onOrBefore } }, orderBy: asc('followUpDate'), limit, cursor })
        case 'rating_window_over':
          return items.find({ where: { state: q.state, ratingDueDate: { $lt: q.before } }, orderBy: asc('ratingDueDate'), limit, cursor })
      }
    },
    bySubmitter(openid: string, limit: number, cursor?: string | null): Promise<Page<SuggestionDoc>> {
      return items.find({
        where: { submitterOpenid: openid },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit,
        cursor,
      })
    },
  }
}
export type SuggestionRepo = ReturnType<typeof suggestionRepo>
