/**
 * A local stand-in for the CloudBase endpoint that @cloudbase/node-sdk talks to for database
 * calls: point the real SDK at `url` with `init({serviceUrl: url, ...})` (or TCB_CONTEXT_CNFG
 * `{"URL": url}`) and it runs its real request building, EJSON serialisation, signing and
 * response parsing against in-memory collections queried with mingo.
 * What it emulates and what it does not: docs/cloudbase-standin.md.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { find, update as applyUpdate } from 'mingo'
import { decodeFields, encodeFields, parseMultipart } from './protobuf-lite'

// The EJSON of the bson copy the SDK itself serialises with, so both ends agree on the wire.
const sdkRequire = createRequire(require.resolve('@cloudbase/database'))
const { EJSON } = sdkRequire('bson') as {
  EJSON: { parse(text: string, options?: { relaxed?: boolean }): any; stringify(value: unknown, options?: { relaxed?: boolean }): string }
}

type StoredDoc = Record<string, unknown> & { _id: string }

/** One database request as the stand-in received it. */
export interface StandinRequest {
  action: string
  collectionName?: string
  query?: unknown
  order?: unknown
  limit?: number
  /** Set on the document calls the SDK makes inside `runTransaction`, and on commit / abort. */
  transactionId?: string
  /** Whether the SDK signed it (the signature itself is not checked). */
  signed: boolean
  /** A 云调用 (`wx.openApi`): the API as wx-server-sdk names it and its arguments as sent (snake_case). */
  apiName?: string
  args?: Record<string, unknown>
}

/**
 * What WeChat answers a 云调用 in a test: JSON (errcode 0 or WeChat's error), an image, or
 * CloudBase's own refusal of the call (`errorCode`, e.g. -604101 when the function lacks the
 * permission in config.json).
 */
export type WxAnswer = { json: Record<string, unknown> } | { image: Buffer; contentType?: string } | { errorCode: number }

export interface CloudbaseStandin {
  /** Pass as `serviceUrl` to `tcb.init`. */
  url: string
  /** Every request received since start or the last reset, oldest first. */
  requests: StandinRequest[]
  /** Collections and their documents, for assertions and debugging. */
  dump(): Record<string, StoredDoc[]>
  /** Forgets every collection (back to a fresh environment), the request log and any fault. */
  reset(): void
  /** Makes matching requests fail from now on (until reset, or `failWith(undefined)`). */
  failWith(fault: StandinFault | undefined): void
  /** Transactions started and not yet committed or aborted (should be none between calls). */
  openTransactions(): number
  close(): Promise<void>
}

export interface StandinOptions {
  /** Collections that exist at start and after reset; by default none, as in a new environment. */
  collections?: string[]
  /**
   * Answers 云调用 the way WeChat would for this test (`apiName` as wx-server-sdk sends it, e.g.
   * `wxacode.getUnlimited`; `args` decoded from the protobuf request, snake_case). Without it,
   * msgSecCheck passes and subscribeMessage.send succeeds; anything else is unsupported.
   */
  wxOpenApi?: (apiName: string, args: Record<string, unknown>) => WxAnswer
}

const defaultWxOpenApi = (apiName: string): WxAnswer => {
  if (apiName === 'security.msgSecCheck') return { json: { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [] } }
  if (apiName === 'subscribeMessage.send') return { json: { errcode: 0, errmsg: 'ok', msgid: 1 } }
  throw new StandinError('STANDIN_UNSUPPORTED', `no answer for 云调用 ${apiName}`)
}

/**
 * A `wx.openApi` request as wx-server-sdk 4.0.2 sends it: multipart fields `action`, `apiName`,
 * `requestData` (protobuf CommApiData {1 apiType, 2 openapiData {1 repeated KeyValuePair {1 key,
 * 2 value = the argument's JSON}}}) → the API's name and its arguments.
 */
function readOpenApiCall(fields: Map<string, Buffer>): { apiName: string; args: Record<string, unknown> } {
  const apiName = fields.get('apiName')?.toString('utf8') ?? ''
  const data = fields.get('requestData')
  if (!apiName || !data) throw new StandinError('INVALID_PARAM', 'wx.openApi without apiName or requestData')
  const openapiData = decodeFields(data).get(2)?.[0]
  const args: Record<string, unknown> = {}
  for (const pair of Buffer.isBuffer(openapiData) ? (decodeFields(openapiData).get(1) ?? []) : []) {
    const kv = decodeFields(pair as Buffer)
    const key = (kv.get(1)?.[0] as Buffer | undefined)?.toString('utf8')
    const value = kv.get(2)?.[0] as Buffer | undefined
    if (key) args[key] = value ? JSON.parse(value.toString('utf8')) : null
  }
  return { apiName, args }
}

