/**
 * Render benchmark (part of `npm run bench`): the station page's first render in headless
 * Chromium with 4× CPU throttling, against an empty Taro page built with the same config, in the
 * same run; then the weapp package sizes.
 *
 *   npm run build:h5 && npm run build:empty && npm run build:weapp   (production builds)
 *   npx tsx scripts/bench-render.ts [--runs 9] [--throttle 4] [--json]
 *
 * - product: dist/h5, page `#/pages/station/index?code=XWT01` (a resident after scanning a code);
 *   first render = the page is on screen (its skeleton); content = the station's name is drawn,
 *   i.e. its data came back from the local server;
 * - baseline: dist/h5-empty (miniprogram/bench/empty-app: the same app shell, one empty page);
 *   first render = content = the empty page's root is in the DOM.
 * Both are served by the real local server (embedded SQLite with the demo county). Every run is a
 * fresh browser context with the HTTP cache off (a first visit); runs alternate between the two.
 * Reported: medians of both times, and the ratios station / empty (goal ≤ 1.3 for the first
 * render). With --check, exits 1 when the first-render ratio is above --goal (default 1.3).
 * BENCH_H5_DIR / BENCH_EMPTY_DIR measure other build folders.
 */
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import demoCounty from '../shared/data/demo-county.json'
import { openStore } from '../cloudfunctions/_core/store'
import { seedDirectory } from '../cloudfunctions/_core/seed/seed-directory'
import type { DemoCountyFile } from '../cloudfunctions/_core/seed/demo-county'
import { createLocalServer } from '../cloudfunctions/_local/server'
import { localDeps } from '../cloudfunctions/_local/local-deps'
import { fmt, measure } from './package-size'
import { launchOptions } from '../tests/support/browser'

const root = resolve(__dirname, '..')

interface Options {
  runs: number
  throttle: number
  goal: number
  check: boolean
  json: boolean
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 9, throttle: 4, goal: 1.3, check: false, json: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--runs') opts.runs = Number(argv[++i])
    else if (a === '--throttle') opts.throttle = Number(argv[++i])
    else if (a === '--goal') opts.goal = Number(argv[++i])
    else if (a === '--check') opts.check = true
    else if (a === '--json') opts.json = true
    else throw new Error(`unknown argument: ${a}`)
  }
  if (!(opts.runs >= 1) || !(opts.throttle >= 1)) throw new Error('--runs and --throttle must be ≥ 1')
  return opts
}

interface Target {
  name: string
  dir: string
  path: string
  /** the page's first render is on screen (for the station page: its skeleton, before data) */
  first: string
  /** a selector that exists once the page shows its content */
  ready: string
  /** and, when given, text it must contain */
  text?: string
}

const TARGETS: Target[] = [
  { name: 'empty page', dir: resolve(root, process.env.BENCH_EMPTY_DIR ?? 'dist/h5-empty'), path: '/#/pages/empty/index', first: '#empty-page', ready: '#empty-page' },
  { name: 'station page', dir: resolve(root, process.env.BENCH_H5_DIR ?? 'dist/h5'), path: '/#/pages/station/index?code=XWT01', first: '#station-loading, #station-page', ready: '#station-name', text: '城关镇' },
]

