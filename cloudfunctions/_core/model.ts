/**
 * The documents the backend stores. Only repositories read and write them; use cases map them
 * to the shared API shapes through ./views.
 */
import type { DepartmentKind } from '@shared/domain/departments'
import type { LifecycleHistoryEntry } from '@shared/domain/lifecycle'
import type { Role, RoleBinding } from '@shared/domain/roles'
import type { StationKind } from '@shared/domain/stations'
import type { Channel, EscalationTarget, ExtensionStatus, ModerationStatus, SuggestionState } from '@shared/domain/states'
import type { ActorRole, Rating, ResolutionOutcome, SuggestionEvent } from '@shared/domain/transitions'
import type { AssignmentRoute, CallbackOutcome, ProblemSource, ProblemStatus, VisitHandling, VisitOpinion, VisitStatus } from '@shared/domain/visits'
import type { OutboxStatus, SessionStatus as SessionStatusCode, TemplateKind } from '@shared/domain/sessions'

/**
 * What a history entry records: 点单 (the item's first entry), a step of the transition table, or
 * 放行 (moderation release: a row of the item's lifecycle table, ITEM_LIFECYCLE, that changes no state).
 */
export type HistoryEventName = 'submit' | SuggestionEvent | 'release'

/**
 * One step of a record's lifecycle (sessions, visit records, problems, callbacks, invitations),
 * kept in the record's `history` array by the lifecycle runner (runtime/run-lifecycle.ts): the
 * same entry shape as an item's history. Absent on records written before it existed.
 */
export type RecordHistoryEntry = LifecycleHistoryEntry

export interface CountyDoc {
  _id: string
  code: string
  name: string
  /** Short prefix used in human item numbers, e.g. XW. */
  prefix: string
  holidayRule: string
  townships: string[]
  /** The categories the county uses, in its order (shared/domain/county-categories.ts); absent = all. */
  categoryCodes?: string[]
  /** Moves with every admin grant or revocation: guards "never the last admin" (usecases/directory/admin/roles.ts). */
  rolesVersion?: number
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
  /** false once an admin deactivated it (never deleted: items and sessions refer to it); absent = in use. */
  active?: boolean
  location?: { latitude: number; longitude: number } | null
  /** 接待说明 on the station page (e.g. 每月第一周周二上午). */
  receptionNote?: string | null
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
  /** false after 换届 / leaving office (deactivateDeputy); absent = serving. */
  active?: boolean
  /** 届次/任期. */
  term?: string | null
}

export interface DepartmentDoc {
  _id: string
  code: string
  name: string
  kind: DepartmentKind
  countyCode: string
  /** Bound WeChat identities of the department's handlers, for reminders. */
  openids: string[]
  shortName?: string | null
  /** 联系人及电话, free text. */
  contact?: string | null
  /** false once deactivated: no longer offered for dispatch; absent = in use. */
  active?: boolean
}

/** 专题关注组: its members are the deputies whose focusGroupCodes name it. */
/** A 联络站管理员 or 人大工作人员 of the county (县级设置 → 工作人员): the entry their invitation names. */
export interface PersonDoc {
  _id: string
  code: string
  countyCode: string
  name: string
  role: 'supervisor' | 'staff'
  title: string | null
  phone: string | null
  /** A supervisor's stations; [] for staff. */
  stationCodes: string[]
  /** Staff: the whole county or one township; null for supervisors. */
  scope: 'county' | 'township' | null
  township: string | null
  active: boolean
}

export interface FocusGroupDoc {
  _id: string
  code: string
  name: string
  countyCode: string
  topics: string[]
  active: boolean
}

/**
 * One change of the county's directory (县级设置 变更历史): who, when, which record, before → after.
 * Written in the same commit as the change itself.
 */
export interface DirectoryChangeDoc {
  _id: string
  countyCode: string
  kind: 'county' | 'station' | 'deputy' | 'department' | 'focus_group' | 'person' | 'role' | 'invitation'
  code: string
  name: string
  action: 'create' | 'update' | 'deactivate' | 'reactivate' | 'grant' | 'revoke' | 'issue' | 'cancel' | 'handover' | 'bootstrap'
  changes: Array<{ field: string; label: string; before: string | null; after: string | null }>
  actorOpenid: string | null
  actorName: string
  at: string
}

/**
 * A role held by an identity in a county, over time: written when an invitation is redeemed (or
 * the demo is seeded, or the bootstrap secret used), marked revoked when an admin removes it.
 * `_id` (grantId) is derived from identity and binding; it names the grant without revealing either.
 */
