/**
 * 县级设置（管理员工作台）: the county's own directory, its roles over time, Excel import, station
 * codes and the first administrator. Actions of the `directory` function.
 *
 * Who may call each action (shared/api/callers.ts; the county scope is the `directory` permission
 * table, shared/domain/lifecycles/directory.ts: an admin reaches their own county only):
 *
 * | action            | who                                                                       |
 * |-------------------|---------------------------------------------------------------------------|
 * | adminDirectory    | 管理员（本县）: county, townships, all stations incl. inactive, deputies, departments, focus groups |
 * | saveCounty        | 管理员（本县）: name, prefix, townships; creates the county record when absent |
 * | saveStation       | 管理员（本县）: create (code optional → generated) or edit; `active:false` deactivates |
 * | saveDeputy        | 管理员（本县）: create or edit                                                  |
 * | saveDepartment    | 管理员（本县）                                                              |
 * | saveFocusGroup    | 管理员（本县）                                                              |
 * | directoryHistory  | 管理员（本县）: who changed what, when, before → after; one record or the whole county |
 * | listRoles         | 管理员（本县）: who holds which role (identities masked)                     |
 * | revokeRole        | 管理员（本县）: effective on the holder's next request; never the last admin |
 * | listInvitations   | 管理员（本县）: unredeemed, uncancelled codes                                |
 * | cancelInvitation  | 管理员（本县）                                                              |
 * | savePerson        | 管理员（本县）: a 联络站管理员 or 人大工作人员 entry; deactivating ends their roles |
 * | deputyLeavePlan   | 管理员（本县）: a deputy's open items (首问负责) and who may take them over   |
 * | deputyLeave       | 管理员（本县）: each open item handed over (history + notice), then the deputy leaves office |
 * | bootstrapAdmin    | 任何身份 holding the one-time secret WDT_BOOTSTRAP_SECRET: first redeem becomes admin, then never again |
 */
import { z } from 'zod'
import { STATION_KINDS } from '../domain/stations'
import { DEPARTMENT_KINDS } from '../domain/departments'
import { CATEGORY_CODES } from '../domain/categories'
import { isPhotoRef } from '../domain/photos'
import { ROLES } from '../domain/roles'
import { page, pageInput, text, mainlandMobile } from './common'
import { directoryBootstrapActions } from './directory-bootstrap'

/** Directory codes: upper-case letters, digits and '-' (they fit a mini-program code's scene). */
export const directoryCode = (label: string) =>
  z
    .string({ error: `缺少${label}编号` })
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]{2,24}$/, { message: `${label}编号为2至24位字母、数字或“-”` }))

export { countyCodeInput } from './directory-bootstrap'

/** 县人大代表 / 乡镇人大代表: the levels a county directory keeps. */
export const ADMIN_DEPUTY_LEVELS = ['county', 'township'] as const
export type AdminDeputyLevel = (typeof ADMIN_DEPUTY_LEVELS)[number]
export const ADMIN_DEPUTY_LEVEL_LABELS: Record<AdminDeputyLevel, string> = { county: '县人大代表', township: '乡镇人大代表' }

export const DIRECTORY_RECORD_KINDS = ['county', 'station', 'deputy', 'department', 'focus_group', 'person', 'role', 'invitation'] as const
export type DirectoryRecordKind = (typeof DIRECTORY_RECORD_KINDS)[number]
export const DIRECTORY_RECORD_KIND_LABELS: Record<DirectoryRecordKind, string> = {
  county: '县（区）',
  station: '联络站',
  deputy: '代表',
  department: '承办单位',
  focus_group: '专题关注组',
  person: '工作人员',
  role: '角色',
  invitation: '邀请码',
}

const location = z.object({
  latitude: z.number({ error: '纬度应为数字' }).min(-90, { message: '纬度应在-90到90之间' }).max(90, { message: '纬度应在-90到90之间' }),
  longitude: z.number({ error: '经度应为数字' }).min(-180, { message: '经度应在-180到180之间' }).max(180, { message: '经度应在-180到180之间' }),
})

const optionalText = (label: string, max: number) =>
  z
    .string()
    .max(max * 4, { message: `${label}不能超过${max}个字` })
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= max, { message: `${label}不能超过${max}个字` })
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))

// ----- views ------------------------------------------------------------------------------

