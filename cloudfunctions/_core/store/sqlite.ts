/**
 * The embedded store: SQLite through better-sqlite3, one table per declared collection
 * (layout and indexes: ./sqlite-schema.ts). The default for local runs, tests and small
 * self-hosted installs.
 *
 * better-sqlite3 is synchronous, so every statement runs whole before another starts: a
 * conditional UPDATE is atomic within the process, and across processes SQLite's write lock
 * (WAL, busy timeout) serialises writers. `commit` runs its writes inside one BEGIN IMMEDIATE
 * transaction with no await in between, so no other request's statement can slip into it.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { Collection, Doc, FindOptions, Page, Scalar, Store, Write } from './port'
import type { CollectionSpec } from './collections'
import {
  assertFieldPath,
  assertTopLevelField,
  type Condition,
  parseWhere,
  planFind,
  requireCollection,
  resolveCollections,
  segmentsFor,
  toPage,
} from './find-plan'
import { indexedPaths, jsonPath, migrate, quote } from './sqlite-schema'
import { countSql, selectSql, whereSql, type Sql } from './sqlite-sql'

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  file: string
  /** Defaults to COLLECTIONS from ./collections; tests may declare their own. */
  collections?: readonly CollectionSpec[]
}

export interface SqliteStore extends Store {
  readonly file: string
  /** Migration steps this open applied: empty when the file was already up to date. */
  readonly appliedMigrations: readonly string[]
  /** SQLite's plan (EXPLAIN QUERY PLAN details) for each query `find(options)` would run first. */
  explainFind(collection: string, options: FindOptions): string[]
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const specs = resolveCollections(options.collections)
  const inMemory = options.file === ':memory:'
  if (!inMemory) mkdirSync(dirname(options.file), { recursive: true })
  const db = new BetterSqlite3(options.file)
  if (!inMemory) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('busy_timeout = 5000')
  const appliedMigrations = migrate(db, specs.values())

  const statements = new Map<string, Statement>()
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      // $in lists of many lengths make many distinct statements; keep the cache bounded
      if (statements.size > 500) statements.clear()
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  const collections = new Map<string, SqliteCollection<Doc>>()
  let closed = false
  const collectionOf = (name: string): SqliteCollection<Doc> => {
    let collection = collections.get(name)
    if (!collection) {
      collection = new SqliteCollection(prepare, requireCollection(specs, name))
      collections.set(name, collection)
    }
    return collection
  }
  const transaction = db.transaction((writes: Write[]) => {
    for (const w of writes) {
      const c = collectionOf(w.collection)
      if (w.op === 'insert') {
        if (!c.insertNow(w.doc) && w.ifExists === 'abort') throw ABORT
      } else if (w.op === 'put') c.putNow(w.doc)
      else if (w.op === 'updateIf') {
        if (!c.updateIfNow(w.id, w.expect, w.set)) throw ABORT
      } else c.incrementNow(w.id, w.by, w.init)
    }
  })

  return {
    file: options.file,
    appliedMigrations,
    collection<T extends Doc>(name: string): Collection<T> {
      return collectionOf(name) as unknown as Collection<T>
    },
    async commit(writes) {
      try {
        transaction.immediate(writes)
        return true
      } catch (error) {
        if (error === ABORT) return false
        throw error
      }
    },
    explainFind(name, findOptions) {
      const collection = this.collection(name) as unknown as SqliteCollection<Doc>
      return collection.findQueries(findOptions).flatMap(({ sql, params }) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail),
      )
    },
    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}

/** Test helper: the query plan lines for a find, to check it is served by an index. */
export function explainFind(store: SqliteStore, collection: string, options: FindOptions): string[] {
  return store.explainFind(collection, options)
}

const parse = <T>(json: string): T => JSON.parse(json) as T
/** Thrown inside a commit to roll it back when an expectation fails; never escapes `commit`. */
const ABORT = Symbol('commit aborted')

class SqliteCollection<T extends Doc> implements Collection<T> {
  private readonly name: string
  private readonly table: string
  private readonly indexed: Set<string>

  constructor(
    private readonly prepare: (sql: string) => Statement,
    spec: CollectionSpec,
  ) {
    this.name = spec.name
    this.table = quote(spec.name)
    this.indexed = indexedPaths(spec)
  }

  async get(id: string): Promise<T | null> {
    const json = this.prepare(`SELECT doc FROM ${this.table} WHERE _id = ?`).pluck().get(id) as string | undefined
    return json === undefined ? null : parse<T>(json)
  }

