import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { SuggestionSummary } from '@shared/api/suggestion'
import { ApiError, call, toApiError } from '../../api/client'
import Blank from '../../components/Blank'
import MineLinks from '../../components/MineLinks'
import RoleEntries from '../../components/RoleEntries'
import StateChip from '../../components/StateChip'
import { formatTime } from '../../lib/format'
import './index.css'

const PAGE_SIZE = 20

// Local demo only. Spelled out inline so webpack drops the require (and the component's styles)
// from every other build: the weapp / CloudBase bundle never contains the identity switcher.
const DemoIdentity: typeof import('../../components/DemoIdentity').default | null =
  process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL_MODE === '1'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('../../components/DemoIdentity').default
    : null

interface ListState {
  items: SuggestionSummary[]
  nextCursor: string | null
  /** first load / refresh still under way (nothing to show yet) */
  loading: boolean
  loadingMore: boolean
  error: ApiError | null
}

export default function MinePage() {
  const [state, setState] = useState<ListState>({ items: [], nextCursor: null, loading: true, loadingMore: false, error: null })
  const ticket = useRef(0)
  const busy = useRef(false)
  // bumped when the local demo identity changes: the workbench entries follow the new roles
  const [identity, setIdentity] = useState(0)

  const refresh = useCallback(async () => {
    const mine = ++ticket.current
    setState((s) => ({ ...s, loading: s.items.length === 0, error: null }))
    try {
      const page = await call('suggestion', 'listMine', { limit: PAGE_SIZE })
      if (mine === ticket.current) setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null })
    } catch (err) {
      if (mine === ticket.current) setState((s) => ({ ...s, loading: false, error: toApiError(err) }))
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !state.nextCursor || state.loading) return
    busy.current = true
    const mine = ticket.current
    setState((s) => ({ ...s, loadingMore: true }))
    try {
      const page = await call('suggestion', 'listMine', { limit: PAGE_SIZE, cursor: state.nextCursor })
      if (mine === ticket.current) {
        setState((s) => ({
          ...s,
          items: [...s.items, ...page.items.filter((i) => !s.items.some((x) => x.id === i.id))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }))
      }
    } catch (err) {
      setState((s) => ({ ...s, loadingMore: false }))
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' })
    } finally {
      busy.current = false
    }
  }, [state.nextCursor, state.loading])

  // Every time the tab shows: a new item may have been submitted, or its state changed.
  useDidShow(() => {
    void refresh()
  })

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void loadMore()
  })

  const open = (id: string) => {
    void Taro.navigateTo({ url: `/pages/item/index?id=${encodeURIComponent(id)}` })
  }

  return (
    <View className="page mine-page" id="mine-page">
      {DemoIdentity && (
        <DemoIdentity
          onChange={() => {
            setIdentity((n) => n + 1)
            void refresh()
          }}
        />
      )}
      <RoleEntries version={identity} />
      <MineLinks />

      <View className="section-title">
        <Text>我的反映</Text>
        {state.items.length > 0 && <Text className="section-title__extra">下拉可刷新</Text>}
      </View>

      {state.loading && (
        <View className="card">
          <Skeleton rows={3} animated />
        </View>
      )}

      {!state.loading && state.error && state.items.length === 0 && (
        <View className="card mine-empty">
          <Blank picture={state.error.code === 'network_error' ? 'network' : 'mine'} title="暂时无法获取" description={state.error.message} />
          <Button className="big-button" type="primary" fill="outline" block onClick={() => void refresh()}>
            重新加载
          </Button>
        </View>
      )}

      {!state.loading && !state.error && state.items.length === 0 && (
        <View className="card mine-empty" id="mine-empty">
          <Blank picture="mine" title="您还没有反映过问题" description="在联络站页面点“我要反映”，代表接单后这里会显示办理进度。" />
          <Button className="big-button" type="primary" block onClick={() => void Taro.switchTab({ url: '/pages/station/index' })}>
            去联络站反映
          </Button>
        </View>
      )}

      {state.items.map((item) => (
        <View className="card mine-item" key={item.id} onClick={() => open(item.id)}>
          <View className="mine-item__head">
            <Text className="mine-item__number">{item.number}</Text>
            <StateChip state={item.state} />
          </View>
          <View className="mine-item__excerpt">{item.excerpt}</View>
          <View className="mine-item__meta">
            <Text>{item.stationName}</Text>
            <Text className="mine-item__dot">·</Text>
            <Text>{item.categoryLabel}</Text>
          </View>
          <View className="mine-item__meta">
            <Text>提交于 {formatTime(item.createdAt)}</Text>
          </View>
        </View>
      ))}

      {state.items.length > 0 && (
        <View className="mine-more">
          {state.loadingMore ? (
            '正在加载…'
          ) : state.nextCursor ? (
            <View className="mine-more__button" onClick={() => void loadMore()}>
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
