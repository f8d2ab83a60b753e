/**
 * The production store: CloudBase's document database through the real @cloudbase/node-sdk.
 * Tested against tests/support/cloudbase-standin.ts (the SDK pointed at it by `serviceUrl`).
 *
 * SDK facts this file works around (see docs/cloudbase-standin.md):
 * - `doc(id).get()` returns `{data: [...]}`, an array, empty when the document is missing;
 * - `limit` is silently clamped to 1000, so larger pages are read in slices here;
 * - `update({obj: {...}})` merges nested objects field by field and drops `{}` entirely, so
 *   object and array values are wrapped in `_.set()` to replace them whole;
 * - `updated` counts documents actually changed, so a write that changes nothing reads as
 *   "no match"; updateIf re-reads before answering false;
 * - reading a collection that was never created fails with DATABASE_COLLECTION_NOT_EXIST;
 *   reads treat it as empty and writes create the collection once and retry;
 * - `db.runTransaction(fn)` sends database.startTransaction, then each document call of `fn`
 *   with the transactionId, then commitTransaction (abortTransaction when `fn` throws or calls
 *   rollback), and runs `fn` again on DATABASE_TRANSACTION_CONFLICT; inside it `doc(id).get()`
 *   resolves `{data: doc | null}`, not an array, and there are no queries (`where().update()`).
 */
import tcb from '@cloudbase/node-sdk'
import { AppError } from '@shared/errors'
import type { CloudBase } from '@cloudbase/node-sdk'
import type { Collection, Doc, FindOptions, Page, Scalar, Store, Where, Write } from './port'
import type { CollectionSpec } from './collections'
import {
  afterOf,
  assertFieldPath,
  assertTopLevelField,
  parseWhere,
  planFind,
  requireCollection,
  resolveCollections,
  segmentsFor,
  toPage,
  valueAt,
  type After,
  type FindPlan,
} from './find-plan'
import { whereFor, type Command } from './cloudbase-query'

export interface CloudbaseStoreOptions {
  /** An initialised app, e.g. `tcb.init({env: tcb.SYMBOL_CURRENT_ENV})` inside a cloud function. */
  app?: CloudBase
  env?: string | symbol
  /** Another endpoint for the SDK, e.g. the local stand-in. */
  serviceUrl?: string
  secretId?: string
  secretKey?: string
  timeout?: number
  /** Defaults to COLLECTIONS from ./collections; tests may declare their own. */
  collections?: readonly CollectionSpec[]
}

/** The SDK's hard cap on one query's result size. */
export const CLOUDBASE_MAX_LIMIT = 1000

const DUPLICATE = 'DATABASE_DUPLICATE_WRITE'
const NO_COLLECTION = 'DATABASE_COLLECTION_NOT_EXIST'

type Db = ReturnType<CloudBase['database']>

export function createCloudbaseStore(options: CloudbaseStoreOptions): Store {
  const specs = resolveCollections(options.collections)
  const app = options.app ?? initApp(options)
  const db = app.database()
  const collections = new Map<string, CloudbaseCollection<Doc>>()
  return {
    collection<T extends Doc>(name: string): Collection<T> {
      let collection = collections.get(name)
      if (!collection) {
        collection = new CloudbaseCollection(db, requireCollection(specs, name).name)
        collections.set(name, collection)
      }
      return collection as unknown as Collection<T>
    },
    async commit(writes) {
      for (const w of writes) requireCollection(specs, w.collection)
      const run = () => commitInTransaction(db, writes)
      try {
        return await run()
      } catch (error) {
        if (errorCode(error) !== NO_COLLECTION) throw error
        // first write to a collection nobody created yet (deploy creates them; tests may not)
        for (const name of new Set(writes.map((w) => w.collection))) await db.createCollection(name).catch(() => undefined)
        return run()
      }
    },
    async close() {
      // the SDK holds no resources that need releasing
    },
  }
}

/** The part of the SDK's Transaction this adapter uses (its typings leave the callback untyped). */
interface TransactionHandle {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<unknown>
      set(data: object): Promise<unknown>
      create(data: object): Promise<unknown>
      update(data: object): Promise<unknown>
    }
  }
  rollback(reason?: unknown): Promise<unknown>
}

/** Rolls a transaction back from inside: runTransaction rethrows it, commit answers false. */
const ABORTED = Object.freeze({ aborted: 'expectation failed' })

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
/** runTransaction itself tries 4 times; under a burst on one document that is not enough. */
const CONFLICT_ROUNDS = 8

/**
 * A conflict means another transaction changed a document this one touched: running it again
 * reads the new state, where a version guard fails (false) or an insert finds its document. So
 * conflicts are retried, with a jittered pause, until the answer is a real one.
 */
