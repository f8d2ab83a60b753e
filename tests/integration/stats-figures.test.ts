/**
 * Statistics kept by the use cases: the funnel, the rates (checked against hand-computed
 * values), average days per stage, month attribution, undone steps, breakdowns with names,
 * who may read what, and a counter write that fails without failing the user's step.
 */
import { openStore } from '../../cloudfunctions/_core/store'
import type { Store } from '../../cloudfunctions/_core/store/port'
import { flagOverdue } from '../../cloudfunctions/_core/usecases/timers/flag-overdue'
import { reconcileCounters } from '../../cloudfunctions/_core/usecases/stats/reconcile'
import { actions, who } from '../support/actors'
import { backendPerTest, createTestBackend, fixedClock } from '../support/backend'
import { reception } from '../support/reception'
import { stats } from '../support/stats'

// Monday 2 March 2026, 09:00 in Beijing; 10 working days later is Monday 16 March.
const START = '2026-03-02T01:00:00.000Z'
const clock = fixedClock(START)
const backend = backendPerTest({ clock })
const a = actions(backend)
const s = stats(backend)

const march = { from: '2026-03', to: '2026-03' }

/**
 * Six items in March 2026 at 城关镇联络站 (XWT01), department 交通运输局 (XW-D09):
 * A solved on time, satisfied (and the deputy satisfied); B answered on the spot, basically
 * satisfied; C 列入计划 then sent back by the resident (重新办理); D withdrawn; E not yet taken;
 * F 因条件限制暂不能解决, late, unsatisfied.
 */
async function sixItems() {
  const A = await a.walkTo('resolved')
  await a.ok(who.resident, 'rate', { id: A, rating: 'satisfied' })
  await a.ok(who.deputy, 'deputyRate', { id: A, rating: 'satisfied', comment: '路面修复及时' })
  const B = await a.walkTo('answered')
  await a.ok(who.resident, 'rate', { id: B, rating: 'basically_satisfied' })
  const C = await a.walkTo('in_progress')
  await a.ok(who.department, 'resolve', { id: C, reply: '已列入明年计划', outcome: 'planned', promisedDate: '2026-06-30' })
  await a.ok(who.resident, 'rate', { id: C, rating: 'unsatisfied', reopen: true, comment: '希望尽快' })
  const { id: D } = await a.submit('路灯不亮')
  await a.ok(who.resident, 'withdraw', { id: D })
  const { id: E } = await a.submit('村口排水沟堵塞')
  const F = await a.walkTo('in_progress')
  clock.set('2026-03-20T02:00:00.000Z') // past F's and C's deadline (16 March)
  expect(await flagOverdue(backend.deps)).toBe(2)
  await a.ok(who.department, 'resolve', { id: F, reply: '资金不足，暂不能解决', outcome: 'explained' })
  await a.ok(who.resident, 'rate', { id: F, rating: 'unsatisfied' })
  return { A, B, C, D, E, F }
}

