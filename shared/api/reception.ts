/**
 * The `reception` function: calendar rules and settings, sessions (接待日 and the other meetings),
 * duty, check-in, reminders, online reception windows, ICS feeds and posters.
 */
import { z } from 'zod'
import { HOLIDAY_POLICIES, ReceptionRuleSchema } from '../domain/reception/rules'
import { isValidDate, isValidTime, timeToMinutes } from '../domain/reception/dates'
import {
  OFFICIAL_KINDS,
  SESSION_KINDS,
  SESSION_STATUSES,
  STATION_SESSION_KINDS,
  TEMPLATE_KINDS,
} from '../domain/sessions'
import { clientRequestId, entityId, page, pageInput, stationCode, text } from './common'
import { recordHistoryEntry } from './history'

const dateInput = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidDate, { message: `${label}格式应为YYYY-MM-DD，且须为有效日期` })
const timeInput = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidTime, { message: `${label}格式应为HH:mm（24小时制）` })
const deputyCode = z.string({ error: '请选择代表' }).trim().min(1, { message: '请选择代表' }).max(40, { message: '代表编号格式不正确' })
const deputyCodes = z
  .array(deputyCode)
  .max(50, { message: '一次活动最多安排50名代表' })
  .refine((codes) => new Set(codes).size === codes.length, { message: '同一名代表不能重复安排' })

export const invitedOfficialInput = z.object({
  name: text('受邀人员姓名', 1, 20),
  title: text('受邀人员职务', 1, 40),
  kind: z.enum(OFFICIAL_KINDS, { error: '受邀人员类别应为部门负责人、法官、检察官或其他' }),
  departmentCode: z.string().trim().max(40).optional(),
})

const sessionFields = {
  theme: text('主题', 1, 60),
  invitedOfficials: z.array(invitedOfficialInput).max(20, { message: '受邀人员最多20名' }),
  announcement: text('公告内容', 1, 500),
  participants: z.array(text('参加人员', 1, 40)).max(50, { message: '参加人员最多50名' }),
  topics: z.array(text('议题', 1, 100)).max(20, { message: '议题最多20项' }),
  notes: text('记录', 1, 2000),
  followUpSuggestionIds: z.array(entityId).max(50, { message: '最多关联50件事项' }),
}

function startBeforeEnd(v: { startTime?: string; endTime?: string }, ctx: z.RefinementCtx) {
  if (v.startTime && v.endTime && isValidTime(v.startTime) && isValidTime(v.endTime) && timeToMinutes(v.startTime) >= timeToMinutes(v.endTime)) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' })
  }
}

export const createSessionInput = z
  .object({
    clientRequestId,
    kind: z.enum(SESSION_KINDS, { error: '请选择活动类型' }),
    /** Required for reception, thematic and online sessions; optional place for meetings. */
    stationCode: stationCode.optional(),
    /** Free-text place for meetings and inspections held elsewhere. */
    place: text('地点', 1, 100).optional(),
    date: dateInput('日期'),
    startTime: timeInput('开始时间'),
    endTime: timeInput('结束时间'),
    theme: sessionFields.theme.optional(),
    deputyCodes: deputyCodes.default([]),
    invitedOfficials: sessionFields.invitedOfficials.default([]),
    announcement: sessionFields.announcement.optional(),
    participants: sessionFields.participants.default([]),
    topics: sessionFields.topics.default([]),
    notes: sessionFields.notes.optional(),
    followUpSuggestionIds: sessionFields.followUpSuggestionIds.default([]),
  })
  .superRefine((v, ctx) => {
    startBeforeEnd(v, ctx)
    if ((STATION_SESSION_KINDS as readonly string[]).includes(v.kind) && !v.stationCode) {
      ctx.addIssue({ code: 'custom', path: ['stationCode'], message: '接待日须选择联络站' })
    }
    if (!(STATION_SESSION_KINDS as readonly string[]).includes(v.kind) && !v.stationCode && !v.place) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: '请填写活动地点或选择联络站' })
    }
    if (v.kind === 'thematic' && !v.theme) ctx.addIssue({ code: 'custom', path: ['theme'], message: '主题接待日须填写主题' })
    if (v.deputyCodes.length === 0) ctx.addIssue({ code: 'custom', path: ['deputyCodes'], message: '请至少安排1名代表' })
  })

