/**
 * Reading a query page by page, for the repositories: CloudBase answers a bounded number of
 * documents at a time, so a set larger than one page is read cursor after cursor.
 */
import type { Collection, Doc, FindOptions, Page } from '../store/port'

/** The page size the repositories read bounded sets with. */
export const PAGE = 500

export type Query = Omit<FindOptions, 'limit' | 'cursor'>

/** The documents of a query as they come, page after page (a caller may stop early). */
export async function* eachDoc<T extends Doc>(collection: Collection<T>, query: Query, pageSize = PAGE): AsyncGenerator<T> {
  let cursor: string | null = null
  do {
    const page: Page<T> = await collection.find({ ...query, limit: pageSize, cursor })
    yield* page.items
    cursor = page.nextCursor
  } while (cursor)
}

/** Every document of a bounded query (one station's year, one county's year), up to `cap`. */
export async function allDocs<T extends Doc>(collection: Collection<T>, query: Query, cap = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await collection.find({ ...query, limit: Math.min(PAGE, cap - out.length), cursor })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && out.length < cap)
  return out
}
