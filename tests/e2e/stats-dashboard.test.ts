/**
 * Issue 7 in Chromium on the H5 build, against the real functions: the statistics subpackage.
 *
 * The backend's clock is fixed at Monday 2026-04-20 10:00 Beijing. 2025 gets a small year of its
 * own (three items dispatched to two departments, rated, one commented by the deputy) so it can be
 * evaluated and frozen; 2026 gets the local demo's items in every state (seed-demo-items) plus
 * two alike concerns from two townships, which make a topic cluster.
 *
 * What a user sees is checked against what the stats function answers for the same question:
 * the headline figures, the funnel (drawn, and as a table), a period switch, the evaluation's
 * ranking, the Excel download, print CSS, freezing; a deputy's 履职档案; and the refusal shown to
 * a resident and a deputy. axe-core: no contrast or target-size violations on the dashboard.
 * Screenshots: tests/artifacts/stats-*.png.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { seedDemoItems } from '../../cloudfunctions/_core/seed/seed-demo-items'
import { actions, who } from '../support/actors'
import { fixedClock } from '../support/backend'
import { stats } from '../support/stats'
import { ARTIFACTS, startE2E, visible, type E2E } from './harness'

const clock = fixedClock('2026-04-20T02:00:00.000Z')
const STAFF = who.countyStaff
const DEPUTY = who.deputy // 王建国, XWT01-R1
const DASHBOARD = '/#/packages/stats/dashboard/index'
const EVALUATION = '/#/packages/stats/evaluation/index'
const RECORD = '/#/packages/stats/deputy-record/index'
const SHOWN = '.taro_page_show:not(.taro_page_shade)'
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

let e2e: E2E
let s: ReturnType<typeof stats>
let staff: Page

/** The rate as the page writes it: one decimal, no trailing .0, "—" without a denominator. */
const pct = (r: number | null) => (r === null ? '—' : `${Number((Math.round(r * 1000) / 10).toFixed(1))}%`)

beforeAll(async () => {
  e2e = await startE2E({ clock })
  s = stats(e2e.backend)
  const a = actions(e2e.backend)

  // 2025: 交通运输局 solves two items on time (satisfied, basically satisfied), 城市管理局 explains one (unsatisfied)
  clock.set('2025-06-02T01:00:00.000Z')
  const walk = async (department: string, outcome: string, rating: string) => {
    const { id } = await a.submit('南环路与工业路交叉口没有红绿灯，早晚高峰经常堵车，存在安全隐患。')
    await a.ok(DEPUTY, 'accept', { id, categoryCode: 'transport', grade: 'normal' })
    await a.ok(DEPUTY, 'escalate', { id, target: 'county', note: '需职能部门办理' })
    await a.ok(STAFF, 'dispatch', { id, departmentCode: department, requirements: '按期办结', workdays: 10 })
    await a.ok(`demo-department-${department}`, 'acknowledge', { id })
    await a.ok(`demo-department-${department}`, 'resolve', { id, reply: '已办理', outcome, ...(outcome === 'planned' ? { promisedDate: '2025-12-31' } : {}) })
    await a.ok(who.resident, 'rate', { id, rating })
    return id
  }
  const first = await walk('XW-D09', 'solved', 'satisfied')
  await a.ok(DEPUTY, 'deputyRate', { id: first, rating: 'satisfied', comment: '信号灯安装及时，群众反映良好' })
  await walk('XW-D09', 'planned', 'basically_satisfied')
  await walk('XW-D16', 'explained', 'unsatisfied')

  // 2026: the demo items (one in every state), then two alike concerns from two townships
  clock.set('2026-04-20T02:00:00.000Z')
  await seedDemoItems(e2e.backend.deps)
  const alike = '村里路灯坏了好几个月，晚上出门黑灯瞎火，老人孩子走路不安全，希望尽快修好路灯。'
  await a.submit(alike, who.resident, { stationCode: 'XWT01', categoryCode: 'urban_rural_construction' })
  await a.submit(`七贤镇${alike}`, who.otherResident, { stationCode: 'XWT02', categoryCode: 'urban_rural_construction' })

  staff = await e2e.open(STAFF)
}, 300_000)
afterAll(() => e2e?.close())

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(visible(selector)).first().innerText()).trim()
}