export interface RoleGrantDoc {
  _id: string
  countyCode: string
  openid: string
  role: Role
  binding: RoleBinding
  label: string
  displayName: string | null
  grantedAt: string
  /** null while held; the revocation time after. */
  revokedAt: string | null
  revokedBy: string | null
}

/** Wrong invitation codes (or bootstrap secrets) of one identity in one 15-minute window. */
export interface AttemptDoc {
  _id: string
  openid: string
  count: number
  windowStart: string
}

export interface UserDoc {
  _id: string // OPENID
  displayName: string | null
  bindings: RoleBinding[]
  createdAt: string
}

export interface HistoryEvent {
  at: string
  event: HistoryEventName
  from: SuggestionState | null
  to: SuggestionState
  actorOpenid: string | null
  actorName: string
  role: ActorRole
  note: string | null
}

export interface RatingRecord {
  rating: Rating
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
  kind: TemplateKind
  title: string
  body: string
  page: string | null
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
  /** While `sending`: until when the delivery run that took it may still record the answer. */
  leaseUntil?: string | null
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
  /** The resident agreed that the handling department may contact them (absent on older items: no). */
  contactConsent?: boolean
  clientRequestId: string
  /** pass: visible to deputies; held: waiting for a human content review. */
  moderation: ModerationStatus
  state: SuggestionState
  ownerDeputyCode: string | null
  departmentCode: string | null
  coDepartmentCodes: string[]
  reopenCount: number
  followerCount: number
  ownerDeputyName: string | null
  answer: string | null
  escalationTarget: EscalationTarget | null
  departmentName: string | null
  coDepartmentNames: string[]
  requirements: string | null
  /** Working-day deadline, 'YYYY-MM-DD' in Asia/Shanghai; the item is overdue after this day. */
  deadline: string | null
  /** The working days staff gave at dispatch; a reopened item gets the same time again. */
  dispatchWorkdays: number | null
  /** Kept up to date by the overdue timer so boards can filter on an index. */
  overdue: boolean
  extension: { workdays: number; reason: string; status: ExtensionStatus } | null
  resolution: { reply: string; outcome: ResolutionOutcome; promisedDate: string | null; at: string } | null
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

/**
 * One read of a resident's name and phone by a department, shown whole only because the resident
 * agreed to be contacted (shared/domain/visibility.ts): the trail staff can check.
 */
export interface ContactReadDoc {
  _id: string
  suggestionId: string
  countyCode: string
  township: string
  departmentCode: string | null
  readerOpenid: string
  readerName: string
  via: string
  fields: string[]
  at: string
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
  /** An admin voided it before anyone redeemed it. */
  cancelledAt?: string | null
  /** Its redemption or cancellation, by the lifecycle runner. */
  history?: RecordHistoryEntry[]
}

// reception (issue 5) ------------------------------------------------------------------------

/** 接待活动的类型: reception days (from a rule or thematic), online windows, and the other meetings. */
export type SessionKind = 'reception' | 'thematic' | 'online' | 'meeting' | 'inspection' | 'focus_group'
export type SessionStatus = SessionStatusCode
export type OfficialKind = 'department_head' | 'judge' | 'prosecutor' | 'other'

/** “四进站”: a department head, judge or prosecutor invited to a session. */
export interface InvitedOfficial {
  name: string
  title: string
  kind: OfficialKind
  /** When given, the department's bound identities receive the reminders. */
  departmentCode: string | null
}

/** A county's calendar settings (`_id` = county code); missing → defaults from the county doc. */
export interface ReceptionSettingsDoc {
  _id: string
  countyCode: string
  holidayRule: 'next_workday' | 'previous_workday' | 'skip'
  useAdjustedWorkdays: boolean
  /** Deputies are reminded this many days before (and again 1 day before). */
  reminderDaysBefore: number
  updatedAt: string
  updatedBy: string | null
}

/**
 * A station's calendar rule in one slot (`_id` = `${stationCode}:${slot}`): `in_person` holds the
 * weekly or monthly rule, `online` the online reception window. `rule: null` means staff cleared
 * it (so the seed rule of the station no longer applies).
 */
export interface ReceptionRuleDoc {
  _id: string
  stationCode: string
  countyCode: string
  township: string
  slot: 'in_person' | 'online'
  /** A parsed ReceptionRule (shared/domain/reception/rules.ts), defaults filled in. */
  rule: Record<string, unknown> | null
  updatedAt: string
  updatedBy: string | null
}

/**
 * One reception session or other meeting. Generated sessions have the id
 * `${stationCode}-${originalDate as YYYYMMDD}-${kind}` so generating twice writes nothing new.
 */
export interface ReceptionSessionDoc {
  _id: string
  version: number
  kind: SessionKind
  source: 'rule' | 'manual'
  countyCode: string
  /** Township of the station (or of the staff who created a county meeting); null = county level. */
  township: string | null
  stationCode: string | null
  stationName: string | null
  /** Where it takes place: the station's address, or free text for meetings. */
  place: string
  date: string
  /** The date the rule named before any holiday move (= date for manual sessions). */
  originalDate: string
  startTime: string
  endTime: string
  theme: string | null
  deputyCodes: string[]
  /** The rule's number of deputies on duty: an edit may not go below it. */
  minDeputies: number
  invitedOfficials: InvitedOfficial[]
  announcement: string | null
  /** Other participants by name (meetings, inspections). */
  participants: string[]
  topics: string[]
  notes: string | null
  /** Five-order items that came out of (or are followed up at) this session. */
  followUpSuggestionIds: string[]
  status: SessionStatus
  cancelReason: string | null
  /** false = 待确认: the year's holiday data is not published yet. */
  confirmed: boolean
  unconfirmedReason: string | null
  moved: boolean
  moveReason: string | null
  /** Staff changed it by hand: regeneration no longer refreshes its date. */
  edited: boolean
  heldAt: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
  /** 标记已举行 / 取消, by the lifecycle runner. */
  history?: RecordHistoryEntry[]
}

/** A deputy on duty at one session (`_id` = `${sessionId}:${deputyCode}`), for per-deputy queries. */
export interface ReceptionDutyDoc {
  _id: string
  sessionId: string
  deputyCode: string
  countyCode: string
  stationCode: string | null
  kind: SessionKind
  date: string
  startTime: string
  endTime: string
  status: SessionStatus
}

/** 代表亮码进站: a deputy's attendance at one session (`_id` = `${sessionId}:${deputyCode}`). */
export interface ReceptionAttendanceDoc {
  _id: string
  sessionId: string
  deputyCode: string
  countyCode: string
  stationCode: string | null
  date: string
  checkedInAt: string
  source: 'check_in' | 'staff'
  recordedBy: string
}

/** A resident who asked to be reminded of a session (`_id` = `${sessionId}:${openid}`). */
export interface ReceptionSubscriberDoc {
  _id: string
  sessionId: string
  openid: string
  createdAt: string
}

/**
 * Subscribe-message credits of one identity for one template kind (`_id` = `${openid}:${kind}`):
 * each one-time accept adds one, each reminder queued uses one; long-term templates need none.
 */
export interface SubscriptionDoc {
  _id: string
  openid: string
  kind: OutboxDoc['kind']
  credits: number
  longTerm: boolean
  lastAcceptedAt: string | null
  lastNoCreditAt: string | null
}

// stats (issue 7) ----------------------------------------------------------------------------

/**
 * One counter row (`_id` derived from the tuple, see usecases/stats/record.ts): the figures of
 * one scope ('*' = the whole county, or one township's own items), one month (Asia/Shanghai)
 * and one key of one dimension. Kept by the use cases with `increment`, never recomputed.
 */
export type StatsCounterDoc = {
  _id: string
  countyCode: string
  scope: string
  month: string
  dimension: import('@shared/domain/stats').StatsDimension
  key: string
} & Partial<import('@shared/domain/stats').Counts>

/**
 * What one committed step of an item added to the counters (`_id` = item id:v<version>),
 * written in the same transaction as the step and the counters: the record the counter
 * reconciliation recounts from.
 */
export interface StatsLedgerDoc {
  _id: string
  countyCode: string
  itemId: string
  version: number
  at: string
  rows: Array<{ key: import('./repos/stats-repo').CounterKey; by: Record<string, number> }>
}

/** A deputy's latest comment on how one item was handled (`_id` = item id), for the evaluation. */
export interface StatsCommentDoc {
  _id: string
  countyCode: string
  township: string
  /** 'YYYY' of the rating, Asia/Shanghai. */
  year: string
  departmentCode: string
  deputyCode: string | null
  deputyName: string | null
  itemNumber: string
  rating: RatingRecord['rating']
  comment: string
  at: string
}

/**
 * A frozen year (`_id` = `${countyCode}:${year}`): the evaluation as it stood when staff froze it.
 * From then on no counter of that year moves, and evaluation reads come from here.
 */
export interface StatsSnapshotDoc {
  _id: string
  countyCode: string
  year: number
  frozenAt: string
  frozenBy: string
  frozenByName: string
  /** The evaluation output (shared/api/stats.ts `evaluationView`) at freezing time. */
  evaluation: Record<string, unknown>
}

// visit register (issue 6) -------------------------------------------------------------------

/**
 * One visit record (接待登记, `_id` = hash of the supervisor's OPENID and the draft's clientId, so a
 * draft synced twice lands on the same record). One visitor or group, one matter. A 交办单 links
 * the five-order item it created; the 办理结果 of such a record is read from the item until the
 * record is closed, when it is frozen into `result`.
 */
export interface VisitRecordDoc {
  _id: string
  version: number
  clientId: string
  /** The draft's edit counter this record reflects (an update carrying the same one is absorbed). */
  clientRevision: number
  countyCode: string
  township: string
  stationCode: string
  stationName: string
  /** null: an ad hoc visit (临时接待). */
  sessionId: string | null
  visitedAt: string
  /** 'YYYY-MM-DD' in Asia/Shanghai, for the day of the visit. */
  visitDate: string
  deputyCodes: string[]
  deputyNames: string[]
  visitorCount: number
  /** Personal data; null once the retention period erased it. */
  visitor: { name: string; phone: string; village: string | null } | null
  visitorErasedAt: string | null
  matter: string
  categoryCode: string
  handling: VisitHandling
  answer: string | null
  assignment: {
    route: AssignmentRoute
    targetName: string
    departmentCode: string | null
    suggestionId: string
    suggestionNumber: string
    issuedAt: string
  } | null
  /** 办理结果 frozen when the record closed (on the spot: the answer). */
  result: string | null
  resultAt: string | null
  opinion: { rating: VisitOpinion; note: string | null; at: string; by: string; byName: string } | null
  /** Earlier opinions that sent the item back for re-handling (不满意 → 重新办理). */
  opinionHistory: Array<{ rating: VisitOpinion; note: string | null; at: string; byName: string; reopened: boolean }>
  status: VisitStatus
  closedAt: string | null
  closedBy: string | null
  closedByName: string | null
  recordedBy: string
  recordedByName: string
  createdAt: string
  updatedAt: string
  /** 办结, by the lifecycle runner (never the visitor's name or phone). */
  history?: RecordHistoryEntry[]
}

/** One draw of records for callbacks (抽查回访). */
export interface VisitSpotCheckDoc {
  _id: string
  countyCode: string
  /** null: drawn over the whole county. */
  township: string | null
  stationCode: string | null
  from: string
  to: string
  size: number
  poolSize: number
  recordIds: string[]
  drawnBy: string
  drawnByName: string
  drawnAt: string
}

/** One drawn record waiting for (or with) its callback (`_id` = `${spotCheckId}:${recordId}`). */
export interface VisitCallbackDoc {
  _id: string
  spotCheckId: string
  recordId: string
  countyCode: string
  township: string
  stationCode: string
  drawnAt: string
  drawnByName: string
  from: string
  to: string
  status: 'pending' | 'done'
  outcome: CallbackOutcome | null
  rating: VisitOpinion | null
  note: string | null
  calledAt: string | null
  calledBy: string | null
  calledByName: string | null
  /** 登记回访, by the lifecycle runner. */
  history?: RecordHistoryEntry[]
}

/** One entry of the problem list (问题清单) with its owner and status. */
export interface VisitProblemDoc {
  _id: string
  version: number
  countyCode: string
  township: string | null
  stationCode: string | null
  stationName: string | null
  title: string
  description: string | null
  owner: string
  dueDate: string | null
  source: ProblemSource
  recordId: string | null
  status: ProblemStatus
  resolution: string | null
  createdBy: string
  createdByName: string
  createdAt: string
  resolvedAt: string | null
  resolvedBy: string | null
  resolvedByName: string | null
  /** 整改销号, by the lifecycle runner. */
  history?: RecordHistoryEntry[]
}

/** A county's visit-register settings (`_id` = county code); missing → defaults. */
export interface VisitSettingsDoc {
  _id: string
  countyCode: string
  retentionMonths: number
  updatedAt: string
  updatedBy: string
}
