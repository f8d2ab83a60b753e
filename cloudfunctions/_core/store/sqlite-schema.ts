/**
 * Tables, generated columns and indexes for the SQLite store, derived from collections.ts and
 * applied as named migrations. Each step's id records what it built, so reopening a database
 * applies only steps it has not seen, and changing an index's fields yields a new step that
 * rebuilds it.
 *
 * Layout: one table per collection, `_id TEXT PRIMARY KEY, doc TEXT` (the whole document as
 * JSON), plus one VIRTUAL generated column per indexed field path, e.g. "doc.state" =
 * json_extract(doc, '$.state'). Indexes go on those columns, not on json_extract expressions,
 * because SQLite seeks an index with a row-value keyset condition `(col, _id) > (?, ?)` only on
 * real columns; on expressions it falls back to filtering every earlier entry of a page.
 */
import type { Database } from 'better-sqlite3'
import type { CollectionSpec, IndexSpec } from './collections'

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

export const columnName = (path: string) => `doc.${path}`

export const jsonPath = (path: string) => `'$.${path}'`

export const indexName = (collection: string, index: IndexSpec) => `${collection}__${index.name}`

export function indexedPaths(spec: CollectionSpec): Set<string> {
  return new Set(spec.indexes.flatMap((index) => index.fields.map(([field]) => field)))
}

interface Step {
  id: string
  sql: string
}

function indexSql(spec: CollectionSpec, index: IndexSpec): string {
  const columns = index.fields.map(([field, direction]) => `${quote(columnName(field))} ${direction.toUpperCase()}`)
  // _id ends every non-unique index in the direction of its last field, so ORDER BY field, _id
  // (the keyset order) is read straight from the index without a sort.
  if (!index.unique) columns.push(`_id ${index.fields[index.fields.length - 1][1].toUpperCase()}`)
  const name = quote(indexName(spec.name, index))
  return `DROP INDEX IF EXISTS ${name}; CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${quote(spec.name)} (${columns.join(', ')})`
}

export function migrationSteps(specs: Iterable<CollectionSpec>): Step[] {
  const steps: Step[] = []
  for (const spec of specs) {
    const table = quote(spec.name)
    steps.push({ id: `table ${spec.name}`, sql: `CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)` })
    for (const path of indexedPaths(spec)) {
      steps.push({
        id: `column ${spec.name}.${path}`,
        sql: `ALTER TABLE ${table} ADD COLUMN ${quote(columnName(path))} AS (json_extract(doc, ${jsonPath(path)})) VIRTUAL`,
      })
    }
    for (const index of spec.indexes) {
      const shape = index.fields.map(([field, direction]) => `${field} ${direction}`).join(', ')
      steps.push({ id: `index ${indexName(spec.name, index)}${index.unique ? ' unique' : ''} (${shape})`, sql: indexSql(spec, index) })
    }
  }
  return steps
}

/** Applies the steps not yet recorded in `_migrations`; returns the ids it applied. */
export function migrate(db: Database, specs: Iterable<CollectionSpec>): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL
  )`)
  const steps = migrationSteps(specs)
  // IMMEDIATE: two processes opening a fresh file must not both run the same ALTER TABLE
  return db
    .transaction(() => {
      const done = new Set(db.prepare('SELECT id FROM _migrations').pluck().all() as string[])
      const record = db.prepare('INSERT INTO _migrations (id, applied_at) VALUES (?, ?)')
      const applied: string[] = []
      for (const step of steps) {
        if (done.has(step.id)) continue
        db.exec(step.sql)
        record.run(step.id, new Date().toISOString())
        applied.push(step.id)
      }
      return applied
    })
    .immediate()
}
