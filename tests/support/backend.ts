import demoCounty from '../../shared/data/demo-county.json'
import { findFunction } from '../../cloudfunctions/_core/functions'
import type { Clock, Deps } from '../../cloudfunctions/_core/ports'
import { seedDirectory } from '../../cloudfunctions/_core/seed/seed-directory'
import type { DemoCountyFile } from '../../cloudfunctions/_core/seed/demo-county'
import { openStore } from '../../cloudfunctions/_core/store'
import type { Store } from '../../cloudfunctions/_core/store/port'
import { localDeps } from '../../cloudfunctions/_local/local-deps'
import type { Result } from '../../shared/errors'

export interface TestBackend {
  store: Store
  deps: Deps
  /** Calls a function exactly as the platform would: event body plus the caller's OPENID. */
  call(name: string, event: unknown, openid: string | null): Promise<Result<any>>
  close(): Promise<void>
}

export type FixedClock = Clock & { set(iso: string): void; advanceDays(n: number): void; reset(): void }

/** A settable clock for tests that move time (deadlines, auto-verify); `reset` goes back to where it started. */
export function fixedClock(iso: string): FixedClock {
  let now = new Date(iso)
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advanceDays: (n) => (now = new Date(now.getTime() + n * 86_400_000)),
    reset: () => (now = new Date(iso)),
  }
}

/** The real function handlers over a store (in-memory SQLite unless given) seeded with the demo county. */
/** `empty`: no demo county at all, as `npm start -- --empty` and a fresh CloudBase environment begin. */
export async function createTestBackend(options: { clock?: Clock; file?: string; store?: Store; empty?: boolean } = {}): Promise<TestBackend> {
  const store = options.store ?? (await openStore({ kind: 'sqlite', file: options.file ?? ':memory:' }))
  if (!options.empty) await seedDirectory(store, demoCounty as DemoCountyFile, '2026-01-01T00:00:00.000Z')
  const deps = localDeps(store, options.clock)
  return {
    store,
    deps,
    async call(name, event, openid) {
      const fn = findFunction(name)
      if (!fn) throw new Error(`unknown function ${name}`)
      return fn(event, openid, deps)
    },
    close: () => store.close(),
  }
}

/**
 * The frame most integration files share: every test gets a fresh seeded backend (the clock set
 * back to its start first) and closes it after. The answer stands for the backend of the test
 * that is running, so the helpers built over it once (actions, reception, stats) serve every test.
 * Hooks run in the order registered: a file's own beforeEach, registered after, sees the backend.
 */
export function backendPerTest(options: { clock?: FixedClock } = {}): TestBackend & { reopen(more: { store: Store }): Promise<void> } {
  let current: TestBackend | null = null
  const now = () => {
    if (!current) throw new Error('the test backend is open only inside a test')
    return current
  }
  beforeEach(async () => {
    options.clock?.reset()
    current = await createTestBackend({ clock: options.clock })
  })
  afterEach(async () => {
    await current?.close()
    current = null
  })
  return {
    get store() {
      return now().store
    },
    get deps() {
      return now().deps
    },
    call: (name, event, openid) => now().call(name, event, openid),
    close: () => now().close(),
    /** Closes this test's backend and opens another in its place (e.g. over a store that fails on purpose). */
    async reopen(more) {
      await now().close()
      current = await createTestBackend({ clock: options.clock, ...more })
    },
  }
}

/** Calls `<fn>.<action>`; `ok` throws with the Chinese message when it fails, `refused` when it succeeds. */
export function functionCaller(backend: TestBackend, fn: string) {
  const raw = (openid: string, action: string, payload: Record<string, unknown> = {}) => backend.call(fn, { action, payload }, openid)
  const ok = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await raw(openid, action, payload)
    if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${res.code} ${res.message}${res.field ? ` (${res.field})` : ''}`)
    return res.data
  }
  /** The failure, asserting that the call failed. */
  const refused = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await raw(openid, action, payload)
    if (res.ok) throw new Error(`${fn}.${action} as ${openid} unexpectedly succeeded`)
    return res as { ok: false; code: string; message: string; field?: string }
  }
  return { raw, ok, refused }
}
