/**
 * Reception calendar rules (接待日规则) of a station, and the county's holiday settings.
 *
 * Kinds:
 * - `weekly` — every week on `weekday` (修武: every Tuesday, 2 deputies at the station).
 * - `monthly_first_week` — once a month on `weekday` of the month's first week (临颍 “1·1·5”: the
 *   Friday of the first week). Which week is “first” is `firstWeekDefinition`:
 *   - `first_weekday_of_month` (default): the first `weekday` of the month, i.e. the only one on
 *     day 1–7. For Friday: the month's first Friday.
 *   - `week_containing_first`: the `weekday` of the Monday–Sunday week that contains the 1st.
 *     When that day falls before the 1st (the 1st is after `weekday` in its week — for Friday,
 *     the 1st is a Saturday or Sunday), the session is still held on that date, at the end of
 *     the previous month, and counts as the month's session (`period` names the month). This is
 *     the literal reading of “the week that contains the 1st”, and every month keeps exactly one
 *     session; a county that does not want it keeps the default. Example: November 2026 starts on
 *     a Sunday, so its session is Friday 2026-10-30 (default definition: 2026-11-06).
 * - `thematic` — a one-off themed day on an explicit `date` (农业农村, 企业家, 基层治理 …).
 * - `online_window` — an online reception window (网上代表接待日) during which residents reach the
 *   duty deputies online: either every week on `weekday`, or on explicit `dates` (one of the two).
 *
 * Weekdays are ISO: 1 = Monday … 7 = Sunday. Times are 'HH:mm' Shanghai wall time, start before end
 * on the same day; when left out they default to 09:00–12:00.
 *
 * Holiday handling (see ./expand.ts) applies to the recurring kinds (`weekly`, `monthly_first_week`,
 * `online_window` by weekday). Explicit dates (`thematic`, `online_window` by dates) were picked by
 * staff on purpose and are never moved.
 */
import { z } from 'zod'
import { isValidDate, isValidTime, timeToMinutes } from './dates'

export const RECEPTION_RULE_KINDS = ['weekly', 'monthly_first_week', 'thematic', 'online_window'] as const
export type ReceptionRuleKind = (typeof RECEPTION_RULE_KINDS)[number]

export const RECEPTION_RULE_KIND_LABELS: Record<ReceptionRuleKind, string> = {
  weekly: '每周接待日',
  monthly_first_week: '每月第一周接待日',
  thematic: '主题接待日',
  online_window: '网上代表接待日',
}

/**
 * What happens to a recurring session whose date is a public holiday:
 * - `next_workday` (default): the first working day after it;
 * - `previous_workday`: the last working day before it;
 * - `skip`: no session that time.
 * “Working day” and “public holiday” are defined in ./holidays.ts.
 */
export const HOLIDAY_POLICIES = ['next_workday', 'previous_workday', 'skip'] as const
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number]
export const HOLIDAY_POLICY_LABELS: Record<HolidayPolicy, string> = {
  next_workday: '顺延至下一个工作日',
  previous_workday: '提前至上一个工作日',
  skip: '当次不安排',
}

export const FIRST_WEEK_DEFINITIONS = ['first_weekday_of_month', 'week_containing_first'] as const
export type FirstWeekDefinition = (typeof FIRST_WEEK_DEFINITIONS)[number]

export const DEFAULT_START_TIME = '09:00'
export const DEFAULT_END_TIME = '12:00'
/** 临颍 “1·1·5”: Friday. */
export const DEFAULT_MONTHLY_WEEKDAY = 5

const dateString = z.string({ error: '请填写日期' }).refine(isValidDate, { message: '日期格式应为YYYY-MM-DD，且须为有效日期' })
const timeString = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidTime, { message: `${label}格式应为HH:mm（24小时制）` })
const weekday = z
  .number({ error: '请选择星期几' })
  .int({ message: '星期几应为1（星期一）至7（星期日）的整数' })
  .min(1, { message: '星期几应为1（星期一）至7（星期日）' })
  .max(7, { message: '星期几应为1（星期一）至7（星期日）' })
const deputiesPerSession = z
  .number({ error: '请填写每次接待的代表人数' })
  .int({ message: '每次接待的代表人数应为整数' })
  .min(1, { message: '每次接待至少安排1名代表' })
  .max(20, { message: '每次接待的代表人数不能超过20名' })
const note = z.string().max(200, { message: '备注不能超过200个字' }).optional()
const times = {
  startTime: timeString('开始时间').default(DEFAULT_START_TIME),
  endTime: timeString('结束时间').default(DEFAULT_END_TIME),
}

