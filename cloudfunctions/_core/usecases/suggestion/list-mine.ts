import type { SuggestionSummary } from '@shared/api/suggestion'
import type { UseCase } from '../../runtime/define-function'
import { suggestionSummary } from '../../views/suggestion-views'

/** 我的: items the caller submitted or follows (a submitter follows their own), newest first. */
export const listMine: UseCase<{ cursor?: string; limit: number }, { items: SuggestionSummary[]; nextCursor: string | null }> = async (
  deps,
  actor,
  input,
) => {
  const page = await deps.repos.follows.byOpenid(actor.openid, input.limit, input.cursor)
  const docs = await deps.repos.suggestions.getMany(page.items.map((f) => f.suggestionId))
  const byId = new Map(docs.map((d) => [d._id, d]))
  const items = page.items.flatMap((f) => {
    const doc = byId.get(f.suggestionId)
    return doc ? [suggestionSummary(doc)] : []
  })
  return { items, nextCursor: page.nextCursor }
}
