import type { QueueItem } from '@shared/api/suggestion-workflow'
import { call } from '../../api/client'
import { mapLimit } from '../../components/workbench'

/** States in which the deputy may rate the department's reply (deputyRate). */
export const RATABLE = ['resolved', 'verified'] as const

/**
 * Of these items, the ones whose department reply the deputy has not rated yet. Queue rows do not
 * say whether the deputy rated, so the few items past 销单 are asked for one by one (bounded).
 */
export async function unratedIds(items: QueueItem[]): Promise<Set<string>> {
  const candidates = items.filter((i) => (RATABLE as readonly string[]).includes(i.state)).slice(0, 20)
  const details = await mapLimit(candidates, 4, (i) => call('suggestion', 'get', { id: i.id }).catch(() => null))
  return new Set(details.filter((d) => d && d.allowedActions.includes('deputyRate') && !d.deputyRating).map((d) => d!.id))
}
