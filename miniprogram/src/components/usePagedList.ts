import { useCallback, useRef, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { type ApiError, toApiError } from '../api/client'
import { useLoad } from '../lib/use-load'

export interface PagedState<T> {
  items: T[]
  nextCursor: string | null
  /** first load (or a refresh with nothing on screen yet) */
  loading: boolean
  loadingMore: boolean
  error: ApiError | null
}

type Page<T> = { items: T[]; nextCursor: string | null }
type Loader<T> = (cursor?: string) => Promise<Page<T>>

/**
 * A cursor-paged list for a page, on the one loading hook (lib/use-load.ts): loads when `key`
 * changes (a new filter starts from an empty list: old rows would be misleading), again whenever
 * the page shows (a step taken on the item page changes the list), on pull-down, and the next
 * page at the bottom. Answers to an older key are dropped.
 */
export function usePagedList<T extends { id: string }>(key: string, load: Loader<T>, options: { refreshOnShow?: boolean } = {}) {
  const loadRef = useRef(load)
  loadRef.current = load
  const first = useLoad<Page<T>>(key, () => loadRef.current(), { refreshOnShow: options.refreshOnShow !== false, pullDownRefresh: true })
  const [loadingMore, setLoadingMore] = useState(false)
  const busy = useRef(false)
  const firstRef = useRef(first)
  firstRef.current = first

  const loadMore = useCallback(async () => {
    const f = firstRef.current
    if (busy.current) return
    const showing = f.data?.items.length ?? 0
    const cursor = f.state.status === 'loading' && showing === 0 ? null : (f.data?.nextCursor ?? null)
    if (!cursor) return
    busy.current = true
    const mine = f.generation()
    setLoadingMore(true)
    try {
      const page = await loadRef.current(cursor)
      if (mine === firstRef.current.generation()) {
        firstRef.current.setData((prev) => {
          const items = prev?.items ?? []
          return { items: [...items, ...page.items.filter((i) => !items.some((x) => x.id === i.id))], nextCursor: page.nextCursor }
        })
      }
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' })
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [])

  useReachBottom(() => {
    void loadMore()
  })

  const refresh = useCallback((keepItems = true) => (keepItems ? firstRef.current.reload() : firstRef.current.restart()), [])

  const items = first.data?.items ?? []
  const state: PagedState<T> = {
    items,
    nextCursor: first.state.status === 'loading' && items.length === 0 ? null : (first.data?.nextCursor ?? null),
    loading: first.state.status === 'loading' && items.length === 0,
    loadingMore,
    error: first.error,
  }
  return { state, refresh, loadMore }
}
