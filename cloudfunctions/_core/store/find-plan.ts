/**
 * What both adapters agree on before they talk to their database: which collections exist,
 * what a `Where` means, and how keyset paging splits a page into index-friendly segments.
 * Keeping this in one place is what makes the two adapters return the same pages.
 */
import { AppError } from '@shared/errors'
import { decodeCursor, encodeCursor, type FindOptions, type Page, type Scalar, type Where } from './port'
import { COLLECTIONS, type CollectionSpec } from './collections'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const COLLECTION_NAME = /^[a-z][a-z0-9_]*$/

/** Field names end up inside SQL and JSON paths, so only plain identifiers are accepted. */
export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new Error(`store: unsupported field path "${path}"`)
}

export function assertTopLevelField(name: string): void {
  if (!IDENTIFIER.test(name) || name === '_id') throw new Error(`store: cannot set field "${name}"`)
}

/**
 * Undeclared collections are rejected rather than created on the fly: a typo in a collection
 * name should fail at once, and every collection needs its indexes declared anyway.
 */
export function resolveCollections(specs: readonly CollectionSpec[] = COLLECTIONS): Map<string, CollectionSpec> {
  const byName = new Map<string, CollectionSpec>()
  for (const spec of specs) {
    if (!COLLECTION_NAME.test(spec.name)) throw new Error(`store: invalid collection name "${spec.name}"`)
    for (const index of spec.indexes) index.fields.forEach(([field]) => assertFieldPath(field))
    byName.set(spec.name, spec)
  }
  return byName
}

export function requireCollection(specs: Map<string, CollectionSpec>, name: string): CollectionSpec {
  const spec = specs.get(name)
  if (!spec) throw new Error(`store: collection "${name}" is not declared in store/collections.ts`)
  return spec
}

export type Condition =
  | { field: string; kind: 'eq'; value: Scalar }
  | { field: string; kind: 'in'; values: Scalar[] }
  | { field: string; kind: 'ne'; value: Scalar }
  | { field: string; kind: 'range'; gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar }

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

export function parseWhere(where: Where | undefined): Condition[] {
  const conditions: Condition[] = []
  for (const [field, condition] of Object.entries(where ?? {})) {
    assertFieldPath(field)
    if (condition === undefined) continue
    if (isScalar(condition)) {
      conditions.push({ field, kind: 'eq', value: condition })
      continue
    }
    const keys = Object.keys(condition)
    const bad = () => new Error(`store: unsupported condition on "${field}": ${JSON.stringify(condition)}`)
    if (keys.length === 1 && keys[0] === '$in') {
      const values = (condition as { $in: unknown }).$in
      if (!Array.isArray(values) || !values.every(isScalar)) throw bad()
      conditions.push({ field, kind: 'in', values })
    } else if (keys.length === 1 && keys[0] === '$ne') {
      const value = (condition as { $ne: unknown }).$ne
      if (!isScalar(value)) throw bad()
      conditions.push({ field, kind: 'ne', value })
    } else if (keys.length > 0 && keys.every((key) => (RANGE_OPS as readonly string[]).includes(key))) {
      const range: Condition & { kind: 'range' } = { field, kind: 'range' }
      for (const op of RANGE_OPS) {
        const bound = (condition as Record<string, unknown>)[op]
        if (bound === undefined) continue
        // null bounds mean different things in SQL and in MongoDB; nobody needs them
        if (bound === null || !isScalar(bound)) throw bad()
        range[op.slice(1) as 'gt' | 'gte' | 'lt' | 'lte'] = bound
      }
      conditions.push(range)
    } else {
      throw bad()
    }
  }
  return conditions
}

export interface Order {
  field: string
  direction: 'asc' | 'desc'
}

/** Where a page resumes: after the document whose order value and _id are given. */
export type After = [value: Scalar, id: string]

export interface FindPlan {
  conditions: Condition[]
  order: Order
  limit: number
  after: After | null
}

export function planFind(options: FindOptions): FindPlan {
  const { limit } = options
  if (!Number.isInteger(limit) || limit < 1) throw new AppError('validation_failed', '分页参数无效', 'limit')
  const order: Order = options.orderBy ?? { field: '_id', direction: 'asc' }
  assertFieldPath(order.field)
  if (order.direction !== 'asc' && order.direction !== 'desc') throw new Error(`store: bad direction ${order.direction}`)
  let after: After | null = null
  if (options.cursor != null) {
    const decoded = typeof options.cursor === 'string' ? decodeCursor(options.cursor) : null
    if (!decoded || !isScalar(decoded[0])) throw new AppError('validation_failed', '分页参数无效', 'cursor')
    after = decoded
  }
  return { conditions: parseWhere(options.where), order, limit, after }
}

export function valueAt(doc: unknown, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

export function afterOf(doc: { _id: string }, field: string): After {
  const value = valueAt(doc, field)
  if (value === undefined) return [null, doc._id]
  if (!isScalar(value)) throw new Error(`store: cannot order by "${field}": it holds a ${typeof value}`)
  return [value, doc._id]
}

/** Adapters fetch `limit + 1` rows: the extra one only tells whether another page exists. */
export function toPage<T extends { _id: string }>(rows: T[], plan: FindPlan): Page<T> {
  if (rows.length <= plan.limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, plan.limit)
  const [value, id] = afterOf(items[items.length - 1], plan.order.field)
  return { items, nextCursor: encodeCursor(value, id) }
}

/**
 * One index-friendly slice of a keyset page. Null and missing values sort first ascending and
 * last descending (as in both SQLite and MongoDB), and a comparison with a null value matches
 * nothing, so a page that crosses the null/non-null border is read as two slices instead of
 * one query with an OR (which SQLite cannot seek).
 */
export type Segment =
  | { kind: 'all' }
  | { kind: 'after'; value: Exclude<Scalar, null>; id: string }
  | { kind: 'idAfter'; id: string }
  | { kind: 'nullsAfter'; id: string }
  | { kind: 'nulls' }
  | { kind: 'notNull' }

export function segmentsFor(order: Order, after: After | null): Segment[] {
  if (!after) return [{ kind: 'all' }]
  const [value, id] = after
  if (order.field === '_id') return [{ kind: 'idAfter', id }]
  if (order.direction === 'asc') {
    return value === null ? [{ kind: 'nullsAfter', id }, { kind: 'notNull' }] : [{ kind: 'after', value, id }]
  }
  return value === null ? [{ kind: 'nullsAfter', id }] : [{ kind: 'after', value, id }, { kind: 'nulls' }]
}