async function commitInTransaction(db: Db, writes: Write[]): Promise<boolean> {
  for (let round = 1; ; round++) {
    try {
      return await commitOnce(db, writes)
    } catch (error) {
      if (errorCode(error) !== CONFLICT) throw error
      if (round >= CONFLICT_ROUNDS) throw new AppError('conflict')
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * round))
    }
  }
}

async function commitOnce(db: Db, writes: Write[]): Promise<boolean> {
  const _ = db.command
  try {
    await db.runTransaction(async (tx: TransactionHandle) => {
      for (const w of writes) {
        const id = w.op === 'insert' || w.op === 'put' ? w.doc._id : w.id
        const ref = tx.collection(w.collection).doc(id)
        if (w.op === 'put') {
          const { _id, ...fields } = w.doc
          checked(await ref.set(fields))
          continue
        }
        const existing = (checked(await ref.get()) as { data: Record<string, unknown> | null }).data
        if (w.op === 'insert') {
          if (existing) {
            if (w.ifExists === 'abort') return tx.rollback(ABORTED)
            continue
          }
          checked(await ref.create({ ...w.doc }))
        } else if (w.op === 'updateIf') {
          const holds = existing && Object.entries(w.expect).every(([path, value]) => sameValue(valueAt(existing as unknown as Doc, path) ?? null, value))
          if (!holds) return tx.rollback(ABORTED)
          const data: Record<string, unknown> = {}
          for (const [field, value] of Object.entries(w.set)) {
            assertTopLevelField(field)
            data[field] = value === undefined ? _.remove() : isStructured(value) ? _.set(value) : value
          }
          if (Object.keys(data).length > 0) checked(await ref.update(data))
        } else {
          const created: Record<string, unknown> = { ...w.init, _id: id }
          const inc: Record<string, unknown> = {}
          for (const [field, amount] of Object.entries(w.by)) {
            assertTopLevelField(field)
            if (!Number.isFinite(amount)) throw new Error(`store: increment of "${field}" by ${amount}`)
            const start = created[field]
            created[field] = (typeof start === 'number' ? start : 0) + amount
            if (amount !== 0) inc[field] = _.inc(amount)
          }
          if (!existing) checked(await ref.create(created))
          else if (Object.keys(inc).length > 0) checked(await ref.update(inc))
        }
      }
    })
    return true
  } catch (error) {
    if (error === ABORTED) return false
    throw error
  }
}

function initApp(options: CloudbaseStoreOptions): CloudBase {
  let { secretId, secretKey } = options
  if (options.serviceUrl && !(secretId && secretKey)) {
    // A local endpoint checks no signature, but without credentials the SDK's unawaited
    // credential check rejects and takes Node 20 down with an unhandled rejection.
    secretId = 'local-secret-id'
    secretKey = 'local-secret-key'
  }
  return tcb.init({ env: options.env as string, serviceUrl: options.serviceUrl, secretId, secretKey, timeout: options.timeout })
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined
}

/** The SDK resolves with `{code}` instead of throwing when someone called setThrowOnCode(false). */
function checked<R>(result: R): R {
  const code = errorCode(result)
  if (code) throw Object.assign(new Error((result as { message?: string }).message ?? code), { code })
  return result
}

class CloudbaseCollection<T extends Doc> implements Collection<T> {
  private readonly _: Command

  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {
    this._ = db.command as unknown as Command
  }

  private get ref() {
    return this.db.collection(this.name)
  }

  private async reading<R>(missing: R, read: () => Promise<R>): Promise<R> {
    try {
      return await read()
    } catch (error) {
      if (errorCode(error) === NO_COLLECTION) return missing
      throw error
    }
  }