/** WeChat's answer wrapped as CloudBase does: protobuf CommOpenApiResp {1 respData, 2 contentType, 3 errorCode}. */
function openApiResponse(answer: WxAnswer): Buffer {
  if ('errorCode' in answer) return encodeFields([[3, answer.errorCode]])
  if ('image' in answer) return encodeFields([[1, answer.image], [2, answer.contentType ?? 'image/jpeg']])
  return encodeFields([[1, Buffer.from(JSON.stringify(answer.json), 'utf8')], [2, 'application/json; charset=UTF-8']])
}

/**
 * Failure injection: called with each request before it is handled; an error returned is what
 * the stand-in answers instead (e.g. a write that fails half-way through a transaction).
 */
export type StandinFault = (request: StandinRequest) => { code: string; message: string } | undefined

/** The server's cap on one query, which the SDK also applies silently on its side. */
export const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100

class StandinError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export async function startCloudbaseStandin(options: StandinOptions = {}): Promise<CloudbaseStandin> {
  // Before each request the SDK asks metadata.tencentyun.com whether it runs inside Tencent
  // Cloud; offline every call then waits ~45 ms for that lookup to fail. Saying so up front
  // skips it; with serviceUrl set the answer changes nothing else.
  process.env.TENCENTCLOUD = 'true'

