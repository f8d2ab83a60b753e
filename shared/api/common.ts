import { z } from 'zod'
import { cleanText, visibleLength } from '../domain/text'

/**
 * Free text with Chinese messages, cleaned by the rules of shared/domain/text.ts: fields up to
 * SHORT_TEXT_MAX characters (names, titles, places) are one line without hidden characters;
 * longer ones keep their lines. Lengths count what a reader sees, so text made only of spaces,
 * zero-width or control characters is empty and refused.
 */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => cleanText(s, max))
    .refine((s) => visibleLength(s) >= Math.max(min, 1), { message: min <= 1 ? `请填写${label}` : `${label}至少需要${min}个字` })
    .refine((s) => [...s].length <= max, { message: `${label}不能超过${max}个字` })
}

export const mainlandMobile = z
  .string({ error: '请填写手机号码' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: '请填写正确的11位手机号码' })

/** Client-made request id: lets a retry of the same tap find the item it already created. */
export const clientRequestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '请求编号格式不正确' })

export const stationCode = z
  .string({ error: '缺少站点编号' })
  .trim()
  .regex(/^[A-Za-z0-9-]{2,24}$/, { message: '站点编号格式不正确' })
  .transform((s) => s.toUpperCase())

export const entityId = z
  .string({ error: '缺少编号' })
  .regex(/^[A-Za-z0-9_-]{6,64}$/, { message: '编号格式不正确' })

/** Opaque paging cursor handed back by list actions. */
export const pageInput = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const isoTime = z.string()

/** Every function answers with this envelope. */
export const failureSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
})