  private async writing<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write()
    } catch (error) {
      if (errorCode(error) !== NO_COLLECTION) throw error
      // another writer may create it at the same moment: whichever wins, retry the write once
      await this.db.createCollection(this.name).catch(() => undefined)
      return write()
    }
  }

  async get(id: string): Promise<T | null> {
    return this.reading(null, async () => {
      const { data } = checked(await this.ref.doc(id).get())
      return (data[0] as T | undefined) ?? null
    })
  }

  async getMany(ids: string[]): Promise<T[]> {
    const unique = [...new Set(ids)]
    const found = new Map<string, T>()
    for (let start = 0; start < unique.length; start += CLOUDBASE_MAX_LIMIT) {
      const slice = unique.slice(start, start + CLOUDBASE_MAX_LIMIT)
      const docs = await this.reading([] as T[], async () => {
        const query = this.ref.where({ _id: this._.in(slice) }).limit(CLOUDBASE_MAX_LIMIT)
        return checked(await query.get()).data as T[]
      })
      docs.forEach((doc) => found.set(doc._id, doc))
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []))
  }

  async insert(doc: T): Promise<boolean> {
    return this.writing(async () => {
      try {
        checked(await this.ref.add({ ...doc }))
        return true
      } catch (error) {
        if (errorCode(error) === DUPLICATE) return false
        throw error
      }
    })
  }

  async put(doc: T): Promise<void> {
    const { _id, ...fields } = doc
    await this.writing(async () => checked(await this.ref.doc(_id).set(fields)))
  }

  async updateIf(id: string, expect: Record<string, Scalar>, set: Partial<Omit<T, '_id'>>): Promise<boolean> {
    Object.keys(expect).forEach(assertFieldPath)
    const entries = Object.entries(set as Record<string, unknown>)
    const data: Record<string, unknown> = {}
    for (const [field, value] of entries) {
      assertTopLevelField(field)
      data[field] = value === undefined ? this.db.command.remove() : isStructured(value) ? this.db.command.set(value) : value
    }
    const written = await this.reading(false, async () => {
      if (entries.length === 0) return false
      const result = checked(await this.ref.where({ ...expect, _id: id }).update(data))
      return result.updated === 1
    })
    if (written) return true
    const doc = await this.get(id)
    if (!doc) return false
    const stillExpected = Object.entries(expect).every(([path, value]) => sameValue(valueAt(doc, path) ?? null, value))
    return stillExpected && entries.every(([field, value]) => sameValue((doc as Record<string, unknown>)[field], value))
  }

  async increment(id: string, by: Record<string, number>, init: Omit<T, '_id'>): Promise<void> {
    const created: Record<string, unknown> = { ...init, _id: id }
    const inc: Record<string, unknown> = {}
    for (const [field, amount] of Object.entries(by)) {
      assertTopLevelField(field)
      if (!Number.isFinite(amount)) throw new Error(`store: increment of "${field}" by ${amount}`)
      const start = created[field]
      created[field] = (typeof start === 'number' ? start : 0) + amount
      if (amount !== 0) inc[field] = this.db.command.inc(amount)
    }
    // a zero increment changes nothing and so reports updated 0 even when the document exists
    const changes = Object.keys(inc).length > 0
    for (let attempt = 0; attempt < 3; attempt++) {
      if (changes) {
        const result = await this.writing(async () => checked(await this.ref.doc(id).update(inc)))
        if (result.updated >= 1) return
      }
      if (await this.insert(created as T)) return
      if (!changes) return
      // lost a race with another creator: the document exists now, so the next update lands
    }
    throw new Error(`store: increment of ${this.name}/${id} kept racing with its creation`)
  }

  async remove(id: string): Promise<boolean> {
    return this.reading(false, async () => checked(await this.ref.doc(id).remove()).deleted >= 1)
  }

  async find(options: FindOptions): Promise<Page<T>> {
    const plan = planFind(options)
    const rows: T[] = []
    let after = plan.after
    // read limit + 1 rows (the extra one says whether there is a next page) in slices the
    // SDK does not clamp, each slice resuming after the last row of the one before
    while (rows.length <= plan.limit) {
      const wanted = Math.min(plan.limit + 1 - rows.length, CLOUDBASE_MAX_LIMIT)
      const slice = await this.slice(plan, after, wanted)
      rows.push(...slice)
      if (slice.length < wanted) break
      after = afterOf(slice[slice.length - 1], plan.order.field)
    }
    return toPage(rows, plan)
  }

  private async slice(plan: FindPlan, after: After | null, wanted: number): Promise<T[]> {
    const rows: T[] = []
    const { field, direction } = plan.order
    for (const segment of segmentsFor(plan.order, after)) {
      if (rows.length >= wanted) break
      const where = whereFor(this._, plan.conditions, plan.order, segment)
      let query = (where ? this.ref.where(where) : this.ref).orderBy(field, direction)
      if (field !== '_id') query = query.orderBy('_id', direction)
      const docs = await this.reading([] as T[], async () => checked(await query.limit(wanted - rows.length).get()).data as T[])
      rows.push(...docs)
    }
    return rows
  }

  async count(where?: Where): Promise<number> {
    const filter = whereFor(this._, parseWhere(where))
    return this.reading(0, async () => checked(await (filter ? this.ref.where(filter) : this.ref).count()).total)
  }
}

function isStructured(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  if (isStructured(a) && isStructured(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keysA = Object.keys(a as object).filter((key) => (a as Record<string, unknown>)[key] !== undefined)
    const keysB = Object.keys(b as object).filter((key) => (b as Record<string, unknown>)[key] !== undefined)
    return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  }
  return false
}
