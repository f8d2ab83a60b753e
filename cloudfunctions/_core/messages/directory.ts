/**
 * 县级设置's messages: a county's admins hear when another admin issues an admin invitation
 * (a new admin is the one change no single admin should make unseen).
 */
import { defineMessage } from './define'

export interface AdminInvitationData {
  /** The invitation code's id (the message id derives from it, never the code's secret text). */
  invitationKey: string
  issuedByName: string
  countyName: string
}

/** The other admins of the county, read before the commit. */
export interface AdminAudience {
  admins: string[]
  actor: string
}

export const ROLES_PAGE = '/packages/admin/pages/roles/index'

export const adminInvitationIssued = defineMessage<AdminInvitationData, AdminAudience>({
  kind: 'admin_notice',
  recipients: (_d, a) => a.admins.filter((o) => o !== a.actor),
  id: (d, to) => `ai:${d.invitationKey}:${to}`,
  page: () => ROLES_PAGE,
  title: () => '新的管理员邀请码',
  body: (d) => `${d.issuedByName}签发了${d.countyName}的管理员邀请码；如非本县安排，请在“角色与邀请码”中作废`,
})
