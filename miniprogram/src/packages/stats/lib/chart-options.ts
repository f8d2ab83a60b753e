/**
 * The dashboard's charts as pure functions: an API view in, an ECharts option and the table that
 * says the same thing out. The page draws the option (components/EChart.tsx) and offers the table
 * as its alternative (图表 / 表格), so both are built here from the same numbers: a chart bar and
 * its table cell can never disagree. No Taro, no ECharts runtime: unit-tested in
 * tests/unit/stats-chart-options.test.ts.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { BreakdownView, DeputyRecordView, EvaluationView, FiguresView } from '@shared/api/stats'
import { CATEGORIES } from '@shared/domain/categories'
import { monthsBetween } from '@shared/domain/stats'
import { formatCount, formatDays, formatRate, formatShare, ratePercent, shortDepartmentName } from './format'

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

/** The app's palette (app.css): every colour used for text keeps ≥ 4.5:1 on white. */
export const PALETTE = {
  accent: '#c8161d',
  blue: '#1d56b0',
  green: '#1a6d3d',
  amber: '#9a4f00',
  text: '#1d2129',
  text2: '#4e5563',
  line: '#e8eaef',
} as const

export interface TableRow {
  key: string
  /** what each cell shows; the first cell is the row's header */
  cells: string[]
  /** the number behind each cell (null for text cells and figures without a value) */
  values: Array<number | null>
}

export interface TableModel {
  caption: string
  columns: string[]
  /** right-aligned number columns */
  numeric: boolean[]
  rows: TableRow[]
  /** 合计 */
  footer?: TableRow
}

export interface ChartModel {
  option: ChartOption
  table: TableModel
  /** one sentence a screen reader reads for the picture */
  summary: string
  /** nothing to draw: the page shows an empty state instead of a blank chart */
  empty: boolean
  /** CSS px the chart needs */
  height: number
}

export interface ChartStyle {
  /** the text scale in effect (长辈模式 1.4): chart text grows with the page's */
  fontScale?: number
}

const px = (size: number, style: ChartStyle = {}) => Math.round(size * (style.fontScale ?? 1))

function axisText(style: ChartStyle) {
  return { color: PALETTE.text2, fontSize: px(12, style) }
}

function baseOption(style: ChartStyle): ChartOption {
  return {
    // a report, not a show: no animation (also what people who get motion sick prefer)
    animation: false,
    textStyle: { fontFamily: "-apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", fontSize: px(12, style) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, textStyle: { color: PALETTE.text, fontSize: px(13, style) } },
  }
}

// ---- 五单漏斗 ---------------------------------------------------------------------------------

/** The loop in order: 点单 → 接单 → 即时答复 → 提交人大 → 派单 → 销单 → 验单. */
export const FUNNEL_STAGES = [
  { key: 'submitted', label: '点单' },
  { key: 'accepted', label: '接单' },
  { key: 'answered', label: '即时答复' },
  { key: 'escalated', label: '提交人大' },
  { key: 'dispatched', label: '派单' },
  { key: 'resolved', label: '销单' },
  { key: 'verified', label: '验单' },
] as const satisfies ReadonlyArray<{ key: keyof FiguresView['funnel']; label: string }>

/**
 * Horizontal bars, one row per label in the given order (top first), the figure at the bar's end:
 * the shape of the funnel, the categories and the department ranking.
 */
function horizontalBars(
  bars: { labels: string[]; values: number[]; name: string; color: string; barWidth: number; unit: '件' | '%'; rightSpace: number; max?: number },
  style: ChartStyle,
): ChartOption {
  return {
    ...baseOption(style),
    grid: { left: 8, right: px(bars.rightSpace, style), top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', ...(bars.max !== undefined ? { max: bars.max } : { minInterval: 1 }), axisLabel: { show: false }, splitLine: { lineStyle: { color: PALETTE.line } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.line } },
      axisLabel: { color: PALETTE.text, fontSize: px(13, style) },
    },
    series: [
      {
        type: 'bar',
        name: bars.name,
        data: bars.values,
        barMaxWidth: px(bars.barWidth, style),
        itemStyle: { color: bars.color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: px(12, style), formatter: `{c}${bars.unit}` },
      },
    ],
  }
}

