import Taro from '@tarojs/taro'
import { serverUrl } from '../../../api/origin'
import { stationCodeFromParams } from '../../../lib/station-code'

export const PKG = '/packages/reception/pages'

export const go = (url: string) => void Taro.navigateTo({ url })
export const sessionUrl = (id: string) => `${PKG}/session/index?id=${encodeURIComponent(id)}`
export const editUrl = (id: string) => `${PKG}/edit/index?id=${encodeURIComponent(id)}`

/** H5: a path of the local server (poster, ICS feed) as an absolute URL. */
export { serverUrl }

/** H5: opens a server file (poster SVG, ICS feed) in a new tab; the page stays where it is. */
export function openServerFile(path: string): void {
  window.open(serverUrl(path), '_blank', 'noopener')
}

/**
 * The station a scanned code names: a mini-program code gives its page path
 * ("pages/station/index?scene=XWT01"), the local QR code an H5 link (".../#/pages/station/index?code=XWT01"),
 * a printed code may hold the bare station code.
 */
export function stationFromScan(res: { path?: string; result?: string }): string | null {
  const text = (res.path || res.result || '').trim()
  if (/^[A-Za-z0-9-]{2,40}$/.test(text)) return text.toUpperCase()
  const query = text.split('?')[1] ?? ''
  const params: Record<string, string> = {}
  for (const pair of query.split('&')) {
    const [k, v] = pair.split('=')
    if (k && v) params[k] = v
  }
  return stationCodeFromParams(params)
}

/** 'YYYY-MM-DD' + 'HH:mm' in Beijing time → unix seconds (addPhoneCalendar). */
export function unixSeconds(date: string, time: string): number {
  return Math.floor(Date.parse(`${date}T${time}:00+08:00`) / 1000)
}
