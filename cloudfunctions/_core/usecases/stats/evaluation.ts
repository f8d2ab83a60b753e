import type { EvaluationRow, EvaluationView } from '@shared/api/stats'
import { evaluationView } from '@shared/api/stats'
import { RATING_LABELS } from '@shared/domain/transitions'
import { COUNTY_SCOPE, SCORE_FORMULA, departmentScore, emptyCounts, ratesOf, averageDaysOf, type Counts } from '@shared/domain/stats'
import { shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { Actor } from '@shared/domain/roles'
import type { Deps } from '../../ports'
import type { CountyDoc } from '../../model'
import type { UseCase } from '../../runtime/define-function'
import { countyStaffScope } from './scope'
import { figuresOf } from './figures'
import { scopeTotals, sumByKey } from './totals'

/** Deputies' comments listed per department in the notice. */
export const COMMENTS_PER_DEPARTMENT = 20

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)

function rowOf(code: string, name: string, c: Counts): Omit<EvaluationRow, 'rank' | 'comments'> {
  const r = ratesOf(c)
  return {
    departmentCode: code,
    departmentName: name,
    dispatched: c.dispatched,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    onTimeRate: r.onTimeRate,
    completionRate: r.completionRate,
    resolutionRate: r.resolutionRate,
    satisfactionRate: r.satisfactionRate,
    rated: c.satisfied + c.basicallySatisfied + c.unsatisfied,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    unsatisfied: c.unsatisfied,
    deputySatisfactionRate: r.deputySatisfactionRate,
    reopened: c.reopened,
    sentBack: c.sentBack,
    supervised: c.supervised,
    averageHandleDays: averageDaysOf(c).handle,
    score: departmentScore(c),
  }
}

/**
 * 评议通报 of one county-year, computed from the counters: every department of the county, its
 * figures, score and rank (ties share a rank; departments without dispatched items are not
 * ranked), and the deputies' newest comments on its work.
 */
export async function buildEvaluation(deps: Deps, county: CountyDoc, year: number): Promise<EvaluationView> {
  const repo = deps.repos.stats
  const from = `${year}-01`
  const to = `${year}-12`
  const [rows, departments, totals] = await Promise.all([
    repo.dimensionRows(county.code, COUNTY_SCOPE, 'department', from, to),
    repo.departmentsOfCounty(county.code),
    scopeTotals(repo, county.code, null, from, to),
  ])
  const sums = sumByKey(rows)
  const names = new Map(departments.map((d) => [d.code, d.name]))
  if ([...sums.keys()].some((k) => !names.has(k))) {
    for (const d of await repo.departments([...sums.keys()].filter((k) => !names.has(k)))) names.set(d.code, d.name)
  }
  const codes = [...new Set([...departments.map((d) => d.code), ...sums.keys()])]
  const base = codes.map((code) => rowOf(code, names.get(code) ?? code, sums.get(code) ?? emptyCounts()))
  base.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) || b.dispatched - a.dispatched || a.departmentCode.localeCompare(b.departmentCode),
  )
  const comments = await Promise.all(base.map((r) => repo.commentsOf(county.code, String(year), r.departmentCode, COMMENTS_PER_DEPARTMENT)))
  let rank = 0
  let previous: number | null = null
  const ranked: EvaluationRow[] = base.map((r, i) => {
    if (r.score !== null && r.score !== previous) rank = i + 1
    previous = r.score
    return {
      ...r,
      rank: r.score === null ? null : rank,
      comments: comments[i].map((c) => ({
        itemNumber: c.itemNumber,
        deputyName: c.deputyName,
        rating: c.rating,
        ratingLabel: RATING_LABELS[c.rating],
        comment: c.comment,
        at: c.at,
      })),
    }
  })
  const f = figuresOf(totals)
  return {
    countyCode: county.code,
    countyName: county.name,
    year,
    title: `${county.name}${year}年度承办单位办理代表建议和群众意见评议通报`,
    frozen: false,
    frozenAt: null,
    frozenByName: null,
    generatedAt: deps.clock.now().toISOString(),
    scoreFormula: SCORE_FORMULA,
    summary: [
      `${year}年，全县共收到选民点单${f.funnel.submitted}件，代表接单${f.funnel.accepted}件，即时答复${f.funnel.answered}件，提交人大${f.funnel.escalated}件；人大派单${f.funnel.dispatched}件，部门销单${f.funnel.resolved}件，群众验单${f.funnel.verified}件。`,
      `响应率${pct(f.rates.responseRate)}，解决率${pct(f.rates.resolutionRate)}，满意率${pct(f.rates.satisfactionRate)}，按时办结率${pct(f.rates.onTimeRate)}；不满意重新办理${f.other.reopened}件。`,
    ],
    rows: ranked,
  }
}

/** The evaluation as read: a frozen year's snapshot, or computed now. */
export async function readEvaluation(deps: Deps, county: CountyDoc, year: number): Promise<EvaluationView> {
  const snapshot = await deps.repos.stats.snapshot(county.code, year)
  if (snapshot) return evaluationView.parse(snapshot.evaluation)
  return buildEvaluation(deps, county, year)
}

type YearInput = { countyCode?: string; year: number }

/** 年终评议: per-department figures, ranking and comments (county staff). */
export const evaluation: UseCase<YearInput, EvaluationView> = async (deps, actor, input) => {
  const { county } = await countyStaffScope(deps, actor, input.countyCode)
  return readEvaluation(deps, county, input.year)
}

/**
 * 冻结年度: keeps the year's evaluation as it stands. Only a year that has ended (Asia/Shanghai)
 * can be frozen; from then on no counter row of that year changes (record.ts checks), so the
 * overview and breakdowns of the year stay as they were too. Freezing twice changes nothing.
 */
export const freezeYear: UseCase<YearInput, { countyCode: string; year: number; frozenAt: string; frozenByName: string; alreadyFrozen: boolean }> =
  async (deps, actor, input) => {
    const { county } = await countyStaffScope(deps, actor, input.countyCode)
    const repo = deps.repos.stats
    const existing = await repo.snapshot(county.code, input.year)
    const answer = (s: { frozenAt: string; frozenByName: string }, alreadyFrozen: boolean) => ({
      countyCode: county.code,
      year: input.year,
      frozenAt: s.frozenAt,
      frozenByName: s.frozenByName,
      alreadyFrozen,
    })
    if (existing) return answer(existing, true)
    const thisYear = Number(shanghaiDate(deps.clock.now()).slice(0, 4))
    if (input.year >= thisYear) throw new AppError('validation_failed', `${input.year}年度尚未结束，年度结束后才能冻结`, 'year')
    const frozenAt = deps.clock.now().toISOString()
    const frozenByName = nameOf(actor)
    const evaluationNow = await buildEvaluation(deps, county, input.year)
    const doc = {
      _id: `${county.code}:${input.year}`,
      countyCode: county.code,
      year: input.year,
      frozenAt,
      frozenBy: actor.openid,
      frozenByName,
      evaluation: { ...evaluationNow, frozen: true, frozenAt, frozenByName } as Record<string, unknown>,
    }
    if (await repo.insertSnapshot(doc)) return answer(doc, false)
    const winner = await repo.snapshot(county.code, input.year)
    return answer(winner ?? doc, true)
  }

function nameOf(actor: Actor): string {
  return actor.displayName ?? '人大工作人员'
}