export const adminCounty = z.object({
  code: z.string(),
  name: z.string(),
  /** Short prefix of human item numbers (XW-2026-0001). */
  prefix: z.string(),
  townships: z.array(z.string()),
  /** The county's 议题类别 in its order (其他 included). */
  categoryCodes: z.array(z.string()),
})
export type AdminCounty = z.infer<typeof adminCounty>

export const adminStation = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  kindLabel: z.string(),
  township: z.string(),
  address: z.string(),
  location: location.nullable(),
  receptionNote: z.string().nullable(),
  active: z.boolean(),
  deputyCodes: z.array(z.string()),
  supervisorCodes: z.array(z.string()),
})
export type AdminStation = z.infer<typeof adminStation>

export const adminDeputy = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  stationCodes: z.array(z.string()),
  focusGroupCodes: z.array(z.string()),
  photoUrl: z.string().nullable(),
  socialPosition: z.string(),
  /** The full number: admins keep the directory. */
  phone: z.string(),
  publishContact: z.boolean(),
  term: z.string().nullable(),
  active: z.boolean(),
  /** A WeChat identity answers to this deputy (an invitation was redeemed). */
  bound: z.boolean(),
})
export type AdminDeputy = z.infer<typeof adminDeputy>

export const adminDepartment = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(DEPARTMENT_KINDS),
  kindLabel: z.string(),
  contact: z.string().nullable(),
  active: z.boolean(),
  /** How many WeChat identities handle its items. */
  handlerCount: z.number().int(),
})
export type AdminDepartment = z.infer<typeof adminDepartment>

export const adminFocusGroup = z.object({
  code: z.string(),
  name: z.string(),
  topics: z.array(z.string()),
  memberCodes: z.array(z.string()),
  active: z.boolean(),
})
export type AdminFocusGroup = z.infer<typeof adminFocusGroup>

/**
 * The people who hold a station's or the congress's working roles: 联络站管理员 (a station's
 * supervisor) and 人大工作人员 (county 代工委 or a township's 人大主席团). Invitations name them;
 * the role follows the entry (its stations, its scope) and ends when it is deactivated.
 */
export const PERSON_ROLES = ['supervisor', 'staff'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = { supervisor: '联络站管理员', staff: '人大工作人员' }
export const STAFF_SCOPES = ['county', 'township'] as const
export const STAFF_SCOPE_LABELS: Record<(typeof STAFF_SCOPES)[number], string> = { county: '县人大常委会', township: '乡镇（街道）人大' }

export const adminPerson = z.object({
  code: z.string(),
  name: z.string(),
  role: z.enum(PERSON_ROLES),
  roleLabel: z.string(),
  /** 职务: 代表工作委员会主任, 城关镇人大主席团专职副主席 … */
  title: z.string().nullable(),
  phone: z.string().nullable(),
  /** A supervisor's stations (none for staff). */
  stationCodes: z.array(z.string()),
  /** Staff only: the whole county or one township. */
  scope: z.enum(STAFF_SCOPES).nullable(),
  township: z.string().nullable(),
  active: z.boolean(),
  /** WeChat identities holding the role of this entry now. */
  holders: z.number().int(),
})
export type AdminPerson = z.infer<typeof adminPerson>

export const adminDirectoryView = z.object({
  county: adminCounty,
  stations: z.array(adminStation),
  deputies: z.array(adminDeputy),
  departments: z.array(adminDepartment),
  focusGroups: z.array(adminFocusGroup),
  people: z.array(adminPerson),
})
export type AdminDirectoryView = z.infer<typeof adminDirectoryView>

/** One field of a change: before → after, both as the admin reads them. */
export const fieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })

export const directoryHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  kind: z.enum(DIRECTORY_RECORD_KINDS),
  kindLabel: z.string(),
  code: z.string(),
  name: z.string(),
  /** create, update, deactivate, reactivate, import, grant, revoke, issue, cancel, handover, bootstrap */
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(fieldChange),
  /** One line: “修改 地址：A → B；名称：C → D”. */
  summary: z.string(),
})
export type DirectoryHistoryEntryView = z.infer<typeof directoryHistoryEntry>