export const updateSessionInput = z
  .object({
    id: entityId,
    /** The version the editor saw; a stale edit is refused with `conflict`. */
    expectedVersion: z.number().int().min(1).optional(),
    date: dateInput('日期').optional(),
    startTime: timeInput('开始时间').optional(),
    endTime: timeInput('结束时间').optional(),
    theme: sessionFields.theme.nullable().optional(),
    deputyCodes: deputyCodes.optional(),
    invitedOfficials: sessionFields.invitedOfficials.optional(),
    announcement: sessionFields.announcement.nullable().optional(),
    participants: sessionFields.participants.optional(),
    topics: sessionFields.topics.optional(),
    notes: sessionFields.notes.nullable().optional(),
    followUpSuggestionIds: sessionFields.followUpSuggestionIds.optional(),
  })
  .superRefine((v, ctx) => {
    startBeforeEnd(v, ctx)
    const { id: _id, expectedVersion: _v, ...changes } = v
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', path: ['id'], message: '没有要修改的内容' })
  })

export const officialView = z.object({
  name: z.string(),
  title: z.string(),
  kind: z.enum(OFFICIAL_KINDS),
  kindLabel: z.string(),
})

export const sessionDeputy = z.object({
  code: z.string(),
  name: z.string(),
  levelLabel: z.string(),
  socialPosition: z.string(),
})

export const sessionSummary = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  kindLabel: z.string(),
  status: z.enum(SESSION_STATUSES),
  statusLabel: z.string(),
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  place: z.string(),
  date: z.string(),
  /** 星期四 */
  weekdayLabel: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  theme: z.string().nullable(),
  deputyNames: z.array(z.string()),
  /** false = 待确认 (the year's official holiday arrangement is not published yet). */
  confirmed: z.boolean(),
  unconfirmedReason: z.string().nullable(),
  moved: z.boolean(),
  /** “原定10月2日为国庆节假期，顺延至10月8日” */
  moveReason: z.string().nullable(),
})
export type SessionSummary = z.infer<typeof sessionSummary>

/** The announcement (公告) of a session, plus what staff and deputies may also see. */
export const sessionView = sessionSummary.extend({
  countyCode: z.string(),
  address: z.string(),
  originalDate: z.string(),
  deputies: z.array(sessionDeputy),
  minDeputies: z.number(),
  invitedOfficials: z.array(officialView),
  announcement: z.string().nullable(),
  participants: z.array(z.string()),
  topics: z.array(z.string()),
  /** Internal fields: null / empty for the public. */
  notes: z.string().nullable(),
  followUpSuggestionIds: z.array(z.string()),
  attendance: z.array(z.object({ deputyCode: z.string(), name: z.string(), checkedInAt: z.string(), source: z.enum(['check_in', 'staff']) })),
  cancelReason: z.string().nullable(),
  /** What the poster's code opens: the station page, `scene` = station code. */
  qr: z.object({ page: z.string(), scene: z.string(), h5Path: z.string() }).nullable(),
  /** Local server paths; in CloudBase use the `poster` and `icsFeed` actions. */
  posterPath: z.string().nullable(),
  icsPath: z.string().nullable(),
  /** The caller asked to be reminded of it. */
  subscribed: z.boolean(),
  /** The caller may edit, cancel or mark it held. */
  canManage: z.boolean(),
  version: z.number(),
  /** 标记已举行 / 取消, who and when: for those who see the internal fields, else empty. */
  history: z.array(recordHistoryEntry),
})
export type SessionView = z.infer<typeof sessionView>

