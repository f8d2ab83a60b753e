import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { ChartModel } from '../lib/chart-options'
import DataTable from './DataTable'
import EChart from './EChart'
import { Empty, SectionHead, ViewSwitch, type ChartView } from './ui'

/**
 * A chart with its table alternative: 图表 / 表格 in the card's head. The chart's picture carries
 * a one-sentence summary for screen readers; the table has every exact figure. Nothing to draw →
 * a sentence instead of an empty grid.
 */
export default function ChartCard({
  name,
  title,
  model,
  emptyText,
  controls,
  note,
  initial = 'chart',
}: {
  /** ids: `card-<name>`, `chart-<name>`, `table-<name>`, `<name>-show-chart|table` */
  name: string
  title: string
  model: ChartModel
  emptyText: string
  controls?: ReactNode
  note?: ReactNode
  initial?: ChartView
}) {
  const [view, setView] = useState<ChartView>(initial)
  return (
    <View className="card st-card" id={`card-${name}`}>
      <SectionHead title={title} extra={model.empty ? undefined : <ViewSwitch name={name} value={view} onChange={setView} />} />
      {controls}
      {model.empty ? (
        <Empty text={emptyText} id={`empty-${name}`} />
      ) : view === 'chart' ? (
        <EChart id={`chart-${name}`} option={model.option} height={model.height} label={model.summary} />
      ) : (
        <DataTable id={`table-${name}`} table={model.table} hideCaption wide={model.table.columns.length > 4} />
      )}
      {note}
    </View>
  )
}