describe('overview', () => {
  it('counts the funnel and computes the rates as hand-computed', async () => {
    await sixItems()
    const o = await s.ok(who.countyStaff, 'overview', march)
    expect(o).toMatchObject({ countyCode: 'xiuwu', countyName: '修武县', township: null, frozenYears: [], overdueNow: 1 })
    expect(o.figures.funnel).toEqual({
      submitted: 6, accepted: 4, answered: 1, escalated: 3, dispatched: 3, resolved: 2, verified: 3, verifiedWithoutRating: 0,
    })
    expect(o.figures.other).toMatchObject({ withdrawn: 1, reopened: 1, responded: 4, respondedOnTime: 4, resolvedOnTime: 1, sentBack: 0 })
    expect(o.figures.outcomes).toEqual({ solved: 1, planned: 0, explained: 1 }) // C's 列入计划 was taken back at 重新办理
    expect(o.figures.ratings).toEqual({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 1, rated: 3 })
    expect(o.figures.deputyRatings).toEqual({ satisfied: 1, basicallySatisfied: 0, unsatisfied: 0, rated: 1 })
    expect(o.figures.rates).toEqual({
      responseRate: 0.8, // 4 responded / (6 submitted − 1 withdrawn)
      responseOnTimeRate: 1,
      resolutionRate: 0.5, // (1 solved + 0 planned) / 2 resolved
      satisfactionRate: 0.6667, // (1 + 1) / 3 rated
      onTimeRate: 0.5, // A on time, F four days late
      completionRate: 0.6667, // 2 resolved / 3 dispatched
      deputySatisfactionRate: 1,
    })
  })

  it('averages the days of each stage', async () => {
    const day = (n: number) => clock.set(new Date(Date.parse(START) + n * 86_400_000).toISOString())
    const { id } = await a.submit()
    day(1)
    await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'normal' })
    day(2)
    await a.ok(who.deputy, 'escalate', { id, target: 'county', note: '需交通局处理' })
    day(3)
    await a.ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '实地察看', workdays: 10 })
    day(4)
    await a.ok(who.department, 'acknowledge', { id })
    day(6)
    await a.ok(who.department, 'resolve', { id, reply: '已修复', outcome: 'solved' })
    day(7)
    await a.ok(who.resident, 'rate', { id, rating: 'satisfied' })
    const o = await s.ok(who.countyStaff, 'overview', march)
    expect(o.figures.averageDays).toEqual({ response: 1, deputy: 1, dispatch: 1, handle: 3, verify: 1, total: 7 })
  })

  it('gives zeros and null rates for a period without items', async () => {
    const o = await s.ok(who.countyStaff, 'overview', { from: '2025-01', to: '2025-12' })
    expect(o.figures.funnel.submitted).toBe(0)
    expect(o.figures.rates.satisfactionRate).toBeNull()
    expect(o.figures.averageDays.handle).toBeNull()
  })

  it('refuses a bad period', async () => {
    expect(await s.refused(who.countyStaff, 'overview', { from: '2026-03', to: '2026-01' })).toMatchObject({ code: 'validation_failed', field: 'to' })
    expect(await s.refused(who.countyStaff, 'overview', { from: '2026-3', to: '2026-04' })).toMatchObject({ code: 'validation_failed', field: 'from' })
  })
})

describe('month attribution and undone steps', () => {
  it('counts each step in its month in Beijing time and takes an undone 销单 out of its month', async () => {
    clock.set('2026-01-30T02:00:00.000Z')
    const { id } = await a.submit()
    clock.set('2026-01-31T17:00:00.000Z') // 1 February, 01:00 in Beijing
    await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'normal' })
    await a.ok(who.deputy, 'escalate', { id, target: 'county', note: '需交通局处理' })
    await a.ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '实地察看', workdays: 10 })
    await a.ok(who.department, 'acknowledge', { id })
    await a.ok(who.department, 'resolve', { id, reply: '已修复', outcome: 'solved' })
    let months = await s.ok(who.countyStaff, 'breakdown', { from: '2026-01', to: '2026-03', dimension: 'month' })
    expect(months.rows.map((r: any) => [r.key, r.name, r.figures.funnel.submitted, r.figures.funnel.accepted, r.figures.funnel.resolved])).toEqual([
      ['2026-01', '2026年1月', 1, 0, 0],
      ['2026-02', '2026年2月', 0, 1, 1],
      ['2026-03', '2026年3月', 0, 0, 0],
    ])
    clock.set('2026-03-03T02:00:00.000Z')
    await a.ok(who.resident, 'rate', { id, rating: 'unsatisfied', reopen: true, comment: '没有修好' })
    months = await s.ok(who.countyStaff, 'breakdown', { from: '2026-01', to: '2026-03', dimension: 'month' })
    const feb = months.rows[1].figures
    const mar = months.rows[2].figures
    expect([feb.funnel.resolved, feb.outcomes.solved, feb.other.resolvedOnTime]).toEqual([0, 0, 0])
    expect(mar.other.reopened).toBe(1)
    expect(months.total.funnel).toMatchObject({ submitted: 1, accepted: 1, dispatched: 1, resolved: 0 })
  })

  it('takes a dispatch the department sends back out of that department', async () => {
    const id = await a.walkTo('dispatched')
    await a.ok(who.department, 'sendBack', { id, reason: '不属于本单位职责' })
    await a.ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D16', requirements: '请城管局办理', workdays: 5 })
    const byDepartment = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'department' })
    const row = (code: string) => byDepartment.rows.find((r: any) => r.key === code)
    expect(row('XW-D09')).toMatchObject({ name: '修武县交通运输局', figures: { funnel: { dispatched: 0 }, other: { sentBack: 1 } } })
    expect(row('XW-D16')).toMatchObject({ name: '修武县城市管理局', figures: { funnel: { dispatched: 1 } } })
    expect(byDepartment.total.funnel.dispatched).toBe(1)
    expect(byDepartment.total.other.sentBack).toBe(1)
  })

  it('moves an item’s 点单 to the category the deputy gives it, and keeps a deputy’s latest rating only', async () => {
    const id = await a.walkTo('resolved')
    await a.submit('尚未分类的意见')
    await a.ok(who.deputy, 'deputyRate', { id, rating: 'satisfied' })
    await a.ok(who.resident, 'rate', { id, rating: 'satisfied' })
    await a.ok(who.deputy, 'deputyRate', { id, rating: 'unsatisfied', comment: '答复过于简单' })
    const byCategory = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'category' })
    const row = (code: string) => byCategory.rows.find((r: any) => r.key === code)
    expect(row('transport')).toMatchObject({ name: '交通出行', figures: { funnel: { submitted: 1, accepted: 1 } } })
    expect(row('uncategorized')).toMatchObject({ name: '未分类', figures: { funnel: { submitted: 1 } } })
    expect(byCategory.rows.slice(0, 10).map((r: any) => r.key)).toContain('economy')
    expect(byCategory.total.deputyRatings).toEqual({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 1, rated: 1 })
  })
})