/** The station's code on a poster: a QR matrix (local, self-hosted) or WeChat's mini-program code (CloudBase). */
export const posterCode = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('qr'),
    /** what it opens */
    target: z.string(),
    /** modules per side */
    size: z.number().int().min(21).max(177),
    /** size×size '0'/'1', row by row, 1 = dark */
    modules: z.string().regex(/^[01]+$/),
  }),
  z.object({ kind: z.literal('image'), target: z.string(), mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }),
])

/** What a reception-day poster says; drawn by shared/domain/reception/poster-layout.ts. */
export const posterContent = z.object({
  countyName: z.string(),
  stationName: z.string(),
  kindLabel: z.string(),
  date: z.string(),
  weekdayLabel: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  confirmed: z.boolean(),
  address: z.string(),
  theme: z.string().nullable(),
  deputies: z.array(z.object({ name: z.string(), position: z.string() })),
  officials: z.array(z.string()),
  notes: z.array(z.string()),
  announcement: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  cancelReason: z.string().nullable(),
  callToAction: z.string(),
  codeHint: z.string(),
  code: posterCode.nullable(),
})

export const ruleSlot = z.enum(['in_person', 'online'], { error: '规则类别应为 in_person（到站接待）或 online（网上接待）' })

export const ruleView = z.object({
  rule: ReceptionRuleSchema,
  description: z.string(),
  /** custom: set by staff; seed: from the county's initial data. */
  source: z.enum(['custom', 'seed']),
})

export const settingsView = z.object({
  countyCode: z.string(),
  holidayRule: z.enum(HOLIDAY_POLICIES),
  holidayRuleLabel: z.string(),
  useAdjustedWorkdays: z.boolean(),
  reminderDaysBefore: z.number(),
})

export const stationRules = z.object({
  stationCode: z.string(),
  stationName: z.string(),
  township: z.string(),
  inPerson: ruleView.nullable(),
  online: ruleView.nullable(),
})

export const generateReport = z.object({
  from: z.string(),
  to: z.string(),
  created: z.number(),
  existing: z.number(),
  /** Sessions moved to a newly computed date (holiday data published, holiday policy changed). */
  refreshed: z.number(),
  /** Untouched future sessions the changed rule no longer produces. */
  removed: z.number(),
  unconfirmed: z.number(),
  stations: z.array(
    z.object({
      stationCode: z.string(),
      stationName: z.string(),
      created: z.number(),
      existing: z.number(),
      refreshed: z.number(),
      removed: z.number(),
      unconfirmed: z.number(),
      /** Moves, merges and skips, in Chinese. */
      notes: z.array(z.string()),
      /** Why nothing was generated for the station (no rule, too few deputies …); null when fine. */
      skipped: z.string().nullable(),
    }),
  ),
})

export const complianceRow = z.object({
  deputyCode: z.string(),
  name: z.string(),
  stationNames: z.array(z.string()),
  count: z.number(),
  behind: z.boolean(),
  remainingSessionsNeeded: z.number(),
  expectedByNow: z.number(),
  /** Planned duties left this year. */
  upcomingDuties: z.number(),
})

export const onlineWindowView = z.object({
  open: z.boolean(),
  current: sessionSummary.nullable(),
  next: sessionSummary.nullable(),
  /** “网上代表接待日未开放，下次为10月14日 19:00–21:00” when closed. */
  message: z.string(),
})

