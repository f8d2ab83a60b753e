import type { QueueItem } from '@shared/api/suggestion-workflow'
import { GRADES } from '@shared/domain/categories'
import type { SuggestionDoc } from '../model'
import { suggestionSummary } from './suggestion-views'

/**
 * Overdue as a reader should see it now: the timer's flag, or a deadline already past that the
 * timer has not swept yet (it runs every 15 minutes).
 */
export function overdueNow(doc: SuggestionDoc, today: string): boolean {
  return doc.overdue || (!!doc.deadline && ['dispatched', 'in_progress'].includes(doc.state) && doc.deadline < today)
}

export function queueItem(doc: SuggestionDoc, today: string): QueueItem {
  return {
    ...suggestionSummary(doc),
    township: doc.township,
    gradeLabel: GRADES.find((g) => g.code === doc.grade)?.label ?? null,
    ownerDeputyName: doc.ownerDeputyName,
    departmentName: doc.departmentName,
    deadline: doc.deadline,
    overdue: overdueNow(doc, today),
    followerCount: doc.followerCount,
    held: doc.moderation === 'held',
    extensionRequestedDays: doc.extension?.status === 'pending' ? doc.extension.workdays : null,
    deputyRated: Boolean(doc.deputyRating),
  }
}
