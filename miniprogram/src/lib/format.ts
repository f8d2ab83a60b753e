const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** "2026-03-03" → "3月3日 周二" (the date is a calendar date in Asia/Shanghai; no time zone math). */
export function formatSessionDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!m) return date
  const [, y, mo, d] = m
  const weekday = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()
  const thisYear = shanghaiNow().getUTCFullYear()
  const prefix = Number(y) === thisYear ? '' : `${y}年`
  return `${prefix}${Number(mo)}月${Number(d)}日 ${WEEKDAYS[weekday]}`
}

/** An ISO instant shown in Beijing time: "2026-03-03 14:05". */
export function formatTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t + 8 * 3600 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

function shanghaiNow(now = Date.now()): Date {
  return new Date(now + 8 * 3600 * 1000)
}

/** The calendar day in Asia/Shanghai as YYYY-MM-DD (deadlines and sessions are whole Beijing days). */
export function todayInBeijing(now = Date.now()): string {
  return shanghaiNow(now).toISOString().slice(0, 10)
}

/** The month in Asia/Shanghai as YYYY-MM. */
export function monthInBeijing(now = Date.now()): string {
  return shanghaiNow(now).toISOString().slice(0, 7)
}

/** Characters as people count them (a CJK character or an emoji is one). */
export function charCount(s: string): number {
  return [...s].length
}

/** "14000007919" → "140 0000 7919" (easier to read aloud and dial). */
export function formatPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone
}

/** A date or ISO instant as a Beijing calendar date: "2026年3月3日". */
export function formatDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (plain) return `${plain[1]}年${Number(plain[2])}月${Number(plain[3])}日`
  const t = Date.parse(value)
  if (Number.isNaN(t)) return value
  const d = new Date(t + 8 * 3600 * 1000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