export const receptionActions = {
  /** Calendar rules of a county's stations and the county settings. */
  listRules: {
    input: z.object({ countyCode: z.string().max(32).optional() }),
    output: z.object({ settings: settingsView, stations: z.array(stationRules) }),
  },
  setRule: { input: z.object({ stationCode, rule: ReceptionRuleSchema }), output: stationRules },
  clearRule: { input: z.object({ stationCode, slot: ruleSlot }), output: stationRules },
  setCountySettings: {
    input: z.object({
      holidayRule: z.enum(HOLIDAY_POLICIES, { error: '节假日处理方式应为 next_workday、previous_workday 或 skip' }).optional(),
      useAdjustedWorkdays: z.boolean().optional(),
      reminderDaysBefore: z.number().int().min(1, { message: '提前提醒天数应为1至14天' }).max(14, { message: '提前提醒天数应为1至14天' }).optional(),
    }),
    output: settingsView,
  },
  generateSessions: {
    input: z.object({
      stationCode: stationCode.optional(),
      from: dateInput('开始日期').optional(),
      months: z.number().int().min(1, { message: '生成时段应为1至12个月' }).max(12, { message: '生成时段应为1至12个月' }).default(3),
    }),
    output: generateReport,
  },
  createSession: { input: createSessionInput, output: sessionView },
  updateSession: { input: updateSessionInput, output: sessionView },
  confirmSession: { input: z.object({ id: entityId }), output: sessionView },
  cancelSession: { input: z.object({ id: entityId, reason: text('取消原因', 2, 200) }), output: sessionView },
  markHeld: {
    input: z.object({ id: entityId, attendedDeputyCodes: deputyCodes.optional(), notes: sessionFields.notes.optional() }),
    output: sessionView,
  },
  listSessions: {
    input: pageInput.extend({
      stationCode: stationCode.optional(),
      countyCode: z.string().max(32).optional(),
      from: dateInput('开始日期').optional(),
      to: dateInput('结束日期').optional(),
      status: z.enum(SESSION_STATUSES).optional(),
      kind: z.enum(SESSION_KINDS).optional(),
    }),
    output: page(sessionSummary),
  },
  getSession: { input: z.object({ id: entityId }), output: sessionView },
  myDuty: {
    input: z.object({}),
    output: z.object({
      deputyCode: z.string(),
      deputyName: z.string(),
      year: z.number(),
      attendedThisYear: z.number(),
      minimumPerYear: z.number(),
      behind: z.boolean(),
      remainingSessionsNeeded: z.number(),
      upcoming: z.array(sessionSummary),
      /** Reminder credits left (one-time template accepts not yet used). */
      reminderCredits: z.number(),
      longTermReminders: z.boolean(),
      /** No credit left: show the subscribe button (wx.requestSubscribeMessage on a tap). */
      needsResubscribe: z.boolean(),
    }),
  },
  dutyCompliance: {
    input: z.object({ year: z.number().int().min(2000).max(2100).optional(), township: z.string().max(20).optional() }),
    output: z.object({ year: z.number(), today: z.string(), minimumPerYear: z.number(), items: z.array(complianceRow) }),
  },
  subscribeSession: { input: z.object({ id: entityId }), output: z.object({ sessionId: z.string(), subscribed: z.boolean() }) },
  recordSubscription: {
    input: z.object({
      accepted: z.array(z.enum(TEMPLATE_KINDS, { error: '未知的消息类型' })).max(10),
      longTerm: z.boolean().default(false),
    }),
    output: z.object({ items: z.array(z.object({ kind: z.enum(TEMPLATE_KINDS), credits: z.number(), longTerm: z.boolean() })) }),
  },
  checkIn: {
    input: z.object({ stationCode }),
    output: z.object({
      sessionId: z.string(),
      stationCode: z.string(),
      stationName: z.string(),
      date: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      checkedInAt: z.string(),
      alreadyCheckedIn: z.boolean(),
      attendedThisYear: z.number(),
    }),
  },
  currentOnlineWindow: { input: z.object({ stationCode }), output: onlineWindowView },
  icsFeed: {
    input: z.object({
      scope: z.enum(['station', 'deputy'], { error: '日历类别应为 station 或 deputy' }),
      code: z.string({ error: '缺少编号' }).trim().regex(/^[A-Za-z0-9-]{2,40}$/, { message: '编号格式不正确' }),
    }),
    output: z.object({ filename: z.string(), contentType: z.string(), text: z.string() }),
  },
  poster: {
    input: z.object({ id: entityId }),
    output: z.object({
      /** `<站名>-<日期>-接待日海报.png`: the name to save the drawn picture under. */
      filename: z.string(),
      /** What the phone or browser makes of it (shared/domain/reception/poster-layout.ts). */
      contentType: z.literal('image/png'),
      width: z.number(),
      height: z.number(),
      content: posterContent,
    }),
  },
} as const