/**
 * The five orders as bars from 点单 down to 验单, each with its count; the table adds each
 * stage's share of 点单. (即时答复 and 提交人大 are two ways on, so the bars are not a strict funnel.)
 */
export function funnelChart(figures: FiguresView, style: ChartStyle = {}): ChartModel {
  const values = FUNNEL_STAGES.map((s) => figures.funnel[s.key])
  const labels = FUNNEL_STAGES.map((s) => s.label)
  const submitted = figures.funnel.submitted
  const option = horizontalBars({ labels, values, name: '件数', color: PALETTE.accent, barWidth: 22, unit: '件', rightSpace: 48 }, style)
  return {
    option,
    table: {
      caption: '五单漏斗',
      columns: ['环节', '件数', '占点单'],
      numeric: [false, true, true],
      rows: FUNNEL_STAGES.map((s, i) => ({
        key: s.key,
        cells: [s.label, formatCount(values[i]), formatShare(values[i], submitted)],
        values: [null, values[i], submitted > 0 ? values[i] / submitted : null],
      })),
    },
    summary: `五单漏斗：${FUNNEL_STAGES.map((s, i) => `${s.label}${values[i]}件`).join('，')}。`,
    empty: values.every((v) => v === 0),
    height: px(40, style) * FUNNEL_STAGES.length + 24,
  }
}

// ---- 月度趋势 ---------------------------------------------------------------------------------

function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number)
  return withYear ? `${y}年${m}月` : `${m}月`
}

/**
 * 点单 and 销单 per month of the period. Every month of the period is there, a month without
 * any item as 0 (the server lists them too; the chart does not rely on it).
 */
export function monthlyTrendChart(view: BreakdownView, style: ChartStyle = {}): ChartModel {
  const months = monthsBetween(view.from, view.to)
  const byMonth = new Map(view.rows.map((r) => [r.key, r.figures]))
  const acrossYears = view.from.slice(0, 4) !== view.to.slice(0, 4)
  const rows = months.map((m) => {
    const f = byMonth.get(m)
    return {
      month: m,
      submitted: f?.funnel.submitted ?? 0,
      dispatched: f?.funnel.dispatched ?? 0,
      resolved: f?.funnel.resolved ?? 0,
      satisfaction: f?.rates.satisfactionRate ?? null,
    }
  })
  const axisLabels = months.map((m) => (acrossYears ? `${m.slice(2, 4)}.${Number(m.slice(5, 7))}` : monthLabel(m, false)))
  const line = (name: string, color: string, data: number[]): LineSeriesOption => ({
    type: 'line',
    name,
    data,
    symbol: 'circle',
    symbolSize: px(7, style),
    itemStyle: { color },
    lineStyle: { color, width: 2 },
  })
  const option: ChartOption = {
    ...baseOption(style),
    legend: { top: 0, left: 0, itemGap: 16, textStyle: { color: PALETTE.text, fontSize: px(13, style) } },
    grid: { left: 8, right: 16, top: px(36, style), bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: axisLabels, boundaryGap: true, axisTick: { alignWithLabel: true }, axisLine: { lineStyle: { color: '#8a909c' } }, axisLabel: axisText(style) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText(style), splitLine: { lineStyle: { color: PALETTE.line } } },
    tooltip: { ...(baseOption(style).tooltip as object), axisPointer: { type: 'line' } },
    series: [line('点单', PALETTE.accent, rows.map((r) => r.submitted)), line('销单', PALETTE.blue, rows.map((r) => r.resolved))],
  }
  const total = view.total
  return {
    option,
    table: {
      caption: '月度趋势',
      columns: ['月份', '点单', '派单', '销单', '满意率'],
      numeric: [false, true, true, true, true],
      rows: rows.map((r) => ({
        key: r.month,
        cells: [monthLabel(r.month, acrossYears), formatCount(r.submitted), formatCount(r.dispatched), formatCount(r.resolved), formatRate(r.satisfaction)],
        values: [null, r.submitted, r.dispatched, r.resolved, r.satisfaction],
      })),
      footer: {
        key: 'total',
        cells: ['合计', formatCount(total.funnel.submitted), formatCount(total.funnel.dispatched), formatCount(total.funnel.resolved), formatRate(total.rates.satisfactionRate)],
        values: [null, total.funnel.submitted, total.funnel.dispatched, total.funnel.resolved, total.rates.satisfactionRate],
      },
    },
    summary: `月度趋势，${months.length}个月：${rows.map((r) => `${monthLabel(r.month, acrossYears)}点单${r.submitted}件、销单${r.resolved}件`).join('；')}。`,
    empty: rows.every((r) => r.submitted === 0 && r.resolved === 0),
    height: px(220, style) + 24,
  }
}

