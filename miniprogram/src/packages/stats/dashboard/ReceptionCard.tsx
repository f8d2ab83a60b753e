import { View } from '@tarojs/components'
import type { OverviewView } from '@shared/api/stats'
import { SESSION_KINDS, SESSION_KIND_LABELS } from '@shared/domain/sessions'
import { SectionHead, Tile } from '../components/ui'

/** 接待活动: sessions held (by kind), deputies' participations, voters received, opinions collected. */
export default function Reception({ overview }: { overview: OverviewView }) {
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
