/**
 * The supervisor's drafts on this phone (Taro storage) and when they sync: at once after saving,
 * when the page shows, when the network comes back (Taro.onNetworkStatusChange; in H5 also the
 * browser's `online` event, since Taro's H5 listener only follows navigator.connection), and every
 * 15 seconds while something is waiting. The sync itself is miniprogram/src/lib/offline-drafts.ts.
 */
import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { call } from '../../../api/client'
import { createDraftBox, type DraftCaller, type SyncReport, type VisitDraft } from '../../../lib/offline-drafts'

const storage = {
  get: (key: string): unknown => {
    try {
      return Taro.getStorageSync(key)
    } catch {
      return null
    }
  },
  set: (key: string, value: unknown) => Taro.setStorageSync(key, value),
}

export const draftBox = createDraftBox(storage)

export const visitCaller: DraftCaller = {
  create: (payload) => call('visit', 'create', payload),
  update: (payload) => call('visit', 'update', payload),
}

const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

/** Tell every mounted page that drafts changed (saved, synced, discarded). */
export const draftsChanged = emit

let syncing = false
export async function syncDrafts(): Promise<SyncReport | null> {
  if (draftBox.pendingCount() === 0) return null
  syncing = true
  emit()
  try {
    return await draftBox.sync(visitCaller)
  } finally {
    syncing = false
    emit()
  }
}

let watching = 0
let timer: ReturnType<typeof setInterval> | null = null
const onNetwork = (res: { isConnected: boolean }) => {
  if (res.isConnected) void syncDrafts()
}
const onOnline = () => void syncDrafts()

function startWatching() {
  if (watching++ > 0) return
  Taro.onNetworkStatusChange(onNetwork)
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', onOnline)
  timer = setInterval(() => {
    if (draftBox.pendingCount() > 0) void syncDrafts()
  }, 15_000)
}

function stopWatching() {
  if (--watching > 0) return
  Taro.offNetworkStatusChange(onNetwork)
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.removeEventListener('online', onOnline)
  if (timer) clearInterval(timer)
  timer = null
}

/** The drafts as the page shows them, kept current; sync triggers are on while a page uses this. */
export function useDrafts() {
  const [drafts, setDrafts] = useState<VisitDraft[]>(() => draftBox.list())
  const [busy, setBusy] = useState(false)
  const refresh = useCallback(() => {
    setDrafts(draftBox.list())
    setBusy(syncing)
  }, [])
  useEffect(() => {
    listeners.add(refresh)
    startWatching()
    void syncDrafts()
    return () => {
      listeners.delete(refresh)
      stopWatching()
    }
  }, [refresh])
  useDidShow(() => {
    refresh()
    void syncDrafts()
  })
  return { drafts, syncing: busy, refresh, syncNow: syncDrafts }
}
