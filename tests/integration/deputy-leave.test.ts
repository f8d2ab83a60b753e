/**
 * 代表离任（换届, issue 14）through the real functions on SQLite: the admin sees the leaving
 * deputy's open items and names a successor for each; 首问负责 moves with a history event and a
 * notice to the resident; the deputy drops off the station page and the coming rosters, loses
 * the role on the next request, and their 履职档案 stays readable.
 */
import { backendPerTest, fixedClock, functionCaller } from '../support/backend'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const dir = functionCaller(backend, 'directory')
const sug = functionCaller(backend, 'suggestion')
const rec = functionCaller(backend, 'reception')
const stats = functionCaller(backend, 'stats')

const ADMIN = 'demo-admin-xiuwu'
const LEAVING = 'XWT01-R1'
const SUCCESSOR = 'XWT01-R2'
const deputy = (code: string) => `demo-deputy-${code}`
const RESIDENT = 'leave-resident-1'
let seq = 0

async function submitted(content = '村口路灯坏了三个月，晚上出行不便') {
  seq++
  clock.set(new Date(clock.now().getTime() + 60_000).toISOString())
  const item = await sug.ok(RESIDENT, 'submit', {
    clientRequestId: `leave-item-${seq}`,
    stationCode: 'XWT01',
    content: `${content}（${seq}）`,
    contactName: '赵女士',
    contactPhone: '13800001234',
    contactConsent: true,
  })
  return item.id as string
}

async function acceptedBy(code: string) {
  const id = await submitted()
  clock.set(new Date(clock.now().getTime() + 60_000).toISOString())
  await sug.ok(deputy(code), 'accept', { id, categoryCode: 'transport' })
  return id
}

