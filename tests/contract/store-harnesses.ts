/**
 * The store adapters the contract suite runs against, each opened fresh for every test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Doc, Store } from '../../cloudfunctions/_core/store/port'
import { COLLECTIONS, type CollectionSpec } from '../../cloudfunctions/_core/store/collections'
import { createSqliteStore } from '../../cloudfunctions/_core/store/sqlite'
import { createCloudbaseStore } from '../../cloudfunctions/_core/store/cloudbase'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'

/** A collection only the contract suite uses, with one index shaped like the real ones. */
export const ITEMS = 'contract_items'

export const CONTRACT_COLLECTIONS: readonly CollectionSpec[] = [
  ...COLLECTIONS,
  {
    name: ITEMS,
    description: 'contract suite documents',
    indexes: [{ name: 'by_group_rank', fields: [['group', 'asc'], ['rank', 'asc']] }],
  },
]

export interface Item extends Doc {
  group: string
  rank?: number | null
  title?: string
  flag?: boolean
  state?: string
  version?: number
  hits?: number
  meta?: { owner: string; tags?: string[]; note?: string }
  list?: unknown[]
}

export interface Harness {
  name: string
  kind: 'sqlite' | 'cloudbase'
  setup(): Promise<void>
  open(): Promise<Store>
  teardown(): Promise<void>
  standin?: () => CloudbaseStandin
}

function sqliteMemory(): Harness {
  return {
    name: 'SQLite in-memory',
    kind: 'sqlite',
    setup: async () => undefined,
    open: async () => createSqliteStore({ file: ':memory:', collections: CONTRACT_COLLECTIONS }),
    teardown: async () => undefined,
  }
}

function sqliteFile(): Harness {
  let dir = ''
  let opened = 0
  return {
    name: 'SQLite temp file',
    kind: 'sqlite',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'wudantong-contract-'))
    },
    open: async () => createSqliteStore({ file: join(dir, `store-${++opened}.db`), collections: CONTRACT_COLLECTIONS }),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

function cloudbaseStandin(): Harness {
  let standin: CloudbaseStandin | null = null
  return {
    name: 'CloudBase SDK → stand-in',
    kind: 'cloudbase',
    setup: async () => {
      standin = await startCloudbaseStandin()
    },
    open: async () => {
      standin!.reset()
      return createCloudbaseStore({ env: 'standin-env', serviceUrl: standin!.url, collections: CONTRACT_COLLECTIONS })
    },
    teardown: async () => standin?.close(),
    standin: () => standin!,
  }
}

export const HARNESSES: Harness[] = [sqliteMemory(), sqliteFile(), cloudbaseStandin()]