describe('breakdown', () => {
  it('splits by station, deputy, department and township with names from the directory', async () => {
    await sixItems()
    const byStation = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'station' })
    expect(byStation.dimensionLabel).toBe('联络站')
    expect(byStation.rows.length).toBe(23) // every station of 修武, with or without items
    expect(byStation.rows.find((r: any) => r.key === 'XWT01')).toMatchObject({ name: '城关镇人大代表联络站', figures: { funnel: { submitted: 6 } } })
    const byDeputy = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'deputy' })
    expect(byDeputy.rows).toHaveLength(1)
    expect(byDeputy.rows[0]).toMatchObject({ key: 'XWT01-R1', name: '王建国', figures: { funnel: { accepted: 4, answered: 1, escalated: 3 } } })
    const byDepartment = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'department' })
    expect(byDepartment.rows).toHaveLength(1)
    expect(byDepartment.rows[0]).toMatchObject({ key: 'XW-D09', figures: { funnel: { dispatched: 3, resolved: 2 }, other: { reopened: 1 } } })
    const byTownship = await s.ok(who.countyStaff, 'breakdown', { ...march, dimension: 'township' })
    expect(byTownship.rows.map((r: any) => r.key)).toEqual(['城关镇', '七贤镇', '郇封镇', '周庄镇', '云台山镇', '王屯乡', '五里源乡', '西村乡'])
    expect(byTownship.rows[0].figures.funnel.submitted).toBe(6)
    expect(byTownship.total.funnel.submitted).toBe(6)
  })
})

