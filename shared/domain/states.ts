/**
 * The states of a suggestion (意见建议) in the five-order loop. docs/states.md describes each
 * in prose; the transition table in ./transitions.ts is the only place that moves between them.
 */
export const SUGGESTION_STATES = [
  'submitted',
  'accepted',
  'answered',
  'escalated',
  'dispatched',
  'in_progress',
  'resolved',
  'verified',
  'withdrawn',
  'merged',
  'referred',
] as const
export type SuggestionState = (typeof SUGGESTION_STATES)[number]

export const STATE_LABELS: Record<SuggestionState, string> = {
  submitted: '已点单',
  accepted: '已接单',
  answered: '已即时答复',
  escalated: '已提交人大',
  dispatched: '已派单',
  in_progress: '办理中',
  resolved: '已销单',
  verified: '已验单',
  withdrawn: '已撤回',
  merged: '已并案',
  referred: '转法定途径',
}

/** States after which nothing more happens to the item itself. */
export const FINAL_STATES: readonly SuggestionState[] = ['verified', 'withdrawn', 'merged', 'referred']
/** Still being worked on: nobody has closed, answered or resolved them yet (similar items, clusters, Open311 `open`). */
export const OPEN_STATES: readonly SuggestionState[] = ['submitted', 'accepted', 'escalated', 'dispatched', 'in_progress']
/** With the handling department, where deadlines run (超期, 期限提醒). */
export const WITH_DEPARTMENT_STATES = ['dispatched', 'in_progress'] as const satisfies readonly SuggestionState[]

/** Colour family for a state chip; the page maps it to a theme colour. */
export type StateTone = 'waiting' | 'working' | 'done' | 'closed'
export const STATE_TONES: Record<SuggestionState, StateTone> = {
  submitted: 'waiting',
  accepted: 'working',
  answered: 'done',
  escalated: 'working',
  dispatched: 'working',
  in_progress: 'working',
  resolved: 'done',
  verified: 'done',
  withdrawn: 'closed',
  merged: 'closed',
  referred: 'closed',
}

/** 内容审核: `held` text waits for staff to release it before deputies may see it. */
export const MODERATION_STATUSES = ['pass', 'held'] as const
export type ModerationStatus = (typeof MODERATION_STATUSES)[number]

/** 提交人大: to the county standing committee or the township presidium. */
export const ESCALATION_TARGETS = ['county', 'township'] as const
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number]

/** A department's request for more time (延期申请) and staff's decision on it. */
export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number]

export const CHANNELS = ['qr_code', 'reception_day', 'deputy_visit', 'online_reception'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, string> = {
  qr_code: '扫码点单',
  reception_day: '代表接待日',
  deputy_visit: '代表走访',
  online_reception: '网上代表接待日',
}

/** What the resident reads under the state chip on their item (docs/states.md, “群众看到”). */
export const STATE_RESIDENT_TEXT: Record<SuggestionState, string> = {
  submitted: '您的意见已送达联络站，等待代表接单。接单前您可以撤回。',
  accepted: '代表已接单，正在了解情况，将当场答复或提交人大。',
  answered: '代表已经答复，请查看答复内容并评价。',
  escalated: '代表已将您的意见提交人大，等待交办给承办单位。',
  dispatched: '人大已交办承办单位，并明确了办理时限。',
  in_progress: '承办单位已签收，正在办理。',
  resolved: '承办单位已办结并答复，请查看办理结果并评价。',
  verified: '本事项已办结验单，感谢您的参与。',
  withdrawn: '您已撤回本事项。',
  merged: '本事项与其他群众反映的同一问题合并办理，您会收到合并后事项的进展。',
  referred: '本事项属于诉讼、信访等法定途径处理的事项，代表已记录并告知办理途径。',
}
