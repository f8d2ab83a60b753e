/**
 * The lifecycle runner (cloudfunctions/_core/runtime/run-lifecycle.ts, issue 12): every record
 * with a state — reception sessions, visit records, problems, callbacks, invitations, and the
 * item's 放行 — records each step in its history, in the same commit as the change and whatever
 * the step causes (outbox messages, duty rows, attendance, the redeemer's role). A failure
 * injected in that commit, right after the record's own write, leaves none of them.
 */
import type { Actor } from '../../shared/domain/roles'
import type { AppError } from '../../shared/errors'
import { openStore } from '../../cloudfunctions/_core/store'
import { countyManaged } from '../../cloudfunctions/_core/usecases/reception/access'
import { applyRetention, setRetention } from '../../cloudfunctions/_core/usecases/visit/retention'
import type { Store, Write } from '../../cloudfunctions/_core/store/port'
import { actions, who } from '../support/actors'
import { createTestBackend, fixedClock, type TestBackend } from '../support/backend'
import { reception, rwho } from '../support/reception'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'
import { beijing, caller, clientId, visitAt, vwho } from './visit-support'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
let backend: TestBackend
let failing = false
let commits: Write[][] = []

/** A poisoned write placed right after the record's own write fails inside the transaction, as a full disk would. */
const POISON: Write = { op: 'increment', collection: 'stats_counters', id: 'poison', by: { submitted: Number.NaN }, init: {} }

beforeEach(async () => {
  clock.set('2026-09-14T02:00:00.000Z')
  failing = false
  commits = []
  const real = await openStore({ kind: 'sqlite', file: ':memory:' })
  const flaky: Store = {
    collection: (name: string) => real.collection(name),
    commit: (writes) => {
      commits.push(writes)
      return real.commit(failing ? [writes[0], POISON, ...writes.slice(1)] : writes)
    },
    close: () => real.close(),
  }
  backend = await createTestBackend({ clock, store: flaky })
})
afterEach(() => backend.close())

/** Runs `fn` with every commit failing; the console's error log of the failure is kept quiet. */
async function withFailingCommits<T>(fn: () => Promise<T>): Promise<T> {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
  failing = true
  try {
    return await fn()
  } finally {
    failing = false
    errors.mockRestore()
  }
}

const doc = <T>(collection: string, id: string) => backend.store.collection<T & { _id: string }>(collection).get(id)
type History = Array<{ event: string; from: string; to: string; role: string; actorName: string; note: string | null; at: string }>