/** The headline tiles as the page shows them. */
async function headline(page: Page) {
  const value = (id: string) => text(page, `#${id} .st-tile__value`)
  return {
    submitted: await value('tile-submitted'),
    response: await value('tile-response'),
    resolution: await value('tile-resolution'),
    satisfaction: await value('tile-satisfaction'),
    onTime: await value('tile-ontime'),
    overdue: await value('tile-overdue'),
  }
}

function expectedHeadline(o: any) {
  const r = o.figures.rates
  return {
    submitted: `${o.figures.funnel.submitted}件`,
    response: pct(r.responseRate),
    resolution: pct(r.resolutionRate),
    satisfaction: pct(r.satisfactionRate),
    onTime: pct(r.onTimeRate),
    overdue: `${o.overdueNow}件`,
  }
}

/** How much of a chart's canvas is painted, and how much of it in the accent red of the bars. */
async function canvasInk(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel) as HTMLCanvasElement | null
    if (!canvas) return null
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    let accent = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) painted++
      if (data[i + 3] > 200 && Math.abs(data[i] - 0xc8) < 24 && Math.abs(data[i + 1] - 0x16) < 24 && Math.abs(data[i + 2] - 0x1d) < 24) accent++
    }
    return { painted, accent, pixels: data.length / 4 }
  }, visible(selector))
}

/** The rows of a table alternative: header cell and data cells, as read. */
async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(visible(`${selector} tbody tr`)).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  )
}

async function axe(page: Page, rules: string[]) {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE })
  const result = (await page.evaluate(`axe.run(document.querySelector(${JSON.stringify(SHOWN)}), ${JSON.stringify({ runOnly: { type: 'rule', values: rules } })})`)) as {
    violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>
  }
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join(' | ')}`)
}

/** Elements that stick out of the 390 px screen (a table scrolling inside its own region excepted). */
async function sticksOut(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = []
    const vw = document.documentElement.clientWidth
    const root = document.querySelector(${JSON.stringify(SHOWN)})
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('.st-table-wrap table, canvas')) continue
      const cs = getComputedStyle(el)
      if (cs.display === 'none' || cs.position === 'fixed') continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (r.right > vw + 1 || r.left < -1) out.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + [...el.classList].join('.')) + ' ' + Math.round(r.left) + '…' + Math.round(r.right))
    }
    return out
  })()`)) as string[]
}

/** The whole page, not just the first screen (Taro H5 scrolls inside the page element). */
async function fullScreenshot(page: Page, name: string, width = 390): Promise<string> {
  await page.waitForTimeout(500)
  const size = page.viewportSize() ?? { width: 390, height: 844 }
  if (width !== size.width) {
    await page.setViewportSize({ width, height: size.height })
    await page.waitForTimeout(400)
  }
  const height = (await page.evaluate(`document.querySelector(${JSON.stringify(SHOWN)}).scrollHeight`)) as number
  await page.setViewportSize({ width, height: Math.min(Math.max(height, size.height), 7000) })
  await page.waitForTimeout(500)
  const file = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file })
  await page.setViewportSize(size)
  await page.waitForTimeout(300)
  return file
}

