/**
 * Turns a find plan into a `where()` argument built from `db.command` operators, which the
 * SDK serialises (EJSON) into the MongoDB-style query the CloudBase database runs.
 * Dotted field paths are passed through as keys; the SDK keeps them as paths.
 */
import type { Condition, Order, Segment } from './find-plan'

/** The part of `db.command` this adapter uses; typed loosely because the SDK's own types are. */
export interface Command {
  neq(value: unknown): object
  gt(value: unknown): object
  gte(value: unknown): object
  lt(value: unknown): object
  lte(value: unknown): object
  in(values: unknown[]): object
  and(expressions: object[]): object
  or(expressions: object[]): object
}

function conditionParts(_: Command, condition: Condition): object[] {
  const { field } = condition
  switch (condition.kind) {
    case 'eq':
      return [{ [field]: condition.value }]
    case 'ne':
      return [{ [field]: _.neq(condition.value) }]
    case 'in':
      return [{ [field]: _.in(condition.values) }]
    case 'range': {
      const parts: object[] = []
      for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
        if (condition[op] !== undefined) parts.push({ [field]: _[op](condition[op]) })
      }
      return parts
    }
  }
}

function segmentPart(_: Command, order: Order, segment: Segment): object | null {
  const { field } = order
  const beyond = (value: unknown) => (order.direction === 'asc' ? _.gt(value) : _.lt(value))
  switch (segment.kind) {
    case 'all':
      return null
    case 'after':
      return _.or([{ [field]: beyond(segment.value) }, { [field]: segment.value, _id: beyond(segment.id) }])
    case 'idAfter':
      return { _id: beyond(segment.id) }
    case 'nullsAfter':
      // {field: null} also matches a missing field, which sorts with null
      return { [field]: null, _id: beyond(segment.id) }
    case 'nulls':
      return { [field]: null }
    case 'notNull':
      return { [field]: _.neq(null) }
  }
}

export function whereFor(_: Command, conditions: Condition[], order?: Order, segment?: Segment): object | null {
  const parts = conditions.flatMap((condition) => conditionParts(_, condition))
  const keyset = order && segment ? segmentPart(_, order, segment) : null
  if (keyset) parts.push(keyset)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0] : _.and(parts)
}
