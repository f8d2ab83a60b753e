import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Chips, DisclosureRow, SectionHead } from '../components/ui'
import { periodLabel, recentYears, type Period } from '../lib/period'
import type { PeriodKey } from './use-dashboard'

/** 统计时段 (years, recent months, custom months) and, for county staff, 范围 (全县 or one township). */
export default function PeriodFilters({
  periodKey,
  setPeriodKey,
  custom,
  setCustom,
  problem,
  township,
  setTownship,
  townshipList,
  ownTownship,
}: {
  periodKey: PeriodKey
  setPeriodKey: (k: PeriodKey) => void
  custom: Period
  setCustom: (f: (c: Period) => Period) => void
  problem: string | null
  township: string | null
  setTownship: (t: string | null) => void
  townshipList: string[]
  ownTownship: string | null
}) {
  const [showTownships, setShowTownships] = useState(false)
  const yearOptions = recentYears(3).map((y) => ({ value: `y${y}` as PeriodKey, label: `${y}年` }))
  return (
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
  )
}