describe('统计看板 (county staff)', () => {
  it('is reached from 我的 and shows the headline figures the overview answers for this year', async () => {
    await staff.goto(`${e2e.base}/#/pages/mine/index`)
    await staff.waitForSelector(visible('#entry-stats-dashboard'), { timeout: 30_000 })
    expect(await text(staff, '#entry-stats-evaluation')).toContain('评议通报')
    await staff.locator(visible('#entry-stats-dashboard')).click()
    await staff.waitForSelector(visible('#headline'), { timeout: 30_000 })

    const overview = await s.ok(STAFF, 'overview', { from: '2026-01', to: '2026-12' })
    expect(overview.figures.funnel.submitted).toBeGreaterThan(5)
    expect(overview.overdueNow).toBeGreaterThan(0)
    expect(await headline(staff)).toEqual(expectedHeadline(overview))
    expect(await text(staff, '#dashboard-scope')).toBe('修武县 · 全县 · 2026年')
    expect(await staff.locator(visible('#chip-period-y2026')).getAttribute('aria-pressed')).toBe('true')
    await e2e.screenshot(staff, 'stats-dashboard')
  }, 120_000)

  it('is one tap from the 派单台 too', async () => {
    await staff.goto(`${e2e.base}/#/packages/staff/board/index`)
    await staff.locator(visible('#link-dashboard')).click()
    await staff.waitForSelector(visible('#headline'), { timeout: 30_000 })
    expect(await text(staff, '#dashboard-scope')).toBe('修武县 · 全县 · 2026年')
  }, 120_000)

  it("shows a township's 人大主席团 only their township, without the township picker", async () => {
    const township = await e2e.open('demo-staff-XW-STAFF-城关镇')
    await township.goto(`${e2e.base}${DASHBOARD}`)
    await township.waitForSelector(visible('#headline'), { timeout: 30_000 })
    expect(await text(township, '#dashboard-scope')).toBe('修武县 · 城关镇 · 2026年')
    expect(await township.locator(visible('#township-toggle')).count()).toBe(0)
    const own = await s.ok('demo-staff-XW-STAFF-城关镇', 'overview', { from: '2026-01', to: '2026-12' })
    expect(own.township).toBe('城关镇')
    expect(await headline(township)).toEqual(expectedHeadline(own))
  }, 120_000)

  it('draws the five-order funnel, and its table alternative has the same numbers', async () => {
    const overview = await s.ok(STAFF, 'overview', { from: '2026-01', to: '2026-12' })
    const f = overview.figures.funnel
    const stages: Array<[string, number]> = [
      ['点单', f.submitted], ['接单', f.accepted], ['即时答复', f.answered], ['提交人大', f.escalated], ['派单', f.dispatched], ['销单', f.resolved], ['验单', f.verified],
    ]
    await staff.waitForSelector(visible('#chart-funnel canvas'))
    await staff.waitForFunction((sel) => {
      const c = document.querySelector(sel) as HTMLCanvasElement | null
      return !!c && c.width > 0
    }, visible('#chart-funnel canvas'))
    const ink = await canvasInk(staff, '#chart-funnel canvas')
    expect(ink).not.toBeNull()
    expect(ink!.painted).toBeGreaterThan(ink!.pixels * 0.02) // labels, axis and bars
    expect(ink!.accent).toBeGreaterThan(1000) // the red bars themselves
    // the picture's text alternative names every stage with its count
    const label = await staff.locator(visible('#chart-funnel')).getAttribute('aria-label')
    expect(label).toBe(`五单漏斗：${stages.map(([l, n]) => `${l}${n}件`).join('，')}。`)

    await staff.locator(visible('#funnel-show-table')).click()
    await staff.waitForSelector(visible('#table-funnel table'))
    expect(await staff.locator(visible('#funnel-show-table')).getAttribute('aria-pressed')).toBe('true')
    const rows = await tableRows(staff, '#table-funnel')
    expect(rows.map((r) => [r[0], Number(r[1])])).toEqual(stages)
    expect(await staff.locator(visible('#table-funnel th[scope="col"]')).allInnerTexts()).toEqual(['环节', '件数', '占点单'])
    await staff.locator(visible('#card-funnel')).scrollIntoViewIfNeeded()
    await e2e.screenshot(staff, 'stats-dashboard-funnel-table')
    // and back to the picture
    await staff.locator(visible('#funnel-show-chart')).click()
    await staff.waitForSelector(visible('#chart-funnel canvas'))
  }, 60_000)

  it('has the monthly trend, categories and department ranking as the breakdowns answer', async () => {
    const months = await s.ok(STAFF, 'breakdown', { from: '2026-01', to: '2026-12', dimension: 'month' })
    await staff.locator(visible('#trend-show-table')).click()
    const trend = await tableRows(staff, '#table-trend')
    expect(trend.map((r) => r[0])).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'])
    expect(trend.map((r) => Number(r[1]))).toEqual(months.rows.map((r: any) => r.figures.funnel.submitted))
    expect(trend[11].slice(1, 4)).toEqual(['0', '0', '0']) // December has not come yet

    const departments = await s.ok(STAFF, 'breakdown', { from: '2026-01', to: '2026-12', dimension: 'department' })
    await staff.locator(visible('#chip-metric-dispatched')).click()
    await staff.locator(visible('#departments-show-table')).click()
    const ranking = await tableRows(staff, '#table-departments')
    const byDispatched = departments.rows.filter((r: any) => r.figures.funnel.dispatched > 0)
    expect(ranking).toHaveLength(byDispatched.length)
    const counts = ranking.map((r) => Number(r[2]))
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(ranking.map((r) => r[1]).sort()).toEqual(byDispatched.map((r: any) => r.name).sort())

    await staff.locator(visible('#card-reception')).scrollIntoViewIfNeeded()
    expect(await text(staff, '#tile-sessions .st-tile__value')).toMatch(/^\d+次$/)
  }, 60_000)

  it('shows topic clusters with their advice and links to the items', async () => {
    const answer = await s.ok(STAFF, 'clusters', { minSize: 2 })
    const cluster = answer.clusters.find((c: any) => c.categoryCode === 'urban_rural_construction')
    expect(cluster).toBeDefined()
    await staff.locator(visible('#card-clusters')).scrollIntoViewIfNeeded()
    const card = await text(staff, '#card-clusters')
    expect(card).toContain(cluster.adviceText)
    expect(card).toContain('建议联名提出建议')
    await staff.locator(visible(`#cluster-item-${cluster.items[0].id}`)).click()
    await staff.waitForFunction(() => location.hash.includes('/packages/staff/item/index'))
    await staff.waitForSelector(visible('.item-head .state-chip'), { timeout: 30_000 })
    await staff.goBack()
    await staff.waitForSelector(visible('#headline'))
  }, 60_000)

  it('switches the period and the township: the figures follow', async () => {
    await staff.goto(`${e2e.base}${DASHBOARD}`)
    await staff.waitForSelector(visible('#headline'))
    const y2025 = await s.ok(STAFF, 'overview', { from: '2025-01', to: '2025-12' })
    const y2026 = await s.ok(STAFF, 'overview', { from: '2026-01', to: '2026-12' })
    expect(y2025.figures.funnel.submitted).not.toBe(y2026.figures.funnel.submitted)
    await staff.locator(visible('#chip-period-y2025')).click()
    await staff.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
      [visible('#tile-submitted .st-tile__value'), `${y2025.figures.funnel.submitted}件`] as const,
      { timeout: 20_000 },
    )
    expect(await headline(staff)).toEqual(expectedHeadline(y2025))
    expect(await text(staff, '#dashboard-scope')).toBe('修武县 · 全县 · 2025年')

    await staff.locator(visible('#chip-period-y2026')).click()
    expect(await text(staff, '#township-toggle')).toContain('全县')
    await staff.locator(visible('#township-toggle')).click()
    await staff.locator(visible('#chip-township-七贤镇')).click()
    const qixian = await s.ok(STAFF, 'overview', { from: '2026-01', to: '2026-12', township: '七贤镇' })
    await staff.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
      [visible('#tile-submitted .st-tile__value'), `${qixian.figures.funnel.submitted}件`] as const,
      { timeout: 20_000 },
    )
    expect(await text(staff, '#dashboard-scope')).toBe('修武县 · 七贤镇 · 2026年')
    expect(await headline(staff)).toEqual(expectedHeadline(qixian))
    expect(qixian.figures.funnel.submitted).toBe(1)
    expect(await text(staff, '#township-toggle')).toContain('七贤镇')
    await staff.locator(visible('#township-toggle')).click()
    await staff.locator(visible('#chip-township-\\*')).click()
    await staff.waitForFunction((want) => document.querySelector(`.taro_page_show:not(.taro_page_shade) #dashboard-scope`)?.textContent?.includes(want), '全县')

    // 自定义: two month pickers, starting with the last three months (the phone's clock)
    const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
    const now = new Date(Date.now() + 8 * 3600_000)
    const to = month(now)
    const from = month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)))
    const custom = await s.ok(STAFF, 'overview', { from, to })
    await staff.locator(visible('#chip-period-custom')).click()
    await staff.waitForSelector(visible('#custom-period'))
    expect(await text(staff, '#custom-from')).toContain('开始月份')
    expect(await text(staff, '#custom-to')).toContain(`${Number(to.slice(5))}月`)
    await staff.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
      [visible('#tile-submitted .st-tile__value'), `${custom.figures.funnel.submitted}件`] as const,
      { timeout: 20_000 },
    )
    expect(await headline(staff)).toEqual(expectedHeadline(custom))
  }, 60_000)

  it('has no contrast or target-size violations (axe), and nothing sticks out at 1.4× text', async () => {
    await staff.goto(`${e2e.base}${DASHBOARD}`)
    await staff.waitForSelector(visible('#chart-funnel canvas'))
    expect(await axe(staff, ['color-contrast', 'target-size'])).toEqual([])
    for (const name of ['funnel', 'trend', 'category', 'departments']) await staff.locator(visible(`#${name}-show-table`)).click()
    expect(await axe(staff, ['color-contrast', 'target-size'])).toEqual([])
    // the table alternative is a table a screen reader can walk: ARIA and table rules hold
    expect(await axe(staff, ['aria-allowed-attr', 'aria-required-children', 'aria-required-parent', 'td-headers-attr', 'th-has-data-cells', 'scrollable-region-focusable', 'button-name'])).toEqual([])

    const elder = await e2e.open(STAFF)
    await elder.context().addInitScript(() => window.localStorage.setItem('wudantong.elderMode', JSON.stringify({ data: '1' })))
    await elder.goto(`${e2e.base}${DASHBOARD}`)
    await elder.waitForSelector(visible('#chart-funnel canvas'))
    expect(await elder.evaluate(`getComputedStyle(document.documentElement).getPropertyValue('--wdt-font-scale').trim()`)).toBe('1.4')
    expect(await sticksOut(elder)).toEqual([])
    expect(await axe(elder, ['color-contrast', 'target-size'])).toEqual([])
    await fullScreenshot(elder, 'stats-dashboard-elder')
    // the other two pages at 1.4× too (the evaluation's wide table scrolls inside its own region)
    for (const [route, ready] of [[`${EVALUATION}?year=2025`, '#evaluation-table'], [`${RECORD}?deputyCode=XWT01-R1`, '#record-content']]) {
      await elder.goto(`${e2e.base}${route}`)
      await elder.waitForSelector(visible(ready), { timeout: 30_000 })
      expect(await sticksOut(elder)).toEqual([])
      expect(await axe(elder, ['color-contrast', 'target-size'])).toEqual([])
    }
  }, 120_000)

  it('whole page, for a look', async () => {
    await staff.goto(`${e2e.base}${DASHBOARD}`)
    await staff.waitForSelector(visible('#chart-funnel canvas'))
    await staff.waitForSelector(visible('#cluster-0'))
    await fullScreenshot(staff, 'stats-dashboard-full')
  }, 60_000)
})

