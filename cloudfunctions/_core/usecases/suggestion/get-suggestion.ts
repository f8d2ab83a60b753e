import type { SuggestionDetail } from '@shared/api/suggestion'
import { shanghaiDate } from '@shared/domain/workdays'
import type { UseCase } from '../../runtime/define-function'
import { detailFor } from '../../views/detail-for'
import { loadVisible } from './run-transition'

/** Item detail with its timeline. Anyone who may not view the item gets not_found. */
export const getSuggestion: UseCase<{ id: string }, SuggestionDetail> = async (deps, actor, { id }) => {
  const { doc, following } = await loadVisible(deps, actor, id)
  return detailFor(actor, doc, following, shanghaiDate(deps.clock.now()))
}
