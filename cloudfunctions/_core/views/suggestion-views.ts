import type { SuggestionDetail, SuggestionSummary } from '@shared/api/suggestion'
import { categoryLabel } from '@shared/domain/categories'
import { maskPhone } from '@shared/domain/privacy'
import { CHANNEL_LABELS, STATE_LABELS } from '@shared/domain/states'
import { EVENT_LABELS } from '@shared/domain/transitions'
import type { SuggestionDoc } from '../model'

const EXCERPT_LENGTH = 60

export function excerpt(content: string): string {
  const chars = [...content.replace(/\s+/g, ' ').trim()]
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('')
}

export function eventLabel(event: string): string {
  if (event === 'submit') return '选民点单'
  if (event === 'release') return '内容审核通过'
  return (EVENT_LABELS as Record<string, string>)[event] ?? event
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

/** `fullContact` is decided by the permission module (view_contact); everyone else sees a mask. */
export function suggestionDetail(doc: SuggestionDoc, fullContact: boolean): DetailBase {
  return {
    ...suggestionSummary(doc),
    content: doc.content,
    channel: doc.channel,
    channelLabel: CHANNEL_LABELS[doc.channel],
    anonymous: doc.anonymous,
    contactName: doc.contactName,
    contactPhone: doc.contactPhone ? (fullContact ? doc.contactPhone : maskPhone(doc.contactPhone)) : null,
    photos: doc.photos,
    history: doc.history.map((h) => ({
      at: h.at,
      event: h.event,
      eventLabel: eventLabel(h.event),
      from: h.from,
      to: h.to,
      actorName: h.actorName,
      role: h.role,
      note: h.note,
    })),
  }
}
