import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { QueueItem } from '@shared/api/suggestion-workflow'
import { FINAL_STATES } from '@shared/domain/states'
import { call } from '../../../api/client'
import QueueList, { FilterChips } from '../../../components/QueueList'
import { usePagedList } from '../../../components/usePagedList'
import { openItem } from '../../../components/workbench'
import { needsDeputyRating } from '../unrated'

type View_ = 'all' | 'open' | 'overdue' | 'rate' | 'closed'
const OPTIONS: Array<{ value: View_; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '在办' },
  { value: 'overdue', label: '已超期' },
  { value: 'rate', label: '待评价答复' },
  { value: 'closed', label: '已办结' },
]
const EMPTY: Record<View_, string> = {
  all: '您还没有接过单',
  open: '没有在办的事项',
  overdue: '没有超期的事项',
  rate: '没有待您评价的答复',
  closed: '还没有办结的事项',
}

/** 我接的单 (首问负责): every item I accepted, most recently changed first, with quick filters. */
export default function DeputyMine() {
  const router = useRouter()
  const initial = (OPTIONS.map((o) => o.value) as string[]).includes(router.params.view ?? '') ? (router.params.view as View_) : 'all'
  const [view, setView] = useState<View_>(initial)
  const list = usePagedList<QueueItem>('mine', (cursor) => call('suggestion', 'myHandled', { cursor, limit: 20 }))

  const filter = (i: QueueItem): boolean => {
    if (view === 'open') return !FINAL_STATES.includes(i.state)
    if (view === 'overdue') return i.overdue
    if (view === 'rate') return needsDeputyRating(i)
    if (view === 'closed') return FINAL_STATES.includes(i.state)
    return true
  }

  return (
    <View className="page deputy-mine" id="deputy-mine">
      <FilterChips name="view" options={OPTIONS} value={view} onChange={setView} />
      <QueueList
        state={list.state}
        filter={filter}
        onOpen={(item) => openItem('/packages/deputy/item/index', item.id)}
        onRetry={() => void list.refresh(false)}
        onMore={() => void list.loadMore()}
        empty={{ title: EMPTY[view], description: '下拉可刷新' }}
      />
    </View>
  )
}
