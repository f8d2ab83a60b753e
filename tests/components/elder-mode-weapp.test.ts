/**
 * 长辈模式 in the mini-program build (dist/weapp): every page carries the `page-meta` that holds
 * the text scale, every font size in the WXSS reads it, and the switch on 我的 sets it on the
 * open page — run in miniprogram-simulate against the real functions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createTestBackend, type TestBackend } from '../support/backend'
import { ensureWeappBuild, weappDir } from '../support/taro-build'
import { createSimulator, type SimulatedPage } from '../weapp/simulate'

let backend: TestBackend
let page: SimulatedPage

beforeAll(async () => {
  ensureWeappBuild()
  backend = await createTestBackend()
  const sim = createSimulator(({ name, data }) => backend.call(name, data, 'demo-resident-1'))
  page = await sim.loadPage('pages/mine/index')
  await page.waitFor(() => page.text('#elder-mode-row'), 'the 长辈模式 row')
}, 5 * 60 * 1000)

afterAll(async () => {
  page?.unload()
  await backend?.close()
})

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : []
  })
}

test('every page, main package and subpackages, starts with the page-meta that carries the scale', () => {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
  expect(pages).toContain('pages/identity/index')
  for (const p of pages) {
    const wxml = readFileSync(join(weappDir, `${p}.wxml`), 'utf8')
    // after the <import> (not a node), page-meta is the first node of the page
    expect(wxml.replace(/^<import [^>]*\/>\s*/, '')).toMatch(/^<page-meta page-style="\{\{wdtPageStyle\}\}"><\/page-meta>/)
  }
})

test('every absolute font size in the WXSS follows --wdt-font-scale', () => {
  const fixed: string[] = []
  for (const file of files(weappDir, '.wxss')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/font-size:([^;}]+)/g)) {
      const v = m[1].trim()
      if (v.includes('--wdt-font-scale') || /^(0|0rpx|0px|inherit|initial|unset|[\d.]+(%|em))$/.test(v)) continue
      fixed.push(`${relative(weappDir, file)}: font-size:${v}`)
    }
  }
  expect(fixed).toEqual([])
})

// (miniprogram-simulate's storage is a stub that keeps nothing: persistence is checked in the
// browser, tests/e2e/a11y.test.ts.)
test('the switch on 我的 sets 1.4× on the open page and back', async () => {
  expect(page.comp.data.wdtPageStyle).toBe('--wdt-font-scale:1')
  await page.tap('elder-mode-row')
  await page.waitFor(() => page.comp.data.wdtPageStyle === '--wdt-font-scale:1.4', 'the page style at 1.4×')
  // the render data WeChat draws from (j-component's own DOM lags behind deep-path setData)
  const switchClass = () => JSON.stringify(page.comp.instance.data).match(/nut-switch-button nut-switch-button-(open|close)/)?.[1]
  await page.waitFor(() => switchClass() === 'open', 'the switch drawn on')
  await page.tap('elder-mode-row')
  await page.waitFor(() => page.comp.data.wdtPageStyle === '--wdt-font-scale:1', 'the page style back at 1×')
  await page.waitFor(() => switchClass() === 'close', 'the switch drawn off')
})
