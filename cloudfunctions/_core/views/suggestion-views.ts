import type { SuggestionDetail, SuggestionSummary } from '@shared/api/suggestion'
import { categoryLabel } from '@shared/domain/categories'
import { maskName, maskPhone } from '@shared/domain/privacy'
import type { ItemPersonalField, Visibility } from '@shared/domain/visibility'
import { ownValue } from '@shared/own'
import { CHANNEL_LABELS, STATE_LABELS } from '@shared/domain/states'
import { ACTOR_ROLE_LABELS, EVENT_LABELS } from '@shared/domain/transitions'
import type { HistoryEvent, SuggestionDoc } from '../model'

const EXCERPT_LENGTH = 60

export function excerpt(content: string): string {
  const chars = [...content.replace(/\s+/g, ' ').trim()]
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('')
}

export function eventLabel(event: string): string {
  if (event === 'submit') return '选民点单'
  if (event === 'release') return '内容审核通过'
  return ownValue(EVENT_LABELS as Record<string, string>, event) ?? event
}

export function suggestionSummary(doc: SuggestionDoc): SuggestionSummary {
  return {
    id: doc._id,
    number: doc.number,
    stationCode: doc.stationCode,
    stationName: doc.stationName,
    excerpt: excerpt(doc.content),
    categoryCode: doc.categoryCode,
    categoryLabel: categoryLabel(doc.categoryCode),
    state: doc.state,
    stateLabel: STATE_LABELS[doc.state],
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  }
}

type DetailBase = Pick<
  SuggestionDetail,
  keyof SuggestionSummary | 'content' | 'channel' | 'channelLabel' | 'anonymous' | 'contactName' | 'contactPhone' | 'photos' | 'history'
>

/** The history's name of an actor when the reader may not see names: their role only. */
export function roleOnlyName(role: string): string {
  return ownValue(ACTOR_ROLE_LABELS as Record<string, string>, role) ?? '工作人员'
}

const levelled = <T>(level: Visibility, value: T, mask: (v: T) => T, hidden: T): T =>
  level === 'whole' ? value : level === 'masked' ? mask(value) : hidden

/**
 * One entry of the timeline as the reader may see it: a resident's name is masked or reduced to
 * the role ("群众") by `historyResidentNames`; deputies', staff's and departments' names by
 * `historyOfficialNames`. Generic labels (匿名群众, 关注群众) are not names and stay.
 */
export function historyName(h: HistoryEvent, doc: SuggestionDoc, levels: Record<ItemPersonalField, Visibility>): string {
  if (h.role === 'resident') {
    const isName = !!doc.contactName && h.actorName === doc.contactName
    return levelled(levels.historyResidentNames, h.actorName, (n) => (isName ? maskName(n) : n), roleOnlyName(h.role))
  }
  return levelled(levels.historyOfficialNames, h.actorName, (n) => n, roleOnlyName(h.role))
}

/** The item's fields that hold personal data, each at the level the visibility table gives the reader. */
export function suggestionDetail(doc: SuggestionDoc, levels: Record<ItemPersonalField, Visibility>): DetailBase {
  return {
    ...suggestionSummary(doc),
    content: doc.content,
    channel: doc.channel,
    channelLabel: CHANNEL_LABELS[doc.channel],
    anonymous: doc.anonymous,
    contactName: doc.contactName ? levelled<string | null>(levels.contactName, doc.contactName, (n) => maskName(n), null) : null,
    contactPhone: doc.contactPhone ? levelled<string | null>(levels.contactPhone, doc.contactPhone, (p) => maskPhone(p), null) : null,
    photos: levelled(levels.photos, doc.photos, (p) => p, []),
    history: doc.history.map((h) => ({
      at: h.at,
      event: h.event,
      eventLabel: eventLabel(h.event),
      from: h.from,
      to: h.to,
      actorName: historyName(h, doc, levels),
      role: h.role,
      // what a resident wrote (a rating's comment, a reason to withdraw) is theirs, as their rating is
      note: h.role === 'resident' && levels.historyResidentNotes !== 'whole' ? null : h.note,
    })),
  }
}
