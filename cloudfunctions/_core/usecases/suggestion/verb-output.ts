import type { SuggestionDetail } from '@shared/api/suggestion'
import type { Actor } from '@shared/domain/roles'
import { shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import { followRepo } from '../../repos/follow-repo'
import { detailFor } from '../../views/detail-for'

/** Every verb answers with the item as the actor now sees it, so the page can redraw at once. */
export async function detailAfter(deps: Deps, actor: Actor, doc: SuggestionDoc): Promise<SuggestionDetail> {
  const following = await followRepo(deps.store).isFollowing(doc._id, actor.openid)
  return detailFor(actor, doc, following, shanghaiDate(deps.clock.now()))
}
