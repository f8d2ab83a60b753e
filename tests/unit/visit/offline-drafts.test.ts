/** The draft box's own rules, with a scripted server (the real server: tests/integration/visit-sync.test.ts). */
import { createDraftBox, newDraftId, type DraftCaller, type DraftFields } from '../../../miniprogram/src/lib/offline-drafts'

const fields = (extra: Partial<DraftFields> = {}): DraftFields => ({
  stationCode: 'XWT01',
  sessionId: null,
  visitedAt: '2026-09-15T02:00:00.000Z',
  deputyCodes: [],
  visitorCount: 1,
  visitor: { name: '张秀兰', phone: '13912345678', village: '东关村' },
  matter: '路灯坏了',
  categoryCode: 'urban_rural_construction',
  handling: 'answered_on_spot',
  answer: '本周修复',
  ...extra,
})

function memory() {
  const map = new Map<string, unknown>()
  return { get: (k: string) => (map.has(k) ? JSON.parse(JSON.stringify(map.get(k))) : ''), set: (k: string, v: unknown) => void map.set(k, JSON.parse(JSON.stringify(v))) }
}

/** A server that keeps records by client id, like the real one, and can be told to fail. */
function fakeServer() {
  const records = new Map<string, { id: string; version: number; clientRevision: number; body: unknown }>()
  let failWith: { code: string; message: string } | null = null
  const calls: string[] = []
  const caller: DraftCaller = {
    async create(p) {
      calls.push(`create:${p.revision}`)
      if (failWith) throw failWith
      const existing = records.get(p.clientId)
      if (existing) return { record: existing, outcome: 'duplicate' }
      const r = { id: `rec-${p.clientId}`, version: 1, clientRevision: p.revision ?? 1, body: p }
      records.set(p.clientId, r)
      return { record: r, outcome: 'created' }
    },
    async update(p) {
      calls.push(`update:${p.clientRevision}`)
      if (failWith) throw failWith
      const r = [...records.values()].find((x) => x.id === p.id)!
      if ((p.clientRevision ?? 0) <= r.clientRevision) return { record: r, outcome: 'duplicate' }
      if (r.version !== p.expectedVersion) throw { code: 'conflict', message: '该登记刚刚已在别处修改（以服务器为准），请刷新后再编辑' }
      Object.assign(r, { version: r.version + 1, clientRevision: p.clientRevision, body: p })
      return { record: r, outcome: 'updated' }
    },
  }
  return { records, calls, caller, fail: (e: { code: string; message: string } | null) => (failWith = e) }
}

describe('the draft box', () => {
  it('makes client ids the server accepts', () => {
    const id = newDraftId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(newDraftId()).not.toBe(id)
  })

  it('keeps an unfinished form as 草稿 (never sent) and queues a saved one as 待同步', async () => {
    const box = createDraftBox(memory())
    const server = fakeServer()
    const draft = box.save(fields({ matter: '' }), { submit: false })
    expect(draft).toMatchObject({ state: 'draft', revision: 1 })
    expect(await box.sync(server.caller)).toEqual({ synced: 0, failed: 0, pending: 0, offline: false })
    expect(server.calls).toEqual([])
    const queued = box.save(fields(), { clientId: draft.clientId, submit: true })
    expect(queued).toMatchObject({ clientId: draft.clientId, state: 'pending', revision: 2 })
    await box.sync(server.caller)
    expect(server.calls).toEqual(['create:2'])
    expect(box.get(draft.clientId)).toMatchObject({ state: 'synced', fields: null, summary: { visitorName: '张**' }, recordId: `rec-${draft.clientId}`, serverVersion: 1 })
  })

  it('stops at the first network failure and keeps the order of the queue', async () => {
    const box = createDraftBox(memory(), { now: (() => { let t = 0; return () => new Date(Date.UTC(2026, 8, 15, 2, 0, t++)) })() })
    const server = fakeServer()
    const a = box.save(fields({ matter: '第一件' }), { submit: true })
    const b = box.save(fields({ matter: '第二件' }), { submit: true })
    server.fail({ code: 'network_error', message: '网络连接失败' })
    expect(await box.sync(server.caller)).toMatchObject({ offline: true, pending: 2 })
    expect(server.calls).toHaveLength(1)
    expect(box.get(a.clientId)).toMatchObject({ state: 'pending', attempts: 1, errorCode: 'network_error' })
    expect(box.get(b.clientId)).toMatchObject({ state: 'pending', attempts: 0 })
    server.fail(null)
    await box.sync(server.caller)
    expect(server.records.size).toBe(2)
    expect(box.list().map((d) => d.summary.matter)).toEqual(['第二件', '第一件'])
  })

  it('treats a server error as temporary, and a refusal as final until the form is changed', async () => {
    const box = createDraftBox(memory())
    const server = fakeServer()
    const d = box.save(fields(), { submit: true })
    server.fail({ code: 'internal', message: '系统繁忙，请稍后再试' })
    await box.sync(server.caller)
    expect(box.get(d.clientId)).toMatchObject({ state: 'pending', error: '系统繁忙，请稍后再试' })
    server.fail({ code: 'validation_failed', message: '来访人手机号码不是有效的大陆手机号码（11位，以13–19开头）' })
    await box.sync(server.caller)
    expect(box.get(d.clientId)).toMatchObject({ state: 'failed', errorCode: 'validation_failed' })
    server.fail(null)
    await box.sync(server.caller)
    expect(box.get(d.clientId)!.state).toBe('failed') // not retried by itself
    box.retry(d.clientId)
    await box.sync(server.caller)
    expect(box.get(d.clientId)!.state).toBe('synced')
  })

  it('sends an edit of a synced record as an update from the record’s revision and version', async () => {
    const box = createDraftBox(memory())
    const server = fakeServer()
    const d = box.save(fields(), { submit: true })
    await box.sync(server.caller)
    const record = { ...server.records.get(d.clientId)!, clientId: d.clientId }
    box.editRecord(record, fields({ answer: '明天修复' }))
    expect(box.get(d.clientId)).toMatchObject({ state: 'pending', revision: 2, syncedRevision: 1, serverVersion: 1 })
    await box.sync(server.caller)
    expect(server.calls).toEqual(['create:1', 'update:2'])
    expect(server.records.get(d.clientId)).toMatchObject({ version: 2, clientRevision: 2 })
    expect(box.get(d.clientId)).toMatchObject({ state: 'synced', serverVersion: 2 })
  })

  it('forgets synced drafts after three days, keeps the others', () => {
    let now = new Date('2026-09-15T02:00:00.000Z')
    const storage = memory()
    const box = createDraftBox(storage, { now: () => now })
    const kept = box.save(fields(), { submit: true })
    const all = storage.get('wudantong.visitDrafts') as Array<Record<string, unknown>>
    storage.set('wudantong.visitDrafts', [...all, { ...all[0], clientId: 'old-synced-draft', state: 'synced', fields: null, syncedAt: '2026-09-10T00:00:00.000Z' }])
    now = new Date('2026-09-15T03:00:00.000Z')
    expect(box.list().map((d) => d.clientId)).toEqual([kept.clientId])
  })

  it('discards a draft', () => {
    const box = createDraftBox(memory())
    const d = box.save(fields(), { submit: false })
    box.discard(d.clientId)
    expect(box.get(d.clientId)).toBeNull()
    expect(box.pendingCount()).toBe(0)
  })
})
