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
          <MonthField id="custom-from" label="开始月份" value={custom.from} bounds={{ end: custom.to }} onPick={(from) => setCustom((c) => ({ ...c, from }))} />
          <MonthField id="custom-to" label="结束月份" value={custom.to} bounds={{ start: custom.from }} onPick={(to) => setCustom((c) => ({ ...c, to }))} />
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

/** One end of the custom period: a month picker (YYYY-MM) showing the month in words. */
function MonthField({ id, label, value, bounds, onPick }: { id: string; label: string; value: string; bounds: { start?: string; end?: string }; onPick: (month: string) => void }) {
  return (
    <Picker mode="date" fields="month" value={value} {...bounds} onChange={(e) => onPick(String(e.detail.value).slice(0, 7))}>
      <View className="st-month" id={id}>
        <Text className="st-month__label">{label}</Text>
        <Text className="st-month__value">{periodLabel({ from: value, to: value })}</Text>
      </View>
    </Picker>
  )
}
