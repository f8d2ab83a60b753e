import '../register-api'
import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DeputyRecordView } from '@shared/api/stats'
import { call } from '../../../api/client'
import { fontScale, useElderMode } from '../../../lib/elder-mode'
import { useLoad } from '../../../lib/use-load'
import ChartCard from '../components/ChartCard'
import { Chips, ErrorState, LoadingCards, Notice, SectionHead, Tile } from '../components/ui'
import { deputyMonthsChart } from '../lib/chart-options'
import { failure } from '../../../lib/errors'
import { formatDays, formatRate } from '../lib/format'
import { beijingYear, recentYears } from '../lib/period'
import '../stats.css'

const FORBIDDEN = {
  title: '只能查看本人或本辖区代表的履职档案',
  message: '代表可以查看本人的履职档案；人大工作人员可以查看本县（本乡镇）代表的履职档案。',
}

/**
 * 履职档案: one deputy's year — orders taken, answered on the spot and submitted to the
 * congress (by month, chart and table), what became of them, the residents' ratings, the deputy's
 * own ratings of departments, and reception duty against the two station days a year. A deputy
 * opens their own; staff open any deputy's with `?deputyCode=`.
 */
export default function DeputyRecordPage() {
  const router = useRouter()
  const deputyCode = router.params.deputyCode ? decodeURIComponent(router.params.deputyCode) : undefined
  const [year, setYear] = useState<number>(Number(router.params.year) || beijingYear())
  const [elder] = useElderMode()
  const { state: state, reload: reload } = useLoad<DeputyRecordView>(`record|${deputyCode ?? 'me'}|${year}`, () =>
    call('stats', 'deputyRecord', { year, ...(deputyCode ? { deputyCode } : {}) }),
  )
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const record = state.status === 'ready' ? state.data : null
  const chart = useMemo(() => (record ? deputyMonthsChart(record, { fontScale: fontScale(elder) }) : null), [record, elder])

  const years = recentYears(3)
  const chips = <Chips name="year" label="年度" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(v) => setYear(Number(v))} />

  if (state.status === 'error') {
    const f = failure(state.error, '履职档案', FORBIDDEN)
    return (
      <View className="page st-page" id="deputy-record">
        <ErrorState id={state.error.code === 'forbidden' ? 'record-forbidden' : 'record-error'} title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
      </View>
    )
  }

  return (
    <View className="page st-page" id="deputy-record">
      <View className="st-head">
        <View className="st-head__title">履职档案</View>
        <View className="st-head__sub" id="record-who">
          {record ? `${record.deputyName} · ${record.year}年度` : '人大代表'}
        </View>
      </View>
      <View className="card st-filters">{chips}</View>

      {state.status === 'loading' && <LoadingCards id="record-loading" cards={3} />}
      {record && chart && (
        <View id="record-content">
          <View className="card st-card" id="record-figures">
            <SectionHead title="接单与处理" />
            <View className="st-tiles">
              <Tile id="tile-taken" label="接单" value={`${record.taken}件`} tone="accent" />
              <Tile id="tile-answered" label="即时答复" value={`${record.answered}件`} />
              <Tile id="tile-escalated" label="提交人大" value={`${record.escalated}件`} />
              <Tile id="tile-response-days" label="平均响应" value={formatDays(record.averageResponseDays)} hint="点单到接单" />
            </View>
            <View className="st-note">所接事项的后续：派单{record.dispatched}件，销单{record.resolved}件，验单{record.verified}件，不满意重新办理{record.reopened}件。</View>
          </View>

          <ChartCard name="record-months" title="各月履职" model={chart} emptyText={`${record.year}年还没有接单、即时答复或提交人大的记录。`} />

          <View className="card st-card" id="record-ratings">
            <SectionHead title="群众评价" extra={<Text className="st-muted">满意率 {formatRate(record.ratingsReceived.satisfactionRate)}</Text>} />
            <View className="st-pairs">
              <Pair label="满意" value={`${record.ratingsReceived.satisfied}件`} />
              <Pair label="基本满意" value={`${record.ratingsReceived.basicallySatisfied}件`} />
              <Pair label="不满意" value={`${record.ratingsReceived.unsatisfied}件`} />
            </View>
            <View className="st-note">
              本人对承办单位办理结果的评价{record.ratingsGiven.rated}件：满意{record.ratingsGiven.satisfied}件，基本满意{record.ratingsGiven.basicallySatisfied}件，不满意{record.ratingsGiven.unsatisfied}件。
            </View>
          </View>

          <View className="card st-card" id="record-receptions">
            <SectionHead title="接待日值班" />
            <View className="st-pairs">
              <Pair label="排班" value={`${record.receptions.scheduled}次`} />
              <Pair label="到站签到" value={`${record.receptions.attended}次`} />
              <Pair label="每年至少" value={`${record.receptions.minimumPerYear}次`} />
            </View>
            {record.receptions.met ? (
              <Notice tone="ok" id="duty-met">
                已达到每年至少进站{record.receptions.minimumPerYear}次的要求。
              </Notice>
            ) : (
              <Notice tone="warn" id="duty-behind">
                到站签到{record.receptions.attended}次，还差{Math.max(0, record.receptions.minimumPerYear - record.receptions.attended)}次达到每年至少{record.receptions.minimumPerYear}次的要求。
              </Notice>
            )}
          </View>
        </View>
      )}
    </View>
  )
}

function Pair({ label, value }: { label: string; value: string }) {
  return (
    <View className="st-pair">
      <Text className="st-pair__label">{label}</Text>
      <Text className="st-pair__value">{value}</Text>
    </View>
  )
}
