/**
 * The documents the backend stores. Only repositories read and write them; use cases map them
 * to the shared API shapes through ./views.
 */
import type { RoleBinding } from '@shared/domain/roles'
import type { StationKind } from '@shared/domain/stations'
import type { Channel, SuggestionState } from '@shared/domain/states'

export interface CountyDoc {
  _id: string
  code: string
  name: string
  /** Short prefix used in human item numbers, e.g. XW. */
  prefix: string
  holidayRule: string
  townships: string[]
}

export interface ReceptionRule {
  kind: 'weekly' | 'monthly_first_week'
  weekday: number
  deputiesPerSession?: number
  note?: string
}

export interface StationDoc {
  _id: string
  code: string
  name: string
  kind: StationKind
  countyCode: string
  township: string
  address: string
  receptionRule: ReceptionRule | null
  deputyCodes: string[]
  supervisorCodes: string[]
}

export type DeputyLevel = 'national' | 'provincial' | 'city' | 'county' | 'township'

export interface DeputyDoc {
  _id: string
  code: string
  name: string
  level: DeputyLevel
  socialPosition: string
  countyCode: string
  stationCodes: string[]
  focusGroupCodes: string[]
  phone: string
  /** The deputy agreed to publish the contact number on the station page. */
  publishContact: boolean
  photoUrl: string | null
  /** The deputy's bound WeChat identity, for reminders; null until bound. */
  openid: string | null
}

export interface DepartmentDoc {
  _id: string
  code: string
  name: string
  kind: 'government' | 'court' | 'procuratorate' | 'township_government'
  countyCode: string
  /** Bound WeChat identities of the department's handlers, for reminders. */
  openids: string[]
}

export interface UserDoc {
  _id: string // OPENID
  displayName: string | null
  bindings: RoleBinding[]
  createdAt: string
}

export interface HistoryEvent {
  at: string
  event: string
  from: SuggestionState | null
  to: SuggestionState
  actorOpenid: string | null
  actorName: string
  role: string
  note: string | null
}

export interface RatingRecord {
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'
  comment: string | null
  at: string
}

/** One resident following one item (the submitter follows their own item too). */
export interface FollowDoc {
  _id: string // `${suggestionId}:${openid}`
  suggestionId: string
  openid: string
  createdAt: string
}

/**
 * A message waiting to be sent (outbox pattern): use cases only enqueue; a sender delivers
 * (WeChat subscribe message in production, nothing but a status change locally).
 * `_id` is the idempotency key: the same reminder is never queued twice.
 */
export interface OutboxDoc {
  _id: string
  toOpenid: string
  kind: 'item_update' | 'deadline_reminder' | 'overdue' | 'reception_reminder'
  title: string
  body: string
  page: string | null
  status: 'queued' | 'sent' | 'failed' | 'no_credit'
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

export interface SuggestionDoc {
  _id: string
  version: number
  number: string
  countyCode: string
  township: string
  stationCode: string
  stationName: string
  focusGroupCode: string | null
  channel: Channel
  content: string
  categoryCode: string | null
  grade: string | null
  photos: string[]
  location: { latitude: number; longitude: number; address?: string } | null
  anonymous: boolean
  submitterOpenid: string
  contactName: string | null
  contactPhone: string | null
  clientRequestId: string
  /** pass: visible to deputies; held: waiting for a human content review. */
  moderation: 'pass' | 'held'
  state: SuggestionState
  ownerDeputyCode: string | null
  departmentCode: string | null
  coDepartmentCodes: string[]
  reopenCount: number
  followerCount: number
  ownerDeputyName: string | null
  answer: string | null
  escalationTarget: 'county' | 'township' | null
  departmentName: string | null
  coDepartmentNames: string[]
  requirements: string | null
  /** Working-day deadline, 'YYYY-MM-DD' in Asia/Shanghai; the item is overdue after this day. */
  deadline: string | null
  /** The working days staff gave at dispatch; a reopened item gets the same time again. */
  dispatchWorkdays: number | null
  /** Kept up to date by the overdue timer so boards can filter on an index. */
  overdue: boolean
  extension: { workdays: number; reason: string; status: 'pending' | 'approved' | 'rejected' } | null
  resolution: { reply: string; outcome: 'solved' | 'planned' | 'explained'; promisedDate: string | null; at: string } | null
  residentRating: RatingRecord | null
  deputyRating: RatingRecord | null
  verifiedWithoutRating: boolean
  mergedIntoId: string | null
  referralReason: string | null
  /** Arrived on a 交办单 from a reception visit: staff may dispatch it without an escalation. */
  viaAssignmentForm: boolean
  /** Last day the resident may rate before the timer closes the item as verified without rating. */
  ratingDueDate: string | null
  /** For 列入计划逐步解决: the promised date, on which the timer asks for a follow-up. */
  followUpDate: string | null
  milestones: Record<string, string>
  history: HistoryEvent[]
  createdAt: string
  updatedAt: string
}

/** A one-time invitation code (_id) that binds a role to whoever redeems it first. */
export interface InvitationDoc {
  _id: string
  countyCode: string
  binding: RoleBinding
  label: string
  issuedBy: string
  expiresAt: string
  redeemedBy: string | null
  redeemedAt: string | null
  createdAt: string
}
