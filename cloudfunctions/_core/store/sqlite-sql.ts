/**
 * Turns a find plan into SQL for one collection table. Field paths are validated identifiers
 * (find-plan.ts) and are written into the SQL text; values are always bound.
 */
import type { Scalar } from './port'
import type { Condition, FindPlan, Order, Segment } from './find-plan'
import { columnName, jsonPath, quote } from './sqlite-schema'

export interface Sql {
  sql: string
  params: unknown[]
}

/** json_extract yields 1/0 for JSON true/false, so booleans are bound the same way. */
export const bind = (value: Scalar): unknown => (typeof value === 'boolean' ? Number(value) : value)

export function fieldSql(path: string, indexed: Set<string>): string {
  if (path === '_id') return '_id'
  // the generated column, when there is one, is what lets SQLite pick the index
  return indexed.has(path) ? quote(columnName(path)) : `json_extract(doc, ${jsonPath(path)})`
}

function conditionSql(condition: Condition, indexed: Set<string>, out: Sql): string {
  const field = fieldSql(condition.field, indexed)
  switch (condition.kind) {
    case 'eq':
      out.params.push(bind(condition.value))
      return `${field} IS ?`
    case 'ne':
      out.params.push(bind(condition.value))
      return `${field} IS NOT ?`
    case 'in': {
      const present = condition.values.filter((value) => value !== null)
      const parts: string[] = []
      if (present.length > 0) {
        out.params.push(...present.map(bind))
        parts.push(`${field} IN (${present.map(() => '?').join(', ')})`)
      }
      // as in MongoDB, {$in: [null]} matches a missing field
      if (present.length < condition.values.length) parts.push(`${field} IS NULL`)
      return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`
    }
    case 'range': {
      const parts: string[] = []
      for (const [op, sign] of [['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<=']] as const) {
        const bound = condition[op]
        if (bound === undefined) continue
        out.params.push(bind(bound))
        parts.push(`${field} ${sign} ?`)
      }
      return parts.join(' AND ')
    }
  }
}

function segmentSql(segment: Segment, order: Order, indexed: Set<string>, out: Sql): string | null {
  const field = fieldSql(order.field, indexed)
  const beyond = order.direction === 'asc' ? '>' : '<'
  switch (segment.kind) {
    case 'all':
      return null
    case 'after':
      out.params.push(bind(segment.value), segment.id)
      return `(${field}, _id) ${beyond} (?, ?)`
    case 'idAfter':
      out.params.push(segment.id)
      return `_id ${beyond} ?`
    case 'nullsAfter':
      out.params.push(segment.id)
      return `${field} IS NULL AND _id ${beyond} ?`
    case 'nulls':
      return `${field} IS NULL`
    case 'notNull':
      return `${field} IS NOT NULL`
  }
}

function compare(a: Scalar, b: Scalar): number | null {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  // SQLite compares text by its UTF-8 bytes, not by UTF-16 units as JS does
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b))
  return null
}

/**
 * Past the first page, a range bound on the order field that the keyset already implies is
 * dropped: SQLite seeks with only one of them, and seeking from the bound instead of from the
 * cursor would walk every earlier row again on each page.
 */
function withoutImpliedBounds(conditions: Condition[], order: Order, segment: Segment): Condition[] {
  if (segment.kind !== 'after') return conditions
  return conditions.map((condition) => {
    if (condition.kind !== 'range' || condition.field !== order.field) return condition
    const kept = { ...condition }
    const implied = (bound: Scalar | undefined, holds: (c: number) => boolean) => {
      if (bound === undefined) return false
      const c = compare(segment.value, bound)
      return c !== null && holds(c)
    }
    if (order.direction === 'asc') {
      if (implied(kept.gt, (c) => c > 0)) delete kept.gt
      if (implied(kept.gte, (c) => c >= 0)) delete kept.gte
    } else {
      if (implied(kept.lt, (c) => c < 0)) delete kept.lt
      if (implied(kept.lte, (c) => c <= 0)) delete kept.lte
    }
    return kept
  })
}

export function whereSql(conditions: Condition[], indexed: Set<string>, out: Sql): string {
  const clauses = conditions.map((condition) => conditionSql(condition, indexed, out)).filter((clause) => clause !== '')
  return clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : ''
}

export function selectSql(table: string, plan: FindPlan, segment: Segment, indexed: Set<string>, limit: number): Sql {
  const out: Sql = { sql: '', params: [] }
  const where = whereSql(withoutImpliedBounds(plan.conditions, plan.order, segment), indexed, out)
  const keyset = segmentSql(segment, plan.order, indexed, out)
  const filter = keyset ? (where ? `${where} AND ${keyset}` : ` WHERE ${keyset}`) : where
  const direction = plan.order.direction.toUpperCase()
  const orderBy =
    plan.order.field === '_id' ? `_id ${direction}` : `${fieldSql(plan.order.field, indexed)} ${direction}, _id ${direction}`
  out.sql = `SELECT doc FROM ${quote(table)}${filter} ORDER BY ${orderBy} LIMIT ?`
  out.params.push(limit)
  return out
}

export function countSql(table: string, conditions: Condition[], indexed: Set<string>): Sql {
  const out: Sql = { sql: '', params: [] }
  out.sql = `SELECT count(*) FROM ${quote(table)}${whereSql(conditions, indexed, out)}`
  return out
}
