/**
 * The dashboard's chart builders (miniprogram/src/packages/stats/lib/chart-options.ts): what the
 * bars say and what the table alternative says must be the same numbers, in the order a reader
 * expects. Figures are made with the server's own figuresOf from counter sums, so they have the
 * exact shape the stats function answers.
 */
import type { BreakdownView } from '../../shared/api/stats'
import { addCounts, emptyCounts } from '../../shared/domain/stats'
import { figuresOf } from '../../cloudfunctions/_core/usecases/stats/figures'
import {
  FUNNEL_STAGES,
  averageDaysTable,
  categoryChart,
  departmentRankingChart,
  deputyMonthsChart,
  evaluationTable,
  funnelChart,
  monthlyTrendChart,
  type ChartModel,
} from '../../miniprogram/src/packages/stats/lib/chart-options'
import { formatRate, shortDepartmentName } from '../../miniprogram/src/packages/stats/lib/format'
import { addMonths, periodLabel, periodProblem, recentMonths } from '../../miniprogram/src/packages/stats/lib/period'

const figures = (counts: Record<string, number>) => figuresOf(addCounts(emptyCounts(), counts))

/** The seed's 修武 figures (DESIGN.md): 点单 290, 即时答复 88, 提交人大 207, 派单 207, 销单 197. */
const XIUWU = figures({ submitted: 290, accepted: 290, responded: 290, answered: 88, escalated: 207, dispatched: 207, resolved: 197, verified: 180, solved: 150, planned: 30, explained: 17 })

function breakdown(dimension: BreakdownView['dimension'], from: string, to: string, rows: Array<{ key: string; name: string; counts: Record<string, number> }>): BreakdownView {
  return {
    countyCode: 'xiuwu',
    township: null,
    dimension,
    dimensionLabel: dimension,
    from,
    to,
    rows: rows.map((r) => ({ key: r.key, name: r.name, figures: figures(r.counts) })),
    total: figures(rows.reduce<Record<string, number>>((acc, r) => {
      for (const [k, v] of Object.entries(r.counts)) acc[k] = (acc[k] ?? 0) + v
      return acc
    }, {})),
  }
}

const seriesData = (model: ChartModel, i = 0) => ((model.option.series as Array<{ data: unknown[] }>)[i]).data
const axisData = (model: ChartModel, axis: 'xAxis' | 'yAxis') => (model.option[axis] as { data: string[] }).data

