/**
 * The store port. Shaped for a document database (CloudBase) and implemented twice:
 * ./sqlite (embedded, default for local runs and tests) and ./cloudbase (production).
 * Only repositories call it; use cases call repositories.
 *
 * Rules both adapters keep (tests/contract/store.contract.test.ts checks them on both):
 * - ids are made by the application (`_id`), never by the store;
 * - documents are plain JSON: timestamps are ISO-8601 strings, never Date objects (SQLite
 *   would hand a Date back as a string, CloudBase as a Date);
 * - only collections declared in ./collections.ts can be opened (a typo fails at once);
 * - an absent field equals null in `where` and `expect`, as in MongoDB; missing and null
 *   values sort first ascending and last descending; ties are broken by `_id` in the same
 *   direction;
 * - `updateIf` is the only way to change a document that others may change at the same
 *   time: it writes only while every `expect` field still has the given value, so two
 *   concurrent transitions yield exactly one winner;
 * - `commit` applies a set of writes to several documents (in several collections) as one
 *   transaction: all of them or none, also when the process dies in the middle;
 * - `find` pages with an opaque cursor over (orderBy field, _id), never with offsets;
 * - every `find`/`count` filter must be served by an index declared in ./collections.ts.
 */
export type Scalar = string | number | boolean | null

export type FieldCondition =
  | Scalar
  | { $in: Scalar[] }
  | { $ne: Scalar }
  | { $gt?: Scalar; $gte?: Scalar; $lt?: Scalar; $lte?: Scalar }

/** Field paths may be dotted ("submitter.openid"). All conditions must hold (AND). */
export type Where = Record<string, FieldCondition>

export interface FindOptions {
  where?: Where
  orderBy?: { field: string; direction: 'asc' | 'desc' }
  limit: number
  cursor?: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface Doc {
  _id: string
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>
  /** The documents that exist, in the order of `ids`. */
  getMany(ids: string[]): Promise<T[]>
  /**
   * Inserts a new document; returns false and writes nothing when `_id` already exists
   * (or, with a unique index, when its fields do).
   */
  insert(doc: T): Promise<boolean>
  /** Inserts or replaces unconditionally: for seeding and admin edits, not for transitions. */
  put(doc: T): Promise<void>
  /**
   * Sets the given top-level fields (each replaced whole; an `undefined` value removes the
   * field) only if every `expect` field (dotted paths allowed) still equals its value.
   * Returns true when the expectation held and the document now has the given values.
   */
  updateIf(id: string, expect: Record<string, Scalar>, set: Partial<Omit<T, '_id'>>): Promise<boolean>
  /**
   * Adds to numeric top-level fields, creating the document from `init` if missing (counters);
   * a new document gets `init` with the amounts already added.
   */
  increment(id: string, by: Record<string, number>, init: Omit<T, '_id'>): Promise<void>
  remove(id: string): Promise<boolean>
  find(options: FindOptions): Promise<Page<T>>
  count(where?: Where): Promise<number>
}

/**
 * One write of a transaction (`Store.commit`). Every write names its document by id: CloudBase
 * transactions take document operations only, no queries, so everything a transaction needs to
 * find is read before it.
 */
/** A document as a transaction writes it: a typed record (an interface) or a literal with any fields. */
export type WriteDoc = Doc | (Doc & Record<string, unknown>)

export type Write =
  /** Creates the document; when it exists already: 'skip' leaves it (idempotent keys), 'abort' undoes the whole commit. */
  | { op: 'insert'; collection: string; doc: WriteDoc; ifExists: 'skip' | 'abort' }
  /** Creates or replaces the document whole. */
  | { op: 'put'; collection: string; doc: WriteDoc }
  /** As `Collection.updateIf`; an expectation that no longer holds undoes the whole commit. */
  | { op: 'updateIf'; collection: string; id: string; expect: Record<string, Scalar>; set: Record<string, unknown> }
  /** As `Collection.increment`. */
  | { op: 'increment'; collection: string; id: string; by: Record<string, number>; init: Record<string, unknown> }

export interface Store {
  collection<T extends Doc>(name: string): Collection<T>
  /**
   * Applies every write, in order, in one transaction. Resolves false, having written nothing,
   * when an 'abort' insert found its document or an `updateIf` expectation failed; throws (also
   * having written nothing) when a write fails. SQLite: one BEGIN IMMEDIATE transaction;
   * CloudBase: `db.runTransaction` with document reads and writes by id.
   */
  commit(writes: Write[]): Promise<boolean>
  close(): Promise<void>
}

/** Cursor helpers shared by both adapters: base64url of JSON [orderValue, _id]. */
export function encodeCursor(value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): [Scalar, string] | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return [parsed[0], parsed[1]]
  } catch {
    // find() rejects an unreadable cursor with AppError('validation_failed', …, 'cursor')
  }
  return null
}
