/**
 * Duty rotation (代表轮值): who receives at which session.
 *
 * Dates are filled in chronological order. For each session the `perSession` deputies with the
 * fewest duties so far this year are chosen — `history` (e.g. attendance counted by
 * ./compliance.ts, or duties already planned) plus what this call has assigned — ties going to
 * the deputy who served longest ago in this call (never served first), then to the smaller code.
 * The result is deterministic, and over a year with no history every deputy's count differs from
 * every other's by at most one. A deputy is never on duty twice on one date, even when the date
 * has two sessions (e.g. a morning and an afternoon list entry).
 *
 * Refused with `validation_failed` and a Chinese message: fewer eligible deputies than
 * `perSession` (eligible = all given deputies, or those of `options.stationCode`), a malformed
 * date, a `perSession` that is not a positive integer, a negative or fractional history count.
 */
import type { Result } from '../../errors'
import { isValidDate } from './dates'
import { ownValue } from '../../own'

export interface DutyDeputy {
  code: string
  stationCodes: readonly string[]
}

export interface DutyAssignment {
  date: string
  deputyCodes: string[]
}

export interface AssignDutyOptions {
  /** Only deputies of this station are eligible (and the error message names it). */
  stationCode?: string
}

function fail(message: string, field?: string): { ok: false; code: 'validation_failed'; message: string; field?: string } {
  return field ? { ok: false, code: 'validation_failed', message, field } : { ok: false, code: 'validation_failed', message }
}

/**
 * @param dates session dates ('YYYY-MM-DD' or anything with a `date`, e.g. PlannedDate); one entry per session
 * @param history duties already counted this year, by deputy code (missing = 0)
 * @returns one assignment per entry of `dates`, in chronological order (stable for equal dates)
 */
export function assignDuty(
  dates: readonly (string | { date: string })[],
  deputies: readonly DutyDeputy[],
  perSession: number,
  history: Readonly<Record<string, number>> = {},
  options: AssignDutyOptions = {},
): Result<DutyAssignment[]> {
  if (!Number.isInteger(perSession) || perSession < 1) return fail('每次接待的代表人数应为不小于1的整数', 'perSession')
  const list = dates.map((d) => (typeof d === 'string' ? d : d.date))
  const bad = list.find((d) => !isValidDate(d))
  if (bad !== undefined) return fail(`排班日期“${String(bad)}”格式不正确，应为YYYY-MM-DD`, 'dates')
  for (const [code, n] of Object.entries(history)) {
    if (!Number.isInteger(n) || n < 0) return fail(`代表${code}的已接待次数应为不小于0的整数`, 'history')
  }

  const station = options.stationCode
  const eligible = [...new Set(deputies.filter((d) => station === undefined || d.stationCodes.includes(station)).map((d) => d.code))].sort()
  if (eligible.length < perSession) {
    const where = station ? `站点${station}` : '该站点'
    return fail(`${where}仅有${eligible.length}名代表，少于每次接待所需的${perSession}名，无法排班`, 'perSession')
  }

  const count = new Map(eligible.map((c) => [c, ownValue(history, c) ?? 0]))
  const lastServed = new Map<string, number>()
  const onDate = new Map<string, Set<string>>()
  const order = list.map((date, index) => ({ date, index })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index))
  const out: DutyAssignment[] = []

  order.forEach(({ date }, seq) => {
    const busy = onDate.get(date) ?? new Set<string>()
    onDate.set(date, busy)
    const pool = eligible
      .filter((c) => !busy.has(c))
      .sort((a, b) => count.get(a)! - count.get(b)! || (lastServed.get(a) ?? -1) - (lastServed.get(b) ?? -1) || (a < b ? -1 : 1))
    const chosen = pool.slice(0, perSession)
    for (const c of chosen) {
      busy.add(c)
      count.set(c, count.get(c)! + 1)
      lastServed.set(c, seq)
    }
    out.push({ date, deputyCodes: chosen.sort() })
  })

  const short = out.find((a) => a.deputyCodes.length < perSession)
  if (short) return fail(`${short.date}安排了多场接待，代表人数不足以让每场都由不同的${perSession}名代表接待`, 'dates')
  return { ok: true, data: out }
}
