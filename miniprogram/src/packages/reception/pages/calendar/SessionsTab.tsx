import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { SessionSummary } from '@shared/api/reception'
import { daysInMonth } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { usePagedList } from '../../../../components/usePagedList'
import { explain } from '../../../../lib/errors'
import { StationSelect, type StationChoice } from '../../lib/fields'
import { PKG, editUrl, go } from '../../lib/links'
import { SessionRow } from '../../lib/ui'
import { ChipGroup } from '../../../../components/WorkForm'
import { monthInBeijing } from '../../../../lib/format'

export interface SessionFilter {
  stationCode: string | null
  /** 'YYYY-MM', or null for everything from today on. */
  month: string | null
}


function shiftMonth(month: string, by: number): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7)) - 1 + by
  const year = y + Math.floor(m / 12)
  return `${year}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`
}

function monthRange(month: string): { from: string; to: string } {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}` }
}

/** 接待安排: sessions of one station or all, upcoming or by month; a row opens the edit page. */
export default function SessionsTab({
  stations,
  filter,
  onFilter,
}: {
  stations: StationChoice[]
  filter: SessionFilter
  onFilter: (f: SessionFilter) => void
}) {
  // (usePagedList reloads by itself when the page shows again, e.g. back from an edit)
  const key = `${filter.stationCode ?? '*'}|${filter.month ?? 'upcoming'}`
  const list = usePagedList<SessionSummary>(key, (cursor) =>
    call('reception', 'listSessions', {
      ...(filter.stationCode ? { stationCode: filter.stationCode } : {}),
      ...(filter.month ? monthRange(filter.month) : {}),
      cursor,
      limit: 20,
    }),
  )
  const s = list.state
  const byMonth = filter.month !== null

  return (
    <View id="sessions-tab">
      <View className="card">
        <StationSelect name="list-station" stations={stations} value={filter.stationCode} allLabel="全部站点" onChange={(stationCode) => onFilter({ ...filter, stationCode })} />
        <ChipGroup
          name="list-range"
          columns={2}
          options={[
            { value: 'upcoming', label: '今后安排' },
            { value: 'month', label: '按月查看' },
          ]}
          value={byMonth ? 'month' : 'upcoming'}
          onChange={(v) => onFilter({ ...filter, month: v === 'month' ? (filter.month ?? monthInBeijing()) : null })}
        />
        {byMonth && (
          <View className="rc-month" id="month-switcher">
            <View className="rc-month__button" id="month-prev" onClick={() => onFilter({ ...filter, month: shiftMonth(filter.month as string, -1) })}>
              ‹
            </View>
            <Text className="rc-month__label" id="month-label">
              {Number(filter.month!.slice(0, 4))}年{Number(filter.month!.slice(5, 7))}月
            </Text>
            <View className="rc-month__button" id="month-next" onClick={() => onFilter({ ...filter, month: shiftMonth(filter.month as string, 1) })}>
              ›
            </View>
          </View>
        )}
        <Button
          className="rc-block-button"
          fill="outline"
          type="primary"
          id="new-thematic"
          onClick={() => go(`${PKG}/edit/index?new=thematic${filter.stationCode ? `&station=${encodeURIComponent(filter.stationCode)}` : ''}`)}
        >
          新建主题接待日
        </Button>
      </View>

      {s.loading && (
        <View className="card">
          <Skeleton rows={5} animated />
        </View>
      )}
      {!s.loading && s.error && s.items.length === 0 && (
        <View className="card" id="sessions-error">
          <View className="field-error">{explain(s.error)}</View>
          <Button className="rc-block-button" type="primary" onClick={() => void list.refresh(false)}>
            重新加载
          </Button>
        </View>
      )}
      {!s.loading && !s.error && s.items.length === 0 && (
        <View className="card" id="sessions-empty">
          <View className="rc-empty">
            {byMonth ? '这个月没有接待安排。' : '今后还没有接待安排。'}在“生成”中按规则一次生成三个月，或新建主题接待日。
          </View>
        </View>
      )}
      <View id="session-list">
        {s.items.map((item) => (
          <SessionRow key={item.id} s={item} showStation={!filter.stationCode} onOpen={() => go(editUrl(item.id))} />
        ))}
      </View>
      {s.nextCursor && (
        <View className="rc-more" id="sessions-more" onClick={() => void list.loadMore()}>
          {s.loadingMore ? '加载中…' : '加载更多'}
        </View>
      )}
    </View>
  )
}