describe('年度评议通报', () => {
  it('shows 2025’s ranking as the evaluation answers it, with the comments and the formula', async () => {
    const answer = await s.ok(STAFF, 'evaluation', { year: 2025 })
    await staff.goto(`${e2e.base}${EVALUATION}?year=2025`)
    await staff.waitForSelector(visible('#evaluation-table table'), { timeout: 30_000 })
    expect(await text(staff, '#evaluation-title')).toBe('修武县2025年度承办单位办理代表建议和群众意见评议通报')
    expect(await text(staff, '#evaluation-summary')).toContain(answer.summary[0])
    const rows = await tableRows(staff, '#evaluation-table')
    const ranked = answer.rows.filter((r: any) => r.rank !== null)
    expect(rows.map((r) => [Number(r[0]), r[1], Number(r[10])])).toEqual(ranked.map((r: any) => [r.rank, r.departmentName, r.score]))
    expect(rows[0].slice(0, 4)).toEqual(['1', '修武县交通运输局', '2', '2'])
    expect(await text(staff, '#score-formula')).toBe(answer.scoreFormula)
    expect(await text(staff, '#comments-XW-D09')).toContain('信号灯安装及时，群众反映良好')
    expect(await text(staff, '#frozen-status')).toContain('未冻结')
    await e2e.screenshot(staff, 'stats-evaluation')
    await fullScreenshot(staff, 'stats-evaluation-full')
  }, 60_000)

  it('导出Excel downloads the workbook from the local server', async () => {
    const [download] = await Promise.all([staff.waitForEvent('download', { timeout: 30_000 }), staff.locator(visible('#export-button')).click()])
    expect(download.suggestedFilename()).toBe('evaluation-xiuwu-2025.xlsx')
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK') // an xlsx is a zip
  }, 60_000)

  it('prints without its buttons, the table whole on A4', async () => {
    await staff.emulateMedia({ media: 'print' })
    try {
      for (const id of ['#export-button', '#print-button', '#freeze-button', '#chips-year']) {
        expect(await staff.locator(visible(id)).isVisible()).toBe(false)
      }
      expect(await staff.locator(visible('#evaluation-table table')).isVisible()).toBe(true)
      expect(await staff.locator(visible('#evaluation-title')).isVisible()).toBe(true)
      // A4 portrait at 96 dpi minus the page margins: the table fits, it does not scroll
      await staff.setViewportSize({ width: 704, height: 1000 })
      const fits = await staff.evaluate((sel) => {
        const wrap = document.querySelector(sel) as HTMLElement
        return wrap.scrollWidth <= wrap.clientWidth + 1
      }, visible('#evaluation-table'))
      expect(fits).toBe(true)
      await fullScreenshot(staff, 'stats-evaluation-print', 704)
    } finally {
      await staff.setViewportSize({ width: 390, height: 844 })
      await staff.emulateMedia({ media: 'screen' })
    }
    expect(await staff.locator(visible('#export-button')).isVisible()).toBe(true)
  }, 60_000)

  it('freezes 2025 after a confirmation and then shows 已冻结 with who and when', async () => {
    await staff.locator(visible('#freeze-button')).click()
    await staff.waitForSelector('.taro__modal .taro-model__confirm', { state: 'visible' })
    expect(await staff.locator('.taro__modal').innerText()).toContain('不能撤销')
    await staff.locator('.taro__modal .taro-model__confirm').click()
    await staff.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('已冻结'), visible('#frozen-status'), { timeout: 20_000 })
    const status = await text(staff, '#frozen-status')
    expect(status).toContain('吕保国')
    expect(status).toMatch(/于2026年4月20日 \d{2}:\d{2}冻结/)
    expect(await staff.locator(visible('#freeze-button')).count()).toBe(0)
    const answer = await s.ok(STAFF, 'evaluation', { year: 2025 })
    expect(answer).toMatchObject({ frozen: true, frozenByName: expect.stringContaining('吕保国') })
    expect(status).toContain(answer.frozenByName)
    await e2e.screenshot(staff, 'stats-evaluation-frozen')

    // the dashboard says the year is frozen
    await staff.goto(`${e2e.base}${DASHBOARD}?year=2025`)
    await staff.waitForSelector(visible('#frozen-note'))
    expect(await text(staff, '#frozen-note')).toContain('2025年度已冻结')
  }, 60_000)

  it('cannot freeze the running year', async () => {
    await staff.goto(`${e2e.base}${EVALUATION}?year=2026`)
    await staff.waitForSelector(visible('#freeze-button'))
    expect(await staff.locator(visible('#freeze-button')).getAttribute('aria-disabled')).toBe('true')
    expect(await text(staff, '#freeze-hint')).toBe('2026年度尚未结束，年度结束后才能冻结。')
    // a tap does nothing: no confirmation, nothing frozen
    await staff.locator(visible('#freeze-button')).click()
    await staff.waitForTimeout(500)
    expect(await staff.locator('.taro__modal .taro-model__confirm').isVisible()).toBe(false)
    expect((await s.ok(STAFF, 'evaluation', { year: 2026 })).frozen).toBe(false)
  }, 60_000)
})

