import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { QueueItem } from '@shared/api/suggestion-workflow'
import { FINAL_STATES } from '@shared/domain/states'
import { call } from '../../../api/client'
import QueueList from '../../../components/QueueList'
import { usePagedList } from '../../../components/usePagedList'
import { openItem, useHomeHeader } from '../../../components/workbench'
import '../../../components/Workbench.css'
import { needsDeputyRating } from '../unrated'

interface Counts {
  waiting: string
  open: number
  overdue: number
  toRate: number
}

const PAGE = 50

/** 代表工作台: what is waiting at my stations, what I own, what is overdue, what I should rate. */
export default function DeputyHome() {
  const [counts, setCounts] = useState<Counts | null>(null)

  const list = usePagedList<QueueItem>('submitted', (cursor) => call('suggestion', 'stationQueue', { state: 'submitted', cursor, limit: 20 }))

  const loadCounts = useCallback(async () => {
    try {
      const [waiting, mine] = await Promise.all([
        call('suggestion', 'stationQueue', { state: 'submitted', limit: PAGE }),
        call('suggestion', 'myHandled', { limit: PAGE }),
      ])
      setCounts({
        waiting: `${waiting.items.length}${waiting.nextCursor ? '+' : ''}`,
        open: mine.items.filter((i) => !FINAL_STATES.includes(i.state)).length,
        overdue: mine.items.filter((i) => i.overdue).length,
        toRate: mine.items.filter(needsDeputyRating).length,
      })
    } catch {
      /* the list below shows the error */
    }
  }, [])

  const name = useHomeHeader(loadCounts)
  usePullDownRefresh(() => {
    void loadCounts()
  })

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <View className="page deputy-home" id="deputy-home">
      <View className="work-head">
        <View className="work-head__title">{name ? `${name}代表` : '代表工作台'}</View>
        <View className="work-head__sub">首问负责：您接的单，全程由您跟进并答复群众</View>
        <View className="tiles" id="deputy-counts">
          <Tile id="count-waiting" label="站点待接单" value={counts?.waiting} accent onClick={() => go('/packages/deputy/queue/index?state=submitted')} />
          <Tile id="count-open" label="我在办" value={counts?.open} onClick={() => go('/packages/deputy/mine/index?view=open')} />
          <Tile id="count-overdue" label="已超期" value={counts?.overdue} accent={!!counts?.overdue} onClick={() => go('/packages/deputy/mine/index?view=overdue')} />
          <Tile id="count-rate" label="待评价答复" value={counts?.toRate} onClick={() => go('/packages/deputy/mine/index?view=rate')} />
        </View>
      </View>

      <View className="link-row" id="link-mine" onClick={() => go('/packages/deputy/mine/index')}>
        <Text>我接的单</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <View className="link-row" id="link-queue" onClick={() => go('/packages/deputy/queue/index')}>
        <Text>站点全部事项</Text>
        <Text className="link-row__arrow">›</Text>
      </View>

      <View className="section-title">
        <Text>待接单</Text>
        <Text className="section-title__extra">群众点单后请尽快接单</Text>
      </View>
      <QueueList
        state={list.state}
        onOpen={(item) => openItem('/packages/deputy/item/index', item.id)}
        onRetry={() => void list.refresh(false)}
        onMore={() => void list.loadMore()}
        empty={{ title: '暂无待接单的事项', description: '群众在您所在联络站扫码反映后，会出现在这里。' }}
      />
    </View>
  )
}

function Tile({ id, label, value, accent, onClick }: { id: string; label: string; value?: number | string; accent?: boolean; onClick: () => void }) {
  return (
    <View className={`tile ${accent ? 'tile--accent' : ''}`} id={id} onClick={onClick}>
      <Text className="tile__count">{value ?? '–'}</Text>
      <Text className="tile__label">{label}</Text>
    </View>
  )
}
