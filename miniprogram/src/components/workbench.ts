/**
 * Helpers of the role workbenches (deputy, staff, department subpackages only).
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { call } from '../api/client'
import { todayInBeijing } from '../lib/format'

/**
 * A workbench home's header: the person's name (whoami), and the home's counts, loaded on open and
 * again when the page shows after another page (an item may have moved on meanwhile).
 */
export function useHomeHeader(loadCounts: () => Promise<void>): string | null {
  const [name, setName] = useState<string | null>(null)
  const hidden = useRef(false)
  useEffect(() => {
    void loadCounts()
    call('directory', 'whoami', {})
      .then((me) => setName(me.displayName))
      .catch(() => {})
  }, [loadCounts])
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (hidden.current) void loadCounts()
    hidden.current = false
  })
  return name
}

/** Calendar days from today to a YYYY-MM-DD date (negative when past). */
export function daysUntil(date: string, now = Date.now()): number {
  const a = Date.parse(`${todayInBeijing(now)}T00:00:00Z`)
  const b = Date.parse(`${date}T00:00:00Z`)
  return Math.round((b - a) / 86_400_000)
}

/** "12月10日前" / "今天到期" / "已超期" — the deadline as a badge text. */
export function deadlineText(deadline: string, overdue: boolean): string {
  if (overdue) return '已超期'
  // the server decides overdue (its clock); the phone's date only words the last day
  if (daysUntil(deadline) === 0) return '今天到期'
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(deadline)
  return m ? `${Number(m[1])}月${Number(m[2])}日前办结` : `${deadline}前办结`
}

/** Navigates to a page of a role's subpackage with the item id. */
export function openItem(url: string, id: string, extra = ''): void {
  void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(id)}${extra}` })
}
