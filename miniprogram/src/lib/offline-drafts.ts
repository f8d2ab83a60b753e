/**
 * Offline drafts of visit records (接待登记) for supervisors on a phone with poor signal.
 *
 * Every record is written as a local draft first (Taro storage) with its own client id, then
 * synced once when the signal allows. The server derives the record's id from the supervisor and
 * the client id, so a request whose answer was lost and is sent again lands on the same record
 * (`outcome: 'duplicate'`); an edit carries the draft's revision, so an edit sent twice is applied
 * once. Conflict rules (docs/visit-register.md): the server wins for closed records and for
 * records changed elsewhere (the draft fails with the reason and the supervisor decides).
 *
 * Pure module: no Taro import. Pages pass a storage (Taro.getStorageSync / setStorageSync) and a
 * caller (the API client); tests pass a map and a flaky transport against the real local server.
 */
import type { CreateVisitInput, UpdateVisitInput } from '@shared/api/visit'

export type DraftState = 'draft' | 'pending' | 'synced' | 'failed'

export const DRAFT_STATE_LABELS: Record<DraftState, string> = {
  draft: '草稿',
  pending: '待同步',
  synced: '已同步',
  failed: '失败',
}

/** What the form holds: the create payload without the draft's own id and revision. */
export type DraftFields = Omit<CreateVisitInput, 'clientId' | 'revision'>

export interface DraftSummary {
  stationCode: string
  visitorName: string
  matter: string
  handling: DraftFields['handling']
  visitedAt: string
}

export interface VisitDraft {
  clientId: string
  /** +1 on every saved edit; the server keeps the revision its record reflects. */
  revision: number
  state: DraftState
  /** null once synced: personal data does not stay on the phone (the summary keeps a masked name). */
  fields: DraftFields | null
  summary: DraftSummary
  /** The server's record, once it exists. */
  recordId: string | null
  /** The record's version after our last successful write: the guard of the next edit. */
  serverVersion: number | null
  /** The revision the server has (0: none yet). */
  syncedRevision: number
  /** Why it failed (state failed), or the last network trouble (state pending). */
  error: string | null
  errorCode: string | null
  attempts: number
  createdAt: string
  updatedAt: string
  syncedAt: string | null
}

/** Where drafts live: Taro storage in the app, a Map in tests. Values are plain JSON. */
export interface DraftStorage {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

interface RecordRef {
  id: string
  version: number
  clientRevision: number
}

/** The two calls syncing needs (the API client's `visit.create` / `visit.update`). */
export interface DraftCaller {
  create(payload: CreateVisitInput): Promise<{ record: RecordRef; outcome: string }>
  update(payload: UpdateVisitInput): Promise<{ record: RecordRef; outcome: string }>
}

/** Failures that say nothing about the draft: try again later (no signal, lost answer, server busy). */
export const TRANSIENT_CODES = ['network_error', 'internal'] as const

export interface SyncReport {
  synced: number
  failed: number
  pending: number
  /** The loop stopped early because the network is gone. */
  offline: boolean
}

const DEFAULT_KEY = 'wudantong.visitDrafts'
/** Synced drafts are kept this long so the list can show “已同步”, then forgotten. */
const KEEP_SYNCED_MS = 3 * 86_400_000

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A client id (shared/api/common.ts clientRequestId): time prefix + random, 24 characters. */
export function newDraftId(now = Date.now(), random: () => number = Math.random): string {
  let out = `d${now.toString(36)}`
  while (out.length < 24) out += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return out
}

function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  return chars[0] + '*'.repeat(chars.length - 1)
}

function summaryOf(f: DraftFields, masked: boolean): DraftSummary {
  return {
    stationCode: f.stationCode,
    visitorName: masked ? maskName(f.visitor?.name ?? '') : (f.visitor?.name ?? ''),
    matter: f.matter ?? '',
    handling: f.handling,
    visitedAt: f.visitedAt,
  }
}

