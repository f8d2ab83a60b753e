import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BreakdownView } from '@shared/api/stats'
import { Empty, SectionHead } from '../components/ui'
import { formatRate } from '../lib/format'

/** 代表履职: the deputies with counted steps in the period, most orders taken first; each opens the 履职档案. */
export default function DeputiesCard({ view, year }: { view: BreakdownView; year: string }) {
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
