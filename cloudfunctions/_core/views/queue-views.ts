import type { QueueItem } from '@shared/api/suggestion-workflow'
import { GRADES } from '@shared/domain/categories'
import type { SuggestionDoc } from '../model'
import { suggestionSummary } from './suggestion-views'

export function queueItem(doc: SuggestionDoc, today: string): QueueItem {
  return {
    ...suggestionSummary(doc),
    township: doc.township,
    gradeLabel: GRADES.find((g) => g.code === doc.grade)?.label ?? null,
    ownerDeputyName: doc.ownerDeputyName,
    departmentName: doc.departmentName,
    deadline: doc.deadline,
    overdue: doc.overdue || (!!doc.deadline && ['dispatched', 'in_progress'].includes(doc.state) && doc.deadline < today),
    followerCount: doc.followerCount,
    held: doc.moderation === 'held',
  }
}