const errorOf = (e: unknown): { code: string; message: string } => {
  const x = e as { code?: unknown; message?: unknown }
  return { code: typeof x?.code === 'string' ? x.code : 'internal', message: typeof x?.message === 'string' && x.message ? x.message : '同步失败' }
}

const isTransient = (code: string) => (TRANSIENT_CODES as readonly string[]).includes(code)

/** Only one sync per storage key at a time (a network event and a tap may both start one). */
const running = new Map<string, Promise<SyncReport>>()

export interface DraftBoxOptions {
  key?: string
  now?: () => Date
  newId?: () => string
}

export function createDraftBox(storage: DraftStorage, options: DraftBoxOptions = {}) {
  const key = options.key ?? DEFAULT_KEY
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => newDraftId())

  const read = (): VisitDraft[] => {
    const raw = storage.get(key)
    return Array.isArray(raw) ? (raw as VisitDraft[]) : []
  }
  const write = (drafts: VisitDraft[]) => storage.set(key, drafts)
  const find = (clientId: string) => read().find((d) => d.clientId === clientId) ?? null
  const put = (draft: VisitDraft) => {
    const all = read()
    const i = all.findIndex((d) => d.clientId === draft.clientId)
    if (i < 0) all.push(draft)
    else all[i] = draft
    write(all)
  }
  /** Re-reads the stored draft and applies `change` to it (the user may have edited it meanwhile). */
  const patch = (clientId: string, change: (d: VisitDraft) => VisitDraft | null) => {
    const all = read()
    const i = all.findIndex((d) => d.clientId === clientId)
    if (i < 0) return null
    const next = change(all[i])
    if (next) all[i] = next
    else all.splice(i, 1)
    write(all)
    return next
  }

  /**
   * Saves the form. `submit: false` keeps it as a 草稿 (still being filled); `submit: true` queues
   * it (待同步). Saving again bumps the revision when the content changed; a synced or failed draft
   * edited this way becomes pending again (an update of the same record).
   */
  function save(fields: DraftFields, opts: { clientId?: string; submit: boolean }): VisitDraft {
    const at = now().toISOString()
    const existing = opts.clientId ? find(opts.clientId) : null
    if (!existing) {
      const draft: VisitDraft = {
        clientId: opts.clientId ?? newId(),
        revision: 1,
        state: opts.submit ? 'pending' : 'draft',
        fields,
        summary: summaryOf(fields, false),
        recordId: null,
        serverVersion: null,
        syncedRevision: 0,
        error: null,
        errorCode: null,
        attempts: 0,
        createdAt: at,
        updatedAt: at,
        syncedAt: null,
      }
      put(draft)
      return draft
    }
    const changed = JSON.stringify(existing.fields) !== JSON.stringify(fields)
    const revision = changed ? Math.max(existing.revision, existing.syncedRevision) + 1 : existing.revision
    const upToDate = !!existing.recordId && revision <= existing.syncedRevision
    const state: DraftState = opts.submit ? (upToDate ? 'synced' : 'pending') : 'draft'
    const next: VisitDraft = { ...existing, fields, summary: summaryOf(fields, false), revision, state, error: null, errorCode: null, updatedAt: at }
    put(next)
    return next
  }

  /**
   * A draft that edits a record already on the server (opened from the record page): it starts
   * from the record's revision and version, so syncing it is an update guarded by that version.
   */
  function editRecord(record: RecordRef & { clientId: string }, fields: DraftFields): VisitDraft {
    const at = now().toISOString()
    const existing = find(record.clientId)
    const base = Math.max(record.clientRevision, existing?.revision ?? 0, existing?.syncedRevision ?? 0)
    const draft: VisitDraft = {
      clientId: record.clientId,
      revision: base + 1,
      state: 'pending',
      fields,
      summary: summaryOf(fields, false),
      recordId: record.id,
      serverVersion: record.version,
      syncedRevision: record.clientRevision,
      error: null,
      errorCode: null,
      attempts: 0,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      syncedAt: existing?.syncedAt ?? null,
    }
    put(draft)
    return draft
  }

  /** Drops a draft (放弃): the server copy, if any, stays as it is. */
  function discard(clientId: string): void {
    patch(clientId, () => null)
  }

  /** Keeps the local edit and tries again (after the supervisor fixed it, or with the server's version). */
  function retry(clientId: string, serverVersion?: number): VisitDraft | null {
    return patch(clientId, (d) => ({ ...d, state: d.fields ? 'pending' : 'synced', error: null, errorCode: null, serverVersion: serverVersion ?? d.serverVersion }))
  }

  function list(): VisitDraft[] {
    const cutoff = now().getTime() - KEEP_SYNCED_MS
    const all = read()
    const kept = all.filter((d) => d.state !== 'synced' || Date.parse(d.syncedAt ?? d.updatedAt) >= cutoff)
    if (kept.length !== all.length) write(kept)
    return [...kept].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  }

  const pendingCount = () => read().filter((d) => d.state === 'pending').length

  /** Applies a successful write of `sent` (the revision that went out) to the stored draft. */
  function applySuccess(clientId: string, sent: number, record: RecordRef): VisitDraft | null {
    return patch(clientId, (d) => {
      const syncedRevision = Math.max(d.syncedRevision, Math.min(sent, record.clientRevision))
      const done = syncedRevision >= d.revision
      const at = now().toISOString()
      return {
        ...d,
        recordId: record.id,
        serverVersion: record.version,
        syncedRevision,
        state: done ? 'synced' : 'pending',
        // Synced: nothing personal stays on the phone.
        fields: done ? null : d.fields,
        summary: done && d.fields ? summaryOf(d.fields, true) : d.summary,
        error: null,
        errorCode: null,
        syncedAt: done ? at : d.syncedAt,
        updatedAt: at,
      }
    })
  }

  async function syncOne(caller: DraftCaller, clientId: string): Promise<'synced' | 'failed' | 'pending' | 'offline'> {
    for (let step = 0; step < 4; step++) {
      const d = find(clientId)
      if (!d || d.state !== 'pending' || !d.fields) return d?.state === 'synced' ? 'synced' : 'failed'
      const sent = d.revision
      try {
        if (!d.recordId) {
          const res = await caller.create({ ...d.fields, clientId: d.clientId, revision: sent })
          applySuccess(clientId, sent, res.record)
        } else {
          const res = await caller.update({ ...d.fields, id: d.recordId, expectedVersion: d.serverVersion ?? 1, clientRevision: sent })
          applySuccess(clientId, sent, res.record)
        }
      } catch (e) {
        const { code, message } = errorOf(e)
        if (isTransient(code)) {
          patch(clientId, (x) => ({ ...x, attempts: x.attempts + 1, error: code === 'network_error' ? '网络不可用，恢复信号后自动同步' : message, errorCode: code }))
          return 'offline'
        }
        patch(clientId, (x) => ({ ...x, state: 'failed', attempts: x.attempts + 1, error: message, errorCode: code }))
        return 'failed'
      }
      const after = find(clientId)
      if (!after || after.state !== 'pending') return after?.state === 'synced' ? 'synced' : 'failed'
      // Still pending: edited while the request was out, or the server had an older revision. Go on.
    }
    return 'pending'
  }

  /** Syncs every pending draft once, oldest first; stops at the first sign of no network. */
  function sync(caller: DraftCaller): Promise<SyncReport> {
    const current = running.get(key)
    if (current) return current
    const run = (async () => {
      const report: SyncReport = { synced: 0, failed: 0, pending: 0, offline: false }
      const queue = read()
        .filter((d) => d.state === 'pending')
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      for (const d of queue) {
        const outcome = await syncOne(caller, d.clientId)
        if (outcome === 'synced') report.synced++
        else if (outcome === 'failed') report.failed++
        else if (outcome === 'offline') {
          report.offline = true
          break
        }
      }
      report.pending = pendingCount()
      return report
    })()
    running.set(key, run)
    return run.finally(() => running.delete(key))
  }

  return { list, get: find, save, editRecord, discard, retry, sync, pendingCount }
}

export type DraftBox = ReturnType<typeof createDraftBox>