export const roleHolder = z.object({
  /** Opaque: names this binding for revokeRole; reveals no identity. */
  grantId: z.string(),
  /** The identity, masked (o6_x…Ab3F). */
  identity: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  /** 人大代表 王建国 / 联络站管理员（城关镇人大代表联络站）/ 县人大工作人员 … */
  label: z.string(),
  grantedAt: z.string().nullable(),
  /** true for the caller's own binding. */
  self: z.boolean(),
})
export type RoleHolder = z.infer<typeof roleHolder>

export const pendingInvitation = z.object({
  code: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  label: z.string(),
  issuedByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
})

// ----- inputs -----------------------------------------------------------------------------

const townshipName = text('乡镇（街道）名称', 1, 20)

export const saveCountyInput = z.object({
  /** Only when the county record does not exist yet (first set-up after bootstrapAdmin); otherwise the admin's own county. */
  name: text('县（区）名称', 2, 20),
  prefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,4}$/, { message: '事项编号前缀为2至4位大写字母' })
    .optional(),
  townships: z.array(townshipName).min(1, { message: '请至少填写一个乡镇（街道）' }).max(60, { message: '乡镇（街道）不能超过60个' }),
  /** The 议题类别 the county uses, in order; absent = keep (a new county: all). */
  categoryCodes: z.array(z.enum(CATEGORY_CODES, { error: '议题类别不正确' })).min(1, { message: '请至少选择一个议题类别' }).max(CATEGORY_CODES.length).optional(),
})

export const saveStationInput = z.object({
  /** Absent for a new station: one is generated (XWT05 …). */
  code: directoryCode('站点').optional(),
  name: text('站点名称', 2, 40),
  kind: z.enum(STATION_KINDS, { error: '请选择站点类型' }),
  township: townshipName,
  address: text('地址', 2, 80),
  location: location.nullable().optional(),
  receptionNote: optionalText('接待说明', 200),
  active: z.boolean().default(true),
})

export const saveDeputyInput = z.object({
  code: directoryCode('代表').optional(),
  name: text('代表姓名', 2, 20),
  level: z.enum(ADMIN_DEPUTY_LEVELS, { error: '请选择代表层级（县人大代表或乡镇人大代表）' }),
  stationCodes: z.array(directoryCode('站点')).max(10, { message: '所在站点不能超过10个' }),
  focusGroupCodes: z.array(directoryCode('关注组')).max(10, { message: '专题关注组不能超过10个' }).default([]),
  /** A photo this system stored (a CloudBase file ID, or the local server's /files/photos/ path); null removes it. */
  photoUrl: z.string().trim().max(512).refine(isPhotoRef, { message: '照片无效，请重新上传' }).nullable().optional(),
  socialPosition: text('工作单位及职务', 1, 60),
  phone: mainlandMobile,
  /** Separate consent: the phone is shown on the station page only when true. */
  publishContact: z.boolean().default(false),
  /** 届次/任期, e.g. 第十七届（2021—2026）. */
  term: optionalText('届次', 30),
  /**
   * true: a deputy who left office is back (re-elected): on the stations chosen here again. Leaving
   * goes through deputyLeave only, where every open item finds its successor.
   */
  reactivate: z.literal(true).optional(),
})

export const saveDepartmentInput = z.object({
  code: directoryCode('承办单位').optional(),
  name: text('单位名称', 2, 40),
  shortName: optionalText('简称', 12),
  kind: z.enum(DEPARTMENT_KINDS, { error: '请选择单位类型' }),
  /** 联系人及电话, free text (“办公室 0391-7123456”). */
  contact: optionalText('联系方式', 60),
  active: z.boolean().default(true),
})

export const saveFocusGroupInput = z.object({
  code: directoryCode('关注组').optional(),
  name: text('关注组名称', 2, 40),
  topics: z.array(text('关注议题', 1, 30)).max(20, { message: '关注议题不能超过20个' }),
  active: z.boolean().default(true),
})

/** A person's code: as directory codes, and Chinese too (the demo's township staff are XW-STAFF-城关镇). */
const personCode = z
  .string({ error: '缺少人员编号' })
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9\u4e00-\u9fff-]{2,32}$/, { message: '人员编号为2至32位字母、数字、汉字或“-”' }))