describe('a deputy leaves office', () => {
  it('lists the open items the deputy owns, with the same station’s deputies first as successors, and nothing of the items’ content', async () => {
    const a = await acceptedBy(LEAVING)
    const b = await acceptedBy(LEAVING)
    await sug.ok(deputy(LEAVING), 'escalate', { id: b, target: 'county', note: '涉及县交通运输局，需县人大交办' })
    await acceptedBy(SUCCESSOR) // not theirs
    const plan = await dir.ok(ADMIN, 'deputyLeavePlan', { code: LEAVING })
    expect(plan.deputy).toMatchObject({ code: LEAVING, active: true })
    expect(plan.items.map((i: { id: string }) => i.id)).toEqual([a, b])
    expect(plan.items[1]).toMatchObject({ stateLabel: expect.any(String), stationName: '城关镇人大代表联络站' })
    expect(JSON.stringify(plan.items)).not.toContain('路灯')
    expect(plan.candidates[0]).toMatchObject({ sameStation: true })
    expect(plan.candidates.map((c: { code: string }) => c.code)).not.toContain(LEAVING)
    expect(plan.candidates.map((c: { code: string }) => c.code)).toContain(SUCCESSOR)
    // another county's admin does not find the deputy
    expect(await dir.refused('demo-admin-linying', 'deputyLeavePlan', { code: LEAVING })).toMatchObject({ code: 'not_found' })
  })

  it('refuses to let the deputy go while an open item has no successor, and writes nothing', async () => {
    const a = await acceptedBy(LEAVING)
    await acceptedBy(LEAVING)
    const refused = await dir.refused(ADMIN, 'deputyLeave', { code: LEAVING, reason: '工作调动', handovers: [{ itemId: a, toDeputyCode: SUCCESSOR }] })
    expect(refused).toMatchObject({ code: 'validation_failed', field: 'handovers' })
    expect(refused.message).toContain('还有1件事项没有选择接替的代表')
    const item = await sug.ok(deputy(LEAVING), 'get', { id: a })
    expect(item.history.map((h: { event: string }) => h.event)).not.toContain('handover')
    expect((await dir.ok(ADMIN, 'adminDirectory')).deputies.find((d: { code: string }) => d.code === LEAVING)).toMatchObject({ active: true })
    // a successor must be another active deputy of this county
    for (const bad of [LEAVING, 'LYT01-R1', 'NOSUCH-R9']) {
      const r = await dir.refused(ADMIN, 'deputyLeave', { code: LEAVING, reason: '工作调动', handovers: [{ itemId: a, toDeputyCode: bad }] })
      expect(r).toMatchObject({ code: 'validation_failed', field: 'handovers' })
    }
  })

  it('hands each item over with a history event and a notice to the resident; the deputy loses the role, the station page and the roster, and keeps the record', async () => {
    await rec.ok('demo-staff-XW-STAFF1', 'generateSessions', { stationCode: 'XWT01', months: 1 })
    const duties = (await rec.ok(deputy(LEAVING), 'myDuty')).upcoming as Array<{ id: string }>
    expect(duties.length).toBeGreaterThan(0)
    const a = await acceptedBy(LEAVING)
    const b = await acceptedBy(LEAVING)
    await sug.ok(deputy(LEAVING), 'escalate', { id: b, target: 'county', note: '涉及县交通运输局，需县人大交办' })
    const recordBefore = await stats.ok('demo-staff-XW-STAFF1', 'deputyRecord', { deputyCode: LEAVING, year: 2026 })
    const plannedShort = (await dir.ok(ADMIN, 'deputyLeavePlan', { code: LEAVING })).understaffed

    clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString())
    const done = await dir.ok(ADMIN, 'deputyLeave', {
      code: LEAVING,
      reason: '工作调动',
      handovers: [
        { itemId: a, toDeputyCode: SUCCESSOR },
        { itemId: b, toDeputyCode: SUCCESSOR },
      ],
    })
    expect(done).toMatchObject({ deputy: { code: LEAVING, active: false, bound: false }, handedOver: 2, rosterRemoved: duties.length })
    // the sessions left short of their minimum are counted, as the plan said before
    let short = 0
    for (const s of duties) {
      const session = await rec.ok('demo-staff-XW-STAFF1', 'getSession', { id: s.id })
      if (session.deputies.length < session.minDeputies) short++
    }
    expect(short).toBeGreaterThan(0)
    expect(done.understaffed).toBe(short)
    expect(plannedShort).toBe(short)

    // 首问负责 moved: the successor acts, the history says why, the resident was told
    const item = await sug.ok(deputy(SUCCESSOR), 'get', { id: a })
    const last = item.history[item.history.length - 1]
    expect(last).toMatchObject({ event: 'handover', note: expect.stringContaining('工作调动') })
    await sug.ok(deputy(SUCCESSOR), 'answer', { id: a, answer: '已联系供电所，本周内修复路灯' })
    const outbox = (await backend.store.collection<any>('outbox').find({ where: { toOpenid: RESIDENT }, orderBy: { field: 'createdAt', direction: 'asc' }, limit: 50 })).items
    expect(outbox.some((m: { body: string }) => /现由.+代表负责跟进/.test(m.body))).toBe(true)

    // the leaving deputy: no role from the next request on, nothing to accept
    const me = await dir.ok(deputy(LEAVING), 'whoami')
    expect(me.roles.map((r: { role: string }) => r.role)).not.toContain('deputy')
    const fresh = await submitted()
    expect((await sug.refused(deputy(LEAVING), 'accept', { id: fresh })).code).toMatch(/forbidden|not_found/)

    // off the station page and the coming rosters
    const page = await dir.ok(RESIDENT, 'getStation', { stationCode: 'XWT01' })
    expect(page.deputies.map((d: { code: string }) => d.code)).not.toContain(LEAVING)
    for (const s of duties) {
      const session = await rec.ok('demo-staff-XW-STAFF1', 'getSession', { id: s.id })
      expect(session.deputies.map((d: { code: string }) => d.code)).not.toContain(LEAVING)
    }

    // the record stays as it was, except the receptions they will no longer attend; the directory
    // history says who left and who took over
    const recordAfter = await stats.ok('demo-staff-XW-STAFF1', 'deputyRecord', { deputyCode: LEAVING, year: 2026 })
    expect(recordBefore.receptions.scheduled).toBe(duties.length)
    expect(recordAfter).toEqual({ ...recordBefore, receptions: { ...recordBefore.receptions, scheduled: 0 } })
    const history = (await dir.ok(ADMIN, 'directoryHistory', { kind: 'deputy', code: LEAVING })).items
    expect(history[0]).toMatchObject({ action: 'deactivate', summary: expect.stringContaining('首问负责移交：2件') })

    // leaving twice is refused, nothing changes
    expect((await dir.refused(ADMIN, 'deputyLeave', { code: LEAVING, reason: '工作调动' })).code).toBe('invalid_transition')
  })

  it('a deputy who left stays off every station list when edited, and is back on the chosen stations when reactivated', async () => {
    await dir.ok(ADMIN, 'deputyLeave', { code: LEAVING, reason: '届满' })
    const entry = (await dir.ok(ADMIN, 'adminDirectory')).deputies.find((d: { code: string }) => d.code === LEAVING)
    const form = { code: LEAVING, name: entry.name, level: entry.level, stationCodes: ['XWT01', 'XWT02'], socialPosition: entry.socialPosition, phone: entry.phone }
    // an edit of the record (a new station) does not put them back on a page
    expect(await dir.ok(ADMIN, 'saveDeputy', form)).toMatchObject({ active: false, stationCodes: ['XWT01', 'XWT02'] })
    for (const code of ['XWT01', 'XWT02']) {
      const page = await dir.ok(RESIDENT, 'getStation', { stationCode: code })
      expect(page.deputies.map((d: { code: string }) => d.code)).not.toContain(LEAVING)
    }
    // re-elected: back in office, on the chosen stations, with the change in the history
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString())
    expect(await dir.ok(ADMIN, 'saveDeputy', { ...form, stationCodes: ['XWT02'], reactivate: true })).toMatchObject({ active: true, stationCodes: ['XWT02'] })
    expect((await dir.ok(RESIDENT, 'getStation', { stationCode: 'XWT02' })).deputies.map((d: { code: string }) => d.code)).toContain(LEAVING)
    expect((await dir.ok(RESIDENT, 'getStation', { stationCode: 'XWT01' })).deputies.map((d: { code: string }) => d.code)).not.toContain(LEAVING)
    const history = (await dir.ok(ADMIN, 'directoryHistory', { kind: 'deputy', code: LEAVING })).items
    expect(history[0]).toMatchObject({ action: 'reactivate' })
    // their old WeChat binding is not back: a new invitation is needed
    expect((await dir.ok(deputy(LEAVING), 'whoami')).roles).not.toContain('deputy')
  })
})
