import type { SuggestionDetail } from '@shared/api/suggestion'
import type { UseCase } from '../../runtime/define-function'
import { loadVisible } from './run-transition'
import { itemDetail } from './verb-output'

/** Item detail with its timeline. Anyone who may not view the item gets not_found. */
export const getSuggestion: UseCase<{ id: string }, SuggestionDetail> = async (deps, actor, { id }) => {
  const { doc, following } = await loadVisible(deps, actor, id)
  return itemDetail(deps, actor, doc, 'get', following)
}
