/** Supervision of the register: random spot checks with callbacks, the problem list, retention of personal data. */
import { TIMERS } from '../../cloudfunctions/_core/functions'
import { clientId, visitWorld, vwho, type VisitWorld } from './visit-support'

let w: VisitWorld
beforeEach(async () => {
  w = await visitWorld()
})
afterEach(() => w.close())

/** `n` closed on-the-spot records at the session, and one left open. */
async function closedRecords(n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied' }, visitor: { name: `来访人${i}`, phone: `1391234${String(5600 + i)}` } }))
    await w.visit.ok(vwho.supervisor, 'close', { id: record.id })
    ids.push(record.id)
  }
  await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
  return ids
}

describe('spot checks (抽查回访)', () => {
  it('draws N distinct closed records of the period at random, once per request id', async () => {
    const closed = await closedRecords(6)
    const request = { clientRequestId: clientId(), from: '2026-09-01', to: '2026-09-30', size: 4 }
    const check = await w.visit.ok(vwho.countyStaff, 'spotCheck', request)
    expect(check).toMatchObject({ poolSize: 6, drawnByName: '吕保国（县人大常委会代表工作委员会）', periodLabel: '2026年9月1日至2026年9月30日', scopeLabel: '修武县' })
    const drawn = check.items.map((i: { record: { id: string } }) => i.record.id)
    expect(new Set(drawn).size).toBe(4)
    expect(drawn.every((id: string) => closed.includes(id))).toBe(true)
    expect(check.items[0]).toMatchObject({ status: 'pending', statusLabel: '待回访', callback: null })
    expect(check.items[0].record.visitor.phone).toMatch(/^1391234\d{4}$/) // staff call the visitor back
    expect((await w.visit.ok(vwho.countyStaff, 'spotCheck', request)).id).toBe(check.id)
    expect(await w.backend.store.collection('visit_callbacks').count()).toBe(4)

    const all = await w.visit.ok(vwho.countyStaff, 'spotCheck', { ...request, clientRequestId: clientId(), size: 50 })
    expect(all.items).toHaveLength(6)
  })

  it('is random: repeated draws do not always pick the same records', async () => {
    await closedRecords(8)
    const picks = new Set<string>()
    for (let i = 0; i < 6; i++) {
      const check = await w.visit.ok(vwho.townshipStaff, 'spotCheck', { clientRequestId: clientId(), from: '2026-09-15', to: '2026-09-15', size: 1 })
      picks.add(check.items[0].record.id)
    }
    expect(picks.size).toBeGreaterThan(1)
  })

  it('refuses an empty period, others’ stations and non-staff', async () => {
    await closedRecords(1)
    const empty = await w.visit.refused(vwho.countyStaff, 'spotCheck', { clientRequestId: clientId(), from: '2026-08-01', to: '2026-08-31', size: 3 })
    expect(empty).toMatchObject({ code: 'validation_failed', message: '修武县在2026年8月1日至2026年8月31日没有已办结的接待登记，无法抽查' })
    expect((await w.visit.refused(vwho.otherTownshipStaff, 'spotCheck', { clientRequestId: clientId(), stationCode: 'XWT01', from: '2026-09-01', to: '2026-09-30', size: 1 })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.otherTownshipStaff, 'spotCheck', { clientRequestId: clientId(), township: '城关镇', from: '2026-09-01', to: '2026-09-30', size: 1 })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.supervisor, 'spotCheck', { clientRequestId: clientId(), from: '2026-09-01', to: '2026-09-30', size: 1 })).code).toBe('forbidden')
    expect(await w.visit.refused(vwho.countyStaff, 'spotCheck', { clientRequestId: clientId(), from: '2026-09-30', to: '2026-09-01', size: 1 })).toMatchObject({ field: 'to', message: '结束日期不能早于开始日期' })
    expect(await w.visit.refused(vwho.countyStaff, 'spotCheck', { clientRequestId: clientId(), from: '2026-09-01', to: '2026-09-30', size: 51 })).toMatchObject({ field: 'size', message: '一次最多抽查50条' })
  })

  it('records each callback once, and shows it to the station’s supervisor', async () => {
    await closedRecords(2)
    const check = await w.visit.ok(vwho.countyStaff, 'spotCheck', { clientRequestId: clientId(), stationCode: 'XWT01', from: '2026-09-15', to: '2026-09-15', size: 2 })
    const [first] = check.items
    const done = await w.visit.ok(vwho.townshipStaff, 'recordCallback', { id: first.id, outcome: 'inconsistent', rating: 'unsatisfied', note: '群众称路灯仍未修好' })
    expect(done).toMatchObject({ status: 'done', statusLabel: '已回访', callback: { outcome: 'inconsistent', outcomeLabel: '与登记不符', ratingLabel: '不满意', note: '群众称路灯仍未修好', byName: '魏凤英（城关镇人大主席团）' } })
    const twice = await w.visit.refused(vwho.countyStaff, 'recordCallback', { id: first.id, outcome: 'consistent' })
    expect(twice.code).toBe('invalid_transition')
    expect(twice.message).toMatch(/^该条登记已于2026-09-15由魏凤英（城关镇人大主席团）回访，不能重复登记$/)
    expect((await w.visit.refused(vwho.supervisor, 'recordCallback', { id: check.items[1].id, outcome: 'consistent' })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.otherTownshipStaff, 'recordCallback', { id: check.items[1].id, outcome: 'consistent' })).code).toBe('not_found')

    const seen = await w.visit.ok(vwho.supervisor, 'listSpotChecks', {})
    expect(seen.items).toHaveLength(2)
    expect(seen.items.find((i: { id: string }) => i.id === first.id).callback.outcomeLabel).toBe('与登记不符')
    expect((await w.visit.ok(vwho.countyStaff, 'listSpotChecks', {})).items).toHaveLength(2)
    expect((await w.visit.ok(vwho.otherTownshipStaff, 'listSpotChecks', {})).items).toHaveLength(0)
    expect((await w.visit.refused(vwho.deputy, 'listSpotChecks', { stationCode: 'XWT01' })).code).toBe('forbidden')
  })
})

