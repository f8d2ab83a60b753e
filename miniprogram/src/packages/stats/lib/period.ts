/**
 * The period of the dashboard: whole months, Beijing time (pure). A year is January to December;
 * the quick ranges end with the current month.
 */
import { MONTH_PATTERN, monthsBetween } from '@shared/domain/stats'
import { monthInBeijing } from '../../../lib/format'

export interface Period {
  from: string
  to: string
}


export function beijingYear(now: number = Date.now()): number {
  return Number(monthInBeijing(now).slice(0, 4))
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01`, to: `${year}-12` }
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The last `count` months up to and including this one. */
export function recentMonths(count: number, now: number = Date.now()): Period {
  const to = monthInBeijing(now)
  return { from: addMonths(to, -(count - 1)), to }
}

/** "2026年" for a whole year, "2026年3月" for one month, "2025年11月—2026年2月" across years. */
export function periodLabel({ from, to }: Period): string {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  if (fy === ty && fm === 1 && tm === 12) return `${fy}年`
  if (from === to) return `${fy}年${fm}月`
  if (fy === ty) return `${fy}年${fm}月—${tm}月`
  return `${fy}年${fm}月—${ty}年${tm}月`
}

/** Why a custom period cannot be asked for, or null (same rules as the server's). */
export function periodProblem({ from, to }: Period): string | null {
  if (!MONTH_PATTERN.test(from)) return '请选择开始月份'
  if (!MONTH_PATTERN.test(to)) return '请选择结束月份'
  if (from > to) return '结束月份不能早于开始月份'
  if (monthsBetween(from, to).length > 120) return '统计时段最长120个月'
  return null
}

/** Years offered by the pickers: this year and the `count - 1` before it. */
export function recentYears(count = 3, now: number = Date.now()): number[] {
  const y = beijingYear(now)
  return Array.from({ length: count }, (_, i) => y - i)
}
