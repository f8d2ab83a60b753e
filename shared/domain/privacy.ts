/**
 * Masks for personal data shown to people who do not need it in full (permissions.ts decides who
 * does: `view_contact`). Safe with empty, short and odd input; never throws.
 */

/**
 * '13812345678' → '138****5678'. Spaces and dashes are dropped first; a +86 / 0086 prefix is kept.
 * Shorter numbers keep less: 5–7 characters keep the last 2, up to 4 are fully masked.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  let s = String(phone).replace(/[\s-]/g, '')
  let prefix = ''
  const m = /^(\+86|0086)(\d{11})$/.exec(s)
  if (m) {
    prefix = m[1]
    s = m[2]
  }
  const chars = Array.from(s)
  const n = chars.length
  if (n === 0) return ''
  if (n <= 4) return '*'.repeat(n)
  if (n < 8) return '*'.repeat(n - 2) + chars.slice(-2).join('')
  return prefix + chars.slice(0, 3).join('') + '*'.repeat(n - 7) + chars.slice(-4).join('')
}

/**
 * '张三丰' → '张**', '张三' → '张*': the first character (the surname, usually) stays, one star per
 * hidden character. A one-character name becomes '*'. Whitespace around the name is ignored.
 */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const chars = Array.from(String(name).trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  return chars[0] + '*'.repeat(chars.length - 1)
}
