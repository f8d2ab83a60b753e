/**
 * The five-order item's messages: progress of a step, 并案, 超期, 承诺回访, 期限将至.
 * Each entry says who hears of it, under which id, with which template, page and Chinese text.
 */
import { EVENT_LABELS, type SuggestionEvent } from '@shared/domain/transitions'
import { STATE_LABELS } from '@shared/domain/states'
import type { SuggestionDoc } from '../model'
import { defineMessage, type ItemAudience } from './define'

/** The item's page in the mini-program; every item message opens it. */
export const itemPage = (itemId: string) => `/pages/item/index?id=${itemId}`

/** Events the resident (and followers) hear about: outcomes, not every internal step. */
export const RESIDENT_EVENTS: ReadonlySet<SuggestionEvent> = new Set<SuggestionEvent>(['accept', 'answer', 'dispatch', 'resolve', 'merge', 'refer', 'handover'])
/** Events the handling department hears about. */
export const DEPARTMENT_EVENTS: ReadonlySet<SuggestionEvent> = new Set<SuggestionEvent>(['dispatch', 'reopen', 'decide_extension', 'supervise'])

type Item = Pick<SuggestionDoc, '_id' | 'number' | 'version' | 'state' | 'deadline'> & Partial<Pick<SuggestionDoc, 'ownerDeputyName'>>

/** The last step of an item, as its messages tell it: 「XW-…：已受理，当前状态「处理中」」. */
export const stepSummary = (item: Item, event: SuggestionEvent) =>
  event === 'handover'
    ? `${item.number}：原首问负责代表离任，现由${item.ownerDeputyName ?? '新的代表'}代表负责跟进，当前状态「${STATE_LABELS[item.state]}」`
    : `${item.number}：${EVENT_LABELS[event] ?? event}，当前状态「${STATE_LABELS[item.state]}」`

/** A step's message id: one per item version and recipient, so a retried step never queues twice. */
const stepId = ({ item }: { item: Item }, to: string) => `${item._id}:v${item.version}:${to}`

export interface StepData {
  item: Item
  event: SuggestionEvent
}

/** 首问负责: the owning deputy hears of every step that someone else takes. */
export const itemStepOwner = defineMessage<StepData, ItemAudience>({
  kind: 'item_update',
  recipients: (_d, a) => (a.ownerDeputy && a.ownerDeputy !== a.actor ? [a.ownerDeputy] : []),
  id: stepId,
  page: ({ item }) => itemPage(item._id),
  title: () => '您首问负责的事项有新进展',
  body: ({ item, event }) => stepSummary(item, event),
})

/** The resident and every follower hear of outcomes (RESIDENT_EVENTS), not of their own steps. */
export const itemStepFollower = defineMessage<StepData, ItemAudience>({
  kind: 'item_update',
  recipients: ({ event }, a) => (RESIDENT_EVENTS.has(event) ? a.followers.filter((o) => o !== a.actor) : []),
  id: stepId,
  page: ({ item }) => itemPage(item._id),
  title: () => '您反映的事项有新进展',
  body: ({ item, event }) => stepSummary(item, event),
})

/** The handling department hears of DEPARTMENT_EVENTS, with the deadline when there is one. */
export const itemStepDepartment = defineMessage<StepData, ItemAudience>({
  kind: 'item_update',
  recipients: ({ event }, a) => (DEPARTMENT_EVENTS.has(event) ? a.department.filter((o) => o !== a.actor) : []),
  id: stepId,
  page: ({ item }) => itemPage(item._id),
  title: () => '承办事项通知',
  body: ({ item, event }) => `${stepSummary(item, event)}${item.deadline ? `，办理期限${item.deadline}` : ''}`,
})

/** Every message one step of an item causes, in the order they are queued. */
export const ITEM_STEP_MESSAGES = [itemStepOwner, itemStepFollower, itemStepDepartment] as const

export interface MergedData {
  merged: Pick<SuggestionDoc, '_id' | 'number'>
  into: Pick<SuggestionDoc, '_id' | 'number' | 'submitterOpenid'>
}

/** 并案: the surviving item's submitter is told, unless they merged it themselves. */
export const itemMerged = defineMessage<MergedData, { actor: string | null }>({
  kind: 'item_update',
  recipients: ({ into }, a) => (into.submitterOpenid !== a.actor ? [into.submitterOpenid] : []),
  id: ({ merged, into }, to) => `${into._id}:merged:${merged._id}:${to}`,
  page: ({ into }) => itemPage(into._id),
  title: () => '有群众反映了相同的问题',
  body: ({ merged, into }) => `${merged.number} 已并入您反映的 ${into.number}，将一并办理`,
})

export interface DatedData {
  item: Pick<SuggestionDoc, '_id' | 'number'>
  /** The deadline or promised date the message is about (part of its id: a new date is told again). */
  date: string
}

/** 超期: the department and the owning deputy, once per deadline. */
export const itemOverdue = defineMessage<DatedData, ItemAudience>({
  kind: 'overdue',
  recipients: (_d, a) => [...a.department, ...(a.ownerDeputy ? [a.ownerDeputy] : [])],
  id: ({ item, date }, to) => `${item._id}:overdue:${date}:${to}`,
  page: ({ item }) => itemPage(item._id),
  title: () => '事项已超过办理期限',
  body: ({ item, date }) => `${item.number} 办理期限为${date}，已超期，请尽快办理`,
})

/** 列入计划逐步解决: on the promised date, the department and the owning deputy, once per date. */
export const itemFollowUp = defineMessage<DatedData, ItemAudience>({
  kind: 'deadline_reminder',
  recipients: (_d, a) => [...a.department, ...(a.ownerDeputy ? [a.ownerDeputy] : [])],
  id: ({ item, date }, to) => `${item._id}:followup:${date}:${to}`,
  page: ({ item }) => itemPage(item._id),
  title: () => '承诺事项到期回访',
  body: ({ item, date }) => `${item.number} 承诺于${date}前解决，请反馈落实情况`,
})

/** One working day before a deadline: the department only, once per deadline. */
export const itemDueSoon = defineMessage<DatedData, ItemAudience>({
  kind: 'deadline_reminder',
  recipients: (_d, a) => [...a.department],
  id: ({ item, date }, to) => `${item._id}:due:${date}:${to}`,
  page: ({ item }) => itemPage(item._id),
  title: () => '办理期限即将到期',
  body: ({ item, date }) => `${item.number} 须于${date}前办结`,
})
