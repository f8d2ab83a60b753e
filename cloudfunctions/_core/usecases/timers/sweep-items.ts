import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import type { SweepQuery } from '../../repos/suggestion-repo'

/** Work per run is bounded: what is left is picked up by the next run. */
export const SWEEP_LIMIT = 500

/** Pages through the items of one of the repository's sweeps and hands each to `visit`. */
export async function sweepItems(deps: Deps, query: SweepQuery, visit: (doc: SuggestionDoc) => Promise<boolean>): Promise<number> {
  let cursor: string | null = null
  let done = 0
  let seen = 0
  do {
    const page: { items: SuggestionDoc[]; nextCursor: string | null } = await deps.repos.suggestions.sweep(query, 100, cursor)
    for (const doc of page.items) {
      seen++
      if (await visit(doc)) done++
    }
    cursor = page.nextCursor
  } while (cursor && seen < SWEEP_LIMIT)
  return done
}
