import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { QueueItem } from '@shared/api/suggestion-workflow'
import { STATE_LABELS, SUGGESTION_STATES, type SuggestionState } from '@shared/domain/states'
import { call } from '../../../api/client'
import QueueList, { FilterChips } from '../../../components/QueueList'
import { usePagedList } from '../../../components/usePagedList'
import { openItem } from '../../../components/workbench'

type View_ = 'all' | SuggestionState
const SHOWN: SuggestionState[] = ['submitted', 'accepted', 'answered', 'escalated', 'dispatched', 'in_progress', 'resolved', 'verified']
const OPTIONS: Array<{ value: View_; label: string }> = [
  { value: 'all', label: '全部' },
  ...SHOWN.map((s) => ({ value: s as View_, label: s === 'submitted' ? '待接单' : STATE_LABELS[s] })),
]

/** 站点待办: every item at my stations (held content excluded by the function), by state. */
export default function DeputyQueue() {
  const router = useRouter()
  const initial = (SUGGESTION_STATES as readonly string[]).includes(router.params.state ?? '') ? (router.params.state as SuggestionState) : 'all'
  const [view, setView] = useState<View_>(initial)
  const list = usePagedList<QueueItem>(view, (cursor) =>
    call('suggestion', 'stationQueue', { state: view === 'all' ? undefined : view, cursor, limit: 20 }),
  )

  return (
    <View className="page deputy-queue" id="deputy-queue">
      <FilterChips name="state" options={OPTIONS} value={view} onChange={setView} />
      <QueueList
        state={list.state}
        onOpen={(item) => openItem('/packages/deputy/item/index', item.id)}
        onRetry={() => void list.refresh(false)}
        onMore={() => void list.loadMore()}
        empty={{ title: view === 'submitted' ? '暂无待接单的事项' : '没有这一类事项', description: '下拉可刷新' }}
      />
    </View>
  )
}
