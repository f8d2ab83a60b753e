/**
 * The local server killed in the middle of a burst: it runs as a child process on an SQLite
 * file, concurrent clients submit and accept items, the process gets SIGKILL mid-burst, and a
 * new server opens the same file. Every change a client was told about must be there once, and
 * every statistics counter must equal a recount — the writes of one step commit together.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openStore } from '../../cloudfunctions/_core/store'
import type { Store } from '../../cloudfunctions/_core/store/port'
import type { StatsCounterDoc, StatsLedgerDoc, SuggestionDoc } from '../../cloudfunctions/_core/model'
import { reconcileCounters } from '../../cloudfunctions/_core/usecases/stats/reconcile'
import { localDeps } from '../../cloudfunctions/_local/local-deps'
import { who } from '../support/actors'

const root = resolve(__dirname, '..', '..')
const ROUNDS = Number(process.env.WDT_CRASH_ROUNDS ?? 2)

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

async function startServer(dataFile: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort()
  // node itself with tsx's loader: the tsx command runs the server in a grandchild, which a
  // SIGKILL of the command would leave running
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/_local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_FILE: dataFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000)
    const listen = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('五单通本地服务已启动')) {
        clearTimeout(timer)
        ready()
      }
    }
    child.stdout!.on('data', listen)
    child.stderr!.on('data', listen)
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)))
  })
  return { child, base: `http://127.0.0.1:${port}` }
}

async function call(base: string, openid: string, name: string, body: unknown): Promise<{ ok: boolean; data?: any; code?: string } | null> {
  try {
    const res = await fetch(`${base}/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wudantong-openid': encodeURIComponent(openid) },
      body: JSON.stringify(body),
    })
    return (await res.json()) as { ok: boolean; data?: any; code?: string }
  } catch {
    return null // the server died before answering: not acknowledged
  }
}

interface Acknowledged {
  submitted: Map<string, string> // clientRequestId → item id
  accepted: Set<string>
}

/** One client: submit, then (as the station's deputy) accept it, until the server goes away. */
async function client(base: string, n: number, ack: Acknowledged, stop: { dead: boolean }): Promise<void> {
  for (let i = 0; !stop.dead && i < 200; i++) {
    const clientRequestId = `crash-${n}-${i}-${Math.random().toString(36).slice(2, 8)}`
    const submitted = await call(base, who.resident, 'suggestion', {
      action: 'submit',
      payload: { clientRequestId, stationCode: 'XWT01', content: `第${n}号客户端第${i}次反映：村口路灯不亮`, anonymous: false, contactName: '张女士', contactPhone: '13912345678' },
    })
    if (!submitted?.ok) continue
    ack.submitted.set(clientRequestId, submitted.data.id)
    const accepted = await call(base, who.deputy, 'suggestion', { action: 'accept', payload: { id: submitted.data.id, categoryCode: 'transport' } })
    if (accepted?.ok) ack.accepted.add(submitted.data.id)
  }
}

async function allOf<T extends { _id: string }>(store: Store, name: string): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page = await store.collection<T>(name).find({ orderBy: { field: '_id', direction: 'asc' }, limit: 500, cursor })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

describe('the local server killed mid-burst', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wdt-crash-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps every acknowledged change once and every counter equal to a recount', async () => {
    const dataFile = join(dir, 'county.sqlite')
    const ack: Acknowledged = { submitted: new Map(), accepted: new Set() }
    for (let round = 0; round < ROUNDS; round++) {
      const { child, base } = await startServer(dataFile)
      const stop = { dead: false }
      const exited = new Promise((done) => child.once('exit', done))
      const before = ack.submitted.size
      const clients = Array.from({ length: 6 }, (_, n) => client(base, round * 10 + n, ack, stop))
      // kill it once the burst is well under way, whatever is in flight at that moment
      while (ack.submitted.size < before + 25) await new Promise((r) => setTimeout(r, 20))
      child.kill('SIGKILL')
      stop.dead = true
      await exited
      await Promise.all(clients)
    }
    // a last start proves the file opens again after the kill; then read it directly
    const { child } = await startServer(dataFile)
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited

    const store = await openStore({ kind: 'sqlite', file: dataFile })
    try {
      const items = await allOf<SuggestionDoc>(store, 'suggestions')
      const byId = new Map(items.map((item) => [item._id, item]))
      // every acknowledged submit is there, once (ids are derived from the request id)
      for (const id of ack.submitted.values()) expect(byId.has(id)).toBe(true)
      expect(new Set(items.map((item) => item.number)).size).toBe(items.length)
      for (const id of ack.accepted) expect(byId.get(id)!.history.filter((h) => h.event === 'accept')).toHaveLength(1)

      // each item's steps and the ledger agree: v1 (点单) always counted, nothing beyond the item's version
      const ledger = await allOf<StatsLedgerDoc>(store, 'stats_ledger')
      for (const entry of ledger) expect(byId.get(entry.itemId)!.version).toBeGreaterThanOrEqual(entry.version)
      const ledgerIds = new Set(ledger.map((entry) => entry._id))
      for (const item of items) expect(ledgerIds.has(`${item._id}:v1`)).toBe(true)
      for (const id of ack.accepted) expect(ledgerIds.has(`${id}:v2`)).toBe(true)

      // the counters equal a recount: from the ledger, and 点单 straight from the items
      for (const county of ['xiuwu', 'linying']) {
        const report = await reconcileCounters(localDeps(store), county, { repair: false })
        expect(report.drift).toEqual([])
      }
      const counters = await allOf<StatsCounterDoc>(store, 'stats_counters')
      const submittedCounted = counters.filter((c) => c.dimension === 'county' && c.countyCode === 'xiuwu').reduce((sum, c) => sum + (c.submitted ?? 0), 0)
      expect(submittedCounted).toBe(items.filter((item) => item.countyCode === 'xiuwu').length)
      expect(ack.submitted.size).toBeGreaterThanOrEqual(25 * ROUNDS)
    } finally {
      await store.close()
    }
  }, 180_000)
})
