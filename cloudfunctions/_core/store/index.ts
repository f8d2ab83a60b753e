/**
 * Opens the store a deployment is configured for. Only composition roots (the local server,
 * tests) call this; everything else receives a `Store`.
 *
 * Each adapter is imported only when chosen: a cloud function bundle must not pull in
 * better-sqlite3's native addon, and the local server has no use for the CloudBase SDK.
 */
import type { Store } from './port'
import type { CollectionSpec } from './collections'
import type { CloudbaseStoreOptions } from './cloudbase'

export type StoreConfig =
  | { kind: 'sqlite'; file: string; collections?: readonly CollectionSpec[] }
  | ({ kind: 'cloudbase' } & CloudbaseStoreOptions)

export async function openStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite': {
      const { createSqliteStore } = await import('./sqlite')
      return createSqliteStore({ file: config.file, collections: config.collections })
    }
    case 'cloudbase': {
      const { createCloudbaseStore } = await import('./cloudbase')
      const { kind: _kind, ...options } = config
      return createCloudbaseStore(options)
    }
  }
}

export type { Collection, Doc, FindOptions, Page, Scalar, Store, Where } from './port'
export type { CloudbaseStoreOptions } from './cloudbase'
export type { SqliteStore, SqliteStoreOptions } from './sqlite'
