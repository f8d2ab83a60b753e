import type { FindOptions, Page, Scalar, Store, Write } from '../store/port'
import type { SuggestionDoc } from '../model'

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
    async openAtStation(stationCode: string, states: string[], limit: number): Promise<SuggestionDoc[]> {
      const page = await items.find({
        where: { stationCode, state: { $in: states } },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit,
      })
      return page.items
    },
    async openInTownship(countyCode: string, township: string, states: string[], limit: number): Promise<SuggestionDoc[]> {
      const page = await items.find({
        where: { countyCode, township, state: { $in: states } },
        orderBy: { field: 'updatedAt', direction: 'desc' },
        limit,
      })
      return page.items
    },
    find: (options: FindOptions) => items.find(options),
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
