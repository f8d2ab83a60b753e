import type { SuggestionDetail } from '@shared/api/suggestion'
import { GRADES } from '@shared/domain/categories'
import { authorize } from '@shared/domain/permissions'
import type { Actor } from '@shared/domain/roles'
import { RATING_LABELS, RESOLUTION_OUTCOME_LABELS } from '@shared/domain/transitions'
import type { RatingRecord, SuggestionDoc } from '../model'
import { VERBS, verbAllowedNow } from '@shared/domain/verbs'
import { itemRelations, itemVisibility, type ItemPersonalField, type ItemRelation, type Visibility } from '@shared/domain/visibility'
import { itemScope } from './item-scope'
import { overdueNow } from './queue-views'
import { suggestionDetail } from './suggestion-views'

function rating(r: RatingRecord | null) {
  return r ? { rating: r.rating, ratingLabel: RATING_LABELS[r.rating], comment: r.comment, at: r.at } : null
}

/**
 * The verbs this actor may use on the item now, in the registry's order (shared/domain/verbs.ts):
 * the permission reaches the item, and the item's lifecycle table allows the verb's event from its
 * state, for that role, with the item's facts (延期 pending, text held for review, reopens left).
 */
export function allowedActions(actor: Actor, doc: SuggestionDoc, following: boolean): string[] {
  const scope = itemScope(doc, following ? [actor.openid] : [])
  const facts = { reopenCount: doc.reopenCount, viaAssignmentForm: doc.viaAssignmentForm, moderation: doc.moderation, extension: doc.extension }
  const out: string[] = []
  for (const verb of VERBS) {
    if (!verb.listed || !verb.action || !verb.permission) continue
    const auth = authorize(actor, verb.permission, scope, verb.asRole ? { role: verb.asRole } : {})
    if (auth.allowed && verbAllowedNow(verb, doc.state, auth.binding.role, facts)) out.push(verb.action)
  }
  return out
}

/** What one reader sees of one item's personal data (shared/domain/visibility.ts), and what of it is logged. */
export interface ItemReading {
  relations: ItemRelation[]
  levels: Record<ItemPersonalField, Visibility>
  logged: ItemPersonalField[]
}

/** The consent that opens an item's contact to the handling department: under a name, with a phone. */
export const contactConsentOf = (doc: SuggestionDoc): boolean => doc.contactConsent === true && !doc.anonymous && !!doc.contactPhone

export function itemReading(actor: Actor, doc: SuggestionDoc, following: boolean): ItemReading {
  const relations = itemRelations(actor, itemScope(doc, following ? [actor.openid] : []))
  const { levels, logged } = itemVisibility(relations, { contactConsent: contactConsentOf(doc) })
  return { relations, levels, logged }
}

/**
 * The detail page's data for this actor: personal data at the levels of the visibility table,
 * and the verbs it may use. `reading` is computed here unless the caller already has it.
 */
export function detailFor(actor: Actor, doc: SuggestionDoc, following: boolean, today: string, reading = itemReading(actor, doc, following)): SuggestionDetail {
  const levels = reading.levels
  const residentRating = rating(doc.residentRating)
  return {
    ...suggestionDetail(doc, levels),
    township: doc.township,
    gradeLabel: GRADES.find((g) => g.code === doc.grade)?.label ?? null,
    followerCount: doc.followerCount,
    following,
    ownerDeputyName: doc.ownerDeputyName,
    answer: doc.answer,
    escalationTarget: doc.escalationTarget,
    departmentName: doc.departmentName,
    coDepartmentNames: doc.coDepartmentNames,
    requirements: doc.requirements,
    deadline: doc.deadline,
    overdue: overdueNow(doc, today),
    extension: doc.extension,
    resolution: doc.resolution
      ? {
          reply: doc.resolution.reply,
          outcome: doc.resolution.outcome,
          outcomeLabel: RESOLUTION_OUTCOME_LABELS[doc.resolution.outcome],
          promisedDate: doc.resolution.promisedDate,
          at: doc.resolution.at,
        }
      : null,
    residentRating:
      levels.residentRating === 'whole' ? residentRating : levels.residentRating === 'masked' && residentRating ? { ...residentRating, comment: null } : null,
    deputyRating: rating(doc.deputyRating),
    verifiedWithoutRating: doc.verifiedWithoutRating,
    reopenCount: doc.reopenCount,
    mergedIntoId: doc.mergedIntoId,
    referralReason: doc.referralReason,
    held: doc.moderation === 'held',
    allowedActions: allowedActions(actor, doc, following),
  }
}
