import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { type ApiError, toApiError } from '../api/client'

/** One load: under way, answered, or failed. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError }

export interface LoadOptions {
  /** Load again when the page shows after another page was on top (a step taken there may change this one). */
  refreshOnShow?: boolean
  /** Load again on the page's pull-down, and stop its spinner afterwards. */
  pullDownRefresh?: boolean
}

export interface Load<T> {
  /** The latest load. */
  state: Loadable<T>
  /**
   * What is on screen: the last answer for this key, or what `setData` put there. Kept while a
   * reload runs and after a reload fails; cleared when the key changes.
   */
  data: T | null
  /** The latest load failed (the page may still show `data`). */
  error: ApiError | null
  reload: () => Promise<void>
  /** Clears what is on screen and loads again (a retry after nothing could be shown). */
  restart: () => Promise<void>
  /** Shows an answer got otherwise (a verb's result, the next page of a list) without loading. */
  setData: (next: T | ((prev: T | null) => T)) => void
  /** How many loads have started: a follow-up (the next page) is dropped when a newer load began meanwhile. */
  generation: () => number
}

interface Held<T> {
  key: string | null
  state: Loadable<T>
  data: T | null
}

/**
 * THE data-loading hook of every page and component: runs `load` when `key` changes (not while it
 * is null), exposes a reload, and, as asked, loads again when the page shows again and on pull-down.
 * Answers to an older load are dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>, options: LoadOptions = {}): Load<T> {
  const [held, setHeld] = useState<Held<T>>({ key, state: { status: 'loading' }, data: null })
  const ticket = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const keyRef = useRef(key)
  keyRef.current = key
  const hidden = useRef(false)
  const opts = useRef(options)
  opts.current = options

  const start = useCallback(async (keep: boolean) => {
    const mine = ++ticket.current
    const k = keyRef.current
    setHeld((h) => ({ key: k, state: { status: 'loading' }, data: keep && h.key === k ? h.data : null }))
    try {
      const data = await loadRef.current()
      if (mine === ticket.current) setHeld({ key: k, state: { status: 'ready', data }, data })
    } catch (err) {
      if (mine === ticket.current) setHeld((h) => ({ ...h, state: { status: 'error', error: toApiError(err) } }))
    }
  }, [])
  const run = useCallback(() => start(true), [start])
  const restart = useCallback(() => start(false), [start])

  useEffect(() => {
    if (key !== null) void run()
  }, [key, run])

  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    const again = hidden.current
    hidden.current = false
    if (again && opts.current.refreshOnShow && keyRef.current !== null) void run()
  })
  usePullDownRefresh(() => {
    if (!opts.current.pullDownRefresh) return
    void run().finally(() => Taro.stopPullDownRefresh())
  })

  const setData = useCallback((next: T | ((prev: T | null) => T)) => {
    setHeld((h) => {
      const data = typeof next === 'function' ? (next as (prev: T | null) => T)(h.data) : next
      return { ...h, state: { status: 'ready', data }, data }
    })
  }, [])
  const generation = useCallback(() => ticket.current, [])

  // a key just changed and its load has not started yet: nothing of the old key is on screen
  const current = held.key === key ? held : { key, state: { status: 'loading' } as Loadable<T>, data: null }
  return {
    state: current.state,
    data: current.data,
    error: current.state.status === 'error' ? current.state.error : null,
    reload: run,
    restart,
    setData,
    generation,
  }
}
