/**
 * Keeps the statistics counters up to date as items move (issue 7). Gives the counter writes of a
 * new item (submit.ts, the 交办单) and of every transition (run-transition.ts), which those commit
 * in the same transaction as the item itself, with a ledger entry of what was added
 * (reconcile.ts recounts from it); nothing ever reloads items to count them.
 *
 * Month attribution (docs/statistics.md): a step counts in the month (Asia/Shanghai) in which it
 * happened. A step that is later undone is taken out of the month it was counted in: a dispatch
 * the department sends back (退回), a 销单 the resident sends back for re-handling (重新办理), a
 * deputy's earlier rating replaced by a new one, and an item's 点单 moving to the category the
 * deputy gives it at 接单. An on-the-spot answer (即时答复) is the deputy's act and stays counted,
 * once per item, even when the resident asks for re-handling and the item goes on to 提交人大.
 * Rows of a frozen year (freezeYear) are never changed.
 *
 * A failing counter write fails the whole step, which then saved nothing and can be retried:
 * a step is never saved with its counters missing.
 */
import { shanghaiDate, workdaysBetween } from '@shared/domain/workdays'
import type { ResolutionOutcome } from '@shared/domain/transitions'
import {
  COUNTY_SCOPE,
  RESPONSE_WORKDAYS,
  UNCATEGORIZED,
  shanghaiMonth,
  type CounterField,
  type Counts,
  type StatsDimension,
} from '@shared/domain/stats'
import type { Deps } from '../../ports'
import type { RatingRecord, SuggestionDoc } from '../../model'
import type { Write } from '../../store/port'
import { counterId, type CounterKey } from '../../repos/stats-repo'

type Delta = Partial<Counts>

/** Counts to add in the month of `at`, to the rows of `doc` (keys overridable). */
export interface Contribution {
  at: string
  delta: Delta
  doc: SuggestionDoc
  /** Only these dimensions (e.g. a category move touches category rows only). */
  only?: StatsDimension[]
  category?: string
  department?: string | null
}

const RATING_FIELD: Record<RatingRecord['rating'], CounterField> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  unsatisfied: 'unsatisfied',
}
const DEPUTY_RATING_FIELD: Record<RatingRecord['rating'], CounterField> = {
  satisfied: 'deputySatisfied',
  basically_satisfied: 'deputyBasicallySatisfied',
  unsatisfied: 'deputyUnsatisfied',
}

function seconds(from: string | undefined, to: string): number {
  if (!from) return 0
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000))
}

/** The latest of the given instants that is not after `notAfter` (where a stage started). */
function latest(candidates: Array<string | undefined>, notAfter: string): string | undefined {
  let best: string | undefined
  for (const c of candidates) if (c && c <= notAfter && (!best || c > best)) best = c
  return best
}

const negate = (d: Delta): Delta => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, -(v as number)])) as Delta

const categoryOf = (doc: SuggestionDoc) => doc.categoryCode ?? UNCATEGORIZED
const fromReception = (doc: SuggestionDoc) => (doc.channel === 'reception_day' || doc.channel === 'online_reception' ? 1 : 0)

/** First response to an item still at 已点单: when, and whether within RESPONSE_WORKDAYS. */
function response(doc: SuggestionDoc, at: string): Delta {
  const submittedAt = doc.milestones.submittedAt ?? doc.createdAt
  const onTime = workdaysBetween(shanghaiDate(submittedAt), shanghaiDate(at)) <= RESPONSE_WORKDAYS
  return { responded: 1, respondedOnTime: onTime ? 1 : 0, responseSeconds: seconds(submittedAt, at) }
}

/** What a dispatch added (undone when the department sends the item back). */
function dispatchDelta(doc: SuggestionDoc, dispatchedAt: string): Delta {
  const start = latest([doc.milestones.escalatedAt, doc.milestones.sentBackAt], dispatchedAt)
  return start ? { dispatched: 1, dispatchCount: 1, dispatchSeconds: seconds(start, dispatchedAt) } : { dispatched: 1 }
}

/** What a 销单 added (undone when the resident sends it back). `doc` is the item as it was before the 销单's successor step. */
function resolveDelta(doc: SuggestionDoc, resolvedAt: string, outcome: ResolutionOutcome): Delta {
  const start = latest([doc.milestones.dispatchedAt, doc.milestones.reopenedAt], resolvedAt)
  const onTime = !doc.deadline || shanghaiDate(resolvedAt) <= doc.deadline
  return { resolved: 1, [outcome]: 1, resolvedOnTime: onTime ? 1 : 0, handleSeconds: seconds(start, resolvedAt) }
}

