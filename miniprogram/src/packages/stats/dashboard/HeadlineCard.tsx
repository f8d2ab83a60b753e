import { View } from '@tarojs/components'
import type { OverviewView } from '@shared/api/stats'
import { Notice, SectionHead, Tile } from '../components/ui'
import { formatRate } from '../lib/format'

/** 主要指标: 点单, the four rates, what is overdue now; a note on frozen years. */
export default function Headline({ overview }: { overview: OverviewView }) {
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