describe('reception sessions', () => {
  async function tuesday() {
    const r = reception(backend)
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const [first] = (await r.ok(rwho.xwStaff, 'listSessions', { stationCode: 'XWT01', limit: 1 })).items
    return { r, session: await r.ok(rwho.xwStaff, 'getSession', { id: first.id }) }
  }

  it('cancelling records its history, shown to staff and not to the public', async () => {
    const { r, session } = await tuesday()
    await r.ok(rwho.otherResident, 'subscribeSession', { id: session.id })
    await r.ok(rwho.otherResident, 'recordSubscription', { accepted: ['reception_reminder'] })
    const cancelled = await r.ok(rwho.xwStaff, 'cancelSession', { id: session.id, reason: '场地用于防汛值守' })
    expect(cancelled.history).toEqual([
      { at: clock.now().toISOString(), event: 'cancel', eventLabel: '取消', from: 'planned', to: 'cancelled', role: 'staff', actorName: expect.any(String), note: '场地用于防汛值守' },
    ])
    const stored = await doc<{ history: History; version: number }>('reception_sessions', session.id)
    expect(stored?.history).toHaveLength(1)
    expect(stored?.version).toBe(session.version + 1)
    expect((await r.ok(rwho.resident, 'getSession', { id: session.id })).history).toEqual([])
    // the notice went out in the same commit as the change
    const cancelCommit = commits.find((ws) => ws.some((w) => w.collection === 'reception_sessions' && w.op === 'updateIf'))!
    expect(cancelCommit.map((w) => w.collection)).toEqual(expect.arrayContaining(['reception_sessions', 'reception_duties', 'outbox', 'subscriptions']))
    expect(await doc('outbox', `rc:${session.id}:${rwho.otherResident}`)).toMatchObject({ status: 'queued', title: '代表接待日取消' })
  })

  it('a failed cancel commit leaves the session, its history, its duty rows and its notices as they were', async () => {
    const { r, session } = await tuesday()
    await r.ok(rwho.otherResident, 'subscribeSession', { id: session.id })
    await r.ok(rwho.otherResident, 'recordSubscription', { accepted: ['reception_reminder'] })
    const refused = await withFailingCommits(() => r.raw(rwho.xwStaff, 'cancelSession', { id: session.id, reason: '场地用于防汛值守' }))
    expect(refused).toMatchObject({ ok: false, code: 'internal' })
    const stored = await doc<{ status: string; history?: History; version: number }>('reception_sessions', session.id)
    expect(stored).toMatchObject({ status: 'planned', version: session.version })
    expect(stored?.history ?? []).toEqual([])
    expect(await doc('outbox', `rc:${session.id}:${rwho.otherResident}`)).toBeNull()
    expect(await doc('subscriptions', `${rwho.otherResident}:reception_reminder`)).toMatchObject({ credits: 1 })
    expect(await doc('reception_duties', `${session.id}:${session.deputies[0].code}`)).toMatchObject({ status: 'planned' })
    // and the retry goes through once
    expect((await r.ok(rwho.xwStaff, 'cancelSession', { id: session.id, reason: '场地用于防汛值守' })).history).toHaveLength(1)
    expect(await doc('subscriptions', `${rwho.otherResident}:reception_reminder`)).toMatchObject({ credits: 0 })
  })

  it('marking it held records its history; a failed commit writes neither the status nor the attendance', async () => {
    const { r, session } = await tuesday()
    clock.set(beijing(session.date, '12:30'))
    const code = session.deputies[0].code
    const refused = await withFailingCommits(() => r.raw(rwho.xwStaff, 'markHeld', { id: session.id, attendedDeputyCodes: [code] }))
    expect(refused).toMatchObject({ ok: false, code: 'internal' })
    expect(await doc('reception_sessions', session.id)).toMatchObject({ status: 'planned', heldAt: null })
    expect(await doc('reception_attendance', `${session.id}:${code}`)).toBeNull()

    const held = await r.ok(rwho.xwStaff, 'markHeld', { id: session.id, attendedDeputyCodes: [code], notes: '张某反映路灯问题' })
    expect(held.history).toEqual([expect.objectContaining({ event: 'hold', eventLabel: '标记已举行', from: 'planned', to: 'held', role: 'staff', note: null })])
    expect(await doc('reception_attendance', `${session.id}:${code}`)).toMatchObject({ source: 'staff' })
    expect(await doc('reception_duties', `${session.id}:${code}`)).toMatchObject({ status: 'held' })
  })
})

