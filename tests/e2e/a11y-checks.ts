/**
 * The accessibility checks the H5 pages are held to (a11y.test.ts, a11y-admin.test.ts): axe-core's
 * findings, tap targets of at least 44 × 44 CSS px, and nothing overflowing the screen or its box.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS } from './harness'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
/** the page on screen (harness.ts `visible`): earlier pages stay in the DOM, shaded */
export const SHOWN = '.taro_page_show:not(.taro_page_shade)'

/** Everything a finger is meant to hit (Taro H5 hides React's click handlers, so: by class). */
export const TAPPABLE = [
  '.nut-button',
  '.nut-switch',
  '.nut-input',
  '.nut-textarea',
  '.category-chip',
  '.issue-chip',
  '.chip',
  '.filter-chip',
  '.mine-links__row',
  '.mine-item',
  '.mine-more__button',
  '.demo-identity__switch',
  '.station-footer',
  '.station-list__item',
  '.deputy__phone',
  '.role-entry',
  '.item-call',
  '.similar__button',
  '.photo--add',
  '.photo__remove',
  '.place__clear',
  '.privacy-sheet__link',
  '.action-bar__button',
].join(',')

export interface Finding {
  rule: string
  impact: string | null
  targets: string[]
  summary: string
}

export async function axe(page: Page, rules?: string[]): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE })
  const options = rules ? { runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'] }
  const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; failureSummary?: string }> }>
  }
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
  }))
}

/** Tap targets under 44 × 44 CSS px on the page being shown. */
export async function smallTargets(page: Page, tappable = TAPPABLE): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = []
    const root = document.querySelector(${JSON.stringify(SHOWN)})
    for (const el of root.querySelectorAll(${JSON.stringify(tappable)})) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      if (getComputedStyle(el).visibility === 'hidden') continue
      let w = r.width, h = r.height
      // an invisible tap margin (position:absolute pseudo-element with negative insets)
      const after = getComputedStyle(el, '::after')
      if (after.content !== 'none' && after.position === 'absolute') {
        const px = (v) => (v.endsWith('px') ? Math.max(0, -parseFloat(v)) : 0)
        w += px(after.left) + px(after.right)
        h += px(after.top) + px(after.bottom)
      }
      if (w < 43.5 || h < 43.5) out.push((el.id ? '#' + el.id : '.' + [...el.classList].join('.')) + ' ' + Math.round(w) + '×' + Math.round(h) + ' "' + (el.textContent || '').trim().slice(0, 12) + '"')
    }
    return out
  })()`)) as string[]
}

/**
 * Elements sticking out of the screen, and text that spills out of its own box or is cut off by
 * a clipping ancestor (deliberate one- or two-line truncation with an ellipsis excepted).
 */
export async function overflows(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = []
    const vw = document.documentElement.clientWidth
    const root = document.querySelector(${JSON.stringify(SHOWN)})
    const name = (el) => (el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : ''))
    const truncates = (cs) => cs.textOverflow === 'ellipsis' || (cs.webkitLineClamp && cs.webkitLineClamp !== 'none')
    for (const el of root.querySelectorAll('*')) {
      const cs = getComputedStyle(el)
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (r.right > vw + 1 || r.left < -1) out.push(name(el) + ' sticks out of the screen (' + Math.round(r.left) + '…' + Math.round(r.right) + ' of ' + vw + ')')
      if (el.closest('input, textarea, taro-input-core, taro-textarea-core')) continue
      const texts = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim())
      if (texts.length === 0) continue
      const range = document.createRange()
      range.setStartBefore(texts[0])
      range.setEndAfter(texts[texts.length - 1])
      const t = range.getBoundingClientRect()
      if (t.width === 0) continue
      const label = name(el) + ' "' + el.textContent.trim().slice(0, 10) + '"'
      // CJK glyph boxes are taller than a tight line box: allow a little overhang vertically.
      const slack = 0.25 * parseFloat(cs.fontSize)
      if (!truncates(cs) && (t.bottom > r.bottom + slack || t.top < r.top - slack || t.right > r.right + 1 || t.left < r.left - 1)) {
        out.push(label + ' spills out of its box (text ' + Math.round(t.width) + '×' + Math.round(t.height) + ', box ' + Math.round(r.width) + '×' + Math.round(r.height) + ')')
        continue
      }
      for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
        const acs = getComputedStyle(a)
        if (truncates(acs)) continue
        const ar = a.getBoundingClientRect()
        const clipX = acs.overflowX === 'hidden' || acs.overflowX === 'clip'
        const clipY = acs.overflowY === 'hidden' || acs.overflowY === 'clip'
        if ((clipX && (t.right > ar.right + 1 || t.left < ar.left - 1)) || (clipY && (t.bottom > ar.bottom + slack || t.top < ar.top - slack))) {
          out.push(label + ' is cut off by ' + name(a))
          break
        }
      }
    }
    return out
  })()`)) as string[]
}

/** The whole page, not just the first screen (Taro H5 scrolls inside the page element). */
export async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600)
  const height = (await page.evaluate(`(() => {
    const p = document.querySelector(${JSON.stringify(SHOWN)})
    return Math.max(p.scrollHeight, document.documentElement.scrollHeight)
  })()`)) as number
  const size = page.viewportSize() ?? { width: 390, height: 844 }
  // the page scrolls above the tab bar (≈ 50 px): leave room for it
  const chrome = (await page.evaluate(`document.documentElement.clientHeight - document.querySelector(${JSON.stringify(SHOWN)}).clientHeight`)) as number
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height + chrome, size.height), 6000) })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
  await page.setViewportSize(size)
}

