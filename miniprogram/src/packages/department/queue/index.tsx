import { useCallback, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { QueueItem } from '@shared/api/suggestion-workflow'
import type { SuggestionState } from '@shared/domain/states'
import { call } from '../../../api/client'
import QueueList, { FilterChips } from '../../../components/QueueList'
import { usePagedList } from '../../../components/usePagedList'
import '../../../components/Workbench.css'
import { openItem, useHomeHeader } from '../../../components/workbench'

type ViewKey = 'dispatched' | 'in_progress' | 'resolved' | 'all'
const VIEWS: Record<ViewKey, { label: string; state?: SuggestionState; empty: string }> = {
  dispatched: { label: '待签收', state: 'dispatched', empty: '没有待签收的事项' },
  in_progress: { label: '办理中', state: 'in_progress', empty: '没有办理中的事项' },
  resolved: { label: '已销单', state: 'resolved', empty: '没有待群众验单的事项' },
  all: { label: '全部', empty: '还没有交办给本单位的事项' },
}
const ORDER: ViewKey[] = ['dispatched', 'in_progress', 'resolved', 'all']

interface Counts {
  dispatched: string
  in_progress: string
  overdue: number
}

/** 承办工作台: items dispatched to my department, nearest deadline first, with overdue badges. */
export default function DepartmentQueue() {
  const [view, setView] = useState<ViewKey>('dispatched')
  // until someone taps a tab, open on the first tab that has something in it
  const touched = useRef(false)
  const [counts, setCounts] = useState<Counts | null>(null)

  const list = usePagedList<QueueItem>(view, (cursor) => call('suggestion', 'departmentQueue', { state: VIEWS[view].state, cursor, limit: 20 }))

  const loadCounts = useCallback(async () => {
    try {
      const [a, b] = await Promise.all([
        call('suggestion', 'departmentQueue', { state: 'dispatched', limit: 50 }),
        call('suggestion', 'departmentQueue', { state: 'in_progress', limit: 50 }),
      ])
      const n = (p: { items: unknown[]; nextCursor: string | null }) => `${p.items.length}${p.nextCursor ? '+' : ''}`
      setCounts({ dispatched: n(a), in_progress: n(b), overdue: [...a.items, ...b.items].filter((i) => i.overdue).length })
      if (!touched.current && a.items.length === 0) setView(b.items.length > 0 ? 'in_progress' : 'all')
    } catch {
      /* the list shows the error */
    }
  }, [])

  const name = useHomeHeader(loadCounts)

  return (
    <View className="page department-queue" id="department-queue">
      <View className="work-head">
        <View className="work-head__title">承办工作台</View>
        <View className="work-head__sub">{name ?? '承办单位'} · 期限近的在前</View>
        {counts && counts.overdue > 0 && (
          <View className="work-banner work-banner--alert department-overdue" id="department-overdue">
            有 {counts.overdue} 件已超过办理时限，请尽快办结或申请延期。
          </View>
        )}
      </View>
      <FilterChips
        name="state"
        options={ORDER.map((k) => ({
          value: k,
          label: VIEWS[k].label,
          count: k === 'dispatched' || k === 'in_progress' ? counts?.[k] : undefined,
        }))}
        value={view}
        onChange={(v) => {
          touched.current = true
          setView(v)
        }}
      />
      <QueueList
        state={list.state}
        onOpen={(item) => openItem('/packages/department/item/index', item.id)}
        onRetry={() => void list.refresh(false)}
        onMore={() => void list.loadMore()}
        empty={{ title: VIEWS[view].empty, description: '下拉可刷新' }}
      />
    </View>
  )
}
