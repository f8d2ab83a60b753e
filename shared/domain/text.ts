/**
 * The text rules every free-text field follows (the zod helper `text()` in shared/api/common.ts
 * applies them), so that what a deputy or a department reads is what the resident typed and what
 * they can see:
 *
 * - Content counts only by what shows: whitespace, zero-width and other format characters and
 *   control characters are not content. A concern made only of them is empty and is refused.
 * - Bidi controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) reorder the
 *   text around them on screen, so "张三" can display as something else; they are removed from
 *   every field. U+200E/U+200F/U+061C marks are removed from short fields with the other format
 *   characters.
 * - Short fields (names, titles, places, labels: up to SHORT_TEXT_MAX characters) are one line:
 *   control characters (newlines included) and format characters (zero-width included) are
 *   removed, runs of spaces become one.
 * - Long fields (the concern, answers, replies, notes) keep their lines and tabs; other control
 *   characters are removed.
 *
 * Pure and total: never throws, whatever the input.
 */

/** Embedding, override and isolate controls of the Unicode bidirectional algorithm. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/** Fields whose maximum length is at most this are short, single-line fields. */
export const SHORT_TEXT_MAX = 100

// \p{Cc}: C0/C1 controls; \p{Cf}: format characters (zero-width space/joiners, BOM, soft hyphen,
// bidi marks and controls, invisible operators). U+3164 and U+FFA0 (Hangul fillers) and U+115F/
// U+1160 render blank though they are letters; U+2800 (blank braille) too.
const INVISIBLE = /[\s\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu
const CONTROLS_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
const CONTROLS = /\p{Cc}/gu
const FORMAT = /\p{Cf}/gu

/** The characters a reader would see, in code points (what "至少N个字" counts). */
export function visibleLength(text: string): number {
  return [...String(text).replace(INVISIBLE, '')].length
}

/** Nothing a reader could see: empty, or only whitespace, zero-width or control characters. */
export function isBlank(text: string | null | undefined): boolean {
  return !text || visibleLength(text) === 0
}

/** A name or other short field as it is stored: one line, no hidden characters, trimmed. */
export function cleanShortText(text: string): string {
  return String(text).replace(FORMAT, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim()
}

/** A long field as it is stored: lines kept, bidi and other control characters removed, trimmed. */
export function cleanLongText(text: string): string {
  return String(text).replace(BIDI_CONTROLS, '').replace(CONTROLS_EXCEPT_LINES, '').trim()
}

/** The cleaning a field of this maximum length gets. */
export function cleanText(text: string, max: number): string {
  return max <= SHORT_TEXT_MAX ? cleanShortText(text) : cleanLongText(text)
}