async function serve(staticDir: string, deps: ReturnType<typeof localDeps>): Promise<{ base: string; server: Server }> {
  const server = createLocalServer({ deps, staticDir })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

interface Sample {
  first: number
  rendered: number
}

/** Installed before any page script: notes the frame in which each selector first matches. */
const PROBE = `(() => {
  const cfg = window.__wdtBench
  const check = () => {
    if (!window.__wdtFirst && document.querySelector(cfg.first)) window.__wdtFirst = performance.now()
    const el = document.querySelector(cfg.ready)
    if (el && (!cfg.text || (el.textContent || '').includes(cfg.text))) {
      window.__wdtFirst = window.__wdtFirst || performance.now()
      window.__wdtRendered = performance.now()
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

async function sample(browser: Browser, base: string, target: Target, throttle: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  try {
    const page = await context.newPage()
    await page.addInitScript(`window.__wdtBench = ${JSON.stringify({ first: target.first, ready: target.ready, text: target.text ?? null })};${PROBE}`)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    await page.goto(`${base}${target.path}`, { waitUntil: 'commit' })
    await page.waitForFunction('window.__wdtRendered', undefined, { timeout: 60_000, polling: 50 })
    const result = (await page.evaluate(`({
      first: window.__wdtFirst,
      rendered: window.__wdtRendered,
    })`)) as Sample
    return result
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  for (const t of TARGETS) {
    if (!existsSync(join(t.dir, 'index.html'))) {
      console.error(`${t.dir}/index.html not found: run ${t.name === 'empty page' ? 'npm run build:empty' : 'npm run build:h5'} first`)
      process.exit(2)
    }
  }
  // Same HTML shell on both sides (bench/empty-app/index.html is a link to src/index.html).
  if (realpathSync(join(root, 'miniprogram/bench/empty-app/index.html')) !== realpathSync(join(root, 'miniprogram/src/index.html'))) {
    console.error('miniprogram/bench/empty-app/index.html must be the product shell (a link to src/index.html)')
    process.exit(2)
  }

  // Served from a copy: a build started meanwhile (tests rebuild dist/ when sources change) must
  // not swap files under a running measurement.
  const snapshot = mkdtempSync(join(tmpdir(), 'wdt-bench-render-'))
  const dirs = TARGETS.map((t, i) => {
    const copy = join(snapshot, String(i))
    cpSync(t.dir, copy, { recursive: true })
    return copy
  })

  const store = await openStore({ kind: 'sqlite', file: ':memory:' })
  await seedDirectory(store, demoCounty as DemoCountyFile, new Date().toISOString())
  const deps = localDeps(store)
  const served = await Promise.all(dirs.map((dir) => serve(dir, deps)))
  // the same browser the e2e tests use (tests/support/browser.ts): CHROMIUM_PATH, an installed one, or npm's
  const browser = await chromium.launch(await launchOptions())
  const samples: Sample[][] = TARGETS.map(() => [])
  try {
    // one unmeasured visit each: the server's first answers and Chromium's own warm-up
    for (const [i, t] of TARGETS.entries()) await sample(browser, served[i].base, t, opts.throttle)
    for (let run = 0; run < opts.runs; run++) {
      for (const [i, t] of TARGETS.entries()) samples[i].push(await sample(browser, served[i].base, t, opts.throttle))
    }
  } finally {
    await browser.close()
    for (const s of served) s.server.close()
    await store.close()
    rmSync(snapshot, { recursive: true, force: true })
  }

  const stats = TARGETS.map((t, i) => ({
    name: t.name,
    firstMs: median(samples[i].map((s) => s.first)),
    renderedMs: median(samples[i].map((s) => s.rendered)),
    runsMs: samples[i].map((s) => Math.round(s.rendered)),
  }))
  const [empty, station] = stats
  const ratio = station.renderedMs / empty.renderedMs
  const firstRatio = station.firstMs / empty.firstMs

  const weappDir = join(root, 'dist', 'weapp')
  const sizes = existsSync(join(weappDir, 'app.json')) ? measure(weappDir) : null

  if (opts.json) {
    console.log(JSON.stringify({ throttle: opts.throttle, runs: opts.runs, stats, ratio, firstRatio, goal: opts.goal, sizes }, null, 2))
  } else {
    console.log(`first render, headless Chromium, CPU ${opts.throttle}× slower, ${opts.runs} runs each (median)`)
    for (const s of stats) {
      console.log(`  ${s.name.padEnd(13)} first render ${s.firstMs.toFixed(0).padStart(5)} ms   content ${s.renderedMs.toFixed(0).padStart(5)} ms   runs ${s.runsMs.join(' ')}`)
    }
    console.log(`  station / empty: first render ${firstRatio.toFixed(2)}×, with its data ${ratio.toFixed(2)}× (goal ≤ ${opts.goal}×)`)
    if (sizes) {
      console.log('weapp packages (dist/weapp):')
      console.log(`  main package   ${fmt(sizes.main.bytes).padStart(10)}  (budget 520 KB)`)
      for (const p of sizes.subpackages) console.log(`  ${p.root.padEnd(22)} ${fmt(p.bytes).padStart(10)}`)
      console.log(`  total          ${fmt(sizes.total).padStart(10)}`)
    } else {
      console.log('weapp packages: dist/weapp not built (npm run build:weapp)')
    }
  }
  if (opts.check && firstRatio > opts.goal) {
    console.error(`the station page's first render takes ${firstRatio.toFixed(2)}× the empty page's, over the goal of ${opts.goal}×`)
    process.exit(1)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