  async getMany(ids: string[]): Promise<T[]> {
    if (ids.length === 0) return []
    const rows = this.prepare(`SELECT doc FROM ${this.table} WHERE _id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify([...new Set(ids)])) as string[]
    const byId = new Map(rows.map((json) => parse<T>(json)).map((doc) => [doc._id, doc]))
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
  }

  async insert(doc: T): Promise<boolean> {
    return this.insertNow(doc)
  }

  /** The synchronous body of each write, shared by the single writes and `commit`. */
  insertNow(doc: T): boolean {
    assertId(doc._id)
    // any uniqueness conflict, not only _id: CloudBase reports a unique-index clash on insert
    // with the same duplicate-write error, which its adapter also turns into false
    const sql = `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT DO NOTHING`
    return this.prepare(sql).run(doc._id, JSON.stringify(doc)).changes === 1
  }

  async put(doc: T): Promise<void> {
    this.putNow(doc)
  }

  putNow(doc: T): void {
    assertId(doc._id)
    const sql = `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`
    this.prepare(sql).run(doc._id, JSON.stringify(doc))
  }

  async updateIf(id: string, expect: Record<string, Scalar>, set: Partial<Omit<T, '_id'>>): Promise<boolean> {
    return this.updateIfNow(id, expect, set)
  }

  updateIfNow(id: string, expect: Record<string, Scalar>, set: Partial<Omit<T, '_id'>>): boolean {
    const out: Sql = { sql: '', params: [] }
    const entries = Object.entries(set as Record<string, unknown>)
    entries.forEach(([field]) => assertTopLevelField(field))
    const removed = entries.filter(([, value]) => value === undefined).map(([field]) => jsonPath(field))
    const written = entries.filter(([, value]) => value !== undefined)
    let doc = removed.length > 0 ? `json_remove(doc, ${removed.join(', ')})` : 'doc'
    if (written.length > 0) {
      // json(?) of the JSON text keeps every value's JSON type, strings and booleans included
      doc = `json_set(${doc}, ${written.map(([field]) => `${jsonPath(field)}, json(?)`).join(', ')})`
      out.params.push(...written.map(([, value]) => JSON.stringify(value)))
    }
    const conditions: Condition[] = [{ field: '_id', kind: 'eq', value: id }]
    for (const [field, value] of Object.entries(expect)) {
      assertFieldPath(field)
      conditions.push({ field, kind: 'eq', value })
    }
    out.sql = `UPDATE ${this.table} SET doc = ${doc}${whereSql(conditions, this.indexed, out)}`
    return this.prepare(out.sql).run(...out.params).changes === 1
  }

  async increment(id: string, by: Record<string, number>, init: Omit<T, '_id'>): Promise<void> {
    this.incrementNow(id, by, init)
  }

  incrementNow(id: string, by: Record<string, number>, init: Omit<T, '_id'>): void {
    assertId(id)
    const created: Record<string, unknown> = { ...init, _id: id }
    const sets: string[] = []
    const params: unknown[] = []
    for (const [field, amount] of Object.entries(by)) {
      assertTopLevelField(field)
      if (!Number.isFinite(amount)) throw new Error(`store: increment of "${field}" by ${amount}`)
      const start = created[field]
      created[field] = (typeof start === 'number' ? start : 0) + amount
      sets.push(`${jsonPath(field)}, coalesce(json_extract(doc, ${jsonPath(field)}), 0) + ?`)
      params.push(amount)
    }
    const onConflict = sets.length > 0 ? `DO UPDATE SET doc = json_set(doc, ${sets.join(', ')})` : 'DO NOTHING'
    const sql = `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) ${onConflict}`
    this.prepare(sql).run(id, JSON.stringify(created), ...params)
  }

  async remove(id: string): Promise<boolean> {
    return this.prepare(`DELETE FROM ${this.table} WHERE _id = ?`).run(id).changes === 1
  }

  async find(options: FindOptions): Promise<Page<T>> {
    const plan = planFind(options)
    const rows: T[] = []
    for (const segment of segmentsFor(plan.order, plan.after)) {
      const wanted = plan.limit + 1 - rows.length
      if (wanted <= 0) break
      const { sql, params } = selectSql(this.name, plan, segment, this.indexed, wanted)
      rows.push(...(this.prepare(sql).pluck().all(...params) as string[]).map((json) => parse<T>(json)))
    }
    return toPage(rows, plan)
  }

  async count(where?: FindOptions['where']): Promise<number> {
    const { sql, params } = countSql(this.name, parseWhere(where), this.indexed)
    return this.prepare(sql).pluck().get(...params) as number
  }

  /** The statements find() would run for these options (first segment first). */
  findQueries(options: FindOptions): Sql[] {
    const plan = planFind(options)
    return segmentsFor(plan.order, plan.after).map((segment) => selectSql(this.name, plan, segment, this.indexed, plan.limit + 1))
  }
}

function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new Error('store: a document needs a non-empty string _id')
}
