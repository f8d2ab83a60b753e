/**
 * Who reads which field, in one table: for every relation a reader can have to an item (五单事项),
 * a visit record (接待登记) and a reception session (接待活动), each field is shown whole, masked
 * or hidden. The views in cloudfunctions/_core/views build every response from it, docs/privacy.md
 * is generated from it (scripts/privacy-doc.ts; tests/unit/domain/visibility.test.ts keeps the
 * file equal to the table), and the attack suite checks every answer against it.
 *
 * Whether a reader reaches the record at all is shared/domain/permissions.ts (items) and the
 * access rules of the visit register and the calendar; this table only says how much they see
 * once they do. A reader with several relations (a deputy who also follows an item) sees each
 * field at the most their relations allow.
 */
import type { Actor } from './roles'
import {
  bindingsOf,
  departmentAny,
  departmentPrimary,
  deputyInScope,
  deputyOwns,
  isFollower,
  isResidentSubmitter,
  staffInScope,
  supervisorInScope,
  type ItemScope,
} from './permissions'

export type Visibility = 'whole' | 'masked' | 'hidden'

export const VISIBILITY_LABELS: Record<Visibility, string> = { whole: '完整', masked: '遮盖', hidden: '不显示' }

const RANK: Record<Visibility, number> = { hidden: 0, masked: 1, whole: 2 }
const most = (a: Visibility, b: Visibility): Visibility => (RANK[a] >= RANK[b] ? a : b)

/**
 * A level that depends on the resident's consent: `withConsent` applies when the resident, filing
 * under their name, agreed that the handling department may contact them directly; every read
 * that shows the field whole that way is logged (contact_reads, listed to staff).
 */
export interface ConsentRule {
  level: Visibility
  withConsent: Visibility
  logged: true
}
export type FieldRule = Visibility | ConsentRule

export interface FieldRow<R extends string> {
  label: string
  /** What "masked" and "hidden" show, in words (docs/privacy.md). */
  masked?: string
  hidden?: string
  rules: Record<R, FieldRule>
}

const all = <R extends string>(relations: readonly R[], level: Visibility): Record<R, Visibility> =>
  Object.fromEntries(relations.map((r) => [r, level])) as Record<R, Visibility>

// ---- items ----------------------------------------------------------------------------------

export const ITEM_RELATIONS = [
  'submitter',
  'follower',
  'owning_deputy',
  'other_deputy',
  'department',
  'co_department',
  'staff_in_scope',
  'supervisor',
] as const
export type ItemRelation = (typeof ITEM_RELATIONS)[number]

export const ITEM_RELATION_LABELS: Record<ItemRelation, string> = {
  submitter: '群众本人（提交人）',
  follower: '关注该事项的其他群众',
  owning_deputy: '接单的人大代表（首问负责）',
  other_deputy: '本站、本关注组的其他代表',
  department: '主办承办单位',
  co_department: '协办单位',
  staff_in_scope: '职责范围内的人大工作人员（本乡镇或全县）',
  supervisor: '本站联络站管理员',
}

const departmentContact: ConsentRule = { level: 'masked', withConsent: 'whole', logged: true }

/**
 * Who sees a resident's contact (name, phone, their name in the history): whole for the submitter,
 * the owning deputy, staff in scope and the supervisor; masked for other deputies and
 * co-departments; the department by the resident's consent; followers as given.
 */
const contactRules = (follower: Visibility): Record<ItemRelation, FieldRule> => ({
  submitter: 'whole',
  follower,
  owning_deputy: 'whole',
  other_deputy: 'masked',
  department: departmentContact,
  co_department: 'masked',
  staff_in_scope: 'whole',
  supervisor: 'whole',
})

