import type { Deps } from '../../ports'
import type { Where } from '../../store/port'
import type { SuggestionDoc } from '../../model'
import { suggestionRepo } from '../../repos/suggestion-repo'

/** Work per run is bounded: what is left is picked up by the next run. */
export const SWEEP_LIMIT = 500

/** Pages through items matching `where` (an indexed query) and hands each to `visit`. */
export async function sweepItems(
  deps: Deps,
  where: Where,
  orderField: string,
  visit: (doc: SuggestionDoc) => Promise<boolean>,
): Promise<number> {
  const items = suggestionRepo(deps.store)
  let cursor: string | null = null
  let done = 0
  let seen = 0
  do {
    const page = await items.find({ where, orderBy: { field: orderField, direction: 'asc' }, limit: 100, cursor })
    for (const doc of page.items) {
      seen++
      if (await visit(doc)) done++
    }
    cursor = page.nextCursor
  } while (cursor && seen < SWEEP_LIMIT)
  return done
}
