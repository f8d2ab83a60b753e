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
  /** Whether the SDK signed it (the signature itself is not checked). */
  signed: boolean
}

export interface CloudbaseStandin {
  /** Pass as `serviceUrl` to `tcb.init`. */
  url: string
  /** Every request received since start or the last reset, oldest first. */
  requests: StandinRequest[]
  /** Collections and their documents, for assertions and debugging. */
  dump(): Record<string, StoredDoc[]>
  /** Forgets every collection (back to a fresh environment) and the request log. */
  reset(): void
  close(): Promise<void>
}

export interface StandinOptions {
  /** Collections that exist at start and after reset; by default none, as in a new environment. */
  collections?: string[]
  /**
   * Answers `wx.api` calls (callWxOpenApi: msgSecCheck, subscribeMessage.send, wxacode) the way
   * WeChat's server would for this test; the stand-in wraps the answer as CloudBase does.
   */
  wxApi?: (apiName: string, requestData: unknown) => unknown
}

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

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const requestId = randomBytes(8).toString('hex')
      let reply: object
      try {
        if (req.method !== 'POST') throw new StandinError('INVALID_PARAM', `${req.method} is not supported`)
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>
        requests.push({
          action: body.action,
          collectionName: body.collectionName,
          query: body.query === undefined ? undefined : EJSON.parse(body.query),
          order: body.order === undefined ? undefined : EJSON.parse(body.order),
          limit: body.limit,
          signed: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0,
        })
        if (body.action === 'wx.api') {
          if (!options.wxApi) throw new StandinError('STANDIN_UNSUPPORTED', 'no wxApi handler given')
          const answer = options.wxApi(body.apiName, body.requestData ? JSON.parse(body.requestData) : undefined)
          reply = { requestId, data: { responseData: JSON.stringify(answer) } }
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
    },
    close() {
      // the SDK keeps connections alive; drop them so the server (and jest) can finish
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

const parseEjson = (text: unknown, fallback: unknown = {}) => (typeof text === 'string' ? EJSON.parse(text) : fallback)
const toWire = (doc: StoredDoc) => EJSON.stringify(doc, { relaxed: false })

class Database {
  private collections = new Map<string, Map<string, StoredDoc>>()

  constructor(private readonly initial: string[]) {
    this.reset()
  }

  reset(): void {
    this.collections = new Map(this.initial.map((name) => [name, new Map()]))
  }

  dump(): Record<string, StoredDoc[]> {
    return Object.fromEntries([...this.collections].map(([name, docs]) => [name, [...docs.values()]]))
  }

  handle(body: Record<string, any>): object {
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
        updated++
      } else if (applyUpdate(doc, data).length > 0) {
        // like MongoDB's nModified, a write that changes nothing is not counted
        updated++
      }
    }
    if (targets.length > 0 || !body.upsert) return { updated }
    const created = { ...equalityFields(query) } as StoredDoc
    if (body.merge === false) Object.assign(created, data)
    else applyUpdate(created, data)
    created._id ??= randomBytes(12).toString('hex')
    docs.set(created._id, created)
    return { updated: 0, upsert_id: created._id }
  }

  private remove(body: Record<string, any>): object {
    const docs = this.collection(body.collectionName)
    const matched = this.matching(body)
    const targets = body.multi ? matched : matched.slice(0, 1)
    targets.forEach((doc) => docs.delete(doc._id))
    return { deleted: targets.length }
  }
}

/** The plain `field: value` parts of a query, which an upsert copies into the new document. */
function equalityFields(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => !key.startsWith('$') && !key.includes('.') && (typeof value !== 'object' || value === null)),
  )
}