describe('the visit register', () => {
  async function world() {
    const r = reception(backend)
    const visit = caller(backend, 'visit')
    await r.ok(vwho.countyStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const [first] = (await r.ok(vwho.countyStaff, 'listSessions', { stationCode: 'XWT01', limit: 1 })).items
    const session = await r.ok(vwho.countyStaff, 'getSession', { id: first.id })
    clock.set(beijing('2026-09-15', '10:00'))
    const onSpot = () => visitAt(session, clock, { handling: 'answered_on_spot', answer: '已联系镇政府，本周内修复', opinion: { rating: 'satisfied', note: '当场解决' } })
    return { visit, onSpot }
  }

  it('closing a record records its history without the visitor, and a failed commit keeps it open', async () => {
    const { visit, onSpot } = await world()
    const { record } = await visit.ok(vwho.supervisor, 'create', onSpot())
    expect(record.history).toEqual([])
    const refused = await withFailingCommits(() => visit.raw(vwho.supervisor, 'close', { id: record.id }))
    expect(refused).toMatchObject({ ok: false, code: 'internal' })
    expect(await doc('visit_records', record.id)).toMatchObject({ status: 'open', closedAt: null, version: record.version })
    expect((await doc<{ history?: History }>('visit_records', record.id))?.history ?? []).toEqual([])

    const closed = await visit.ok(vwho.supervisor, 'close', { id: record.id })
    expect(closed.history).toEqual([
      { at: clock.now().toISOString(), event: 'close', eventLabel: '办结', from: 'open', to: 'closed', role: 'supervisor', actorName: '宋桂英', note: null },
    ])
    // the station's deputies read the same history (it holds no visitor data)
    expect((await visit.ok(vwho.deputy, 'get', { id: record.id })).history).toEqual(closed.history)
    expect(JSON.stringify(closed.history)).not.toMatch(/张秀兰|13912345678|东关村/)
  })

  it('a callback and a problem record their history; failed commits change neither', async () => {
    const { visit, onSpot } = await world()
    const { record } = await visit.ok(vwho.supervisor, 'create', onSpot())
    await visit.ok(vwho.supervisor, 'close', { id: record.id })
    const check = await visit.ok(vwho.countyStaff, 'spotCheck', { clientRequestId: clientId(), stationCode: 'XWT01', from: '2026-09-15', to: '2026-09-15', size: 1 })
    const [item] = check.items

    const cbRefused = await withFailingCommits(() => visit.raw(vwho.townshipStaff, 'recordCallback', { id: item.id, outcome: 'consistent', note: '张秀兰称已修好' }))
    expect(cbRefused).toMatchObject({ ok: false, code: 'internal' })
    expect(await doc('visit_callbacks', item.id)).toMatchObject({ status: 'pending', calledAt: null })
    await visit.ok(vwho.townshipStaff, 'recordCallback', { id: item.id, outcome: 'consistent', note: '张秀兰称已修好' })
    const cb = await doc<{ history: History }>('visit_callbacks', item.id)
    // the history says what the callback found, never the staff's note naming the visitor
    expect(cb?.history).toEqual([expect.objectContaining({ event: 'record', from: 'pending', to: 'done', role: 'staff', actorName: '魏凤英（城关镇人大主席团）', note: '情况属实' })])

    const problem = await visit.ok(vwho.countyStaff, 'createProblem', { clientRequestId: clientId(), stationCode: 'XWT01', title: '登记表“办理结果”填写过简', owner: '城关镇联络站', source: 'spot_check' })
    const pRefused = await withFailingCommits(() => visit.raw(vwho.townshipStaff, 'resolveProblem', { id: problem.id, resolution: '已培训管理员' }))
    expect(pRefused).toMatchObject({ ok: false, code: 'internal' })
    expect(await doc('visit_problems', problem.id)).toMatchObject({ status: 'open', resolvedAt: null, version: 1 })
    await visit.ok(vwho.townshipStaff, 'resolveProblem', { id: problem.id, resolution: '已培训管理员' })
    expect((await doc<{ history: History }>('visit_problems', problem.id))?.history).toEqual([
      expect.objectContaining({ event: 'resolve', from: 'open', to: 'resolved', role: 'staff', note: '已培训管理员' }),
    ])
  })

  it('a refused retention change speaks of the register, not of the reception calendar', async () => {
    // the callers table (shared/api/callers.ts) turns most away first; the use case's own refusal is what remains
    const township: Actor = { openid: 'o-t', bindings: [{ role: 'staff', staffCode: 'T', countyCode: 'xiuwu', scope: 'township', township: '城关镇' }] }
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run()
      } catch (e) {
        return e as AppError
      }
      throw new Error('not refused')
    }
    const set = await refusal(() => setRetention(backend.deps, township, { retentionMonths: 12 }))
    expect(set).toMatchObject({ code: 'forbidden', message: '只有县人大工作人员或管理员可以修改接待登记的个人信息保存期限' })
    expect(set.message).not.toContain('接待日设置')
    expect(await refusal(() => applyRetention(backend.deps, township, {}))).toMatchObject({ code: 'forbidden', message: '只有县人大工作人员或管理员可以删除到期的来访人信息' })
    // the calendar keeps its words
    expect(() => countyManaged(township)).toThrow('只有县人大工作人员或管理员可以修改全县接待日设置')
  })
})

describe('invitations', () => {
  const dir = (openid: string, action: string, payload: Record<string, unknown> = {}) => backend.call('directory', { action, payload }, openid)

  it('redeeming records its history; a failed commit spends no code and binds no role', async () => {
    const issued = await dir('demo-admin-xiuwu', 'issueInvitation', { target: { role: 'deputy', deputyCode: 'XWT02-R1' } })
    if (!issued.ok) throw new Error(issued.message)
    const code = issued.data.code as string
    const refused = await withFailingCommits(() => dir('o-new-phone', 'redeemInvitation', { code }))
    expect(refused).toMatchObject({ ok: false, code: 'internal' })
    expect(await doc('invitations', code)).toMatchObject({ redeemedBy: null })
    expect(await doc('users', 'o-new-phone')).toBeNull()
    expect(await doc<{ openid: string | null }>('deputies', 'XWT02-R1')).not.toMatchObject({ openid: 'o-new-phone' })

    expect(await dir('o-new-phone', 'redeemInvitation', { code })).toMatchObject({ ok: true, data: { roles: ['resident', 'deputy'] } })
    expect((await doc<{ history: History }>('invitations', code))?.history).toEqual([
      expect.objectContaining({ event: 'redeem', from: 'issued', to: 'redeemed', role: 'resident', actorName: '邀请码持有人', note: '获得人大代表身份' }),
    ])
    expect(await doc('deputies', 'XWT02-R1')).toMatchObject({ openid: 'o-new-phone' })
    expect(await dir('o-someone-else', 'redeemInvitation', { code })).toMatchObject({ ok: false, code: 'invitation_invalid', field: 'code' })
  })
})