describe('who may read the figures', () => {
  it('refuses residents, deputies, supervisors, departments, admins and other counties’ staff', async () => {
    for (const openid of [who.resident, who.deputy, who.supervisor, who.department, 'demo-admin-xiuwu']) {
      expect(await s.refused(openid, 'overview', march)).toMatchObject({ code: 'forbidden' })
      expect(await s.refused(openid, 'breakdown', { ...march, dimension: 'station' })).toMatchObject({ code: 'forbidden' })
      expect(await s.refused(openid, 'clusters', {})).toMatchObject({ code: 'forbidden' })
      expect(await s.refused(openid, 'receptionFigures', march)).toMatchObject({ code: 'forbidden' })
    }
    expect(await s.refused(who.otherCountyStaff, 'overview', { ...march, countyCode: 'xiuwu' })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused('nobody-yet', 'overview', march)).toMatchObject({ code: 'forbidden' })
  })

  it('limits township staff to their own township', async () => {
    await sixItems()
    const own = await s.ok(who.townshipStaff, 'overview', march)
    expect(own).toMatchObject({ township: '城关镇' })
    expect(own.figures.funnel.submitted).toBe(6)
    const other = await s.ok(who.otherTownshipStaff, 'overview', march)
    expect(other).toMatchObject({ township: '七贤镇', overdueNow: 0 })
    expect(other.figures.funnel.submitted).toBe(0)
    expect(await s.refused(who.otherTownshipStaff, 'overview', { ...march, township: '城关镇' })).toMatchObject({ code: 'forbidden' })
    const stations = await s.ok(who.otherTownshipStaff, 'breakdown', { ...march, dimension: 'station' })
    expect(stations.rows.every((r: any) => r.figures.funnel.submitted === 0)).toBe(true)
    expect(stations.rows.map((r: any) => r.key)).toContain('XWT02')
    expect(stations.rows.map((r: any) => r.key)).not.toContain('XWT01')
    const departments = await s.ok(who.townshipStaff, 'breakdown', { ...march, dimension: 'department' })
    expect(departments.rows[0]).toMatchObject({ key: 'XW-D09', figures: { funnel: { dispatched: 3 } } })
    expect((await s.ok(who.otherTownshipStaff, 'breakdown', { ...march, dimension: 'department' })).rows).toEqual([])
    const towns = await s.ok(who.townshipStaff, 'breakdown', { ...march, dimension: 'township' })
    expect(towns.rows.map((r: any) => r.key)).toEqual(['城关镇'])
    // county staff may look at one township
    const county = await s.ok(who.countyStaff, 'overview', { ...march, township: '七贤镇' })
    expect(county.figures.funnel.submitted).toBe(0)
    expect(await s.refused(who.countyStaff, 'overview', { ...march, township: '不存在镇' })).toMatchObject({ code: 'validation_failed', field: 'township' })
  })
})

