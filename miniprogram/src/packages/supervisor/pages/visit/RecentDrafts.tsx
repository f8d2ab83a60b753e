import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DraftStateChip, PKG } from '../../lib/parts'
import type { VisitFormApi } from './use-visit-form'

/** 刚刚登记: the last twelve hours' registrations on this phone and their sync state. */
export default function RecentDrafts({ v }: { v: VisitFormApi }) {
  if (v.record || v.recent.length === 0) return null
  return (
    <View>
      <View className="section-title">
        <Text>刚刚登记</Text>
        <Text className="section-title__extra" onClick={() => void Taro.navigateTo({ url: `${PKG}/records/index?tab=drafts` })}>
          全部 ›
        </Text>
      </View>
      {v.recent.map((d) => (
        <View className="sv-item recent-draft" key={d.clientId}>
          <View className="sv-item__head">
            <Text className="sv-item__who">{d.summary.visitorName || '（未填姓名）'}</Text>
            <DraftStateChip draft={d} />
          </View>
          <View className="sv-item__meta">{d.summary.matter.slice(0, 40)}</View>
          {d.error && <View className="sv-item__error">{d.error}</View>}
        </View>
      ))}
    </View>
  )
}
