import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { type ApiError, toApiError } from '../api/client'

export interface PagedState<T> {
  items: T[]
  nextCursor: string | null
  /** first load (or a refresh with nothing on screen yet) */
  loading: boolean
  loadingMore: boolean
  error: ApiError | null
}

type Loader<T> = (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>

/**
 * A cursor-paged list for a page: loads when `key` changes, again whenever the page shows
 * (a step taken on the item page changes the list), on pull-down, and the next page at the
 * bottom. Answers to an older key are dropped.
 */
export function usePagedList<T extends { id: string }>(key: string, load: Loader<T>, options: { refreshOnShow?: boolean } = {}) {
  const [state, setState] = useState<PagedState<T>>({ items: [], nextCursor: null, loading: true, loadingMore: false, error: null })
  const ticket = useRef(0)
  const busy = useRef(false)
  const loadRef = useRef(load)
  loadRef.current = load
  const hidden = useRef(false)
  const stateRef = useRef(state)
  stateRef.current = state

  const refresh = useCallback(async (keepItems = true) => {
    const mine = ++ticket.current
    setState((s) => ({ ...s, items: keepItems ? s.items : [], loading: !keepItems || s.items.length === 0, error: null }))
    try {
      const page = await loadRef.current()
      if (mine === ticket.current) setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null })
    } catch (err) {
      if (mine === ticket.current) setState((s) => ({ ...s, loading: false, loadingMore: false, error: toApiError(err) }))
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current) return
    const cursor = stateRef.current.loading ? null : stateRef.current.nextCursor
    if (!cursor) return
    busy.current = true
    const mine = ticket.current
    setState((s) => ({ ...s, loadingMore: true }))
    try {
      const page = await loadRef.current(cursor)
      if (mine === ticket.current) {
        setState((s) => ({
          ...s,
          items: [...s.items, ...page.items.filter((i) => !s.items.some((x) => x.id === i.id))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }))
      } else setState((s) => ({ ...s, loadingMore: false }))
    } catch (err) {
      setState((s) => ({ ...s, loadingMore: false }))
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' })
    } finally {
      busy.current = false
    }
  }, [])

  // a new filter starts from an empty list (old rows would be misleading)
  useEffect(() => {
    void refresh(false)
  }, [key, refresh])

  // back from an item page (where a step may have been taken): refresh in place
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    if (options.refreshOnShow !== false) void refresh(true)
  })

  usePullDownRefresh(() => {
    void refresh(true).finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void loadMore()
  })

  return { state, refresh, loadMore }
}
