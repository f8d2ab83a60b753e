/**
 * Offline drafts synced over a bad connection: the sync module (miniprogram/src/lib/offline-drafts.ts)
 * against the real local server, through a transport that drops requests and answers. The client
 * retries; the server absorbs what it has already seen; nothing is lost or doubled.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { api } from '../../shared/api'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import { createDraftBox, type DraftCaller, type DraftFields, type DraftStorage } from '../../miniprogram/src/lib/offline-drafts'
import { visitWorld, vwho, type VisitWorld } from './visit-support'

let w: VisitWorld
let server: Server
let base: string
beforeEach(async () => {
  w = await visitWorld()
  server = createLocalServer({ deps: w.backend.deps })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  await w.close()
})

type Fate = 'deliver' | 'drop_request' | 'drop_answer'

/** A phone's connection: each call's fate comes from `fate`; every call is logged. */
function flaky(openid: string, fate: (n: number, action: string) => Fate) {
  const log: Array<{ action: string; fate: Fate }> = []
  async function send(action: 'create' | 'update', payload: unknown) {
    const f = fate(log.length + 1, action)
    log.push({ action, fate: f })
    if (f === 'drop_request') throw Object.assign(new Error('request lost'), { code: 'network_error', message: '网络连接失败，请检查网络后重试' })
    const res = await fetch(`${base}/fn/visit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wudantong-openid': openid },
      body: JSON.stringify({ action, payload }),
    })
    const body = (await res.json()) as { ok: boolean; data?: unknown; code?: string; message?: string }
    // The server did its work; the answer never reaches the phone.
    if (f === 'drop_answer') throw Object.assign(new Error('answer lost'), { code: 'network_error', message: '网络连接失败，请检查网络后重试' })
    if (!body.ok) throw Object.assign(new Error(body.message), { code: body.code, message: body.message })
    return api.visit[action].output.parse(body.data)
  }
  const caller: DraftCaller = { create: (p) => send('create', p), update: (p) => send('update', p) }
  return { caller, log }
}

function memoryStorage(): DraftStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>()
  // JSON round trip, as Taro storage does.
  return { map, get: (k) => (map.has(k) ? JSON.parse(JSON.stringify(map.get(k))) : ''), set: (k, v) => void map.set(k, JSON.parse(JSON.stringify(v))) }
}

const fieldsOf = (payload: Record<string, unknown>): DraftFields => {
  const { clientId: _c, ...rest } = payload
  return rest as DraftFields
}

/** A deterministic pseudo-random sequence (xorshift), so a failing run can be replayed. */
function seeded(seed: number) {
  let x = seed
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return ((x >>> 0) % 10_000) / 10_000
  }
}

const count = (collection: string) => w.backend.store.collection(collection).count()

describe('syncing drafts over a dropping connection', () => {
  it('keeps drafts 待同步 while there is no signal, then syncs each exactly once', async () => {
    const box = createDraftBox(memoryStorage())
    const drafts = [
      box.save(fieldsOf(w.onSpot()), { submit: true }),
      box.save(fieldsOf(w.assignment()), { submit: true }),
      box.save(fieldsOf(w.onSpot({ visitor: { name: '王大爷', phone: '13700001111', village: '西关村' } })), { submit: true }),
    ]
    const offline = flaky(vwho.supervisor, () => 'drop_request')
    const report = await box.sync(offline.caller)
    expect(report).toEqual({ synced: 0, failed: 0, pending: 3, offline: true })
    expect(offline.log).toHaveLength(1) // no signal: stop at the first failure
    expect(box.get(drafts[0].clientId)).toMatchObject({ state: 'pending', attempts: 1, error: '网络不可用，恢复信号后自动同步', errorCode: 'network_error' })
    expect(await count('visit_records')).toBe(0)

    const online = flaky(vwho.supervisor, () => 'deliver')
    expect(await box.sync(online.caller)).toEqual({ synced: 3, failed: 0, pending: 0, offline: false })
    expect(box.list().every((d) => d.state === 'synced' && d.recordId && d.fields === null)).toBe(true)
    expect(box.list().map((d) => d.summary.visitorName).sort()).toEqual(['张**', '张**', '王**'])
    expect(await count('visit_records')).toBe(3)
    expect(await count('suggestions')).toBe(1)
    // Syncing again sends nothing.
    expect(await box.sync(online.caller)).toEqual({ synced: 0, failed: 0, pending: 0, offline: false })
    expect(online.log).toHaveLength(3)
  })

  it.each([11, 23, 57])('loses nothing and doubles nothing when requests and answers drop at random (seed %i)', async (seed) => {
    const box = createDraftBox(memoryStorage())
    const payloads = Array.from({ length: 8 }, (_, i) =>
      i % 3 === 0 ? w.assignment({ matter: `交办事项${i}：村道破损需要修复` }) : w.onSpot({ matter: `当场答复事项${i}：咨询低保政策` }),
    )
    const drafts = payloads.map((p) => box.save(fieldsOf(p), { submit: true }))
    const random = seeded(seed)
    const net = flaky(vwho.supervisor, () => {
      const r = random()
      return r < 0.3 ? 'drop_request' : r < 0.65 ? 'drop_answer' : 'deliver'
    })
    let rounds = 0
    while (box.pendingCount() > 0 && rounds < 200) {
      await box.sync(net.caller)
      rounds++
    }
    expect(box.pendingCount()).toBe(0)
    expect(net.log.some((l) => l.fate === 'drop_answer')).toBe(true)
    expect(await count('visit_records')).toBe(8)
    expect(await count('suggestions')).toBe(3)
    const records = (await w.visit.ok(vwho.supervisor, 'list', { limit: 50 })).items as Array<{ id: string; matter: string; version: number }>
    for (const d of drafts) {
      const synced = box.get(d.clientId)!
      expect(synced.state).toBe('synced')
      const record = records.find((r) => r.id === synced.recordId)!
      expect(record.matter).toBe(d.fields!.matter)
      expect(record.version).toBe(1)
    }
  })

  it('turns an edit of a synced record into one update guarded by its version, even when answers drop', async () => {
    const storage = memoryStorage()
    const box = createDraftBox(storage)
    const draft = box.save(fieldsOf(w.onSpot()), { submit: true })
    await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    const record = await w.visit.ok(vwho.supervisor, 'get', { id: box.get(draft.clientId)!.recordId })

    const { clientId: _c, ...fields } = w.onSpot({ answer: '已联系镇政府，明天修复' })
    box.editRecord(record, { ...(fields as DraftFields), visitedAt: record.visitedAt })
    expect(box.get(draft.clientId)).toMatchObject({ state: 'pending', revision: 2, serverVersion: 1, syncedRevision: 1 })
    let n = 0
    const net = flaky(vwho.supervisor, () => (++n <= 2 ? 'drop_answer' : 'deliver'))
    for (let i = 0; i < 5 && box.pendingCount(); i++) await box.sync(net.caller)
    expect(net.log.map((l) => `${l.action}:${l.fate}`)).toEqual(['update:drop_answer', 'update:drop_answer', 'update:deliver'])
    const after = await w.visit.ok(vwho.supervisor, 'get', { id: record.id })
    expect(after).toMatchObject({ version: 2, clientRevision: 2, answer: '已联系镇政府，明天修复' })
    expect(box.get(draft.clientId)).toMatchObject({ state: 'synced', serverVersion: 2, syncedRevision: 2 })
  })

  it('sends the newer revision when the draft was edited while its first request was out', async () => {
    const box = createDraftBox(memoryStorage())
    const first = w.onSpot()
    const draft = box.save(fieldsOf(first), { submit: true })
    const net = flaky(vwho.supervisor, () => 'deliver')
    const editing: DraftCaller = {
      create: async (p) => {
        const out = await net.caller.create(p)
        // The supervisor corrected the answer while the phone was waiting for the server.
        box.save({ ...fieldsOf(first), answer: '已联系镇政府，今天下午修复' }, { clientId: draft.clientId, submit: true })
        return out
      },
      update: net.caller.update,
    }
    expect((await box.sync(editing)).synced).toBe(1)
    expect(net.log.map((l) => l.action)).toEqual(['create', 'update'])
    const record = await w.visit.ok(vwho.supervisor, 'get', { id: box.get(draft.clientId)!.recordId })
    expect(record).toMatchObject({ answer: '已联系镇政府，今天下午修复', version: 2, clientRevision: 2 })
  })

  it('recovers a create whose answer was lost after the draft was edited: the server record is updated, not doubled', async () => {
    const box = createDraftBox(memoryStorage())
    const first = w.onSpot()
    const draft = box.save(fieldsOf(first), { submit: true })
    await box.sync(flaky(vwho.supervisor, () => 'drop_answer').caller)
    box.save({ ...fieldsOf(first), matter: '东关村路灯坏了三个多月，晚上出行不便，老人摔倒过' }, { clientId: draft.clientId, submit: true })
    const net = flaky(vwho.supervisor, () => 'deliver')
    await box.sync(net.caller)
    expect(net.log.map((l) => l.action)).toEqual(['create', 'update'])
    expect(await count('visit_records')).toBe(1)
    const [record] = (await w.visit.ok(vwho.supervisor, 'list', {})).items
    expect(record).toMatchObject({ matter: '东关村路灯坏了三个多月，晚上出行不便，老人摔倒过', clientRevision: 2 })
  })

  it('runs one sync at a time however often it is started', async () => {
    const box = createDraftBox(memoryStorage())
    box.save(fieldsOf(w.onSpot()), { submit: true })
    box.save(fieldsOf(w.assignment()), { submit: true })
    const net = flaky(vwho.supervisor, () => 'deliver')
    const reports = await Promise.all([box.sync(net.caller), box.sync(net.caller), box.sync(net.caller)])
    expect(reports[0]).toBe(reports[1])
    expect(net.log).toHaveLength(2)
    expect(await count('visit_records')).toBe(2)
  })
})

describe('conflicts (docs/visit-register.md): the server wins', () => {
  it('fails a draft whose record was changed elsewhere, with the reason, and lets the supervisor drop it', async () => {
    const box = createDraftBox(memoryStorage())
    const draft = box.save(fieldsOf(w.onSpot()), { submit: true })
    await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    const record = await w.visit.ok(vwho.supervisor, 'get', { id: box.get(draft.clientId)!.recordId })
    const { clientId: _c, ...fields } = w.onSpot({ answer: '手机上的修改' })
    box.editRecord(record, fields as DraftFields)
    // Meanwhile, on another phone:
    await w.visit.ok(vwho.supervisor, 'update', { id: record.id, expectedVersion: 1, answer: '另一台手机上的修改' })
    const report = await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    expect(report).toMatchObject({ failed: 1, synced: 0 })
    expect(box.get(draft.clientId)).toMatchObject({ state: 'failed', errorCode: 'conflict', error: '该登记刚刚已在别处修改（以服务器为准），请刷新后再编辑' })
    expect((await w.visit.ok(vwho.supervisor, 'get', { id: record.id })).answer).toBe('另一台手机上的修改')
    box.discard(draft.clientId)
    expect(box.get(draft.clientId)).toBeNull()
  })

  it('fails an edit of a record that was closed meanwhile', async () => {
    const box = createDraftBox(memoryStorage())
    const draft = box.save(fieldsOf(w.onSpot({ opinion: { rating: 'satisfied' } })), { submit: true })
    await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    const record = await w.visit.ok(vwho.supervisor, 'get', { id: box.get(draft.clientId)!.recordId })
    const { clientId: _c, ...fields } = w.onSpot({ matter: '补充说明' })
    box.editRecord(record, fields as DraftFields)
    await w.visit.ok(vwho.supervisor, 'close', { id: record.id })
    await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    expect(box.get(draft.clientId)).toMatchObject({ state: 'failed', errorCode: 'invalid_transition' })
    expect(box.get(draft.clientId)!.error).toContain('该登记已办结，不能再修改')
  })

  it('fails a refused draft with the Chinese reason; fixed and queued again, it syncs', async () => {
    const box = createDraftBox(memoryStorage())
    const bad = fieldsOf(w.onSpot({ sessionId: w.otherSession.id }))
    const draft = box.save(bad, { submit: true })
    const good = box.save(fieldsOf(w.onSpot()), { submit: true })
    const report = await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)
    expect(report).toEqual({ synced: 1, failed: 1, pending: 0, offline: false })
    expect(box.get(draft.clientId)).toMatchObject({ state: 'failed', errorCode: 'validation_failed' })
    expect(box.get(draft.clientId)!.error).toContain('该接待活动不在城关镇人大代表联络站')
    expect(box.get(good.clientId)!.state).toBe('synced')
    box.save({ ...bad, sessionId: w.session.id }, { clientId: draft.clientId, submit: true })
    expect((await box.sync(flaky(vwho.supervisor, () => 'deliver').caller)).synced).toBe(1)
    expect(await count('visit_records')).toBe(2)
  })
})