// ---- 按类别 -----------------------------------------------------------------------------------

/** 点单 per category, most first (ties in the catalogue's order); categories without items at the end with 0. */
export function categoryChart(view: BreakdownView, style: ChartStyle = {}): ChartModel {
  const order = new Map<string, number>(CATEGORIES.map((c, i) => [c.code, i]))
  const rows = [...view.rows].sort(
    (a, b) => b.figures.funnel.submitted - a.figures.funnel.submitted || (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99) || a.key.localeCompare(b.key),
  )
  const values = rows.map((r) => r.figures.funnel.submitted)
  const option = horizontalBars({ labels: rows.map((r) => r.name), values, name: '点单', color: PALETTE.blue, barWidth: 18, unit: '件', rightSpace: 48 }, style)
  return {
    option,
    table: {
      caption: '按类别',
      columns: ['类别', '点单', '销单', '解决率', '满意率'],
      numeric: [false, true, true, true, true],
      rows: rows.map((r) => ({
        key: r.key,
        cells: [r.name, formatCount(r.figures.funnel.submitted), formatCount(r.figures.funnel.resolved), formatRate(r.figures.rates.resolutionRate), formatRate(r.figures.rates.satisfactionRate)],
        values: [null, r.figures.funnel.submitted, r.figures.funnel.resolved, r.figures.rates.resolutionRate, r.figures.rates.satisfactionRate],
      })),
    },
    summary: `按类别的点单：${rows.map((r, i) => `${r.name}${values[i]}件`).join('，')}。`,
    empty: values.every((v) => v === 0),
    height: Math.max(120, px(30, style) * rows.length + 16),
  }
}

// ---- 承办单位排名 -----------------------------------------------------------------------------

export const DEPARTMENT_METRICS = [
  { key: 'resolutionRate', label: '解决率', rate: true },
  { key: 'satisfactionRate', label: '满意率', rate: true },
  { key: 'onTimeRate', label: '按时办结率', rate: true },
  { key: 'dispatched', label: '派单数', rate: false },
] as const
export type DepartmentMetric = (typeof DEPARTMENT_METRICS)[number]['key']

function metricOf(f: FiguresView, metric: DepartmentMetric): number | null {
  return metric === 'dispatched' ? f.funnel.dispatched : f.rates[metric]
}

/**
 * Departments ranked by one figure, best first; ties by more items dispatched, then by name.
 * A department without that figure in the period (no 销单 for 解决率, no rating for 满意率) is
 * not ranked: it is named under the table instead, never shown as 0%.
 */
