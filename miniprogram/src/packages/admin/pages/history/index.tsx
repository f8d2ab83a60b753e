import '../../register-api'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DirectoryHistoryEntryView } from '@shared/api/directory-admin'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { explain, failure } from '../../../../lib/errors'
import { formatTime } from '../../../../lib/format'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import '../../lib/admin.css'

/** 变更历史 (管理员): every change of the county's directory and roles, newest first. */
export default function AdminHistory() {
  const first = useLoad('directoryHistory', () => call('directory', 'directoryHistory', { limit: 30 }), { refreshOnShow: true, pullDownRefresh: true })
  const [more, setMore] = useState<{ items: DirectoryHistoryEntryView[]; cursor: string | null; error: string | null } | null>(null)

  if (!first.data && first.state.status === 'loading') return <LoadingCards cards={3} rows={[2, 2]} className="page" label="正在加载变更历史" />
  if (!first.data && first.state.status === 'error') {
    const f = failure(first.state.error, '变更历史', { title: '只有本县的管理员可以查看变更历史', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="history-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void first.reload() : undefined} />
  }
  if (!first.data) return null
  const items = [...first.data.items, ...(more?.items ?? [])]
  const cursor = more ? more.cursor : first.data.nextCursor
  const loadMore = async () => {
    try {
      const page = await call('directory', 'directoryHistory', { limit: 30, cursor: cursor ?? undefined })
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.nextCursor, error: null }))
    } catch (err) {
      setMore((m) => ({ items: m?.items ?? [], cursor, error: explain(err) }))
    }
  }

  return (
    <View className="page" id="admin-history-page">
      <View className="card" id="history-list">
        {items.length === 0 && <View className="muted">还没有变更</View>}
        {items.map((e) => (
          <View className="ad-row" key={e.id}>
            <View className="ad-row__main">
              <View className="ad-row__name">
                {e.kindLabel} {e.name}
              </View>
              <View className="ad-change">{e.summary}</View>
              <View className="ad-row__meta">
                {formatTime(e.at)} · {e.actorName}
              </View>
            </View>
          </View>
        ))}
      </View>
      {more?.error && <View className="card muted">{more.error}</View>}
      {cursor && (
        <View className="ad-actions muted" id="history-more" onClick={() => void loadMore()}>
          <Text>加载更多</Text>
        </View>
      )}
    </View>
  )
}
