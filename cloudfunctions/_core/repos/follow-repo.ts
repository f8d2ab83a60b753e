import type { Page, Store, Write } from '../store/port'
import type { FollowDoc } from '../model'
import { eachDoc } from './paging'

const keyOf = (suggestionId: string, openid: string) => `${suggestionId}:${openid}`

export function followRepo(store: Store) {
  const follows = store.collection<FollowDoc>('follows')
  return {
    /** Returns false when the resident already follows the item. */
    add: (suggestionId: string, openid: string, at: string) =>
      follows.insert({ _id: keyOf(suggestionId, openid), suggestionId, openid, createdAt: at }),
    /** The same, as one write of a transaction (already following: nothing to do). */
    addWrite: (suggestionId: string, openid: string, at: string): Write => ({
      op: 'insert',
      collection: 'follows',
      doc: { _id: keyOf(suggestionId, openid), suggestionId, openid, createdAt: at } satisfies FollowDoc,
      ifExists: 'skip',
    }),
    async isFollowing(suggestionId: string, openid: string): Promise<boolean> {
      return (await follows.get(keyOf(suggestionId, openid))) !== null
    },
    byOpenid(openid: string, limit: number, cursor?: string | null): Promise<Page<FollowDoc>> {
      return follows.find({ where: { openid }, orderBy: { field: 'createdAt', direction: 'desc' }, limit, cursor })
    },
    /** Everyone following an item, in pages, so a popular item never loads unbounded at once. */
    async *followersOf(suggestionId: string): AsyncGenerator<string> {
      for await (const f of eachDoc(follows, { where: { suggestionId }, orderBy: { field: 'createdAt', direction: 'asc' } }, 200)) yield f.openid
    },
  }
}