export const WeeklyRuleSchema = z.object({
  kind: z.literal('weekly'),
  weekday,
  deputiesPerSession: deputiesPerSession.default(2),
  ...times,
  note,
})

export const MonthlyFirstWeekRuleSchema = z.object({
  kind: z.literal('monthly_first_week'),
  weekday: weekday.default(DEFAULT_MONTHLY_WEEKDAY),
  firstWeekDefinition: z
    .enum(FIRST_WEEK_DEFINITIONS, { error: '“第一周”的定义应为 first_weekday_of_month 或 week_containing_first' })
    .default('first_weekday_of_month'),
  deputiesPerSession: deputiesPerSession.default(1),
  ...times,
  note,
})

export const ThematicRuleSchema = z.object({
  kind: z.literal('thematic'),
  date: dateString,
  theme: z
    .string({ error: '请填写接待主题' })
    .trim()
    .min(1, { message: '请填写接待主题' })
    .max(60, { message: '接待主题不能超过60个字' }),
  deputiesPerSession: deputiesPerSession.default(1),
  ...times,
  note,
})

export const OnlineWindowRuleSchema = z.object({
  kind: z.literal('online_window'),
  weekday: weekday.optional(),
  dates: z.array(dateString).min(1, { message: '请至少选择一个日期' }).max(366).optional(),
  deputiesPerSession: deputiesPerSession.default(1),
  ...times,
  note,
})

export const ReceptionRuleSchema = z
  .discriminatedUnion('kind', [WeeklyRuleSchema, MonthlyFirstWeekRuleSchema, ThematicRuleSchema, OnlineWindowRuleSchema], {
    error: '接待日规则类型应为 weekly、monthly_first_week、thematic 或 online_window',
  })
  .superRefine((rule, ctx) => {
    // zod 4 runs this even when a field failed above: compare only well-formed times.
    if (isValidTime(rule.startTime) && isValidTime(rule.endTime) && timeToMinutes(rule.startTime) >= timeToMinutes(rule.endTime)) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' })
    }
    if (rule.kind === 'online_window' && (rule.weekday === undefined) === (rule.dates === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: '网上接待日须指定“每周星期几”或“具体日期”其中一项' })
    }
  })

/** A parsed rule: defaults filled in. */
export type ReceptionRule = z.output<typeof ReceptionRuleSchema>
/** What staff send (and what demo-county.json holds): defaults may be left out. */
export type ReceptionRuleInput = z.input<typeof ReceptionRuleSchema>
export type WeeklyRule = z.output<typeof WeeklyRuleSchema>
export type MonthlyFirstWeekRule = z.output<typeof MonthlyFirstWeekRuleSchema>
export type ThematicRule = z.output<typeof ThematicRuleSchema>
export type OnlineWindowRule = z.output<typeof OnlineWindowRuleSchema>

export const HolidayPolicySchema = z.enum(HOLIDAY_POLICIES, {
  error: '节假日处理方式应为 next_workday、previous_workday 或 skip',
})

/**
 * A county's calendar settings. `holidayRule` is the field name in demo-county.json.
 * `useAdjustedWorkdays`: whether a 调休 working Saturday/Sunday may receive a moved session
 * (off by default: stations are usually closed on weekends even when offices work).
 */
export const CountyCalendarSettingsSchema = z.object({
  holidayRule: HolidayPolicySchema.default('next_workday'),
  useAdjustedWorkdays: z.boolean().default(false),
})
export type CountyCalendarSettings = z.output<typeof CountyCalendarSettingsSchema>

/** The first issue of a zod error as one Chinese sentence, with the field when known. */
export function firstIssueMessage(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0]
  if (!issue) return { message: '提交的内容不符合要求' }
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined
  return { message: issue.message, field }
}

export function describeRule(rule: ReceptionRule): string {
  const wd = (n: number) => ['', '一', '二', '三', '四', '五', '六', '日'][n]
  switch (rule.kind) {
    case 'weekly':
      return `每周${wd(rule.weekday)}`
    case 'monthly_first_week':
      return rule.firstWeekDefinition === 'first_weekday_of_month'
        ? `每月第一个星期${wd(rule.weekday)}`
        : `每月1日所在周的星期${wd(rule.weekday)}`
    case 'thematic':
      return `${rule.date}（${rule.theme}）`
    case 'online_window':
      return rule.weekday !== undefined ? `每周${wd(rule.weekday)}网上接待` : `网上接待（${rule.dates?.length ?? 0}个日期）`
  }
}
