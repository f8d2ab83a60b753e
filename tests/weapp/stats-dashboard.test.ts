/**
 * 统计看板 in the weapp build (packages/stats, miniprogram-simulate, real functions): the headline
 * figures of this year as the overview answers them, and the funnel's table alternative (图表 →
 * 表格) with the same numbers. The simulator has no canvas: the chart's space stays empty and the
 * page goes on working, which is what an old WeChat without canvas 2d would show too.
 */
import { actions, who } from '../support/actors'
import { openPageForFile } from './page-fixture'

let overview: any

const pct = (r: number | null) => (r === null ? '—' : `${Number((Math.round(r * 1000) / 10).toFixed(1))}%`)

const { page, sim } = openPageForFile({
  prepare: async (backend) => {
    const a = actions(backend)
    // one item at each of these points of the loop, this month
    for (const point of ['accepted', 'answered', 'escalated', 'in_progress', 'resolved'] as const) await a.walkTo(point)
    const resolved = await a.walkTo('resolved')
    await a.ok(who.resident, 'rate', { id: resolved, rating: 'satisfied' })
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    const res = await backend.call('stats', { action: 'overview', payload: { from: `${year}-01`, to: `${year}-12` } }, who.countyStaff)
    if (!res.ok) throw new Error(res.message)
    overview = res.data
  },
  as: who.countyStaff, route: 'packages/stats/dashboard/index', ready: ['#headline', 'the headline figures', 20_000],
})

test('shows this year’s headline figures as the overview answers them', () => {
  const f = overview.figures
  expect(f.funnel.submitted).toBe(6)
  expect(page.text('#dashboard-scope')).toBe(`修武县 · 全县 · ${overview.from.slice(0, 4)}年`)
  expect(page.text('#tile-submitted')).toContain(`${f.funnel.submitted}件`)
  expect(page.text('#tile-response')).toContain(pct(f.rates.responseRate))
  expect(page.text('#tile-resolution')).toContain(pct(f.rates.resolutionRate))
  expect(page.text('#tile-satisfaction')).toContain(pct(f.rates.satisfactionRate))
  expect(page.text('#tile-ontime')).toContain(pct(f.rates.onTimeRate))
  expect(page.text('#tile-overdue')).toContain(`${overview.overdueNow}件`)
  // the stats calls the page made: this year, the whole county
  const asked = sim.cloudCalls.filter((c) => c.name === 'stats').map((c) => c.data.action)
  expect(asked).toEqual(expect.arrayContaining(['overview', 'breakdown', 'clusters']))
})

test('the funnel’s table alternative has the same numbers, stage by stage', async () => {
  await page.tap('funnel-show-table')
  await page.waitFor(() => page.text('#table-funnel'), 'the funnel table')
  const f = overview.funnel ?? overview.figures.funnel
  const stages: Array<[string, string, number]> = [
    ['submitted', '点单', f.submitted],
    ['accepted', '接单', f.accepted],
    ['answered', '即时答复', f.answered],
    ['escalated', '提交人大', f.escalated],
    ['dispatched', '派单', f.dispatched],
    ['resolved', '销单', f.resolved],
    ['verified', '验单', f.verified],
  ]
  expect(page.text('#table-funnel')).toContain('环节件数占点单')
  for (const [key, label, n] of stages) {
    expect(page.text(`#table-funnel-row-${key}`)).toMatch(new RegExp(`^${label}${n}(\\d+(\\.\\d)?%|—)$`))
  }
  expect(stages.map(([, , n]) => n)).toEqual([6, 6, 1, 4, 3, 2, 1])
})
