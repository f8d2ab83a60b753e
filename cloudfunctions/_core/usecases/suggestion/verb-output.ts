import type { SuggestionDetail } from '@shared/api/suggestion'
import type { Actor } from '@shared/domain/roles'
import { shanghaiDate } from '@shared/domain/workdays'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import { detailFor, itemReading } from '../../views/detail-for'
import { logContactRead } from './contact-reads'

/**
 * The item as the actor may see it now (shared/domain/visibility.ts). When the answer shows a
 * resident's contact only because they agreed to be contacted, the read is logged first.
 * `via` names the action, for the log.
 */
export async function itemDetail(deps: Deps, actor: Actor, doc: SuggestionDoc, via: string, following?: boolean): Promise<SuggestionDetail> {
  const isFollowing = following ?? (await deps.repos.follows.isFollowing(doc._id, actor.openid))
  const reading = itemReading(actor, doc, isFollowing)
  if (reading.logged.length > 0) await logContactRead(deps, actor, doc, reading.logged, via)
  return detailFor(actor, doc, isFollowing, shanghaiDate(deps.clock.now()), reading)
}

/** Every verb answers with the item as the actor now sees it, so the page can redraw at once. */
export async function detailAfter(deps: Deps, actor: Actor, doc: SuggestionDoc): Promise<SuggestionDetail> {
  const last = doc.history[doc.history.length - 1]
  return itemDetail(deps, actor, doc, last?.event ?? 'get')
}
