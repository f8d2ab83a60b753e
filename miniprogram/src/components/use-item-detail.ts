import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { call } from '../api/client'
import { useLoadable, type Loadable } from '../lib/use-api'

/**
 * One item's detail, as the resident's item page and every workbench show it: loaded on open,
 * again when the page shows after another page (the item may have moved on) and on pull-down.
 * `data` is what is on screen: the last load, or the answer of a verb (`setData`, no second request).
 */
export function useItemDetail(id: string | null): {
  loaded: Loadable<SuggestionDetail>
  reload: () => Promise<void>
  data: SuggestionDetail | null
  setData: (next: SuggestionDetail) => void
} {
  const [loaded, reload] = useLoadable<SuggestionDetail>(id, () => call('suggestion', 'get', { id: id as string }))
  const [data, setData] = useState<SuggestionDetail | null>(null)
  const hidden = useRef(false)

  useEffect(() => {
    if (loaded.status === 'ready') setData(loaded.data)
  }, [loaded])

  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (hidden.current && id) void reload()
    hidden.current = false
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { loaded, reload, data, setData }
}
