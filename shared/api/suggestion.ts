import { z } from 'zod'
import { CATEGORY_CODES } from '../domain/categories'
import { CHANNELS, ESCALATION_TARGETS, EXTENSION_STATUSES, SUGGESTION_STATES } from '../domain/states'
import { RATINGS, RESOLUTION_OUTCOMES, SUGGESTION_EVENTS } from '../domain/transitions'
import { ROLES } from '../domain/roles'
import { clientRequestId, entityId, mainlandMobile, page, pageInput, stationCode, text } from './common'
import { isPhotoRef, MAX_PHOTOS } from '../domain/photos'
import { cleanShortText } from '../domain/text'

export const CONTENT_MAX = 2000

export const location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().max(200).transform(cleanShortText).optional(),
})

export const submitInput = z
  .object({
    clientRequestId,
    stationCode,
    content: text('反映内容', 1, CONTENT_MAX),
    categoryCode: z.enum(CATEGORY_CODES, { error: '请选择正确的类别' }).optional(),
    channel: z.enum(CHANNELS).default('qr_code'),
    anonymous: z.boolean().default(false),
    contactName: text('称呼', 1, 20).optional(),
    contactPhone: mainlandMobile.optional(),
    /**
     * 同意承办单位直接联系: with a name and a phone (not anonymous), the department handling the
     * item sees them whole to contact the resident; every such read is logged (docs/privacy.md).
     */
    contactConsent: z.boolean().default(false),
    photos: z
      .array(z.string().max(512).refine(isPhotoRef, { message: '照片未上传成功，请删除后重新添加' }))
      .max(MAX_PHOTOS, { message: `最多上传${MAX_PHOTOS}张照片` })
      .default([]),
    location: location.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.contactPhone) {
      ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: '实名反映请留下手机号码，方便代表联系您' })
    }
  })
export type SubmitInput = z.input<typeof submitInput>

export const historyEntry = z.object({
  at: z.string(),
  /** 点单, a step of the transition table, or 放行 (moderation release). */
  event: z.union([z.literal('submit'), z.enum(SUGGESTION_EVENTS), z.literal('release')]),
  eventLabel: z.string(),
  from: z.enum(SUGGESTION_STATES).nullable(),
  to: z.enum(SUGGESTION_STATES),
  actorName: z.string(),
  role: z.enum([...ROLES, 'system']),
  note: z.string().nullable(),
})

export const suggestionSummary = z.object({
  id: z.string(),
  /** Short human number shown on paper forms, e.g. XW-2026-000123. */
  number: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  excerpt: z.string(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string(),
  state: z.enum(SUGGESTION_STATES),
  stateLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SuggestionSummary = z.infer<typeof suggestionSummary>

export const suggestionDetail = suggestionSummary.extend({
  content: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  anonymous: z.boolean(),
  contactName: z.string().nullable(),
  /** Masked unless the caller's role needs the full number. */
  contactPhone: z.string().nullable(),
  photos: z.array(z.string()),
  history: z.array(historyEntry),
  township: z.string(),
  gradeLabel: z.string().nullable(),
  followerCount: z.number(),
  /** true when the caller follows (or submitted) the item: 我也关注 is then hidden. */
  following: z.boolean(),
  ownerDeputyName: z.string().nullable(),
  answer: z.string().nullable(),
  escalationTarget: z.enum(ESCALATION_TARGETS).nullable(),
  departmentName: z.string().nullable(),
  coDepartmentNames: z.array(z.string()),
  requirements: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  extension: z
    .object({ workdays: z.number(), reason: z.string(), status: z.enum(EXTENSION_STATUSES) })
    .nullable(),
  resolution: z
    .object({ reply: z.string(), outcome: z.string(), outcomeLabel: z.string(), promisedDate: z.string().nullable(), at: z.string() })
    .nullable(),
  residentRating: z.object({ rating: z.enum(RATINGS), ratingLabel: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  deputyRating: z.object({ rating: z.enum(RATINGS), ratingLabel: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  verifiedWithoutRating: z.boolean(),
  reopenCount: z.number(),
  mergedIntoId: z.string().nullable(),
  referralReason: z.string().nullable(),
  /** Verbs the caller may use now, so pages show only the buttons that will work. */
  /** 待审核: the content check held the text; deputies see it only after staff release it. */
  held: z.boolean(),
  allowedActions: z.array(z.string()),
})
export type SuggestionDetail = z.infer<typeof suggestionDetail>

export const suggestionActions = {
  submit: { input: submitInput, output: suggestionSummary },
  listMine: { input: pageInput, output: page(suggestionSummary) },
  get: { input: z.object({ id: entityId }), output: suggestionDetail },
} as const

