/**
 * The message catalogue: every notification the system sends, in one place. Each entry
 * (`MessageDef`, ./define.ts) holds its id scheme, template kind, recipients rule, page path and
 * Chinese text; families: ./item.ts (the five-order item), ./reception.ts (接待日提醒) and ./directory.ts (县级设置).
 *
 * A use case names a message and its data and gets back outbox writes for the commit of the
 * change that causes them (`messageWrites`), or, outside a transaction, queues them itself
 * (reception reminders spend a subscribe credit each: usecases/reception/notify.ts).
 */
import type { Deps } from '../ports'
import type { SuggestionDoc } from '../model'
import type { Write } from '../store/port'
import { composeFor, type ComposedMessage, type ItemAudience, type MessageDef } from './define'
import * as item from './item'
import * as reception from './reception'
import * as directory from './directory'

export * from './define'
export * from './item'
export * from './reception'
export * from './directory'

/** Every message by name (the catalogue's table of contents; tests render each one). */
export const MESSAGES = {
  itemStepOwner: item.itemStepOwner,
  itemStepFollower: item.itemStepFollower,
  itemStepDepartment: item.itemStepDepartment,
  itemMerged: item.itemMerged,
  itemOverdue: item.itemOverdue,
  itemFollowUp: item.itemFollowUp,
  itemDueSoon: item.itemDueSoon,
  receptionReminderDeputy: reception.receptionReminderDeputy,
  receptionReminderOfficial: reception.receptionReminderOfficial,
  receptionReminderResident: reception.receptionReminderResident,
  adminInvitationIssued: directory.adminInvitationIssued,
} as const
export type MessageName = keyof typeof MESSAGES

/** Outbox writes of already composed messages, stamped `at`, for the commit of their cause. */
export function outboxWrites(deps: Deps, messages: ComposedMessage[]): Write[] {
  const at = deps.clock.now().toISOString()
  return messages.map((m) => deps.repos.outbox.enqueueWrite(m, at))
}

/** The outbox writes of one message for `data`, to whom its rule picks from `audience`. */
export function messageWrites<D, A>(deps: Deps, def: MessageDef<D, A>, data: D, audience: A): Write[] {
  return outboxWrites(deps, composeFor(def, data, audience))
}

/**
 * Who could hear of an item, read before its transaction. `followers` is read only when asked
 * for (a popular item has many): pass `withFollowers: false` when no message of the step reaches them.
 */
export async function itemAudience(
  deps: Deps,
  doc: Pick<SuggestionDoc, '_id' | 'ownerDeputyCode' | 'departmentCode'>,
  actorOpenid: string | null,
  options: { withFollowers?: boolean; withDepartment?: boolean } = {},
): Promise<ItemAudience> {
  const { directory, follows } = deps.repos
  const deputy = doc.ownerDeputyCode ? await directory.deputy(doc.ownerDeputyCode) : null
  const followers: string[] = []
  if (options.withFollowers ?? true) for await (const openid of follows.followersOf(doc._id)) followers.push(openid)
  const department = (options.withDepartment ?? true) && doc.departmentCode ? await directory.department(doc.departmentCode) : null
  return { actor: actorOpenid, ownerDeputy: deputy?.openid ?? null, followers, department: department?.openids ?? [] }
}