export const savePersonInput = z
  .object({
    code: personCode.optional(),
    name: text('姓名', 2, 20),
    role: z.enum(PERSON_ROLES, { error: '请选择人员类别（联络站管理员或人大工作人员）' }),
    title: optionalText('职务', 40),
    phone: mainlandMobile.nullable().optional().transform((s) => s ?? null),
    stationCodes: z.array(directoryCode('站点')).max(10, { message: '管理的站点不能超过10个' }).default([]),
    scope: z.enum(STAFF_SCOPES, { error: '请选择工作范围' }).nullable().optional().transform((s) => s ?? null),
    township: optionalText('乡镇（街道）', 20),
    active: z.boolean().default(true),
  })
  .superRefine((p, ctx) => {
    if (p.role === 'supervisor' && p.stationCodes.length === 0) ctx.addIssue({ code: 'custom', path: ['stationCodes'], message: '请选择管理的站点' })
    if (p.role === 'staff' && !p.scope) ctx.addIssue({ code: 'custom', path: ['scope'], message: '请选择工作范围' })
    if (p.role === 'staff' && p.scope === 'township' && !p.township) ctx.addIssue({ code: 'custom', path: ['township'], message: '请选择乡镇（街道）' })
  })

// ----- 代表离任（换届）: who takes over each open item, then the deputy leaves ------------------

/** One open item the leaving deputy owns (首问负责): enough to choose a successor, not its content. */
export const leaveItem = z.object({
  id: z.string(),
  number: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  categoryLabel: z.string(),
  submittedAt: z.string(),
})
export type LeaveItem = z.infer<typeof leaveItem>

/** A deputy who may take over: active, of this county; those of the same stations first. */
export const leaveCandidate = z.object({ code: z.string(), name: z.string(), stationNames: z.array(z.string()), sameStation: z.boolean() })
export type LeaveCandidate = z.infer<typeof leaveCandidate>

export const deputyLeavePlanView = z.object({
  deputy: adminDeputy,
  items: z.array(leaveItem),
  candidates: z.array(leaveCandidate),
  /** Coming reception sessions the deputy is on duty for (they are taken off the roster). */
  upcomingDuties: z.number().int(),
  /** Of those, the ones left with fewer deputies than they need: staff must add someone. */
  understaffed: z.number().int(),
})
export type DeputyLeavePlanView = z.infer<typeof deputyLeavePlanView>

export const deputyLeaveInput = z.object({
  code: directoryCode('代表'),
  reason: text('离任原因', 2, 60),
  /** One successor per open item (every item of the plan must be named). */
  handovers: z
    .array(z.object({ itemId: z.string().trim().min(1).max(64), toDeputyCode: directoryCode('接替代表') }))
    .max(1000, { message: '一次最多移交1000件事项' })
    .default([]),
})

export const directoryAdminActions = {
  adminDirectory: { input: z.object({}), output: adminDirectoryView },
  saveCounty: { input: saveCountyInput, output: adminCounty },
  saveStation: { input: saveStationInput, output: adminStation },
  saveDeputy: { input: saveDeputyInput, output: adminDeputy },
  saveDepartment: { input: saveDepartmentInput, output: adminDepartment },
  saveFocusGroup: { input: saveFocusGroupInput, output: adminFocusGroup },
  savePerson: { input: savePersonInput, output: adminPerson },
  directoryHistory: {
    input: pageInput.extend({
      /** Both absent: the whole county. */
      kind: z.enum(DIRECTORY_RECORD_KINDS).optional(),
      code: z.string().trim().max(64).optional(),
    }),
    output: page(directoryHistoryEntry),
  },
  listRoles: { input: z.object({ role: z.enum(ROLES).optional() }), output: z.object({ items: z.array(roleHolder) }) },
  revokeRole: {
    input: z.object({ grantId: z.string({ error: '缺少角色编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '角色编号格式不正确' }) }),
    output: z.object({ grantId: z.string(), revokedAt: z.string() }),
  },
  listInvitations: { input: z.object({}), output: z.object({ items: z.array(pendingInvitation) }) },
  cancelInvitation: {
    input: z.object({ code: z.string({ error: '请输入邀请码' }).trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, { message: '邀请码为8位字母或数字' }) }),
    output: z.object({ code: z.string(), cancelledAt: z.string() }),
  },
  deputyLeavePlan: { input: z.object({ code: directoryCode('代表') }), output: deputyLeavePlanView },
  deputyLeave: {
    input: deputyLeaveInput,
    output: z.object({ deputy: adminDeputy, handedOver: z.number().int(), rosterRemoved: z.number().int(), understaffed: z.number().int() }),
  },
  ...directoryBootstrapActions,
} as const