/** What a deputy's 即时答复 / 提交人大 added. */
function deputyStep(doc: SuggestionDoc, at: string, field: 'answered' | 'escalated'): Delta {
  const start = latest([doc.milestones.acceptedAt, doc.milestones.reopenedAt], at)
  return { [field]: 1, deputyCount: 1, deputySeconds: seconds(start, at) }
}

export function submittedContributions(doc: SuggestionDoc): Contribution[] {
  return [{ at: doc.createdAt, delta: { submitted: 1, fromReception: fromReception(doc) }, doc }]
}

/** The counts one transition adds and takes back. Pure: exported for tests. */
export function transitionContributions(before: SuggestionDoc, after: SuggestionDoc): Contribution[] {
  const last = after.history[after.history.length - 1]
  if (!last) return []
  const at = last.at
  const m = before.milestones
  const now = (delta: Delta, extra: Partial<Contribution> = {}): Contribution => ({ at, delta, doc: after, ...extra })
  switch (last.event) {
    case 'accept': {
      const out = [now({ accepted: 1, ...response(before, at) })]
      if (categoryOf(before) !== categoryOf(after)) {
        // 点单 moves to the category the deputy gave, in the month it was filed
        const filed = m.submittedAt ?? before.createdAt
        const moved = { submitted: 1, fromReception: fromReception(before) }
        out.push({ at: filed, delta: negate(moved), doc: before, only: ['category'] })
        out.push({ at: filed, delta: moved, doc: after, only: ['category'] })
      }
      return out
    }
    case 'answer': {
      // 即时答复 counts once per item: a second answer after re-handling is a deputy step, not a new answer
      const step = deputyStep(before, at, 'answered')
      if (m.answeredAt) delete step.answered
      return [now(step)]
    }
    case 'escalate':
      return [now(deputyStep(before, at, 'escalated'))]
    case 'dispatch':
      // a 交办单 item (filed 已提交人大, or 已点单 before issue 16), dispatched for the first time
      return before.state === 'submitted' || (before.viaAssignmentForm && !m.dispatchedAt && !m.acceptedAt)
        ? [now({ dispatched: 1, ...response(before, at) })]
        : [now(dispatchDelta(before, at))]
    case 'send_back': {
      const dispatchedAt = m.dispatchedAt
      const out = [now({ sentBack: 1 }, { department: before.departmentCode })]
      if (dispatchedAt) out.push({ at: dispatchedAt, delta: negate(dispatchDelta(before, dispatchedAt)), doc: before })
      return out
    }
    case 'supervise':
      return [now({ supervised: 1 })]
    case 'resolve':
      return after.resolution ? [now(resolveDelta(before, at, after.resolution.outcome))] : []
    case 'reopen': {
      // 销单 is taken back (the item is in handling again); an on-the-spot answer stays counted
      const out = [now({ reopened: 1 })]
      if (before.state === 'resolved' && before.resolution && m.resolvedAt) {
        out.push({ at: m.resolvedAt, delta: negate(resolveDelta(before, m.resolvedAt, before.resolution.outcome)), doc: before })
      }
      return out
    }
    case 'verify':
    case 'auto_verify': {
      const ended = before.state === 'resolved' ? m.resolvedAt : m.answeredAt
      const delta: Delta = {
        verified: 1,
        verifyCount: 1,
        verifySeconds: seconds(ended, at),
        totalSeconds: seconds(m.submittedAt ?? before.createdAt, at),
      }
      if (last.event === 'auto_verify') delta.verifiedWithoutRating = 1
      else if (after.residentRating) delta[RATING_FIELD[after.residentRating.rating]] = 1
      return [now(delta)]
    }
    case 'deputy_rate': {
      const out: Contribution[] = []
      if (after.deputyRating) out.push(now({ [DEPUTY_RATING_FIELD[after.deputyRating.rating]]: 1 }))
      if (before.deputyRating) out.push({ at: before.deputyRating.at, delta: { [DEPUTY_RATING_FIELD[before.deputyRating.rating]]: -1 }, doc: before })
      return out
    }
    case 'withdraw':
      return [now({ withdrawn: 1 })]
    case 'merge':
      return [now({ merged: 1, ...(before.state === 'submitted' ? response(before, at) : {}) })]
    case 'refer':
      return [now({ referred: 1, ...(before.state === 'submitted' ? response(before, at) : {}) })]
    default:
      return []
  }
}

/**
 * The counter rows one contribution adds to: the county total, the township's total, and the
 * station / deputy / category / department rows twice — county-wide (scope '*') and within the
 * item's township (scope = township name), so township staff get their own breakdowns.
 */
