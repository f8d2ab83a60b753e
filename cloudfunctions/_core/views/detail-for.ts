import type { SuggestionDetail } from '@shared/api/suggestion'
import { GRADES } from '@shared/domain/categories'
import { authorize, type ItemAction } from '@shared/domain/permissions'
import type { Actor } from '@shared/domain/roles'
import { RATING_LABELS, RESOLUTION_OUTCOME_LABELS, decideTransition, type SuggestionEvent } from '@shared/domain/transitions'
import type { RatingRecord, SuggestionDoc } from '../model'
import { itemRelations, itemVisibility, type ItemPersonalField, type ItemRelation, type Visibility } from '@shared/domain/visibility'
import { itemScope } from './item-scope'
import { overdueNow } from './queue-views'
import { suggestionDetail } from './suggestion-views'

/** Verbs a page may offer, in the order buttons appear. `rate` covers verify/reopen for residents. */
const VERBS: Array<{ action: string; event?: SuggestionEvent; permission: ItemAction }> = [
  { action: 'accept', event: 'accept', permission: 'accept' },
  { action: 'answer', event: 'answer', permission: 'answer' },
  { action: 'escalate', event: 'escalate', permission: 'escalate' },
  { action: 'dispatch', event: 'dispatch', permission: 'dispatch' },
  { action: 'acknowledge', event: 'acknowledge', permission: 'acknowledge' },
  { action: 'progress', event: 'progress', permission: 'progress' },
  { action: 'requestExtension', event: 'request_extension', permission: 'request_extension' },
  { action: 'decideExtension', event: 'decide_extension', permission: 'decide_extension' },
  { action: 'resolve', event: 'resolve', permission: 'resolve' },
  { action: 'sendBack', event: 'send_back', permission: 'send_back' },
  { action: 'rate', event: 'verify', permission: 'verify' },
  { action: 'deputyRate', event: 'deputy_rate', permission: 'deputy_rate' },
  { action: 'supervise', event: 'supervise', permission: 'supervise' },
  { action: 'merge', event: 'merge', permission: 'merge' },
  { action: 'refer', event: 'refer', permission: 'refer' },
  { action: 'withdraw', event: 'withdraw', permission: 'withdraw' },
]

function rating(r: RatingRecord | null) {
  return r ? { rating: r.rating, ratingLabel: RATING_LABELS[r.rating], comment: r.comment, at: r.at } : null
}

export function allowedActions(actor: Actor, doc: SuggestionDoc, following: boolean): string[] {
  const scope = itemScope(doc, following ? [actor.openid] : [])
  const out: string[] = []
  for (const verb of VERBS) {
    const auth = authorize(actor, verb.permission, scope)
    if (!auth.allowed || !verb.event) continue
    const decision = decideTransition(doc.state, verb.event, auth.binding.role, {
      reopenCount: doc.reopenCount,
      viaAssignmentForm: doc.viaAssignmentForm,
    })
    if (!decision.ok) continue
    if (verb.action === 'requestExtension' && doc.extension?.status === 'pending') continue
    if (verb.action === 'decideExtension' && doc.extension?.status !== 'pending') continue
    out.push(verb.action)
  }
  // 内容审核 is not a state change: staff who may supervise the item may release held text.
  if (doc.moderation === 'held' && authorize(actor, 'supervise', scope, { role: 'staff' }).allowed) out.unshift('release')
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