/** Personal data of an item and who sees it how. Every other field of the detail is whole for every reader. */
export const ITEM_PERSONAL_FIELDS = {
  contactName: {
    label: '称呼',
    masked: '只显示第一个字（张**）',
    hidden: '不显示',
    rules: contactRules('hidden'),
  },
  contactPhone: {
    label: '手机号',
    masked: '隐去中间四位（139****5678）',
    hidden: '不显示',
    rules: contactRules('masked'),
  },
  photos: {
    label: '照片',
    hidden: '不显示',
    rules: { ...all(ITEM_RELATIONS, 'whole'), follower: 'hidden' },
  },
  historyResidentNames: {
    label: '进展记录中群众的称呼',
    masked: '只显示第一个字（张**）',
    hidden: '只显示身份（“群众”）',
    rules: contactRules('hidden'),
  },
  historyResidentNotes: {
    label: '进展记录中群众写的说明（评价、撤回原因）',
    hidden: '不显示',
    rules: { ...all(ITEM_RELATIONS, 'whole'), follower: 'hidden' },
  },
  historyOfficialNames: {
    label: '进展记录中代表、工作人员的姓名',
    hidden: '只显示身份（如“人大代表”“承办单位”）',
    rules: { ...all(ITEM_RELATIONS, 'whole'), follower: 'hidden' },
  },
  residentRating: {
    label: '提交人的评价',
    masked: '只显示满意程度，不显示评价内容',
    rules: { ...all(ITEM_RELATIONS, 'whole'), follower: 'masked' },
  },
} satisfies Record<string, FieldRow<ItemRelation>>
export type ItemPersonalField = keyof typeof ITEM_PERSONAL_FIELDS

/**
 * The detail's fields that carry no personal data, whole for everyone who may see the item.
 * (tests/unit/domain/visibility.test.ts checks that these and ITEM_PERSONAL_FIELDS together
 * name every field of suggestion.get's answer.)
 */
export const ITEM_PLAIN_FIELDS = [
  'id', 'number', 'stationCode', 'stationName', 'excerpt', 'categoryCode', 'categoryLabel', 'state', 'stateLabel',
  'createdAt', 'updatedAt', 'content', 'channel', 'channelLabel', 'anonymous', 'history', 'township', 'gradeLabel',
  'followerCount', 'following', 'ownerDeputyName', 'answer', 'escalationTarget', 'departmentName', 'coDepartmentNames',
  'requirements', 'deadline', 'overdue', 'extension', 'resolution', 'deputyRating', 'verifiedWithoutRating',
  'reopenCount', 'mergedIntoId', 'referralReason', 'held', 'allowedActions',
] as const

/** What a resident sees of other people's items before filing (suggestion.similar): never a number or a name. */
export const SIMILAR_ITEM_FIELDS = ['id', 'excerpt', 'stateLabel', 'followerCount', 'score'] as const

/** What decides the consent rules of one item. */
export interface ItemFacts {
  /** Filed under a name, with a phone, and the resident agreed the department may contact them. */
  contactConsent: boolean
}

/** Every relation the actor has to the item (several at once are possible). */
export function itemRelations(actor: Actor, item: ItemScope): ItemRelation[] {
  const out = new Set<ItemRelation>()
  for (const b of bindingsOf(actor)) {
    switch (b.role) {
      case 'resident':
        if (isResidentSubmitter(actor.openid, item)) out.add('submitter')
        else if (isFollower(actor.openid, item) || item.isPublic === true) out.add('follower')
        break
      case 'deputy':
        if (deputyOwns(b, item)) out.add('owning_deputy')
        else if (deputyInScope(b, item)) out.add('other_deputy')
        break
      case 'department':
        if (departmentPrimary(b, item)) out.add('department')
        else if (departmentAny(b, item)) out.add('co_department')
        break
      case 'staff':
        if (staffInScope(b, item)) out.add('staff_in_scope')
        break
      case 'supervisor':
        if (supervisorInScope(b, item)) out.add('supervisor')
        break
    }
  }
  return [...out]
}

export interface FieldReading<F extends string> {
  levels: Record<F, Visibility>
  /** Fields shown whole only because of the resident's consent: each such read is logged. */
  logged: F[]
}

function read<R extends string, F extends string>(rows: Record<F, FieldRow<R>>, relations: readonly R[], consent: boolean): FieldReading<F> {
  const levels = {} as Record<F, Visibility>
  const logged: F[] = []
  for (const field of Object.keys(rows) as F[]) {
    let level: Visibility = 'hidden'
    let withoutConsent: Visibility = 'hidden'
    for (const relation of relations) {
      const rule: FieldRule = rows[field].rules[relation]
      const plain: Visibility = typeof rule === 'string' ? rule : rule.level
      const granted: Visibility = typeof rule !== 'string' && consent ? most(plain, rule.withConsent) : plain
      level = most(level, granted)
      withoutConsent = most(withoutConsent, plain)
    }
    levels[field] = level
    if (RANK[level] > RANK[withoutConsent]) logged.push(field)
  }
  return { levels, logged }
}

