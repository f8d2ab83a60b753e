import type { RecordHistoryEntryView } from '@shared/api/history'
import type { Lifecycle } from '@shared/domain/lifecycle'
import type { RecordHistoryEntry } from '../model'

/** A record's history (the lifecycle runner's entries) with the table's Chinese event names. */
export function recordHistoryView(entries: readonly RecordHistoryEntry[] | undefined, table: Pick<Lifecycle<string, string, string>, 'eventLabels'>): RecordHistoryEntryView[] {
  return (entries ?? []).map((e) => ({
    at: e.at,
    event: e.event,
    eventLabel: (table.eventLabels as Record<string, string>)[e.event] ?? e.event,
    from: e.from,
    to: e.to,
    actorName: e.actorName,
    role: e.role as RecordHistoryEntryView['role'],
    note: e.note,
  }))
}
