/**
 * One page of the weapp build for a whole test file: a fresh backend on a real SQLite file, the
 * data the page needs (`prepare`), a simulator calling the real functions as one identity, and
 * the page loaded and waited for. beforeAll/afterAll are registered here so each test file states
 * only what differs: who looks, at which page, after what.
 *
 * jest loads the built files once per test file (see simulate.ts), hence one page per file.
 */
import type { Clock } from '../../cloudfunctions/_core/ports'
import { createTestBackend, type TestBackend } from '../support/backend'
import { ensureWeappBuild } from '../support/taro-build'
import { createSimulator, type CloudCall, type SimulatedPage, type Simulator } from './simulate'

export const SETUP_TIMEOUT = 5 * 60 * 1000

export interface PageSpec<P> {
  clock?: Clock
  /** what the page needs in the store before it opens; its result feeds the other fields */
  prepare?: (backend: TestBackend) => Promise<P>
  /** the identity (demo openid) whose calls the simulator makes */
  as: string | ((prepared: P) => string)
  /** replaces the plain "call the backend as `as`" (lost answers, a faked WeChat port) */
  call?: (call: CloudCall, backend: TestBackend, identity: string) => Promise<unknown>
  /** wx APIs the page uses that miniprogram-simulate lacks, installed before the page loads */
  beforeLoad?: (sim: Simulator, wx: any) => void
  route: string
  query?: Record<string, string> | ((prepared: P) => Record<string, string>)
  /** a selector whose text means the page has loaded, and what it is (for the timeout message) */
  ready?: Ready | ((prepared: P) => Ready)
}

type Ready = [selector: string, what: string, timeoutMs?: number]

export interface OpenedPage {
  backend: TestBackend
  sim: Simulator
  page: SimulatedPage
}

/**
 * The three are stand-ins that forward to the real objects once beforeAll has made them, so a
 * test file can destructure them at the top: `const { page, sim } = openPageForFile({...})`.
 */
function forwarding<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get()
      if (!target) throw new Error(`${what} is not ready: use it inside a test, after beforeAll`)
      const value = (target as any)[key]
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export function openPageForFile<P = undefined>(spec: PageSpec<P>): OpenedPage {
  const opened = {} as { backend?: TestBackend; sim?: Simulator; page?: SimulatedPage; prepared: P }
  beforeAll(async () => {
    ensureWeappBuild() // no-op when the globalSetup (or an earlier run) already built it
    const backend = await createTestBackend({ clock: spec.clock })
    opened.backend = backend
    opened.prepared = (spec.prepare ? await spec.prepare(backend) : undefined) as P
    const identity = typeof spec.as === 'function' ? spec.as(opened.prepared) : spec.as
    const sim = createSimulator((call) => (spec.call ? spec.call(call, backend, identity) : backend.call(call.name, call.data, identity)) as Promise<never>)
    opened.sim = sim
    spec.beforeLoad?.(sim, (globalThis as any).wx)
    const query = typeof spec.query === 'function' ? spec.query(opened.prepared) : spec.query
    const page = await sim.loadPage(spec.route, query)
    opened.page = page
    const ready = typeof spec.ready === 'function' ? spec.ready(opened.prepared) : spec.ready
    if (ready) {
      const [selector, what, timeoutMs] = ready
      await page.waitFor(() => page.text(selector), what, timeoutMs)
    }
  }, SETUP_TIMEOUT)
  afterAll(async () => {
    opened.page?.unload()
    await opened.backend?.close()
  })
  return {
    backend: forwarding(() => opened.backend, 'backend'),
    sim: forwarding(() => opened.sim, 'sim'),
    page: forwarding(() => opened.page, 'page'),
  }
}