describe('履职档案 and who may see what', () => {
  it('a deputy opens their own 履职档案 from 我的', async () => {
    const record = await s.ok(DEPUTY, 'deputyRecord', { year: 2026 })
    const deputy = await e2e.open(DEPUTY)
    await deputy.goto(`${e2e.base}/#/pages/mine/index`)
    await deputy.waitForSelector(visible('#entry-deputy-record'), { timeout: 30_000 })
    expect(await deputy.locator(visible('#entry-stats-dashboard')).count()).toBe(0)
    await deputy.locator(visible('#entry-deputy-record')).click()
    await deputy.waitForSelector(visible('#record-content'), { timeout: 30_000 })
    expect(await text(deputy, '#record-who')).toBe('王建国 · 2026年度')
    expect(await text(deputy, '#tile-taken .st-tile__value')).toBe(`${record.taken}件`)
    expect(await text(deputy, '#tile-answered .st-tile__value')).toBe(`${record.answered}件`)
    expect(await text(deputy, '#tile-escalated .st-tile__value')).toBe(`${record.escalated}件`)
    await deputy.waitForSelector(visible('#chart-record-months canvas'))
    expect((await canvasInk(deputy, '#chart-record-months canvas'))!.accent).toBeGreaterThan(50)
    await deputy.locator(visible('#record-months-show-table')).click()
    const rows = await tableRows(deputy, '#table-record-months')
    expect(rows).toHaveLength(12)
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(record.taken)
    await fullScreenshot(deputy, 'stats-deputy-record')

    // 2025: the year of the three items above
    const y2025 = await s.ok(DEPUTY, 'deputyRecord', { year: 2025 })
    await deputy.locator(visible('#chip-year-2025')).click()
    await deputy.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('2025年度'), visible('#record-who'))
    await deputy.waitForSelector(visible('#tile-taken'))
    expect(await text(deputy, '#tile-taken .st-tile__value')).toBe(`${y2025.taken}件`)
  }, 90_000)

  it('staff open a deputy’s 履职档案 from the dashboard’s 代表履职 (?deputyCode=)', async () => {
    await staff.goto(`${e2e.base}${DASHBOARD}`)
    await staff.waitForSelector(visible('#deputy-XWT05-R1'), { timeout: 30_000 })
    await staff.locator(visible('#deputy-XWT05-R1')).click()
    await staff.waitForFunction(() => location.hash.includes(`/packages/stats/deputy-record/index?deputyCode=XWT05-R1`))
    expect(staff.url()).toContain(RECORD.slice(1))
    await staff.waitForSelector(visible('#record-content'), { timeout: 30_000 })
    const record = await s.ok(STAFF, 'deputyRecord', { deputyCode: 'XWT05-R1', year: 2026 })
    expect(await text(staff, '#record-who')).toBe(`${record.deputyName} · 2026年度`)
    expect(await text(staff, '#tile-taken .st-tile__value')).toBe(`${record.taken}件`)
  }, 60_000)

  it('a resident and a deputy are told the dashboard is for congress staff', async () => {
    for (const openid of [who.resident, DEPUTY]) {
      const page = await e2e.open(openid)
      await page.goto(`${e2e.base}${DASHBOARD}`)
      await page.waitForSelector(visible('#dashboard-forbidden'), { timeout: 30_000 })
      expect(await text(page, '#dashboard-forbidden')).toContain('只有人大工作人员可以查看统计看板')
      expect(await page.locator(visible('#headline')).count()).toBe(0)
      if (openid === DEPUTY) await e2e.screenshot(page, 'stats-dashboard-forbidden')
    }
    const resident = await e2e.open(who.resident)
    await resident.goto(`${e2e.base}${EVALUATION}`)
    await resident.waitForSelector(visible('#evaluation-forbidden'), { timeout: 30_000 })
    expect(await text(resident, '#evaluation-forbidden')).toContain('年度评议由县人大常委会工作人员进行')
  }, 90_000)
})