  const database = new Database(options.collections ?? [])
  const requests: StandinRequest[] = []
  let fault: StandinFault | undefined

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const requestId = randomBytes(8).toString('hex')
      let reply: object
      try {
        if (req.method !== 'POST') throw new StandinError('INVALID_PARAM', `${req.method} is not supported`)
        // 云调用 (wx-server-sdk): multipart with a protobuf body, answered in protobuf
        const type = req.headers['content-type'] ?? ''
        if (type.startsWith('multipart/form-data')) {
          const fields = parseMultipart(Buffer.concat(chunks), type)
          const action = fields.get('action')?.toString('utf8')
          if (action !== 'wx.openApi') throw new StandinError('INVALID_PARAM', `multipart ${action} is not supported`)
          const call = readOpenApiCall(fields)
          const logged: StandinRequest = { action, apiName: call.apiName, args: call.args, signed: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0 }
          requests.push(logged)
          const injected = fault?.(logged)
          if (injected) throw new StandinError(injected.code, injected.message)
          const answer = (options.wxOpenApi ?? defaultWxOpenApi)(call.apiName, call.args)
          res.writeHead(200, { 'content-type': 'application/octet-stream' })
          res.end(openApiResponse(answer))
          return
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>
        const logged: StandinRequest = {
          action: body.action,
          collectionName: body.collectionName,
          query: body.query === undefined ? undefined : EJSON.parse(body.query),
          order: body.order === undefined ? undefined : EJSON.parse(body.order),
          limit: body.limit,
          signed: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0,
        }
        if (typeof body.transactionId === 'string') logged.transactionId = body.transactionId
        requests.push(logged)
        const injected = fault?.(logged)
        if (injected) throw new StandinError(injected.code, injected.message)
        if (body.action === 'database.startTransaction') {
          // the SDK reads the id from the top of the answer (Transaction.init: res.transactionId)
          reply = { requestId, transactionId: database.startTransaction() }
        } else {
          reply = { requestId, data: database.handle(body) }
        }
      } catch (error) {
        const code = error instanceof StandinError ? error.code : 'DATABASE_REQUEST_FAILED'
        // CloudBase answers failures with HTTP 200 and a code, which the SDK turns into a thrown error
        reply = { requestId, code, message: (error as Error).message }
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(reply))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    dump: () => database.dump(),
    reset() {
      database.reset()
      requests.length = 0
      fault = undefined
    },
    failWith(next) {
      fault = next
    },
    openTransactions: () => database.openTransactions(),
    close() {
      // the SDK keeps connections alive; drop them so the server (and jest) can finish
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

const parseEjson = (text: unknown, fallback: unknown = {}) => (typeof text === 'string' ? EJSON.parse(text) : fallback)
const toWire = (doc: StoredDoc) => EJSON.stringify(doc, { relaxed: false })

/**
 * A transaction as CloudBase runs it: its document writes stay private until commit; commit
 * fails with DATABASE_TRANSACTION_CONFLICT when a document it read or wrote was changed by
 * anyone else since (the SDK then runs the callback again); abort drops the writes.
 */
interface OpenTransaction {
  /** Pending writes by collection and id; null = removed. */
  writes: Map<string, Map<string, StoredDoc | null>>
  /** The version of every document the transaction touched, when it first touched it. */
  seen: Map<string, number>
}

const docKey = (collection: string, id: string) => `${collection}\u0000${id}`

class Database {
  private collections = new Map<string, Map<string, StoredDoc>>()
  /** Bumped on every committed change of a document: how commit detects a conflict. */
  private versions = new Map<string, number>()
  private transactions = new Map<string, OpenTransaction>()

  constructor(private readonly initial: string[]) {
    this.reset()
  }

  reset(): void {
    this.collections = new Map(this.initial.map((name) => [name, new Map()]))
    this.versions.clear()
    this.transactions.clear()
  }

  openTransactions(): number {
    return this.transactions.size
  }

  startTransaction(): string {
    const id = randomBytes(12).toString('hex')
    this.transactions.set(id, { writes: new Map(), seen: new Map() })
    return id
  }

  private bump(collection: string, id: string): void {
    const key = docKey(collection, id)
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1)
  }

  private transaction(id: string): OpenTransaction {
    const tx = this.transactions.get(id)
    if (!tx) throw new StandinError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`)
    return tx
  }

  private commitTransaction(id: string): object {
    const tx = this.transaction(id)
    this.transactions.delete(id)
    for (const [key, version] of tx.seen) {
      if ((this.versions.get(key) ?? 0) !== version) {
        throw new StandinError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
      }
    }
    for (const [collection, docs] of tx.writes) {
      const stored = this.collection(collection)
      for (const [docId, doc] of docs) {
        if (doc) stored.set(docId, doc)
        else stored.delete(docId)
        this.bump(collection, docId)
      }
    }
    return {}
  }

  private abortTransaction(id: string): object {
    this.transaction(id)
    this.transactions.delete(id)
    return {}
  }

  /** A document call inside a transaction: by id only, as the platform allows. */
  private inTransaction(body: Record<string, any>): object {
    const tx = this.transaction(body.transactionId)
    const name = body.collectionName as string
    const stored = this.collection(name)
    const query = parseEjson(body.query) as Record<string, unknown>
    const id = body.action === 'database.insertDocument' ? (EJSON.parse((body.data as string[])[0]) as StoredDoc)._id : query._id
    if (typeof id !== 'string' || (body.queryType !== undefined && body.queryType !== 'DOC') || body.multi === true) {
      throw new StandinError('DATABASE_REQUEST_FAILED', 'a transaction takes document operations by id only')
    }
    const key = docKey(name, id)
    if (!tx.seen.has(key)) tx.seen.set(key, this.versions.get(key) ?? 0)
    else if (tx.seen.get(key) !== (this.versions.get(key) ?? 0)) {
      // someone committed this document since the transaction first touched it: a write conflict
      this.transactions.delete(body.transactionId)
      throw new StandinError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
    }
    let pending = tx.writes.get(name)
    if (!pending) tx.writes.set(name, (pending = new Map()))
    const current = pending.has(id) ? pending.get(id)! : (stored.get(id) ?? null)
    switch (body.action) {
      case 'database.getDocument':
        return { list: current ? [toWire(current)] : [] }
      case 'database.insertDocument': {
        if ((body.data as string[]).length !== 1) throw new StandinError('DATABASE_REQUEST_FAILED', 'one document per insert in a transaction')
        if (current) throw new StandinError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error, _id: ${id}`)
        pending.set(id, EJSON.parse((body.data as string[])[0]) as StoredDoc)
        return { insertedIds: [id] }
      }
      case 'database.modifyDocument': {
        const data = parseEjson(body.data) as Record<string, unknown>
        if (body.merge === false) {
          if (!current && !body.upsert) return { updated: 0 }
          pending.set(id, { ...data, _id: id } as StoredDoc)
          return current ? { updated: 1 } : { updated: 0, upsert_id: id }
        }
        if (!current) return { updated: 0 }
        const copy = structuredClone(current)
        const changed = applyUpdate(copy, data).length > 0
        pending.set(id, copy)
        return { updated: changed ? 1 : 0 }
      }
      case 'database.removeDocument':
        pending.set(id, null)
        return { deleted: current ? 1 : 0 }
      default:
        throw new StandinError('STANDIN_UNSUPPORTED', `the stand-in does not emulate ${body.action} in a transaction`)
    }
  }

  dump(): Record<string, StoredDoc[]> {
    return Object.fromEntries([...this.collections].map(([name, docs]) => [name, [...docs.values()]]))
  }

  handle(body: Record<string, any>): object {
    if (body.action === 'database.commitTransaction') return this.commitTransaction(body.transactionId)
    if (body.action === 'database.abortTransaction') return this.abortTransaction(body.transactionId)
    if (typeof body.transactionId === 'string') return this.inTransaction(body)
    return this.handleOutside(body)
  }

  private handleOutside(body: Record<string, any>): object {
    switch (body.action) {
      case 'database.addCollection':
        return this.addCollection(body.collectionName)
      case 'database.getDocument':
        return this.getDocuments(body)
      case 'database.calculateDocument':
        return { total: this.matching(body).length }
      case 'database.insertDocument':
        return this.insert(body)
      case 'database.modifyDocument':
        return this.modify(body)
      case 'database.removeDocument':
        return this.remove(body)
      default:
        throw new StandinError('STANDIN_UNSUPPORTED', `the stand-in does not emulate ${body.action}`)
    }
  }

  private addCollection(name: string): object {
    if (this.collections.has(name)) throw new StandinError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)
    this.collections.set(name, new Map())
    return {}
  }

  private collection(name: string): Map<string, StoredDoc> {
    const docs = this.collections.get(name)
    if (!docs) throw new StandinError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
    return docs
  }

  private matching(body: Record<string, any>): StoredDoc[] {
    const docs = [...this.collection(body.collectionName).values()]
    return find(docs, parseEjson(body.query)).all() as StoredDoc[]
  }

  private getDocuments(body: Record<string, any>): object {
    const limit = Math.min(typeof body.limit === 'number' && body.limit > 0 ? body.limit : DEFAULT_LIMIT, MAX_LIMIT)
    const docs = [...this.collection(body.collectionName).values()]
    let cursor = find(docs, parseEjson(body.query), body.projection ? parseEjson(body.projection) : undefined)
    if (body.order) cursor = cursor.sort(parseEjson(body.order))
    if (body.offset) cursor = cursor.skip(body.offset)
    const list = (cursor.limit(body.multi === false ? 1 : limit).all() as StoredDoc[]).map(toWire)
    return { list }
  }

  private insert(body: Record<string, any>): object {
    const docs = this.collection(body.collectionName)
    const insertedIds: string[] = []
    // ordered, like MongoDB's insertMany: documents before a duplicate stay inserted
    for (const text of body.data as string[]) {
      const doc = EJSON.parse(text) as StoredDoc
      doc._id ??= randomBytes(12).toString('hex')
      if (docs.has(doc._id)) throw new StandinError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error, _id: ${doc._id}`)
      docs.set(doc._id, doc)
      this.bump(body.collectionName, doc._id)
      insertedIds.push(doc._id)
    }
    return { insertedIds }
  }

  private modify(body: Record<string, any>): object {
    const docs = this.collection(body.collectionName)
    const query = parseEjson(body.query) as Record<string, unknown>
    const data = parseEjson(body.data) as Record<string, unknown>
    const operators = Object.keys(data).filter((key) => key.startsWith('$'))
    if (body.merge !== false && operators.length !== Object.keys(data).length) {
      throw new StandinError('DATABASE_REQUEST_FAILED', 'an update mixes operators and plain fields')
    }
    const matched = this.matching(body)
    const targets = body.multi ? matched : matched.slice(0, 1)
    let updated = 0
    for (const doc of targets) {
      if (body.merge === false) {
        // set(): the document is replaced whole and counts as updated when it existed
        docs.set(doc._id, { ...data, _id: doc._id } as StoredDoc)
        this.bump(body.collectionName, doc._id)
        updated++
      } else if (applyUpdate(doc, data).length > 0) {
        // like MongoDB's nModified, a write that changes nothing is not counted
        this.bump(body.collectionName, doc._id)
        updated++
      }
    }
    if (targets.length > 0 || !body.upsert) return { updated }
    const created = { ...equalityFields(query) } as StoredDoc
    if (body.merge === false) Object.assign(created, data)
    else applyUpdate(created, data)
    created._id ??= randomBytes(12).toString('hex')
    docs.set(created._id, created)
    this.bump(body.collectionName, created._id)
    return { updated: 0, upsert_id: created._id }
  }

  private remove(body: Record<string, any>): object {
    const docs = this.collection(body.collectionName)
    const matched = this.matching(body)
    const targets = body.multi ? matched : matched.slice(0, 1)
    targets.forEach((doc) => {
      docs.delete(doc._id)
      this.bump(body.collectionName, doc._id)
    })
    return { deleted: targets.length }
  }
}

/** The plain `field: value` parts of a query, which an upsert copies into the new document. */
function equalityFields(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => !key.startsWith('$') && !key.includes('.') && (typeof value !== 'object' || value === null)),
  )
}
