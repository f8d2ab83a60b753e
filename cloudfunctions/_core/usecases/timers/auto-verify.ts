import { shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import { runSystemTransition } from '../suggestion/run-transition'
import { sweepItems } from './sweep-items'

/**
 * Nobody rated within the rating window: the item closes as verified without a rating, which
 * the statistics count separately from rated items.
 */
export async function autoVerify(deps: Deps): Promise<number> {
  const today = shanghaiDate(deps.clock.now())
  let closed = 0
  for (const state of ['resolved', 'answered'] as const) {
    closed += await sweepItems(deps, { kind: 'rating_window_over', state, before: today }, async (doc) => {
      try {
        await runSystemTransition(deps, doc, {
          event: 'auto_verify',
          note: '评价期内未评价，系统自动验单',
          change: () => ({ verifiedWithoutRating: true, ratingDueDate: null }),
        })
        return true
      } catch (error) {
        // Someone rated in the same moment: their rating wins, nothing to do.
        if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_transition')) return false
        throw error
      }
    })
  }
  return closed
}
