import { z } from 'zod'
import { STATION_KINDS } from '../domain/stations'
import { ROLES } from '../domain/roles'
import { DEPARTMENT_KINDS } from '../domain/departments'
import { OUTBOX_STATUSES } from '../domain/sessions'
import { page, pageInput, stationCode } from './common'
import { whoami } from './whoami'

export const deputyCard = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['national', 'provincial', 'city', 'county', 'township']),
  levelLabel: z.string(),
  socialPosition: z.string(),
  photoUrl: z.string().nullable(),
  /** Only present when the deputy agreed to publish it (公开联系方式). */
  phone: z.string().nullable(),
})
export type DeputyCard = z.infer<typeof deputyCard>

export const receptionSessionCard = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  theme: z.string().nullable(),
  deputyNames: z.array(z.string()),
  confirmed: z.boolean(),
})

export const stationView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  kindLabel: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  township: z.string(),
  address: z.string(),
  receptionNote: z.string().nullable(),
  deputies: z.array(deputyCard),
  upcomingSessions: z.array(receptionSessionCard),
})
export type StationView = z.infer<typeof stationView>

export const stationListItem = stationView.pick({
  code: true,
  name: true,
  kind: true,
  kindLabel: true,
  countyCode: true,
  countyName: true,
  township: true,
})
export type StationListItem = z.infer<typeof stationListItem>

export { whoami, type Whoami } from './whoami'

export const messageItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  createdAt: z.string(),
})
export type MessageItem = z.infer<typeof messageItem>

/** What an invitation binds: the admin picks a person from the county's directory. */
export const invitationTarget = z.discriminatedUnion('role', [
  z.object({ role: z.literal('deputy'), deputyCode: z.string().min(1).max(40) }),
  // supervisors and staff are entries of 县级设置 (savePerson): their stations or scope come from there
  z.object({ role: z.literal('supervisor'), supervisorCode: z.string().min(1).max(40) }),
  z.object({ role: z.literal('staff'), staffCode: z.string().min(1).max(40) }),
  z.object({ role: z.literal('department'), departmentCode: z.string().min(1).max(40) }),
  z.object({ role: z.literal('admin') }),
], { error: '请选择要绑定的角色' })

export const invitationView = z.object({
  code: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  expiresAt: z.string(),
})

export { DEPARTMENT_KINDS }
export const departmentListItem = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  /** 县政府部门 / 法院 / 检察院 / 乡镇人民政府 */
  kindLabel: z.string(),
})
export type DepartmentListItem = z.infer<typeof departmentListItem>

export const directoryActions = {
  getStation: { input: z.object({ stationCode }), output: stationView },
  listStations: {
    input: z.object({ countyCode: z.string().max(32).optional() }),
    output: z.object({ items: z.array(stationListItem) }),
  },
  /** 承办单位 of a county (the caller's own county when omitted), for the dispatch form and filters. */
  listDepartments: {
    input: z.object({ countyCode: z.string().trim().min(1).max(32, { message: '县代码格式不正确' }).optional() }),
    output: z.object({ countyCode: z.string(), items: z.array(departmentListItem) }),
  },
  whoami: { input: z.object({}), output: whoami },
  /** 手机号快速验证: the caller's own number from the code of `<Button open-type="getPhoneNumber">`. */
  phoneFromCode: {
    input: z.object({ code: z.string({ error: '缺少手机号授权码' }).trim().min(1, { message: '缺少手机号授权码' }).max(128, { message: '手机号授权码格式不正确' }) }),
    output: z.object({ phone: z.string() }),
  },
  /** 消息: the caller's own notifications (the outbox rows addressed to them). */
  myMessages: { input: pageInput, output: page(messageItem) },
  /** 管理员签发一次性邀请码，对方在“我的身份”中输入后绑定角色。 */
  issueInvitation: { input: z.object({ target: invitationTarget, validDays: z.number().int().min(1).max(30).default(7) }), output: invitationView },
  redeemInvitation: {
    input: z.object({ code: z.string({ error: '请输入邀请码' }).trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, { message: '邀请码为8位字母或数字' }) }),
    output: whoami,
  },
} as const
