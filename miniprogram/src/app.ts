import { useEffect, type PropsWithChildren } from 'react'
import { initTransport } from './api/client'
import { installPrivacyHandler } from './components/privacy-consent'
import { applyFontScale, initElderMode } from './lib/elder-mode'
// NutUI's default theme variables and fonts, once for the whole app; our overrides follow.
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.css'

// Before any page loads: in weapp this is the one Taro.cloud.init.
initTransport()
// 长辈模式 / the user's font size: the text scale every page reads.
initElderMode()
// weapp: WeChat asks before phone number, photos or location are used; we show our own sheet.
installPrivacyHandler()

/**
 * H5 only — gaps between Taro's H5 output and the accessibility tree (axe, screen readers):
 * - components pass WeChat's `aria-role` through as-is; browsers only know `role`;
 * - each page scrolls inside its own element, which keyboard users must be able to focus, and
 *   is the page's main landmark; the tab bar is its navigation.
 */
function h5AccessibilityShim(): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return
  const fixOne = (el: Element) => {
    const role = el.getAttribute('aria-role')
    if (role !== null) {
      el.setAttribute('role', role)
      el.removeAttribute('aria-role')
    }
    if (el.classList.contains('taro_page') && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0')
      el.setAttribute('role', 'main')
    }
    if (el.classList.contains('taro-tabbar__tabbar') && !el.hasAttribute('role')) el.setAttribute('role', 'navigation')
  }
  const fix = (el: Element) => {
    fixOne(el)
    for (const child of Array.from(el.querySelectorAll('[aria-role], .taro_page, .taro-tabbar__tabbar'))) fixOne(child)
  }
  fix(document.body)
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') fixOne(r.target as Element)
      else for (const n of Array.from(r.addedNodes)) if (n instanceof Element) fix(n)
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role'] })
}

function App({ children }: PropsWithChildren) {
  // H5: once the document is there, measure the browser's font size again (weapp: per page).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    applyFontScale()
    h5AccessibilityShim()
  }, [])
  return children
}

export default App
