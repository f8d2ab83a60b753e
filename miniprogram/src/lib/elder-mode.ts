import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/**
 * 长辈模式 and the WeChat / browser font-size setting.
 *
 * Every `font-size` (and every absolute `line-height`) in the app — ours and NutUI's — is compiled
 * to `calc(<size> * var(--wdt-font-scale, 1))` by miniprogram/config/postcss-font-scale.js, so one
 * CSS variable scales the text of every page:
 *
 * - H5: the variable (and the class `wdt-elder`) sits on <html>;
 * - weapp: it sits on each page's `page` element through a `<page-meta page-style>` that the build
 *   puts at the top of every page's WXML (miniprogram/config/elder-mode-plugin.js); the page data
 *   `wdtPageStyle` is set when a page loads and again on every open page when the switch changes.
 *
 * The scale is the larger of the user's font-size setting (WeChat 「设置-通用-字体大小」 or the
 * browser's default font size) and 1.4 when 长辈模式 is on, capped at 1.4: the layouts are checked
 * not to overflow up to 1.4× (tests/e2e/a11y.test.ts).
 */
export const ELDER_SCALE = 1.4
export const MAX_FONT_SCALE = 1.4
const STORAGE_KEY = 'wudantong.elderMode'
export const ELDER_CLASS = 'wdt-elder'

const round2 = (n: number) => Math.round(n * 100) / 100
const clampScale = (n: number) => (Number.isFinite(n) ? Math.min(MAX_FONT_SCALE, Math.max(1, round2(n))) : 1)

/** The user's own text size relative to the standard one (1 = standard, up to 1.4). */
export function systemFontScale(): number {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined' || !document.body) return 1
    // `medium` is the browser's default font size (16 px unless the user changed it); the
    // root font-size is Taro's rem base, not the user's choice.
    const probe = document.createElement('div')
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
    document.body.appendChild(probe)
    const px = parseFloat(getComputedStyle(probe).fontSize)
    probe.remove()
    return clampScale(px / 16)
  }
  try {
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    const setting = Number(info.fontSizeSetting)
    if (!setting) return 1
    // WeChat's standard size is 17 px on iOS and 16 px elsewhere.
    const device = (typeof Taro.getDeviceInfo === 'function' ? Taro.getDeviceInfo() : Taro.getSystemInfoSync()) as { platform?: string }
    const platform = String(device.platform ?? '')
    return clampScale(setting / (platform === 'ios' ? 17 : 16))
  } catch {
    return 1
  }
}

export function isElderMode(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

/** The scale in effect now. */
export function fontScale(elder = isElderMode()): number {
  const system = systemFontScale()
  return elder ? Math.max(ELDER_SCALE, system) : system
}

/** The page-level style that carries the scale (weapp `page-meta page-style`). */
export function pageStyle(scale = fontScale()): string {
  return `--wdt-font-scale:${scale}`
}

type Listener = (elder: boolean) => void
const listeners = new Set<Listener>()

/** Puts the current scale where the pages read it. */
export function applyFontScale(elder = isElderMode()): void {
  const scale = fontScale(elder)
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined') return
    const root = document.documentElement
    root.style.setProperty('--wdt-font-scale', String(scale))
    root.classList.toggle(ELDER_CLASS, elder)
    return
  }
  const style = pageStyle(scale)
  for (const page of Taro.getCurrentPages() as Array<{ setData?: (data: Record<string, unknown>) => void }>) {
    page.setData?.({ wdtPageStyle: style })
  }
}

export function setElderMode(on: boolean): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, on ? '1' : '0')
  } catch {
    /* storage unavailable: the switch still applies until the app closes */
  }
  applyFontScale(on)
  for (const l of listeners) l(on)
}

/** [on, set] for a 长辈模式 switch; every mounted switch follows the others. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode)
  useEffect(() => {
    listeners.add(setOn)
    // a switch elsewhere may have changed it between this render and now
    setOn(isElderMode())
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  // Sets this switch's own state too: a tap can land before the effect above has subscribed it.
  const set = useCallback((value: boolean) => {
    setOn(value)
    setElderMode(value)
  }, [])
  return [on, set]
}

/**
 * Once, from app.ts before any page: H5 sets the variable on <html>; weapp gives every page
 * object the current style in its initial data and again whenever it loads or shows (the setting
 * may have changed on another page, or in WeChat's own settings while the app was hidden).
 */
export function initElderMode(): void {
  if (process.env.TARO_ENV === 'h5') {
    applyFontScale()
    return
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { hooks } = require('@tarojs/runtime') as typeof import('@tarojs/runtime')
  hooks.tap('modifyPageObject', (config: Record<string, any>) => {
    config.data = { ...(config.data ?? {}), wdtPageStyle: pageStyle() }
    for (const lifecycle of ['onLoad', 'onShow']) {
      const original = config[lifecycle]
      config[lifecycle] = function (this: { setData?: (d: Record<string, unknown>) => void }, ...args: unknown[]) {
        this.setData?.({ wdtPageStyle: pageStyle() })
        return typeof original === 'function' ? original.apply(this, args) : undefined
      }
    }
  })
}
