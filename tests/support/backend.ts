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

/** A settable clock for tests that move time (deadlines, auto-verify). */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advanceDays(n: number): void } {
  let now = new Date(iso)
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advanceDays: (n) => (now = new Date(now.getTime() + n * 86_400_000)),
  }
}

/** The real function handlers over a store (in-memory SQLite unless given) seeded with the demo county. */
export async function createTestBackend(options: { clock?: Clock; file?: string; store?: Store } = {}): Promise<TestBackend> {
  const store = options.store ?? (await openStore({ kind: 'sqlite', file: options.file ?? ':memory:' }))
  await seedDirectory(store, demoCounty as DemoCountyFile, '2026-01-01T00:00:00.000Z')
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