describe('the problem list (问题清单)', () => {
  it('lets staff list problems with an owner and close them once; supervisors see their station’s', async () => {
    const [recordId] = await closedRecords(1)
    const request = { clientRequestId: clientId(), stationCode: 'XWT01', title: '登记表“办理结果”填写过简', owner: '城关镇联络站 宋桂英', dueDate: '2026-10-15', source: 'spot_check', recordId }
    const problem = await w.visit.ok(vwho.countyStaff, 'createProblem', request)
    expect(problem).toMatchObject({ status: 'open', statusLabel: '待整改', owner: '城关镇联络站 宋桂英', sourceLabel: '抽查回访', stationName: '城关镇人大代表联络站', recordId })
    expect((await w.visit.ok(vwho.countyStaff, 'createProblem', request)).id).toBe(problem.id)
    await w.visit.ok(vwho.countyStaff, 'createProblem', { clientRequestId: clientId(), title: '部分代表未按时进站', owner: '县人大代工委', source: 'site_visit' })

    expect((await w.visit.ok(vwho.countyStaff, 'listProblems', { status: 'open' })).items).toHaveLength(2)
    expect((await w.visit.ok(vwho.townshipStaff, 'listProblems', {})).items.map((p: { id: string }) => p.id)).toEqual([problem.id])
    expect((await w.visit.ok(vwho.supervisor, 'listProblems', {})).items.map((p: { id: string }) => p.id)).toEqual([problem.id])
    expect((await w.visit.refused(vwho.supervisor, 'createProblem', { ...request, clientRequestId: clientId() })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.supervisor, 'resolveProblem', { id: problem.id, resolution: '已整改' })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.lyStaff, 'resolveProblem', { id: problem.id, resolution: '已整改' })).code).toBe('not_found')

    const resolved = await w.visit.ok(vwho.townshipStaff, 'resolveProblem', { id: problem.id, resolution: '已培训管理员，补填完整' })
    expect(resolved).toMatchObject({ status: 'resolved', statusLabel: '已整改', resolution: '已培训管理员，补填完整', resolvedByName: '魏凤英（城关镇人大主席团）' })
    const again = await w.visit.refused(vwho.countyStaff, 'resolveProblem', { id: problem.id, resolution: '再销一次' })
    expect(again).toMatchObject({ code: 'invalid_transition', message: '该问题已于2026-09-15整改销号' })
    expect((await w.visit.ok(vwho.countyStaff, 'listProblems', { status: 'resolved' })).items).toHaveLength(1)
  })
})

describe('personal data retention', () => {
  it('erases the visitor of records closed longer ago than the county’s setting, and keeps the rest', async () => {
    expect(await w.visit.ok(vwho.supervisor, 'settings')).toMatchObject({ countyCode: 'xiuwu', retentionMonths: 36 })
    expect((await w.visit.refused(vwho.supervisor, 'setRetention', { retentionMonths: 12 })).code).toBe('forbidden')
    expect(await w.visit.refused(vwho.countyStaff, 'setRetention', { retentionMonths: 3 })).toMatchObject({ message: '保存期限应为6至120个月' })
    const set = await w.visit.ok(vwho.admin, 'setRetention', { retentionMonths: 12 })
    expect(set.retentionText).toBe('接待登记办结满12个月后，删除来访人姓名、联系电话和住址，其余内容保留用于统计')

    const [old] = await closedRecords(1)
    w.at('2027-09-16', '10:00')
    const young = (await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ sessionId: null, deputyCodes: [], visitedAt: w.clock.now().toISOString(), opinion: { rating: 'satisfied' } }))).record
    await w.visit.ok(vwho.supervisor, 'close', { id: young.id })
    const run = await w.visit.ok(vwho.countyStaff, 'applyRetention')
    expect(run).toMatchObject({ erased: 1, retentionMonths: 12, before: '2026-09-16T02:00:00.000Z' })
    const erased = await w.visit.ok(vwho.supervisor, 'get', { id: old })
    expect(erased).toMatchObject({ visitor: null, visitorErased: true, matter: '东关村路灯坏了三个多月，晚上出行不便', result: '已联系镇政府，本周内修复' })
    expect((await w.visit.ok(vwho.supervisor, 'get', { id: young.id })).visitor.name).toBe('张秀兰')
    expect((await w.visit.ok(vwho.countyStaff, 'applyRetention')).erased).toBe(0)
    expect((await w.visit.refused(vwho.townshipStaff, 'applyRetention')).code).toBe('forbidden')
  })
})

describe('retention on the timer', () => {
  it('erases expired visitors without anyone pressing a button', async () => {
    await w.visit.ok(vwho.admin, 'setRetention', { retentionMonths: 12 })
    const [old] = await closedRecords(1)
    w.at('2027-09-16', '10:00')
    const fired = await TIMERS.timers(w.backend.deps)
    expect(fired.ok && (fired.data as any).applyVisitRetention.xiuwu).toMatchObject({ erased: 1 })
    expect(await w.visit.ok(vwho.supervisor, 'get', { id: old })).toMatchObject({ visitor: null, visitorErased: true })
  })
})
