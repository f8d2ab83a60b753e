import type { QueueItem } from '@shared/api/suggestion-workflow'

/** States in which the deputy may rate the department's reply (deputyRate). */
export const RATABLE = ['resolved', 'verified'] as const

/**
 * 待评价: of the deputy's own items (myHandled), those past 销单 whose department reply the
 * deputy has not rated yet.
 */
export function needsDeputyRating(item: QueueItem): boolean {
  return (RATABLE as readonly string[]).includes(item.state) && !item.deputyRated
}
