/**
 * Runs the Taro-compiled mini-program (dist/weapp) inside miniprogram-simulate:
 *
 * 1. a jsdom document as the global DOM (j-component renders into it);
 * 2. a global `wx` = miniprogram-simulate's API mock + a `wx.cloud` stand-in whose callFunction
 *    goes to the given handler (the real backend in tests), installed before app.js loads,
 *    because Taro copies wx.cloud at start-up;
 * 3. `App(config)` captured and launched; `Page(config)` adapted to a Component whose attached
 *    lifetime runs onLoad/onShow (and ready → onReady);
 * 4. the page loaded with the build folder as root and the official WXML compiler, so React
 *    renders through Taro's real base.wxml templates.
 *
 * jest's module cache means each built file runs once per test file: load one page per file.
 */
import { join } from 'node:path'
import { weappDir } from '../support/taro-build'

// jsdom ships no type declarations here (no @types/jsdom); the little used is typed by hand.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options?: { pretendToBeVisual?: boolean }) => { window: any } }

type AnyFn = (...args: any[]) => any
type Envelope = unknown

export interface CloudCall {
  name: string
  data: { action: string; payload?: unknown }
}

export interface SimulatedPage {
  /** the j-component instance of the page */
  comp: any
  /** the rendered DOM of the page */
  dom: HTMLElement
  /**
   * Text of the first element matching a selector, found the way the mini-program sees its
   * tree (ids live there, not on the DOM; classes carry a component prefix in the DOM), or null.
   */
  text(selector: string): string | null
  /** waits (polling; setData is async) until `probe` returns a truthy value */
  waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs?: number): Promise<T>
  /** a tap on the element with this id, delivered to Taro's event handler like a real tap */
  tap(id: string): Promise<void>
  unload(): void
}

export interface Simulator {
  /** wx API calls recorded by name (navigateTo, showToast, …) with their first argument */
  calls: Array<{ api: string; arg: any }>
  cloudCalls: CloudCall[]
  loadPage(route: string, query?: Record<string, string>): Promise<SimulatedPage>
}

let installed: Simulator | null = null

export function createSimulator(callFunction: (call: CloudCall) => Promise<Envelope>): Simulator {
  if (installed) throw new Error('createSimulator: one simulator per test file (built files load once per module registry)')
  const g = globalThis as any

  // 1. DOM for j-component
  const jsdom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const w = jsdom.window as any
  g.window = w
  g.document = w.document
  for (const name of ['Event', 'CustomEvent', 'TouchEvent', 'Element', 'HTMLElement', 'Node', 'DocumentFragment', 'MutationObserver']) g[name] = w[name]
  g.getComputedStyle = w.getComputedStyle.bind(w)
  g.requestAnimationFrame ??= (cb: AnyFn) => setTimeout(() => cb(Date.now()), 16)
  g.cancelAnimationFrame ??= (id: any) => clearTimeout(id)

  // 2. wx: miniprogram-simulate installs its API mock as global.wx when it loads
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const simulate = require('miniprogram-simulate')
  const wx = g.wx
  const calls: Simulator['calls'] = []
  const cloudCalls: CloudCall[] = []
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack', 'showToast', 'showModal', 'makePhoneCall']) {
    wx[api] = (arg: any = {}) => {
      calls.push({ api, arg })
      const res = { errMsg: `${api}:ok` }
      arg.success?.(res)
      arg.complete?.(res)
      return Promise.resolve(res)
    }
  }
  wx.cloud = {
    inited: false,
    init(_options?: unknown) {
      this.inited = true
    },
    callFunction(options: { name: string; data: CloudCall['data']; success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) {
      const call = { name: options.name, data: JSON.parse(JSON.stringify(options.data ?? {})) }
      cloudCalls.push(call)
      const p = callFunction(call).then(
        (result) => ({ result, errMsg: 'cloud.callFunction:ok', requestID: `req-${cloudCalls.length}` }),
        (err) => Promise.reject({ errMsg: `cloud.callFunction:fail ${String(err?.message ?? err)}` }),
      )
      p.then(
        (r) => (options.success?.(r), options.complete?.(r)),
        (e) => (options.fail?.(e), options.complete?.(e)),
      )
      return p
    },
  }

  // 3. App / Page / getApp / getCurrentPages
  let app: any = null
  const pageStack: any[] = []
  let pending: { route: string; query: Record<string, string> } | null = null
  g.App = (config: any) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => pageStack
  g.Page = (config: any) => {
    const opening = pending
    if (!opening) throw new Error('Page() called outside loadPage()')
    const methods: Record<string, AnyFn> = {}
    const fields: Record<string, unknown> = {}
    for (const key of Object.keys(config)) {
      if (key === 'data') continue
      if (typeof config[key] === 'function') methods[key] = config[key]
      else fields[key] = config[key]
    }
    g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          Object.assign(this, fields)
          this.route = this.__route__ = opening.route
          this.options = opening.query
          pageStack.push(this)
          this.onLoad?.(opening.query)
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
        detached(this: any) {
          this.onUnload?.()
          pageStack.splice(pageStack.indexOf(this), 1)
        },
      },
    })
  }

  // the app: runtime, vendors, framework and App(...) itself
  require(join(weappDir, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const launch = { path: 'pages/station/index', query: {}, scene: 1047, referrerInfo: {} }
  app.onLaunch?.call(app, launch)
  app.onShow?.call(app, launch)

  const simulator: Simulator = {
    calls,
    cloudCalls,
    async loadPage(route, query = {}) {
      pending = { route, query }
      const id = simulate.load(join(weappDir, route), { rootPath: weappDir, compiler: 'official' })
      const comp = simulate.render(id)
      const parent = document.createElement('parent-wrapper')
      document.body.appendChild(parent)
      comp.attach(parent)
      pending = null
      const dom = comp.dom as HTMLElement

      const page: SimulatedPage = {
        comp,
        dom,
        text(selector) {
          const el = comp.querySelector(selector)
          return el ? String(el.dom?.textContent ?? '').trim() : null
        },
        async waitFor(probe, what, timeoutMs = 10_000) {
          const until = Date.now() + timeoutMs
          for (;;) {
            const v = probe()
            if (v) return v
            if (Date.now() > until) throw new Error(`timed out waiting for ${what}; page text: ${dom.textContent?.slice(0, 400)}`)
            await new Promise((r) => setTimeout(r, 20))
          }
        },
        async tap(elementId) {
          const target = comp.querySelector(`#${elementId}`)
          if (!target) throw new Error(`no element #${elementId} on the page`)
          target.dispatchEvent('tap', { detail: { x: 1, y: 1 } })
          await new Promise((r) => setTimeout(r, 0))
        },
        unload() {
          comp.detach()
        },
      }
      return page
    },
  }
  installed = simulator
  return simulator
}
