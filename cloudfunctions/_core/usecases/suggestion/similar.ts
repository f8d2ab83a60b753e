import { rankSimilar } from '@shared/domain/similarity'
import { OPEN_STATES, STATE_LABELS } from '@shared/domain/states'
import { SIMILAR_ITEM_FIELDS } from '@shared/domain/visibility'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { excerpt } from '../../views/suggestion-views'

/** How many recent open items per place are compared; bounds the work whatever the county's size. */
const CANDIDATES_PER_PLACE = 100

type SimilarItem = Record<(typeof SIMILAR_ITEM_FIELDS)[number], string | number>
type SimilarOut = { items: Array<{ id: string; excerpt: string; stateLabel: string; followerCount: number; score: number }> }

/**
 * Before filing, a resident sees open items at the same station or township that read alike and
 * can follow one instead. Only an excerpt and the state are shown, never names or numbers: the
 * answer holds exactly the fields SIMILAR_ITEM_FIELDS of the visibility table lists.
 */
export const similar: UseCase<{ stationCode: string; content: string }, SimilarOut> = async (deps, _actor, input) => {
  const station = await deps.repos.directory.station(input.stationCode)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  const items = deps.repos.suggestions
  const [atStation, inTownship] = await Promise.all([
    items.openAtStation(station.code, OPEN_STATES, CANDIDATES_PER_PLACE),
    items.openInTownship(station.countyCode, station.township, OPEN_STATES, CANDIDATES_PER_PLACE),
  ])
  const byId = new Map([...atStation, ...inTownship].filter((d) => d.moderation === 'pass').map((d) => [d._id, d]))
  const ranked = rankSimilar(
    input.content,
    [...byId.values()].map((d) => ({ id: d._id, text: d.content })),
  )
  return {
    items: ranked.map((r) => {
      const d = byId.get(r.id)!
      const all: SimilarItem = { id: d._id, excerpt: excerpt(d.content), stateLabel: STATE_LABELS[d.state], followerCount: d.followerCount, score: r.score }
      return Object.fromEntries(SIMILAR_ITEM_FIELDS.map((f) => [f, all[f]])) as SimilarOut['items'][number]
    }),
  }
}
