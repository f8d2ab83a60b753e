import '../register-api'
import { useMemo, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { BreakdownView, OverviewView, clusterView } from '@shared/api/stats'
import { SESSION_KINDS, SESSION_KIND_LABELS } from '@shared/domain/sessions'
import type { z } from 'zod'
import { call } from '../../../api/client'
import { fontScale, useElderMode } from '../../../lib/elder-mode'
import { useLoadable, type Loadable } from '../../../lib/use-api'
import ChartCard from '../components/ChartCard'
import DataTable from '../components/DataTable'
import { Chips, DisclosureRow, Empty, ErrorState, LoadingCards, Notice, SectionHead, Tile } from '../components/ui'
import {
  DEPARTMENT_METRICS,
  averageDaysTable,
  categoryChart,
  departmentRankingChart,
  funnelChart,
  monthlyTrendChart,
  type DepartmentMetric,
} from '../lib/chart-options'
import { explain, failure } from '../lib/errors'
import { formatRate } from '../lib/format'
import { beijingYear, periodLabel, periodProblem, recentMonths, recentYears, yearPeriod, type Period } from '../lib/period'
import '../stats.css'

type Cluster = z.infer<typeof clusterView>
type PeriodKey = `y${number}` | 'm3' | 'm12' | 'custom'

interface DashboardData {
  overview: OverviewView
  months: BreakdownView
  categories: BreakdownView
  departments: BreakdownView
  deputies: BreakdownView
}

const FORBIDDEN = {
  title: '只有人大工作人员可以查看统计看板',
  message: '统计看板供县人大常委会和乡镇人大主席团的工作人员使用。代表可在“我的”中查看本人的履职档案。',
}

function periodOf(key: PeriodKey, custom: Period): Period {
  if (key === 'm3') return recentMonths(3)
  if (key === 'm12') return recentMonths(12)
  if (key === 'custom') return custom
  return yearPeriod(Number(key.slice(1)))
}

/**
 * 统计看板 (人大工作人员): the five-order figures of a period — headline rates, the funnel, the
 * monthly trend, categories, the department ranking, reception days, average days per stage and
 * topic clusters — for the county or one township. Every chart has its table (图表 / 表格).
 * docs/statistics.md defines each figure.
 */
export default function StatsDashboard() {
  const router = useRouter()
  const thisYear = beijingYear()
  const [periodKey, setPeriodKey] = useState<PeriodKey>(`y${Number(router.params.year) || thisYear}`)
  const [custom, setCustom] = useState<Period>(recentMonths(3))
  const [township, setTownship] = useState<string | null>(router.params.township ? decodeURIComponent(router.params.township) : null)
  const [metric, setMetric] = useState<DepartmentMetric>('resolutionRate')
  const [showTownships, setShowTownships] = useState(false)
  const [elder] = useElderMode()
  const scale = fontScale(elder)

  const period = periodOf(periodKey, custom)
  const problem = periodProblem(period)
  const scopeArgs = township ? { township } : {}
  const key = problem ? null : `${period.from}|${period.to}|${township ?? '*'}`

  const [state, reload] = useLoadable<DashboardData>(key, async () => {
    const args = { from: period.from, to: period.to, ...scopeArgs }
    const [overview, months, categories, departments, deputies] = await Promise.all([
      call('stats', 'overview', args),
      call('stats', 'breakdown', { ...args, dimension: 'month' }),
      call('stats', 'breakdown', { ...args, dimension: 'category' }),
      call('stats', 'breakdown', { ...args, dimension: 'department' }),
      call('stats', 'breakdown', { ...args, dimension: 'deputy' }),
    ])
    return { overview, months, categories, departments, deputies }
  })
  // the county's townships (county staff only: township staff are held to their own)
  const [townships] = useLoadable<string[]>('townships', async () => {
    const y = yearPeriod(thisYear)
    const b = await call('stats', 'breakdown', { from: y.from, to: y.to, dimension: 'township' })
    return b.township ? [] : b.rows.map((r) => r.key)
  })
  const [clusters, reloadClusters] = useLoadable<{ scanned: number; clusters: Cluster[] }>(`clusters|${township ?? '*'}`, () =>
    call('stats', 'clusters', { ...scopeArgs, minSize: 2 }),
  )

  usePullDownRefresh(() => {
    void Promise.all([reload(), reloadClusters()]).finally(() => Taro.stopPullDownRefresh())
  })

  const data = state.status === 'ready' ? state.data : null
  // the county's name stays in the head while another period loads
  const countyName = useRef<string | null>(null)
  if (data) countyName.current = data.overview.countyName
  const charts = useMemo(() => {
    if (!data) return null
    const style = { fontScale: scale }
    return {
      funnel: funnelChart(data.overview.figures, style),
      trend: monthlyTrendChart(data.months, style),
      category: categoryChart(data.categories, style),
      departments: departmentRankingChart(data.departments, metric, style),
    }
  }, [data, metric, scale])

  if (state.status === 'error' && state.error.code === 'forbidden') {
    const f = failure(state.error, '统计看板', FORBIDDEN)
    return (
      <View className="page st-page" id="stats-dashboard">
        <ErrorState id="dashboard-forbidden" title={f.title} message={f.message} />
      </View>
    )
  }

  const ownTownship = data?.overview.township && !township ? data.overview.township : null
  const townshipList = townships.status === 'ready' ? townships.data : []
  const yearOptions = recentYears(3).map((y) => ({ value: `y${y}` as PeriodKey, label: `${y}年` }))

  return (
    <View className="page st-page" id="stats-dashboard">
      <View className="st-head">
        <View className="st-head__title">统计看板</View>
        <View className="st-head__sub" id="dashboard-scope">
          {countyName.current ?? '人大代表联络站“五单”工作'} · {data?.overview.township ?? township ?? '全县'} · {problem ? '请选择时段' : periodLabel(period)}
        </View>
      </View>

      <View className="card st-filters" id="dashboard-filters">
        <SectionHead title="统计时段" />
        <Chips
          name="period"
          label="统计时段"
          options={[...yearOptions, { value: 'm3', label: '近3个月' }, { value: 'm12', label: '近12个月' }, { value: 'custom', label: '自定义' }]}
          value={periodKey}
          onChange={setPeriodKey}
        />
        {periodKey === 'custom' && (
          <View className="st-months" id="custom-period">
            <Picker mode="date" fields="month" value={custom.from} end={custom.to} onChange={(e) => setCustom((c) => ({ ...c, from: String(e.detail.value).slice(0, 7) }))}>
              <View className="st-month" id="custom-from">
                <Text className="st-month__label">开始月份</Text>
                <Text className="st-month__value">{periodLabel({ from: custom.from, to: custom.from })}</Text>
              </View>
            </Picker>
            <Picker mode="date" fields="month" value={custom.to} start={custom.from} onChange={(e) => setCustom((c) => ({ ...c, to: String(e.detail.value).slice(0, 7) }))}>
              <View className="st-month" id="custom-to">
                <Text className="st-month__label">结束月份</Text>
                <Text className="st-month__value">{periodLabel({ from: custom.to, to: custom.to })}</Text>
              </View>
            </Picker>
          </View>
        )}
        {problem && <View className="st-field-error">{problem}</View>}
        {townshipList.length > 1 && (
          <View className="st-filters__group">
            <DisclosureRow id="township-toggle" label="范围" value={township ?? '全县'} open={showTownships} onToggle={() => setShowTownships((v) => !v)} />
            {showTownships && (
              <Chips
                name="township"
                label="乡镇"
                options={[{ value: '*', label: '全县' }, ...townshipList.map((t) => ({ value: t, label: t }))]}
                value={township ?? '*'}
                onChange={(v) => {
                  setTownship(v === '*' ? null : v)
                  setShowTownships(false)
                }}
              />
            )}
          </View>
        )}
        {ownTownship && <View className="st-muted">乡镇人大主席团工作人员查看本乡镇的统计。</View>}
      </View>

      {state.status === 'loading' && <LoadingCards id="dashboard-loading" cards={3} />}
      {state.status === 'error' && (() => {
        const f = failure(state.error, '统计看板', FORBIDDEN)
        return <ErrorState id="dashboard-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
      })()}

      {data && charts && (
        <View id="dashboard-content">
          <Headline overview={data.overview} />
          <ChartCard
            name="funnel"
            title="五单漏斗"
            model={charts.funnel}
            emptyText="本时段还没有点单。"
            note={<View className="st-note">即时答复与提交人大是代表处理的两种去向，同一件事项可能先后计入两者（见统计口径）。</View>}
          />
          <ChartCard name="trend" title="月度趋势" model={charts.trend} emptyText="本时段各月都没有点单和销单。" />
          <ChartCard name="category" title="按类别" model={charts.category} emptyText="本时段还没有点单。" />
          <ChartCard
            name="departments"
            title="承办单位排名"
            model={charts.departments}
            emptyText={`本时段没有可按${DEPARTMENT_METRICS.find((m) => m.key === metric)?.label}排名的承办单位。`}
            controls={
              <Chips name="metric" label="排名依据" columns={4} options={DEPARTMENT_METRICS.map((m) => ({ value: m.key, label: m.label }))} value={metric} onChange={setMetric} />
            }
            note={
              charts.departments.unranked.length > 0 ? (
                <View className="st-note" id="departments-unranked">
                  未参与排名（本时段没有可计算的{DEPARTMENT_METRICS.find((m) => m.key === metric)?.label}）：{charts.departments.unranked.join('、')}
                </View>
              ) : undefined
            }
          />
          <Deputies view={data.deputies} year={period.to.slice(0, 4)} />
          <Reception overview={data.overview} />
          <View className="card st-card" id="card-days">
            <SectionHead title="各环节平均用时" />
            <DataTable id="table-days" table={averageDaysTable(data.overview.figures)} hideCaption />
            <View className="st-note">按日历天计算（含周末）；没有事项经过的环节显示“—”。</View>
          </View>
        </View>
      )}

      <Clusters state={clusters} onRetry={() => void reloadClusters()} />

      {/* 评议 is the county standing committee's: county staff have the township filter */}
      {data && townshipList.length > 0 && (
        <View className="card st-links">
          <View className="st-link" id="link-evaluation" onClick={() => void Taro.navigateTo({ url: `/packages/stats/evaluation/index?year=${period.to.slice(0, 4)}` })}>
            <View>
              <View className="st-link__title">年度评议通报</View>
              <View className="st-link__hint">承办单位排名、综合得分、代表评价意见；导出 Excel、打印</View>
            </View>
            <Text className="st-link__arrow">›</Text>
          </View>
        </View>
      )}
      <View className="st-footnote">
        统计口径：每一步计入它发生的月份（北京时间）；比率没有分母时显示“—”。响应率 = 首次响应 ÷（点单 − 撤回），解决率 =（已解决 + 列入计划）÷ 销单，满意率 =（满意 + 基本满意）÷ 群众评价数，按时办结率 = 按时销单 ÷ 销单。
      </View>
    </View>
  )
}

function Headline({ overview }: { overview: OverviewView }) {
  const f = overview.figures
  return (
    <View className="card st-card" id="headline">
      <SectionHead title="主要指标" />
      {overview.frozenYears.length > 0 && (
        <Notice tone="info" id="frozen-note">
          {overview.frozenYears.map((y) => `${y}年度`).join('、')}已冻结：评议结果已定稿，该年度的数字不再随退回、重新办理等变化。
        </Notice>
      )}
      <View className="st-tiles">
        <Tile id="tile-submitted" label="点单" value={`${f.funnel.submitted}件`} hint={f.other.withdrawn ? `其中撤回${f.other.withdrawn}件` : undefined} tone="accent" />
        <Tile id="tile-response" label="响应率" value={formatRate(f.rates.responseRate)} hint={`按时响应${formatRate(f.rates.responseOnTimeRate)}`} />
        <Tile id="tile-resolution" label="解决率" value={formatRate(f.rates.resolutionRate)} hint={`销单${f.funnel.resolved}件`} />
        <Tile id="tile-satisfaction" label="满意率" value={formatRate(f.rates.satisfactionRate)} hint={`群众评价${f.ratings.rated}件`} />
        <Tile id="tile-ontime" label="按时办结率" value={formatRate(f.rates.onTimeRate)} hint={`按时销单${f.other.resolvedOnTime}件`} />
        <Tile id="tile-overdue" label="当前超期" value={`${overview.overdueNow}件`} hint="截至此刻，不随时段变化" tone={overview.overdueNow > 0 ? 'alert' : undefined} />
      </View>
    </View>
  )
}

function Reception({ overview }: { overview: OverviewView }) {
  const r = overview.reception
  const kinds = SESSION_KINDS.filter((k) => r.sessionsHeldByKind[k] > 0)
  return (
    <View className="card st-card" id="card-reception">
      <SectionHead title="接待活动" />
      <View className="st-tiles">
        <Tile id="tile-sessions" label="开展活动" value={`${r.sessionsHeld}次`} />
        <Tile id="tile-participations" label="代表参与" value={`${r.deputyParticipations}人次`} />
        <Tile id="tile-voters" label="接待选民" value={`${r.votersReceived}人次`} />
        <Tile id="tile-opinions" label="收集意见建议" value={`${r.opinionsCollected}件`} />
      </View>
      {kinds.length > 0 && <View className="st-note">其中：{kinds.map((k) => `${SESSION_KIND_LABELS[k]}${r.sessionsHeldByKind[k]}次`).join('，')}。</View>}
      <View className="st-note">接待日（含网上接待日）产生的点单：{r.itemsFromReception}件。</View>
    </View>
  )
}

/** 代表履职: the deputies with counted steps in the period, most orders taken first; each opens the 履职档案. */
function Deputies({ view, year }: { view: BreakdownView; year: string }) {
  const [all, setAll] = useState(false)
  const rows = [...view.rows].sort(
    (a, b) => b.figures.funnel.accepted - a.figures.funnel.accepted || b.figures.funnel.escalated - a.figures.funnel.escalated || a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )
  const shown = all ? rows : rows.slice(0, 5)
  return (
    <View className="card st-card" id="card-deputies">
      <SectionHead title="代表履职" extra={<Text className="st-muted">{rows.length}位代表</Text>} />
      {rows.length === 0 && <Empty id="deputies-empty" text="本时段还没有代表接单。" />}
      {shown.map((r) => (
        <View
          className="st-cluster__item"
          key={r.key}
          id={`deputy-${r.key}`}
          onClick={() => void Taro.navigateTo({ url: `/packages/stats/deputy-record/index?deputyCode=${encodeURIComponent(r.key)}&year=${year}` })}
        >
          <View className="st-cluster__item-text">
            <View className="st-cluster__excerpt">{r.name}</View>
            <View className="st-cluster__item-meta">
              接单{r.figures.funnel.accepted}件 · 即时答复{r.figures.funnel.answered}件 · 提交人大{r.figures.funnel.escalated}件 · 满意率{formatRate(r.figures.rates.satisfactionRate)}
            </View>
          </View>
          <Text className="st-link__arrow">›</Text>
        </View>
      ))}
      {rows.length > 5 && (
        <View className="st-more" id="deputies-more" onClick={() => setAll((v) => !v)}>
          {all ? '收起' : `查看全部${rows.length}位代表`}
        </View>
      )}
      <View className="st-note">点一位代表查看其履职档案。代表一栏只计其首问负责（接单之后）的事项。</View>
    </View>
  )
}

const ADVICE_LABEL: Record<Cluster['advice'], string> = { joint_suggestion: '建议联名提出建议', thematic_reception: '建议举办主题接待日' }

function Clusters({ state, onRetry }: { state: Loadable<{ scanned: number; clusters: Cluster[] }>; onRetry: () => void }) {
  const [open, setOpen] = useState<Record<string, boolean>>({})
  if (state.status === 'error' && state.error.code === 'forbidden') return null
  return (
    <View className="card st-card" id="card-clusters">
      <SectionHead title="专题聚类" extra={state.status === 'ready' ? <Text className="st-muted">在办事项{state.data.scanned}件</Text> : undefined} />
      <View className="st-note st-note--top">在办事项中文字相近、同一类别的意见归为一组，供安排主题接待日或代表联名建议参考。</View>
      {state.status === 'loading' && <View className="st-muted">正在分析…</View>}
      {state.status === 'error' && (
        <View className="st-field-error" id="clusters-error" onClick={onRetry}>
          {explain(state.error)}（点此重试）
        </View>
      )}
      {state.status === 'ready' && state.data.clusters.length === 0 && <Empty id="clusters-empty" text="目前没有成组的相似意见。" />}
      {state.status === 'ready' &&
        state.data.clusters.map((c, i) => {
          const k = `${c.categoryCode}-${i}`
          const shown = open[k] ? c.items : c.items.slice(0, 3)
          return (
            <View className="st-cluster" key={k} id={`cluster-${i}`}>
              <View className="st-cluster__head">
                <Text className="st-cluster__title">
                  {c.categoryLabel} · {c.size}件
                </Text>
                <Text className={`st-badge st-badge--${c.advice === 'joint_suggestion' ? 'alert' : 'info'}`}>{ADVICE_LABEL[c.advice]}</Text>
              </View>
              <View className="st-cluster__meta">
                {c.townships.length > 1 ? `涉及${c.townships.length}个乡镇：` : ''}
                {c.stations.map((s) => `${s.name}${s.count}件`).join('、')}
              </View>
              <View className="st-cluster__advice">{c.adviceText}</View>
              {shown.map((item) => (
                <View
                  className="st-cluster__item"
                  key={item.id}
                  id={`cluster-item-${item.id}`}
                  onClick={() => void Taro.navigateTo({ url: `/packages/staff/item/index?id=${encodeURIComponent(item.id)}` })}
                >
                  <View className="st-cluster__item-text">
                    <View className="st-cluster__excerpt">{item.excerpt}</View>
                    <View className="st-cluster__item-meta">
                      {item.number} · {item.stationName} · {item.stateLabel}
                    </View>
                  </View>
                  <Text className="st-link__arrow">›</Text>
                </View>
              ))}
              {c.items.length > 3 && (
                <View className="st-more" id={`cluster-more-${i}`} onClick={() => setOpen((o) => ({ ...o, [k]: !o[k] }))}>
                  {open[k] ? '收起' : `查看全部${c.items.length}件`}
                </View>
              )}
            </View>
          )
        })}
    </View>
  )
}