/** How much of an item's personal data a reader with these relations sees. No relation: nothing. */
export function itemVisibility(relations: readonly ItemRelation[], facts: ItemFacts): FieldReading<ItemPersonalField> {
  return read(ITEM_PERSONAL_FIELDS, relations, facts.contactConsent)
}

// ---- visit records ---------------------------------------------------------------------------

export const VISIT_RELATIONS = ['station_supervisor', 'staff_in_scope', 'station_deputy'] as const
export type VisitRelation = (typeof VISIT_RELATIONS)[number]

export const VISIT_RELATION_LABELS: Record<VisitRelation, string> = {
  station_supervisor: '本站联络站管理员（登记人）',
  staff_in_scope: '职责范围内的人大工作人员（本乡镇或全县）',
  station_deputy: '本站代表',
}

/** How a record is read: the record itself (and the callback work lists, exports), or in a list. */
export type VisitReadingContext = 'record' | 'list'

export const VISIT_PERSONAL_FIELDS = {
  visitorName: { label: '来访人姓名', masked: '只显示第一个字（张**）', rules: { station_supervisor: 'whole', staff_in_scope: 'whole', station_deputy: 'masked' } },
  visitorPhone: { label: '来访人电话', masked: '隐去中间四位', rules: { station_supervisor: 'whole', staff_in_scope: 'whole', station_deputy: 'masked' } },
  visitorVillage: { label: '来访人村（社区）', masked: '只保留首尾两字（东*村）', rules: { station_supervisor: 'whole', staff_in_scope: 'whole', station_deputy: 'masked' } },
} satisfies Record<string, FieldRow<VisitRelation>>
export type VisitPersonalField = keyof typeof VISIT_PERSONAL_FIELDS

/** In any list of records every reader sees the visitor masked; the record itself follows the table. */
export const VISIT_LIST_CAP: Visibility = 'masked'

export function visitVisibility(relations: readonly VisitRelation[], context: VisitReadingContext): Record<VisitPersonalField, Visibility> {
  const { levels } = read(VISIT_PERSONAL_FIELDS, relations, false)
  if (context === 'list') for (const f of Object.keys(levels) as VisitPersonalField[]) if (RANK[levels[f]] > RANK[VISIT_LIST_CAP]) levels[f] = VISIT_LIST_CAP
  return levels
}

// ---- reception sessions ----------------------------------------------------------------------

export const SESSION_RELATIONS = ['managing_staff', 'concerned', 'public'] as const
export type SessionRelation = (typeof SESSION_RELATIONS)[number]

export const SESSION_RELATION_LABELS: Record<SessionRelation, string> = {
  managing_staff: '职责范围内的人大工作人员（安排活动的人）',
  concerned: '本县其他人大工作人员、本站代表、值班代表、本站联络站管理员',
  public: '其他人（只能看到公开的接待日、主题接待日、网上接待）',
}

export const SESSION_INTERNAL_FIELDS = {
  notes: { label: '活动记录', hidden: '不显示', rules: { managing_staff: 'whole', concerned: 'whole', public: 'hidden' } },
  followUpSuggestionIds: { label: '关联的五单事项', hidden: '不显示', rules: { managing_staff: 'whole', concerned: 'whole', public: 'hidden' } },
  attendance: { label: '代表到场签到', hidden: '不显示', rules: { managing_staff: 'whole', concerned: 'whole', public: 'hidden' } },
} satisfies Record<string, FieldRow<SessionRelation>>
export type SessionInternalField = keyof typeof SESSION_INTERNAL_FIELDS

export function sessionVisibility(relation: SessionRelation): Record<SessionInternalField, Visibility> {
  return read(SESSION_INTERNAL_FIELDS, [relation], false).levels
}

/** The rule of a field for one relation, in words (docs/privacy.md). */
export function ruleText(row: FieldRow<string>, relation: string): string {
  const rule: FieldRule = row.rules[relation]
  const words = (v: Visibility) => (v === 'masked' && row.masked ? `遮盖：${row.masked}` : v === 'hidden' && row.hidden ? row.hidden : VISIBILITY_LABELS[v])
  if (typeof rule === 'string') return words(rule)
  return `群众同意承办单位联系时${words(rule.withConsent)}（每次读取留痕），否则${words(rule.level)}`
}