export function departmentRankingChart(view: BreakdownView, metric: DepartmentMetric, style: ChartStyle = {}): ChartModel & { unranked: string[] } {
  const spec = DEPARTMENT_METRICS.find((m) => m.key === metric) ?? DEPARTMENT_METRICS[0]
  const ranked = view.rows
    .filter((r) => metricOf(r.figures, spec.key) !== null && (spec.key !== 'dispatched' || r.figures.funnel.dispatched > 0))
    .sort(
      (a, b) =>
        (metricOf(b.figures, spec.key) ?? 0) - (metricOf(a.figures, spec.key) ?? 0) ||
        b.figures.funnel.dispatched - a.figures.funnel.dispatched ||
        a.name.localeCompare(b.name, 'zh-Hans-CN'),
    )
  const unranked = view.rows.filter((r) => !ranked.includes(r)).map((r) => r.name)
  const raw = ranked.map((r) => metricOf(r.figures, spec.key) as number)
  const data = spec.rate ? raw.map((v) => ratePercent(v) as number) : raw
  // standard competition ranking: equal figures share a place (1, 1, 3)
  const ranks: number[] = []
  raw.forEach((v, i) => ranks.push(i > 0 && v === raw[i - 1] ? ranks[i - 1] : i + 1))
  const option = horizontalBars(
    {
      labels: ranked.map((r) => shortDepartmentName(r.name)),
      values: data,
      name: spec.label,
      color: PALETTE.green,
      barWidth: 18,
      unit: spec.rate ? '%' : '件',
      rightSpace: spec.rate ? 56 : 40,
      max: spec.rate ? 100 : undefined,
    },
    style,
  )
  const shown = (v: number) => (spec.rate ? formatRate(v) : `${v}件`)
  return {
    option,
    table: {
      caption: `承办单位排名（按${spec.label}）`,
      columns: ['排名', '承办单位', '派单', '销单', '解决率', '满意率', '按时办结率'],
      numeric: [true, false, true, true, true, true, true],
      rows: ranked.map((r, i) => ({
        key: r.key,
        cells: [
          String(ranks[i]),
          r.name,
          formatCount(r.figures.funnel.dispatched),
          formatCount(r.figures.funnel.resolved),
          formatRate(r.figures.rates.resolutionRate),
          formatRate(r.figures.rates.satisfactionRate),
          formatRate(r.figures.rates.onTimeRate),
        ],
        values: [ranks[i], null, r.figures.funnel.dispatched, r.figures.funnel.resolved, r.figures.rates.resolutionRate, r.figures.rates.satisfactionRate, r.figures.rates.onTimeRate],
      })),
    },
    summary: ranked.length
      ? `承办单位按${spec.label}排名：${ranked.map((r, i) => `第${ranks[i]}名${shortDepartmentName(r.name)}${shown(raw[i])}`).join('，')}。`
      : `本时段没有可按${spec.label}排名的承办单位。`,
    empty: ranked.length === 0,
    height: Math.max(96, px(32, style) * ranked.length + 16),
    unranked,
  }
}

// ---- 各环节平均用时 ---------------------------------------------------------------------------

export const STAGE_DAYS = [
  { key: 'response', label: '响应', span: '点单 → 首次响应' },
  { key: 'deputy', label: '代表处理', span: '接单 → 即时答复或提交人大' },
  { key: 'dispatch', label: '派单', span: '提交人大 → 派单' },
  { key: 'handle', label: '办理', span: '派单 → 销单' },
  { key: 'verify', label: '验单', span: '销单或即时答复 → 验单' },
  { key: 'total', label: '全程', span: '点单 → 验单' },
] as const satisfies ReadonlyArray<{ key: keyof FiguresView['averageDays']; label: string; span: string }>

export function averageDaysTable(figures: FiguresView): TableModel {
  return {
    caption: '各环节平均用时（日历天）',
    columns: ['环节', '起止', '平均用时'],
    numeric: [false, false, true],
    rows: STAGE_DAYS.map((s) => ({
      key: s.key,
      cells: [s.label, s.span, formatDays(figures.averageDays[s.key])],
      values: [null, null, figures.averageDays[s.key]],
    })),
  }
}

// ---- 履职档案: 月度 ---------------------------------------------------------------------------

