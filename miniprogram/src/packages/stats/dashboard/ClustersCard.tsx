import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { clusterView } from '@shared/api/stats'
import type { z } from 'zod'
import { explain } from '../../../lib/errors'
import type { Loadable } from '../../../lib/use-load'
import { Empty, SectionHead } from '../components/ui'

export type Cluster = z.infer<typeof clusterView>

const ADVICE_LABEL: Record<Cluster['advice'], string> = { joint_suggestion: '建议联名提出建议', thematic_reception: '建议举办主题接待日' }

/** 专题聚类: open items that read alike, grouped, with what to do about them (联名建议, 主题接待日). */
export default function ClustersCard({ state, onRetry }: { state: Loadable<{ scanned: number; clusters: Cluster[] }>; onRetry: () => void }) {
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
