/**
 * Accessibility of the resident pages in Chromium on the H5 build, at normal text size and with
 * 长辈模式 (1.4× text):
 *
 * - axe-core: no `color-contrast` or `target-size` violations (every other serious or critical
 *   finding is listed in the output and must be empty too, except the ones named in KNOWN);
 * - tap targets: every button, chip, switch, input and tappable row is at least 44 × 44 CSS px
 *   (a switch counts with its invisible tap margin, app.css `.nut-switch::after`);
 * - nothing overflows: no element sticks out of the 390 px wide screen, no text spills out of its
 *   own box or is cut off by a clipping ancestor (deliberate ellipsis truncation excepted);
 * - 长辈模式 really is 1.4×, set from the 我的 page and kept after a reload.
 * Screenshots at 1.4×: tests/artifacts/a11y-elder-<page>.png (the whole page, not just the screen).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS, startE2E, visible, type E2E } from './harness'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
/** the page on screen (harness.ts `visible`): earlier pages stay in the DOM, shaded */
const SHOWN = '.taro_page_show:not(.taro_page_shade)'
const RESIDENT = 'demo-resident-1'
const STATION_NAME = encodeURIComponent('城关镇人大代表联络站')

/** Serious / critical axe findings accepted for now, with the reason (keep this list short). */
const KNOWN: Record<string, string> = {}

interface PageSpec {
  name: string
  route: () => string
  ready: string
}

let itemId = ''
const PAGES: PageSpec[] = [
  { name: 'station', route: () => 'pages/station/index?code=XWT01', ready: '#station-name' },
  { name: 'submit', route: () => `pages/submit/index?code=XWT01&name=${STATION_NAME}`, ready: '#submit-button' },
  { name: 'mine', route: () => 'pages/mine/index', ready: '.mine-item__excerpt' },
  { name: 'item', route: () => `pages/item/index?id=${encodeURIComponent(itemId)}`, ready: '#item-timeline' },
  { name: 'identity', route: () => 'pages/identity/index', ready: '#identity-name' },
  { name: 'privacy', route: () => 'pages/privacy/index', ready: '#privacy-retention' },
]

/** Everything a finger is meant to hit (Taro H5 hides React's click handlers, so: by class). */
const TAPPABLE = [
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

interface Finding {
  rule: string
  impact: string | null
  targets: string[]
  summary: string
}

async function axe(page: Page, rules?: string[]): Promise<Finding[]> {
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
async function smallTargets(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = []
    const root = document.querySelector(${JSON.stringify(SHOWN)})
    for (const el of root.querySelectorAll(${JSON.stringify(TAPPABLE)})) {
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
async function overflows(page: Page): Promise<string[]> {
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
async function fullScreenshot(page: Page, name: string): Promise<void> {
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

async function show(page: Page, spec: PageSpec): Promise<void> {
  await page.goto(`${e2e.base}/#/${spec.route()}`)
  await page.waitForSelector(visible(spec.ready), { timeout: 20_000 })
  // slide-in animation and late layout (fonts, images) settle
  await page.waitForTimeout(700)
}

let e2e: E2E
const pages: Record<string, Page> = {}
const report: string[] = []

beforeAll(async () => {
  e2e = await startE2E()
  const created = await e2e.backend.call(
    'suggestion',
    {
      action: 'submit',
      payload: {
        clientRequestId: 'a11yA11yA11yA11yA11y0001',
        stationCode: 'XWT01',
        content: '东关村北街路灯坏了三个多月，晚上老人出门看不清路，希望尽快修复。',
        categoryCode: 'urban_rural_construction',
        contactName: '张女士',
        contactPhone: '13912345678',
      },
    },
    RESIDENT,
  )
  if (!created.ok) throw new Error(`seed item: ${created.code} ${created.message}`)
  itemId = created.data.id
  for (const scale of ['1', '1.4']) {
    const page = await e2e.open(RESIDENT)
    if (scale === '1.4') {
      await page.context().addInitScript(() => {
        window.localStorage.setItem('wudantong.elderMode', JSON.stringify({ data: '1' }))
      })
    }
    pages[scale] = page
  }
}, 240_000)

afterAll(async () => {
  if (report.length > 0) console.log(`axe findings other than contrast and target size:\n${report.join('\n')}`)
  await e2e?.close()
})

describe.each([
  ['normal text', '1'],
  ['长辈模式 1.4× text', '1.4'],
])('resident pages at %s', (_label, scale) => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s: readable, tappable, nothing overflows', async (name, spec) => {
    const page = pages[scale]
    await show(page, spec)
    expect(await page.evaluate(`getComputedStyle(document.documentElement).getPropertyValue('--wdt-font-scale').trim()`)).toBe(scale)

    const contrastAndSize = await axe(page, ['color-contrast', 'target-size'])
    expect(contrastAndSize).toEqual([])

    const serious = (await axe(page)).filter((f) => (f.impact === 'serious' || f.impact === 'critical') && !KNOWN[f.rule])
    for (const f of serious) report.push(`  [${scale}] ${name}: ${f.rule} (${f.impact}) ${f.targets.slice(0, 3).join(' | ')} — ${f.summary}`)
    expect(serious.map((f) => `${f.rule}: ${f.targets.join(' | ')}`)).toEqual([])

    expect(await smallTargets(page)).toEqual([])
    expect(await overflows(page)).toEqual([])
    if (scale === '1.4') await fullScreenshot(page, `a11y-elder-${name}`)
  }, 90_000)
})

describe('empty states', () => {
  it('我的 without any item: its picture is decorative, nothing else to fix', async () => {
    const page = await e2e.open('demo-resident-2')
    await show(page, { name: 'mine-empty', route: () => 'pages/mine/index', ready: '#mine-empty' })
    const serious = (await axe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical')
    expect(serious.map((f) => `${f.rule}: ${f.targets.join(' | ')}`)).toEqual([])
    expect(await smallTargets(page)).toEqual([])
  }, 90_000)
})

describe('长辈模式', () => {
  it('is switched on from 我的, makes text 1.4× and stays on after a reload', async () => {
    const page = await e2e.open(RESIDENT)
    await show(page, PAGES[2])
    const titleSize = () => page.evaluate(`parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(`${SHOWN} .section-title`)})).fontSize)`) as Promise<number>
    const before = await titleSize()
    await page.locator(visible('#elder-mode-row')).click()
    await page.waitForFunction(() => document.documentElement.classList.contains('wdt-elder'))
    // the class lands before the page's styles are recomputed on a busy machine: wait for the size to settle
    await page.waitForFunction(
      ([sel, was]) => parseFloat(getComputedStyle(document.querySelector(sel) as Element).fontSize) / was > 1.39,
      [`${SHOWN} .section-title`, before] as const,
      { timeout: 5000 },
    ).catch(() => undefined)
    expect((await titleSize()) / before).toBeCloseTo(1.4, 2)
    await page.reload()
    await page.waitForSelector(visible('.mine-item__excerpt'))
    expect(await page.evaluate(`document.documentElement.classList.contains('wdt-elder')`)).toBe(true)
    expect((await titleSize()) / before).toBeCloseTo(1.4, 2)
    await page.locator(visible('#elder-mode-row')).click()
    await page.waitForFunction(() => !document.documentElement.classList.contains('wdt-elder'))
    expect(await titleSize()).toBeCloseTo(before, 1)
  }, 90_000)
})
