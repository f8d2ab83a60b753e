import type { FiguresView } from '@shared/api/stats'
import { averageDaysOf, deputyRated, rated, ratesOf, type Counts } from '@shared/domain/stats'

/** Counter sums → the figures every view shows (funnel, other counts, rates, average days). */
export function figuresOf(c: Counts): FiguresView {
  return {
    funnel: {
      submitted: c.submitted,
      accepted: c.accepted,
      answered: c.answered,
      escalated: c.escalated,
      dispatched: c.dispatched,
      resolved: c.resolved,
      verified: c.verified,
      verifiedWithoutRating: c.verifiedWithoutRating,
    },
    other: {
      withdrawn: c.withdrawn,
      merged: c.merged,
      referred: c.referred,
      sentBack: c.sentBack,
      reopened: c.reopened,
      supervised: c.supervised,
      responded: c.responded,
      respondedOnTime: c.respondedOnTime,
      resolvedOnTime: c.resolvedOnTime,
      fromReception: c.fromReception,
    },
    outcomes: { solved: c.solved, planned: c.planned, explained: c.explained },
    ratings: { satisfied: c.satisfied, basicallySatisfied: c.basicallySatisfied, unsatisfied: c.unsatisfied, rated: rated(c) },
    deputyRatings: {
      satisfied: c.deputySatisfied,
      basicallySatisfied: c.deputyBasicallySatisfied,
      unsatisfied: c.deputyUnsatisfied,
      rated: deputyRated(c),
    },
    rates: ratesOf(c),
    averageDays: averageDaysOf(c),
  }
}