describe('五单漏斗', () => {
  const model = funnelChart(XIUWU)

  it('has the seven stages in the order of the loop with their counts', () => {
    expect(FUNNEL_STAGES.map((s) => s.label)).toEqual(['点单', '接单', '即时答复', '提交人大', '派单', '销单', '验单'])
    expect(axisData(model, 'yAxis')).toEqual(['点单', '接单', '即时答复', '提交人大', '派单', '销单', '验单'])
    expect(seriesData(model)).toEqual([290, 290, 88, 207, 207, 197, 180])
    // 点单 at the top of a horizontal bar chart
    expect((model.option.yAxis as { inverse: boolean }).inverse).toBe(true)
    expect(model.empty).toBe(false)
  })

  it('tells the same numbers in its table, with the share of 点单', () => {
    expect(model.table.columns).toEqual(['环节', '件数', '占点单'])
    expect(model.table.rows.map((r) => r.cells[0])).toEqual(axisData(model, 'yAxis'))
    expect(model.table.rows.map((r) => r.values[1])).toEqual(seriesData(model))
    expect(model.table.rows.map((r) => r.cells[1])).toEqual(['290', '290', '88', '207', '207', '197', '180'])
    expect(model.table.rows[2].cells[2]).toBe('30.3%') // 88 / 290
    expect(model.table.rows[0].cells[2]).toBe('100%')
    expect(model.summary).toContain('点单290件，接单290件，即时答复88件，提交人大207件，派单207件，销单197件，验单180件')
  })

  it('is empty (not a blank chart) when nothing happened, and the share is “—”', () => {
    const none = funnelChart(figures({}))
    expect(none.empty).toBe(true)
    expect(none.table.rows[0].cells).toEqual(['点单', '0', '—'])
  })

  it('draws without animation and grows with 长辈模式 text', () => {
    expect(model.option.animation).toBe(false)
    const elder = funnelChart(XIUWU, { fontScale: 1.4 })
    expect(elder.height).toBeGreaterThan(model.height)
    expect((elder.option.yAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBe(18)
  })
})

describe('月度趋势', () => {
  // only March and May have items: every other month of the year is there with 0
  const view = breakdown('month', '2026-01', '2026-06', [
    { key: '2026-03', name: '2026年3月', counts: { submitted: 4, dispatched: 2, resolved: 1, satisfied: 1 } },
    { key: '2026-05', name: '2026年5月', counts: { submitted: 2, resolved: 3, satisfied: 1, unsatisfied: 1 } },
  ])
  const model = monthlyTrendChart(view)

  it('fills the months without items with 0', () => {
    expect(axisData(model, 'xAxis')).toEqual(['1月', '2月', '3月', '4月', '5月', '6月'])
    expect(seriesData(model, 0)).toEqual([0, 0, 4, 0, 2, 0])
    expect(seriesData(model, 1)).toEqual([0, 0, 1, 0, 3, 0])
    expect((model.option.series as Array<{ name: string }>).map((s) => s.name)).toEqual(['点单', '销单'])
  })

  it('has one table row per month with the same values and a total', () => {
    expect(model.table.rows.map((r) => r.cells[0])).toEqual(['1月', '2月', '3月', '4月', '5月', '6月'])
    expect(model.table.rows.map((r) => r.values[1])).toEqual(seriesData(model, 0))
    expect(model.table.rows.map((r) => r.values[3])).toEqual(seriesData(model, 1))
    expect(model.table.rows[4].cells).toEqual(['5月', '2', '0', '3', '50%'])
    expect(model.table.rows[0].cells[4]).toBe('—')
    expect(model.table.footer?.cells).toEqual(['合计', '6', '2', '4', formatRate(2 / 3)])
  })

  it('names the year when the period crosses one', () => {
    const across = monthlyTrendChart(breakdown('month', '2025-11', '2026-02', []))
    expect(axisData(across, 'xAxis')).toEqual(['25.11', '25.12', '26.1', '26.2'])
    expect(across.table.rows.map((r) => r.cells[0])).toEqual(['2025年11月', '2025年12月', '2026年1月', '2026年2月'])
    expect(across.empty).toBe(true)
  })
})

describe('按类别', () => {
  it('puts the categories with most 点单 first; the table follows the bars', () => {
    const model = categoryChart(
      breakdown('category', '2026-01', '2026-12', [
        { key: 'economy', name: '经济发展', counts: { submitted: 1 } },
        { key: 'transport', name: '交通出行', counts: { submitted: 5, resolved: 2, solved: 2 } },
        { key: 'environment', name: '环境保护', counts: { submitted: 1 } },
        { key: 'rural', name: '乡村振兴', counts: {} },
      ]),
    )
    expect(axisData(model, 'yAxis')).toEqual(['交通出行', '经济发展', '环境保护', '乡村振兴'])
    expect(seriesData(model)).toEqual([5, 1, 1, 0])
    expect(model.table.rows.map((r) => [r.cells[0], r.values[1]])).toEqual([['交通出行', 5], ['经济发展', 1], ['环境保护', 1], ['乡村振兴', 0]])
    expect(model.table.rows[0].cells).toEqual(['交通出行', '5', '2', '100%', '—'])
  })
})

describe('承办单位排名', () => {
  const view = breakdown('department', '2026-01', '2026-12', [
    // 解决率 2/4, 满意率 1/1
    { key: 'XW-D01', name: '修武县发展和改革委员会', counts: { dispatched: 4, resolved: 4, solved: 2, explained: 2, satisfied: 1, resolvedOnTime: 4 } },
    // 解决率 1, 满意率 1/2
    { key: 'XW-D09', name: '修武县交通运输局', counts: { dispatched: 3, resolved: 2, solved: 1, planned: 1, satisfied: 1, unsatisfied: 1, resolvedOnTime: 1 } },
    // 解决率 1 with fewer items dispatched: after 交通运输局
    { key: 'XW-D16', name: '修武县城市管理局', counts: { dispatched: 1, resolved: 1, solved: 1 } },
    // nothing resolved yet: no 解决率 to rank by
    { key: 'XW-D02', name: '修武县教育局', counts: { dispatched: 2 } },
  ])

  it('sorts by 解决率, ties by more 派单; departments without the figure are not ranked as 0', () => {
    const model = departmentRankingChart(view, 'resolutionRate')
    expect(axisData(model, 'yAxis')).toEqual(['交通运输局', '城市管理局', '发展和改革委员会'])
    expect(seriesData(model)).toEqual([100, 100, 50])
    expect(model.table.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['1', '修武县交通运输局'],
      ['1', '修武县城市管理局'],
      ['3', '修武县发展和改革委员会'],
    ])
    // the table's rate column is the bar's value
    expect(model.table.rows.map((r) => ((r.values[4] as number) * 100))).toEqual(seriesData(model))
    expect(model.unranked).toEqual(['修武县教育局'])
  })

  it('re-sorts by 满意率 and by 派单数', () => {
    const bySatisfaction = departmentRankingChart(view, 'satisfactionRate')
    expect(bySatisfaction.table.rows.map((r) => r.key)).toEqual(['XW-D01', 'XW-D09'])
    expect(seriesData(bySatisfaction)).toEqual([100, 50])
    expect(bySatisfaction.unranked).toEqual(['修武县城市管理局', '修武县教育局'])
    const byDispatched = departmentRankingChart(view, 'dispatched')
    expect(seriesData(byDispatched)).toEqual([4, 3, 2, 1])
    expect(byDispatched.table.rows.map((r) => r.values[2])).toEqual([4, 3, 2, 1])
    const values = seriesData(byDispatched) as number[]
    expect([...values].sort((a, b) => b - a)).toEqual(values)
  })

  it('is empty without departments', () => {
    const none = departmentRankingChart(breakdown('department', '2026-01', '2026-12', []), 'resolutionRate')
    expect(none.empty).toBe(true)
    expect(none.summary).toBe('本时段没有可按解决率排名的承办单位。')
  })
})

describe('履职档案与平均用时', () => {
  it('fills the twelve months of the deputy’s year', () => {
    const model = deputyMonthsChart({
      deputyCode: 'XWT01-R1', deputyName: '王建国', year: 2026, taken: 3, answered: 1, escalated: 2, dispatched: 2, resolved: 1, verified: 1, reopened: 0,
      ratingsReceived: { satisfied: 1, basicallySatisfied: 0, unsatisfied: 0, rated: 1, satisfactionRate: 1 },
      ratingsGiven: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, rated: 0 },
      averageResponseDays: 0.5,
      receptions: { scheduled: 2, attended: 1, minimumPerYear: 2, met: false },
      months: [{ month: '2026-04', taken: 3, answered: 1, escalated: 2 }],
    })
    expect(axisData(model, 'xAxis')).toHaveLength(12)
    expect(seriesData(model, 0)).toEqual([0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(model.table.rows[3].cells).toEqual(['4月', '3', '1', '2'])
    expect(model.table.rows.map((r) => r.values[2])).toEqual(seriesData(model, 1))
    expect(model.table.footer?.cells).toEqual(['全年', '3', '1', '2'])
  })

  it('lists the average days per stage, “—” where no item passed', () => {
    const t = averageDaysTable(figures({ responded: 2, responseSeconds: 2 * 86400 * 1.5 }))
    expect(t.rows.map((r) => r.cells[0])).toEqual(['响应', '代表处理', '派单', '办理', '验单', '全程'])
    expect(t.rows[0].cells[2]).toBe('1.5天')
    expect(t.rows[3].cells[2]).toBe('—')
  })
})

describe('评议通报', () => {
  it('lists the ranked departments in the server’s order and names the others under the table', () => {
    const row = (rank: number | null, code: string, name: string, score: number | null, extra: Record<string, unknown> = {}) => ({
      rank, departmentCode: code, departmentName: name, dispatched: 2, resolved: 2, resolvedOnTime: 2, onTimeRate: 1, completionRate: 1, resolutionRate: 1,
      satisfactionRate: 0.5, rated: 2, satisfied: 1, basicallySatisfied: 0, unsatisfied: 1, deputySatisfactionRate: null, reopened: 0, sentBack: 0, supervised: 0,
      averageHandleDays: 3.5, score, comments: [], ...extra,
    })
    const { table, unranked } = evaluationTable({
      countyCode: 'xiuwu', countyName: '修武县', year: 2025, title: 't', frozen: false, frozenAt: null, frozenByName: null, generatedAt: '2026-01-05T02:00:00.000Z',
      scoreFormula: 'f', summary: [],
      rows: [row(1, 'XW-D09', '修武县交通运输局', 80), row(1, 'XW-D16', '修武县城市管理局', 80, { reopened: 1 }), row(3, 'XW-D02', '修武县教育局', 18.5), row(null, 'XW-D01', '修武县发展和改革委员会', null)],
    })
    expect(table.columns).toEqual(['排名', '承办单位', '派单', '销单', '按时办结率', '办结率', '解决率', '满意率', '代表满意率', '重新办理', '综合得分'])
    expect(table.rows.map((r) => [r.cells[0], r.cells[1], r.cells[10]])).toEqual([
      ['1', '修武县交通运输局', '80.00'],
      ['1', '修武县城市管理局', '80.00'],
      ['3', '修武县教育局', '18.50'],
    ])
    expect(table.rows[0].cells.slice(4, 9)).toEqual(['100%', '100%', '100%', '50%', '—'])
    expect(table.rows[1].values[9]).toBe(1)
    expect(unranked).toEqual(['修武县发展和改革委员会'])
  })
})

describe('formatting and periods', () => {
  it('writes rates as percentages and shortens department names', () => {
    expect([formatRate(0.8571), formatRate(1), formatRate(0), formatRate(null)]).toEqual(['85.7%', '100%', '0%', '—'])
    expect(shortDepartmentName('修武县交通运输局')).toBe('交通运输局')
    expect(shortDepartmentName('临颍县人民法院')).toBe('人民法院')
  })

  it('labels and checks periods', () => {
    expect(periodLabel({ from: '2026-01', to: '2026-12' })).toBe('2026年')
    expect(periodLabel({ from: '2026-03', to: '2026-05' })).toBe('2026年3月—5月')
    expect(periodLabel({ from: '2025-11', to: '2026-02' })).toBe('2025年11月—2026年2月')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(recentMonths(12, Date.parse('2026-04-10T00:00:00Z'))).toEqual({ from: '2025-05', to: '2026-04' })
    expect(periodProblem({ from: '2026-05', to: '2026-03' })).toBe('结束月份不能早于开始月份')
    expect(periodProblem({ from: '2026-01', to: '2026-03' })).toBeNull()
  })
})
