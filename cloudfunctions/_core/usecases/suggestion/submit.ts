import { createHash } from 'node:crypto'
import type { SuggestionSummary } from '@shared/api/suggestion'
import type { z } from 'zod'
import type { submitInput } from '@shared/api/suggestion'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { assertOnlineReceptionOpen } from '../reception/online-window'
import { suggestionSummary } from '../../views/suggestion-views'
import { submittedWrites } from '../stats/record'
import { newSuggestionDoc } from './new-item'

type SubmitParsed = z.output<typeof submitInput>

/**
 * The id is derived from the submitter and the client's request id, so a retried tap (lost
 * answer, double tap, offline resend) lands on the same document instead of making a second one.
 */
export function suggestionIdFor(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 24)
}

function itemNumber(prefix: string, at: Date, id: string): string {
  const ymd = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `${prefix}${ymd}-${id.slice(0, 5).toUpperCase()}`
}

/** 选民点单: a resident files a concern at a station. */
export const submitSuggestion: UseCase<SubmitParsed, SuggestionSummary> = async (deps, actor, input) => {
  const items = deps.repos.suggestions
  const id = suggestionIdFor(actor.openid, input.clientRequestId)
  const follows = deps.repos.follows
  const existing = await items.get(id)
  if (existing) {
    // Items saved before follow records were committed with them may lack one: make sure.
    await follows.add(id, actor.openid, existing.createdAt)
    return suggestionSummary(existing)
  }

  const directory = deps.repos.directory
  const station = await directory.station(input.stationCode)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  // 网上代表接待日: online submissions reach the duty deputies only while a window is open.
  if (input.channel === 'online_reception') await assertOnlineReceptionOpen(deps, station.code)
  const county = await directory.county(station.countyCode)

  const verdict = await deps.contentCheck.checkText(input.content, actor.openid)
  if (verdict === 'risky') throw new AppError('content_risky', undefined, 'content')

  const now = deps.clock.now()
  const at = now.toISOString()
  const contactName = input.anonymous ? null : (input.contactName ?? null)
  const doc = newSuggestionDoc(
    {
      _id: id,
      number: itemNumber(county?.prefix ?? 'WD', now, id),
      countyCode: station.countyCode,
      township: station.township,
      stationCode: station.code,
      stationName: station.name,
      channel: input.channel,
      content: input.content,
      categoryCode: input.categoryCode ?? null,
      photos: input.photos,
      location: input.location ?? null,
      anonymous: input.anonymous,
      submitterOpenid: actor.openid,
      contactName,
      contactPhone: input.anonymous ? null : (input.contactPhone ?? null),
      // Consent means something only with a name on record and a number to call.
      contactConsent: !input.anonymous && !!input.contactPhone && input.contactConsent,
      clientRequestId: input.clientRequestId,
      moderation: verdict === 'review' ? 'held' : 'pass',
      escalationTarget: null,
      viaAssignmentForm: false,
    },
    at,
    { actorOpenid: actor.openid, actorName: input.anonymous ? '匿名群众' : (contactName ?? '群众'), role: 'resident', note: null },
  )
  // One transaction: the item, the submitter's follow record and the statistics counters. When
  // the insert finds the item (a concurrent retry won), nothing is written and theirs is answered.
  const inserted = await deps.store.commit([items.insertWrite(doc), follows.addWrite(id, actor.openid, at), ...(await submittedWrites(deps, doc))])
  const saved = inserted ? doc : await items.get(id)
  if (!saved) throw new AppError('conflict')
  return suggestionSummary(saved)
}