/** The deputy's 接单, 即时答复 and 提交人大 per month of the year; months without any as 0. */
export function deputyMonthsChart(record: DeputyRecordView, style: ChartStyle = {}): ChartModel {
  const months = monthsBetween(`${record.year}-01`, `${record.year}-12`)
  const byMonth = new Map(record.months.map((m) => [m.month, m]))
  const rows = months.map((m) => ({ month: m, taken: byMonth.get(m)?.taken ?? 0, answered: byMonth.get(m)?.answered ?? 0, escalated: byMonth.get(m)?.escalated ?? 0 }))
  const bar = (name: string, color: string, data: number[]): BarSeriesOption => ({ type: 'bar', name, data, barMaxWidth: px(8, style), itemStyle: { color } })
  const option: ChartOption = {
    ...baseOption(style),
    legend: { top: 0, left: 0, itemGap: 12, textStyle: { color: PALETTE.text, fontSize: px(13, style) } },
    grid: { left: 8, right: 8, top: px(36, style), bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5, 7))}月`), axisTick: { show: false }, axisLine: { lineStyle: { color: '#8a909c' } }, axisLabel: { ...axisText(style), interval: 0, fontSize: px(11, style) } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText(style), splitLine: { lineStyle: { color: PALETTE.line } } },
    series: [
      bar('接单', PALETTE.accent, rows.map((r) => r.taken)),
      bar('即时答复', PALETTE.blue, rows.map((r) => r.answered)),
      bar('提交人大', PALETTE.green, rows.map((r) => r.escalated)),
    ],
  }
  const active = rows.filter((r) => r.taken || r.answered || r.escalated)
  return {
    option,
    table: {
      caption: `${record.year}年各月履职`,
      columns: ['月份', '接单', '即时答复', '提交人大'],
      numeric: [false, true, true, true],
      rows: rows.map((r) => ({
        key: r.month,
        cells: [`${Number(r.month.slice(5, 7))}月`, formatCount(r.taken), formatCount(r.answered), formatCount(r.escalated)],
        values: [null, r.taken, r.answered, r.escalated],
      })),
      footer: {
        key: 'total',
        cells: ['全年', formatCount(record.taken), formatCount(record.answered), formatCount(record.escalated)],
        values: [null, record.taken, record.answered, record.escalated],
      },
    },
    summary: active.length
      ? `${record.year}年各月履职：${active.map((r) => `${Number(r.month.slice(5, 7))}月接单${r.taken}件、即时答复${r.answered}件、提交人大${r.escalated}件`).join('；')}；其余月份没有记录。`
      : `${record.year}年还没有接单记录。`,
    empty: active.length === 0,
    height: px(200, style) + 24,
  }
}

// ---- 评议通报 ---------------------------------------------------------------------------------

/**
 * The ranking table of the year-end evaluation, in the server's order (score, then 派单). The
 * departments without any item that year are not ranked: they are named under the table.
 */
export function evaluationTable(view: EvaluationView): { table: TableModel; unranked: string[] } {
  const ranked = view.rows.filter((r) => r.rank !== null)
  const score = (s: number | null) => (s === null ? '—' : (Math.round(s * 100) / 100).toFixed(2))
  return {
    table: {
      caption: `${view.year}年度承办单位评议排名`,
      columns: ['排名', '承办单位', '派单', '销单', '按时办结率', '办结率', '解决率', '满意率', '代表满意率', '重新办理', '综合得分'],
      numeric: [true, false, true, true, true, true, true, true, true, true, true],
      rows: ranked.map((r) => ({
        key: r.departmentCode,
        cells: [
          String(r.rank),
          r.departmentName,
          formatCount(r.dispatched),
          formatCount(r.resolved),
          formatRate(r.onTimeRate),
          formatRate(r.completionRate),
          formatRate(r.resolutionRate),
          formatRate(r.satisfactionRate),
          formatRate(r.deputySatisfactionRate),
          formatCount(r.reopened),
          score(r.score),
        ],
        values: [r.rank, null, r.dispatched, r.resolved, r.onTimeRate, r.completionRate, r.resolutionRate, r.satisfactionRate, r.deputySatisfactionRate, r.reopened, r.score],
      })),
    },
    unranked: view.rows.filter((r) => r.rank === null).map((r) => r.departmentName),
  }
}
