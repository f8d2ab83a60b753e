/**
 * The SQLite store builds an index for every IndexSpec in collections.ts, SQLite actually
 * uses it for queries shaped like it (first page, later pages, both directions, a range on
 * the last field), and migrations run once per file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { COLLECTIONS, type CollectionSpec, type IndexSpec } from '../../cloudfunctions/_core/store/collections'
import { encodeCursor, type FindOptions, type Where } from '../../cloudfunctions/_core/store/port'
import { createSqliteStore, explainFind, type SqliteStore } from '../../cloudfunctions/_core/store/sqlite'
import { indexName } from '../../cloudfunctions/_core/store/sqlite-schema'

const shapes = COLLECTIONS.flatMap((spec: CollectionSpec) => spec.indexes.map((index) => [spec.name, index.name, spec, index] as const))

/**
 * Equality on every field but the last, ordered by the last: the query the index is for. An
 * index of one field narrows nothing by equality, so its query is a range on that field.
 */
function shapedLike(index: IndexSpec, extra: Partial<FindOptions> = {}): FindOptions {
  const fields = index.fields
  const where: Where = Object.fromEntries(fields.slice(0, -1).map(([field]) => [field, 'x']))
  const [field, direction] = fields[fields.length - 1]
  if (fields.length === 1) where[field] = { $lte: '2026-06-30' }
  return { where, orderBy: { field, direction }, limit: 20, ...extra }
}

function expectServedBy(plan: string[], collection: string, index: IndexSpec): void {
  const name = indexName(collection, index)
  expect(plan.some((line) => line.includes(`USING INDEX ${name} `) || line.includes(`USING COVERING INDEX ${name} `))).toBe(true)
  expect(plan.filter((line) => /^SCAN /.test(line))).toEqual([])
  expect(plan.filter((line) => line.includes('TEMP B-TREE'))).toEqual([])
}

describe('SQLite indexes', () => {
  let store: SqliteStore
  beforeAll(() => {
    store = createSqliteStore({ file: ':memory:' })
  })
  afterAll(() => store.close())

  it('declares at least one index to check', () => {
    expect(shapes.length).toBeGreaterThan(0)
  })

  describe.each(shapes)('%s.%s', (collection, _name, _spec, index) => {
    const [lastField, lastDirection] = index.fields[index.fields.length - 1]
    const reverse = lastDirection === 'asc' ? 'desc' : 'asc'

    it('serves the first page', () => {
      expectServedBy(explainFind(store, collection, shapedLike(index)), collection, index)
    })

    it('seeks straight to a later page with the keyset', () => {
      const plan = explainFind(store, collection, shapedLike(index, { cursor: encodeCursor('2026-01-01', 'some-id') }))
      expectServedBy(plan, collection, index)
      expect(plan[0]).toMatch(/\(.*,_id\)[<>]\(\?,\?\)/)
    })

    it('serves the reverse order', () => {
      const options = shapedLike(index)
      const plan = explainFind(store, collection, { ...options, orderBy: { field: lastField, direction: reverse } })
      expectServedBy(plan, collection, index)
    })

    it('serves a range on the last field', () => {
      const options = shapedLike(index)
      const where = { ...options.where, [lastField]: { $gte: '2026-01-01', $lt: '2026-02-01' } }
      expectServedBy(explainFind(store, collection, { ...options, where }), collection, index)
      const later = explainFind(store, collection, { ...options, where, cursor: encodeCursor('2026-01-15', 'id') })
      expectServedBy(later, collection, index)
    })

    it('serves the pages after missing values of the order field', () => {
      const plans = explainFind(store, collection, shapedLike(index, { cursor: encodeCursor(null, 'some-id') }))
      expectServedBy(plans, collection, index)
    })
  })
})

describe('SQLite migrations', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wudantong-migrations-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const ledger = (file: string) => {
    const db = new BetterSqlite3(file, { readonly: true })
    try {
      return db.prepare('SELECT id, applied_at FROM _migrations ORDER BY seq').all() as Array<{ id: string; applied_at: string }>
    } finally {
      db.close()
    }
  }

  it('keeps data and runs nothing again when a file is reopened', async () => {
    const file = join(dir, 'nested', 'store.db')
    const first = createSqliteStore({ file })
    expect(first.appliedMigrations.length).toBeGreaterThan(COLLECTIONS.length)
    await first.collection('stations').insert({ _id: 's1', countyCode: 'xiuwu', code: 'S01', name: '站' } as never)
    await first.close()
    const before = ledger(file)

    const second = createSqliteStore({ file })
    expect(second.appliedMigrations).toEqual([])
    expect(await second.collection('stations').get('s1')).toEqual({ _id: 's1', countyCode: 'xiuwu', code: 'S01', name: '站' })
    await second.close()
    expect(ledger(file)).toEqual(before)
  })

  it('applies only the new steps when collections.ts gains an index', async () => {
    const file = join(dir, 'store.db')
    await createSqliteStore({ file }).close()
    const grown = COLLECTIONS.map((spec) =>
      spec.name === 'stations'
        ? { ...spec, indexes: [...spec.indexes, { name: 'by_kind', fields: [['kind', 'asc'], ['code', 'asc']] as Array<[string, 'asc' | 'desc']> }] }
        : spec,
    )
    const reopened = createSqliteStore({ file, collections: grown })
    expect(reopened.appliedMigrations).toEqual(['column stations.kind', 'index stations__by_kind (kind asc, code asc)'])
    const index = grown.find((spec) => spec.name === 'stations')!.indexes[1]
    expectServedBy(explainFind(reopened, 'stations', shapedLike(index)), 'stations', index)
    await reopened.close()
  })

  it('uses WAL for a file', async () => {
    const file = join(dir, 'wal.db')
    const store = createSqliteStore({ file })
    await store.close()
    const db = new BetterSqlite3(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('returns false instead of failing when an insert clashes with a unique index', async () => {
    const specs: CollectionSpec[] = [{ name: 'uniques', description: 'test', indexes: [{ name: 'by_code', fields: [['code', 'asc']], unique: true }] }]
    const store = createSqliteStore({ file: ':memory:', collections: specs })
    const uniques = store.collection<{ _id: string; code: string }>('uniques')
    expect(await uniques.insert({ _id: 'a', code: 'C1' })).toBe(true)
    expect(await uniques.insert({ _id: 'b', code: 'C1' })).toBe(false)
    expect(await uniques.get('b')).toBeNull()
    await store.close()
  })
})