describe('moderation release (放行), a row of the item table', () => {
  it('goes through the runner: a failed commit leaves the text held and the history as it was', async () => {
    const a = actions(backend)
    const { id } = await a.submit('我们准备集体维权')
    const before = await a.ok(who.countyStaff, 'get', { id })
    const refused = await withFailingCommits(() => a.raw(who.countyStaff, 'release', { id, note: '内容属实' }))
    expect(refused).toMatchObject({ ok: false, code: 'internal' })
    const still = await a.ok(who.countyStaff, 'get', { id })
    expect(still).toMatchObject({ held: true, history: before.history })

    const released = await a.ok(who.countyStaff, 'release', { id, note: '内容属实' })
    expect(released.history.at(-1)).toMatchObject({ event: 'release', eventLabel: '内容审核通过', from: 'submitted', to: 'submitted', role: 'staff', note: '内容属实' })
    // 放行 counts nothing and tells nobody: its commit is the item's write alone
    const releaseCommit = commits.filter((ws) => ws.some((w) => w.collection === 'suggestions')).at(-1)!
    expect(releaseCommit.map((w) => w.collection)).toEqual(['suggestions'])
  })

  it('refuses a deputy (not staff) and a text that is not held, in the same words as before', async () => {
    const a = actions(backend)
    const { id } = await a.submit('我们准备集体维权')
    expect(await a.raw(who.deputy, 'release', { id })).toMatchObject({ ok: false, code: 'forbidden' })
    expect(await a.raw(who.otherTownshipStaff, 'release', { id })).toMatchObject({ ok: false, code: 'not_found' })
    await a.ok(who.countyStaff, 'release', { id })
    expect(await a.raw(who.countyStaff, 'release', { id })).toMatchObject({ ok: false, code: 'invalid_transition', message: '该事项无需审核' })
  })
})

describe('on the CloudBase store (the real SDK against the stand-in)', () => {
  let standin: CloudbaseStandin
  let cloud: TestBackend
  beforeAll(async () => {
    standin = await startCloudbaseStandin()
    const store = await openStore({ kind: 'cloudbase', env: 'test-env', serviceUrl: standin.url })
    cloud = await createTestBackend({ store, clock })
  }, 60_000)
  afterAll(async () => {
    await cloud.close()
    await standin.close()
  })

  it('a cancel whose notice fails inside the transaction saves nothing; the retry saves the session, its history and the notice', async () => {
    clock.set('2026-09-14T02:00:00.000Z')
    const r = reception(cloud)
    await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const [first] = (await r.ok(rwho.xwStaff, 'listSessions', { stationCode: 'XWT01', limit: 1 })).items
    await r.ok(rwho.otherResident, 'subscribeSession', { id: first.id })
    await r.ok(rwho.otherResident, 'recordSubscription', { accepted: ['reception_reminder'] })
    const stored = () => cloud.store.collection<{ _id: string; status: string; history?: History }>('reception_sessions').get(first.id)
    const notice = () => cloud.store.collection<{ _id: string }>('outbox').get(`rc:${first.id}:${rwho.otherResident}`)

    standin.failWith((q) => (q.transactionId && q.collectionName === 'outbox' && q.action !== 'database.getDocument' ? { code: 'DATABASE_REQUEST_FAILED', message: 'injected' } : undefined))
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await r.raw(rwho.xwStaff, 'cancelSession', { id: first.id, reason: '场地用于防汛值守' })).toMatchObject({ ok: false, code: 'internal' })
    } finally {
      standin.failWith(undefined)
      errors.mockRestore()
    }
    expect(await stored()).toMatchObject({ status: 'planned' })
    expect((await stored())?.history ?? []).toEqual([])
    expect(await notice()).toBeNull()
    expect(standin.requests.some((q) => q.action === 'database.abortTransaction')).toBe(true)

    const cancelled = await r.ok(rwho.xwStaff, 'cancelSession', { id: first.id, reason: '场地用于防汛值守' })
    expect(cancelled.history).toEqual([expect.objectContaining({ event: 'cancel', from: 'planned', to: 'cancelled', note: '场地用于防汛值守' })])
    expect(await stored()).toMatchObject({ status: 'cancelled', history: [expect.objectContaining({ event: 'cancel' })] })
    expect(await notice()).toMatchObject({ status: 'queued' })
  })
})
