import '../register-api'
import { useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fontScale, useElderMode } from '../../../lib/elder-mode'
import { failure } from '../../../lib/errors'
import ChartCard from '../components/ChartCard'
import DataTable from '../components/DataTable'
import { Chips, ErrorState, LoadingCards, SectionHead } from '../components/ui'
import { DEPARTMENT_METRICS, averageDaysTable, categoryChart, departmentRankingChart, funnelChart, monthlyTrendChart } from '../lib/chart-options'
import { periodLabel } from '../lib/period'
import ClustersCard from './ClustersCard'
import DeputiesCard from './DeputiesCard'
import HeadlineCard from './HeadlineCard'
import PeriodFilters from './PeriodFilters'
import ReceptionCard from './ReceptionCard'
import { useDashboard } from './use-dashboard'
import '../stats.css'

const FORBIDDEN = {
  title: '只有人大工作人员可以查看统计看板',
  message: '统计看板供县人大常委会和乡镇人大主席团的工作人员使用。代表可在“我的”中查看本人的履职档案。',
}

/**
 * 统计看板 (人大工作人员): the five-order figures of a period — headline rates, the funnel, the
 * monthly trend, categories, the department ranking, reception days, average days per stage and
 * topic clusters — for the county or one township. Every chart has its table (图表 / 表格).
 * docs/statistics.md defines each figure.
 */
export default function StatsDashboard() {
  const { periodKey, setPeriodKey, custom, setCustom, township, setTownship, metric, setMetric, period, problem, state, reload, townships, clusters, reloadClusters } =
    useDashboard()
  const [elder] = useElderMode()
  const scale = fontScale(elder)

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

  return (
    <View className="page st-page" id="stats-dashboard">
      <View className="st-head">
        <View className="st-head__title">统计看板</View>
        <View className="st-head__sub" id="dashboard-scope">
          {countyName.current ?? '人大代表联络站“五单”工作'} · {data?.overview.township ?? township ?? '全县'} · {problem ? '请选择时段' : periodLabel(period)}
        </View>
      </View>

      <PeriodFilters
        periodKey={periodKey}
        setPeriodKey={setPeriodKey}
        custom={custom}
        setCustom={setCustom}
        problem={problem}
        township={township}
        setTownship={setTownship}
        townshipList={townshipList}
        ownTownship={ownTownship}
      />

      {state.status === 'loading' && <LoadingCards id="dashboard-loading" cards={3} />}
      {state.status === 'error' && (() => {
        const f = failure(state.error, '统计看板', FORBIDDEN)
        return <ErrorState id="dashboard-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
      })()}

      {data && charts && (
        <View id="dashboard-content">
          <HeadlineCard overview={data.overview} />
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
          <DeputiesCard view={data.deputies} year={period.to.slice(0, 4)} />
          <ReceptionCard overview={data.overview} />
          <View className="card st-card" id="card-days">
            <SectionHead title="各环节平均用时" />
            <DataTable id="table-days" table={averageDaysTable(data.overview.figures)} hideCaption />
            <View className="st-note">按日历天计算（含周末）；没有事项经过的环节显示“—”。</View>
          </View>
        </View>
      )}

      <ClustersCard state={clusters} onRetry={() => void reloadClusters()} />

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