export function rowsFor(c: Contribution): CounterKey[] {
  const d = c.doc
  const month = shanghaiMonth(c.at)
  const keyed: Array<[StatsDimension, string | null]> = [
    ['station', d.stationCode],
    ['deputy', d.ownerDeputyCode],
    ['category', c.category ?? categoryOf(d)],
    ['department', c.department !== undefined ? c.department : d.departmentCode],
  ]
  const wanted = (dim: StatsDimension) => !c.only || c.only.includes(dim)
  const rows: CounterKey[] = []
  const base = { countyCode: d.countyCode, month }
  // The county's total, and each township's total (which is also the township scope's total).
  if (wanted('county')) rows.push({ ...base, scope: COUNTY_SCOPE, dimension: 'county', key: d.countyCode })
  if (wanted('township')) rows.push({ ...base, scope: COUNTY_SCOPE, dimension: 'township', key: d.township })
  for (const scope of [COUNTY_SCOPE, d.township]) {
    for (const [dimension, key] of keyed) if (key && wanted(dimension)) rows.push({ ...base, scope, dimension, key })
  }
  return rows
}

/**
 * The counter writes (and the ledger entry) of contributions, for the step's transaction. Reads
 * whether a past year is frozen first: a transaction on CloudBase reads documents by id only.
 */
async function counterWrites(deps: Deps, item: SuggestionDoc, contributions: Contribution[]): Promise<Write[]> {
  if (contributions.length === 0) return []
  const repo = deps.repos.stats
  const thisYear = shanghaiDate(deps.clock.now()).slice(0, 4)
  const frozen = new Map<string, boolean>()
  const byRow = new Map<string, { key: CounterKey; by: Record<string, number> }>()
  for (const c of contributions) {
    const rows = rowsFor(c)
    if (rows.length === 0) continue
    const year = rows[0].month.slice(0, 4)
    if (year < thisYear) {
      // Only past years can be frozen (freezeYear refuses the running year).
      const cacheKey = `${c.doc.countyCode}:${year}`
      if (!frozen.has(cacheKey)) frozen.set(cacheKey, (await repo.snapshot(c.doc.countyCode, Number(year))) !== null)
      if (frozen.get(cacheKey)) continue
    }
    for (const key of rows) {
      const id = counterId(key)
      const entry = byRow.get(id) ?? { key, by: {} }
      for (const [field, amount] of Object.entries(c.delta)) {
        if (typeof amount === 'number' && amount !== 0) entry.by[field] = (entry.by[field] ?? 0) + amount
      }
      byRow.set(id, entry)
    }
  }
  const rows = [...byRow.values()]
    .map((e) => ({ key: e.key, by: Object.fromEntries(Object.entries(e.by).filter(([, v]) => v !== 0)) }))
    .filter((e) => Object.keys(e.by).length > 0)
  if (rows.length === 0) return []
  const last = item.history[item.history.length - 1]
  const ledger = { _id: `${item._id}:v${item.version}`, countyCode: item.countyCode, itemId: item._id, version: item.version, at: last?.at ?? item.updatedAt, rows }
  return [...rows.map((e) => repo.addWrite(e.key, e.by)), repo.ledgerWrite(ledger)]
}

function commentWrites(deps: Deps, after: SuggestionDoc): Write[] {
  const last = after.history[after.history.length - 1]
  const rating = after.deputyRating
  if (last?.event !== 'deputy_rate' || !rating?.comment || !after.departmentCode) return []
  return [
    deps.repos.stats.putCommentWrite({
      _id: after._id,
      countyCode: after.countyCode,
      township: after.township,
      year: shanghaiDate(rating.at).slice(0, 4),
      departmentCode: after.departmentCode,
      deputyCode: after.ownerDeputyCode,
      deputyName: after.ownerDeputyName,
      itemNumber: after.number,
      rating: rating.rating,
      comment: rating.comment,
      at: rating.at,
    }),
  ]
}

/** The statistics writes of a new item (点单), committed with the item. */
export function submittedWrites(deps: Deps, doc: SuggestionDoc): Promise<Write[]> {
  return counterWrites(deps, doc, submittedContributions(doc))
}

/** The statistics writes of one transition (before → after), committed with the item's change. */
export async function transitionWrites(deps: Deps, before: SuggestionDoc, after: SuggestionDoc): Promise<Write[]> {
  return [...(await counterWrites(deps, after, transitionContributions(before, after))), ...commentWrites(deps, after)]
}
