/**
 * 邀请码 (one-time invitation codes): an admin issues one for a role in the admin's county; the
 * first identity to redeem it before it expires gets the role: issued → redeemed; an admin of the
 * county may void an unused code: issued → cancelled. Whoever holds the code may see and redeem it
 * (the code is the secret); a role once bound is taken away with directory.revokeRole.
 */
import { defineLifecycle } from '../lifecycle'
import { definePermissions } from '../permission-table'
import { ROLE_LABELS, type Role } from '../roles'
import { inOwnCounty } from '../scope'

export const INVITATION_STATES = ['issued', 'redeemed', 'cancelled'] as const
export type InvitationState = (typeof INVITATION_STATES)[number]
export const INVITATION_STATE_LABELS: Record<InvitationState, string> = { issued: '未使用', redeemed: '已使用', cancelled: '已作废' }

export const INVITATION_EVENTS = ['redeem', 'cancel'] as const
export type InvitationEvent = (typeof INVITATION_EVENTS)[number]
export const INVITATION_EVENT_LABELS: Record<InvitationEvent, string> = { redeem: '使用邀请码', cancel: '作废邀请码' }

export interface InvitationFacts {
  expiresAt: string
  now: string
}

export type InvitationGuard = 'not_expired'

/** An invitation's state: spent once someone redeemed it, void once an admin cancelled it. */
export const invitationState = (doc: { redeemedBy: string | null; cancelledAt?: string | null }): InvitationState =>
  doc.redeemedBy ? 'redeemed' : doc.cancelledAt ? 'cancelled' : 'issued'

const INVALID = '邀请码无效、已使用或已过期'

export const INVITATION_LIFECYCLE = defineLifecycle<InvitationState, InvitationEvent, Role, InvitationFacts, InvitationGuard>({
  name: '邀请码',
  states: INVITATION_STATES,
  events: INVITATION_EVENTS,
  roles: ['resident', 'deputy', 'supervisor', 'staff', 'department', 'admin'],
  finalStates: ['redeemed', 'cancelled'],
  stateLabels: INVITATION_STATE_LABELS,
  eventLabels: INVITATION_EVENT_LABELS,
  roleLabels: ROLE_LABELS,
  guards: {
    not_expired: {
      phase: 'applies',
      label: '有效期内',
      holds: (f) => f.expiresAt > f.now,
      refusal: () => ({ code: 'invitation_invalid', message: INVALID, field: 'code' }),
    },
  },
  // Anyone may redeem a code: every identity is a resident, and the resident rule is the one used.
  rows: [
    { from: 'issued', event: 'redeem', to: 'redeemed', roles: ['resident'], guards: ['not_expired'] },
    // an admin voids a code nobody used (expired ones too)
    { from: 'issued', event: 'cancel', to: 'cancelled', roles: ['admin'] },
  ],
  notApplicable: (_from, event) => (event === 'cancel' ? '该邀请码已使用或已作废' : INVALID),
})

export interface InvitationScope {
  countyCode: string
}

export const INVITATION_ACTIONS = ['view_invitation', 'redeem', 'issue', 'cancel'] as const
export type InvitationAction = (typeof INVITATION_ACTIONS)[number]

export const INVITATION_PERMISSIONS = definePermissions<InvitationAction, InvitationScope>({
  name: '邀请码',
  view: 'view_invitation',
  rules: {
    view_invitation: { resident: () => true },
    redeem: { resident: () => true },
    issue: { admin: inOwnCounty },
    cancel: { admin: inOwnCounty },
  },
  notFound: INVALID,
})
