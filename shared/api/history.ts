/**
 * A record's history as the API shows it (reception sessions, visit records): one entry per step
 * of its lifecycle (shared/domain/lifecycle.ts), in order. The same fields as an item's timeline
 * entry; `actorName` is the acting official's name or role, never a visitor's.
 */
import { z } from 'zod'
import { ROLES } from '../domain/roles'

export const recordHistoryEntry = z.object({
  at: z.string(),
  event: z.string(),
  /** 取消、标记已举行、办结 … */
  eventLabel: z.string(),
  from: z.string(),
  to: z.string(),
  actorName: z.string(),
  role: z.enum([...ROLES, 'system']),
  note: z.string().nullable(),
})
export type RecordHistoryEntryView = z.infer<typeof recordHistoryEntry>
