import Taro from '@tarojs/taro'
import type { ActionOutput } from '@shared/api'
import { call } from '../../../api/client'
import { todayInBeijing } from '../../../lib/format'

export type Today = ActionOutput<'visit', 'today'>
const KEY = 'wudantong.supervisorToday'


/**
 * Today's sessions and my stations. The last answer is kept on the phone so that the form still
 * knows the station, its deputies and today's session when there is no signal.
 */
export async function loadToday(): Promise<{ today: Today; cached: boolean }> {
  try {
    const today = await call('visit', 'today', {})
    try {
      Taro.setStorageSync(KEY, today)
    } catch {
      /* storage full: not needed for this answer */
    }
    return { today, cached: false }
  } catch (err) {
    const saved = cachedToday()
    if (!saved) throw err
    return { today: saved, cached: true }
  }
}

/** The kept answer; its sessions only if it is from today. */
export function cachedToday(): Today | null {
  try {
    const saved = Taro.getStorageSync(KEY) as Today | ''
    if (!saved || typeof saved !== 'object' || !Array.isArray(saved.stations)) return null
    return saved.date === todayInBeijing() ? saved : { ...saved, date: todayInBeijing(), sessions: [] }
  } catch {
    return null
  }
}
