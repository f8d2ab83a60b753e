import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { QueueItem } from '@shared/api/suggestion-workflow'
import Blank from './Blank'
import { LoadingCards } from './LoadStates'
import StateChip from './StateChip'
import type { PagedState } from './usePagedList'
import { deadlineText } from './workbench'
import { formatTime } from '../lib/format'
import './QueueList.css'

/**
 * A work queue (站点待办, 我接的单, 派单台, 承办待办): one card per item with its state, grade,
 * deadline and overdue badges; skeleton while loading, a friendly empty state, retry on error,
 * and 加载更多 / 没有更多了 at the bottom.
 */
export default function QueueList({
  state,
  onOpen,
  onRetry,
  onMore,
  empty,
  filter,
  extra,
}: {
  state: PagedState<QueueItem>
  onOpen: (item: QueueItem) => void
  onRetry: () => void
  onMore: () => void
  empty: { title: string; description?: string }
  /** client-side narrowing of what has been loaded (e.g. 只看超期) */
  filter?: (item: QueueItem) => boolean
  /** something to show on a card under the meta lines */
  extra?: (item: QueueItem) => ReactNode
}) {
  const items = filter ? state.items.filter(filter) : state.items

  if (state.loading) {
    return <LoadingCards id="queue-loading" cards={2} rows={[3, 3]} />
  }

  if (state.error && state.items.length === 0) {
    return (
      <View className="card queue-empty" id="queue-error">
        <Blank picture={state.error.code === 'network_error' ? 'network' : 'mine'} title="暂时无法获取" description={state.error.message} />
        <Button className="big-button" type="primary" fill="outline" block onClick={onRetry}>
          重新加载
        </Button>
      </View>
    )
  }

  return (
    <View id="queue-list">
      {items.length === 0 && (
        <View className="card queue-empty" id="queue-empty">
          <Blank picture="mine" title={empty.title} description={empty.description} />
        </View>
      )}
      {items.map((item) => (
        <View className="card queue-card" key={item.id} id={`queue-item-${item.id}`} onClick={() => onOpen(item)}>
          <View className="queue-card__head">
            <Text className="queue-card__number">{item.number}</Text>
            <View className="queue-card__chips">
              {item.held && <Text className="queue-badge queue-badge--held">待审核</Text>}
              {item.extensionRequestedDays !== null && <Text className="queue-badge queue-badge--held">申请延期{item.extensionRequestedDays}个工作日</Text>}
              {item.gradeLabel && item.gradeLabel !== '一般' && <Text className="queue-badge queue-badge--grade">{item.gradeLabel}</Text>}
              <StateChip state={item.state} />
            </View>
          </View>
          <View className="queue-card__excerpt">{item.excerpt}</View>
          <View className="queue-card__meta">
            <Text>{item.stationName}</Text>
            <Text className="queue-card__dot">·</Text>
            <Text>{item.categoryLabel}</Text>
            {item.followerCount > 1 && (
              <Text>
                <Text className="queue-card__dot">·</Text>
                {item.followerCount}人关注
              </Text>
            )}
          </View>
          {item.departmentName && <View className="queue-card__meta">承办：{item.departmentName}</View>}
          <View className="queue-card__foot">
            <Text className="queue-card__time">{formatTime(item.updatedAt)} 更新</Text>
            {item.deadline && ['dispatched', 'in_progress'].includes(item.state) && (
              <Text className={`queue-badge ${item.overdue ? 'queue-badge--overdue' : 'queue-badge--deadline'}`}>
                {deadlineText(item.deadline, item.overdue)}
              </Text>
            )}
          </View>
          {extra?.(item)}
        </View>
      ))}
      {state.items.length > 0 && (
        <View className="queue-more" id="queue-more">
          {state.loadingMore ? (
            '正在加载…'
          ) : state.nextCursor ? (
            <View className="queue-more__button" onClick={onMore}>
              加载更多
            </View>
          ) : (
            '没有更多了'
          )}
        </View>
      )}
    </View>
  )
}

/** A horizontal row of filter chips above a queue (state tabs and the like). */
export function FilterChips<T extends string>({
  name,
  options,
  value,
  onChange,
}: {
  name: string
  options: ReadonlyArray<{ value: T; label: string; count?: number | string | null }>
  value: T
  onChange: (v: T) => void
}) {
  return (
    <View className="filter-chips" id={`filter-${name}`}>
      {options.map((o) => (
        <View
          key={o.value}
          id={`filter-${name}-${o.value}`}
          className={`filter-chip ${o.value === value ? 'filter-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
          {o.count !== undefined && o.count !== null && String(o.count) !== '0' && <Text className="filter-chip__count">{o.count}</Text>}
        </View>
      ))}
    </View>
  )
}