describe('deputy record (履职档案)', () => {
  it('shows a deputy’s year to the deputy and to staff in scope, and to nobody else', async () => {
    await sixItems()
    const r = reception(backend)
    clock.set('2026-04-01T01:00:00.000Z')
    const session = await r.ok(who.countyStaff, 'createSession', {
      clientRequestId: 'record-session-1', kind: 'reception', stationCode: 'XWT01', date: '2026-04-07', startTime: '09:00', endTime: '11:30',
      deputyCodes: ['XWT01-R1'],
    })
    clock.set('2026-04-07T04:00:00.000Z')
    await r.ok(who.countyStaff, 'markHeld', { id: session.id, attendedDeputyCodes: ['XWT01-R1'] })

    const own = await s.ok(who.deputy, 'deputyRecord', { year: 2026 })
    expect(own).toMatchObject({
      deputyCode: 'XWT01-R1', deputyName: '王建国', year: 2026, taken: 4, answered: 1, escalated: 3, dispatched: 3, resolved: 2, verified: 3, reopened: 1,
      ratingsReceived: { satisfied: 1, basicallySatisfied: 1, unsatisfied: 1, rated: 3, satisfactionRate: 0.6667 },
      ratingsGiven: { satisfied: 1, rated: 1 },
      receptions: { scheduled: 1, attended: 1, minimumPerYear: 2, met: false },
    })
    expect(own.months).toHaveLength(12)
    expect(own.months[2]).toEqual({ month: '2026-03', taken: 4, answered: 1, escalated: 3 })
    expect(await s.ok(who.countyStaff, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toEqual(own)
    expect(await s.ok(who.townshipStaff, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toEqual(own)
    expect(await s.refused(who.otherTownshipStaff, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused(who.otherStationDeputy, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused(who.resident, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused(who.department, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused(who.otherCountyStaff, 'deputyRecord', { deputyCode: 'XWT01-R1', year: 2026 })).toMatchObject({ code: 'forbidden' })
    expect(await s.refused(who.countyStaff, 'deputyRecord', { year: 2026 })).toMatchObject({ code: 'validation_failed', field: 'deputyCode' })
    expect(await s.refused(who.countyStaff, 'deputyRecord', { deputyCode: 'NOBODY', year: 2026 })).toMatchObject({ code: 'not_found' })
  })
})

describe('a failing counter write', () => {
  it('fails the user’s step with nothing saved, and the retry counts it exactly once', async () => {
    const real = await openStore({ kind: 'sqlite', file: ':memory:' })
    let diskFull = false
    // the adapter's own commit runs; a poisoned counter write placed right after the item's
    // write fails inside the transaction, as a full disk would
    const flaky: Store = {
      collection: (name: string) => real.collection(name),
      commit: (writes) =>
        real.commit(
          diskFull && writes.some((w) => w.collection === 'stats_counters')
            ? [writes[0], { op: 'increment', collection: 'stats_counters', id: 'poison', by: { submitted: Number.NaN }, init: {} }, ...writes.slice(1)]
            : writes,
        ),
      close: () => real.close(),
    }
    await backend.reopen({ store: flaky })
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const county = async () => ((await s.ok(who.countyStaff, 'overview', march)) as { figures: { funnel: { submitted: number; accepted: number } } }).figures.funnel
      const before = await county()
      diskFull = true
      const submit = { clientRequestId: 'disk-full-1', stationCode: 'XWT01', content: '村口路灯不亮，夜间出行不便', anonymous: false, contactName: '张女士', contactPhone: '13912345678' }
      const refused = await a.raw(who.resident, 'submit', submit)
      expect(refused).toMatchObject({ ok: false, code: 'internal' })
      expect(((await a.ok(who.resident, 'listMine', {})) as { items: unknown[] }).items).toHaveLength(0)
      expect((await county()).submitted).toBe(before.submitted)

      diskFull = false
      const { id } = (await a.ok(who.resident, 'submit', submit)) as { id: string }
      diskFull = true
      expect(await a.raw(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })).toMatchObject({ ok: false, code: 'internal' })
      expect(((await a.ok(who.resident, 'get', { id })) as { state: string }).state).toBe('submitted')
      diskFull = false
      await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })
      // a retried submit (same request id) makes no second item and counts nothing twice
      await a.ok(who.resident, 'submit', submit)
      expect(await county()).toMatchObject({ submitted: before.submitted + 1, accepted: before.accepted + 1 })
    } finally {
      errors.mockRestore()
    }
  })
})

describe('counter reconciliation', () => {
  it('finds a counter someone changed by hand, reports it, and repairs it from the ledger', async () => {
    await a.walkTo('resolved')
    await a.walkTo('answered')
    const clean = await reconcileCounters(backend.deps, 'xiuwu', { repair: false })
    expect(clean.ledgerEntries).toBeGreaterThan(0)
    expect(clean.drift).toEqual([])

    const submitted = async () => ((await s.ok(who.countyStaff, 'overview', march)) as { figures: { funnel: { submitted: number } } }).figures.funnel.submitted
    const before = await submitted()
    const counters = backend.deps.store.collection<{ _id: string; dimension: string; scope: string; submitted?: number }>('stats_counters')
    const countyRow = (await counters.find({ where: { countyCode: 'xiuwu' }, orderBy: { field: 'month', direction: 'asc' }, limit: 500 })).items.find(
      (r) => r.dimension === 'county' && r.scope === '*',
    )!
    await counters.put({ ...countyRow, submitted: (countyRow.submitted ?? 0) + 5 })
    expect(await submitted()).toBe(before + 5)

    const found = await reconcileCounters(backend.deps, 'xiuwu', { repair: true })
    expect(found.drift).toEqual([expect.objectContaining({ counterId: countyRow._id, field: 'submitted', stored: before + 5, recounted: before })])
    expect(found.repairedRows).toBe(1)
    expect(await submitted()).toBe(before)
    expect((await reconcileCounters(backend.deps, 'xiuwu', { repair: false })).drift).toEqual([])
  })

  it('is offered to county staff of that county only, as the stats.reconcileCounters action', async () => {
    await a.walkTo('accepted')
    expect(await s.ok(who.countyStaff, 'reconcileCounters', {})).toMatchObject({ countyCode: 'xiuwu', drift: [], repairedRows: 0 })
    for (const other of [who.townshipStaff, who.otherCountyStaff, who.deputy, who.resident, who.department]) {
      expect(await s.refused(other, 'reconcileCounters', { countyCode: 'xiuwu', repair: true })).toMatchObject({ code: 'forbidden' })
    }
  })
})
