/**
 * The seed's own figures, reproduced through the use cases (every step is a `suggestion` call as
 * a real user would make it): 修武 “选民点单 290 余条，即时答复 88 条，提交人大 207 条，人大派单
 * 207 条，部门销单 197 条，其余正在有序办理”.
 *
 * 88 + 207 = 295 is more than 290: five items were answered on the spot, the residents were not
 * satisfied, and the deputies then submitted them to the congress. An on-the-spot answer stays
 * counted (docs/statistics.md), so the report shows 290 / 88 / 207 / 207 / 197 exactly.
 *
 * 临颍 “代表进站（点）开展活动 172 次，代表参与 3638 人次，接待选民 2268 人次，收集意见建议 230 件”:
 * sessions are created and marked held (with the deputies present) through the reception use
 * cases, and the station supervisors log 230 visits (2268 visitors) in the visit register.
 */
import demoCounty from '../../shared/data/demo-county.json'
import type { DeputyDoc } from '../../cloudfunctions/_core/model'
import { createTestBackend, fixedClock, type TestBackend } from '../support/backend'

const clock = fixedClock('2024-01-02T01:00:00.000Z')
let backend: TestBackend
beforeAll(async () => {
  backend = await createTestBackend({ clock })
})
afterAll(() => backend.close())

const xiuwu = demoCounty.counties.find((c) => c.code === 'xiuwu')!
const stations = xiuwu.stations.filter((s) => xiuwu.deputies.some((d) => d.stations.includes(s.code)))
const CATEGORIES = ['economy', 'justice', 'culture_tourism', 'rural', 'environment']

async function call(fn: string, openid: string, action: string, payload: Record<string, unknown>) {
  const res = await backend.call(fn, { action, payload }, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.code} ${res.message}`)
  return res.data
}
const ok = (openid: string, action: string, payload: Record<string, unknown>) => call('suggestion', openid, action, payload)

it('reports 修武’s 290 点单, 88 即时答复, 207 提交人大, 207 派单, 197 销单 exactly', async () => {
  const staff = 'demo-staff-XW-STAFF1'
  for (let i = 0; i < 290; i++) {
    // one item a day from 2 January 2024, each station and deputy in turn
    clock.set(new Date(Date.parse('2024-01-02T01:00:00.000Z') + i * 86_400_000).toISOString())
    const station = stations[i % stations.length]
    const deputies = xiuwu.deputies.filter((d) => d.stations.includes(station.code))
    const deputy = `demo-deputy-${deputies[i % deputies.length].code}`
    const department = xiuwu.departments[i % xiuwu.departments.length].code
    const resident = `seed-resident-${i % 40}`
    const { id } = await ok(resident, 'submit', {
      clientRequestId: `seed-xiuwu-${i}`,
      stationCode: station.code,
      content: `第${i}件：${station.township}群众反映的问题，请代表帮助协调解决`,
      anonymous: true,
      channel: i % 3 === 0 ? 'reception_day' : 'qr_code',
    })
    await ok(deputy, 'accept', { id, categoryCode: CATEGORIES[i % CATEGORIES.length], grade: 'normal' })
    if (i < 88) {
      await ok(deputy, 'answer', { id, answer: '已咨询有关部门，当场答复' })
      if (i < 5) {
        // not satisfied with the answer: re-handled, then submitted to the congress
        await ok(resident, 'rate', { id, rating: 'unsatisfied', reopen: true, comment: '问题没有解决' })
      } else {
        await ok(resident, 'rate', { id, rating: i % 4 === 0 ? 'basically_satisfied' : 'satisfied' })
        continue
      }
    }
    await ok(deputy, 'escalate', { id, target: i % 2 ? 'county' : 'township', note: '需要职能部门办理' })
    await ok(staff, 'dispatch', { id, departmentCode: department, requirements: '按期办理并答复', workdays: 10 })
    await ok(`demo-department-${department}`, 'acknowledge', { id })
    if (i >= 280) continue // 10 still in handling
    clock.set(new Date(Date.parse(clock.now().toISOString()) + 5 * 86_400_000).toISOString())
    await ok(`demo-department-${department}`, 'resolve', { id, reply: '已办结', outcome: i % 5 === 0 ? 'planned' : 'solved', promisedDate: i % 5 === 0 ? '2099-12-31' : undefined })
  }

  clock.set('2025-01-10T02:00:00.000Z')
  const report = await call('stats', staff, 'overview', { from: '2024-01', to: '2024-12' })
  const { funnel, other } = report.figures
  expect(funnel.submitted).toBe(290)
  expect(funnel.accepted).toBe(290)
  expect(funnel.answered).toBe(88)
  expect(funnel.escalated).toBe(207)
  expect(funnel.dispatched).toBe(207)
  expect(funnel.resolved).toBe(197)
  expect(other.reopened).toBe(5)
  // the rest (207 − 197) are still with their departments
  const board = await ok(staff, 'dispatchBoard', { filters: { state: 'in_progress' }, limit: 50 })
  expect(board.items).toHaveLength(10)

  // the monthly breakdown adds up to the same figures
  const months = await call('stats', staff, 'breakdown', { from: '2024-01', to: '2024-12', dimension: 'month' })
  const total = (k: string) => months.rows.reduce((s: number, r: any) => s + r.figures.funnel[k], 0)
  expect([total('submitted'), total('answered'), total('escalated'), total('dispatched'), total('resolved')]).toEqual([290, 88, 207, 207, 197])
})

it('reports 临颍’s 172 sessions, 3638 deputy participations, 2268 voters received and 230 opinions exactly', async () => {
  const linying = demoCounty.counties.find((c) => c.code === 'linying')!
  const staff = 'demo-staff-LY-STAFF1'
  // 临颍 has far more deputies than the demo directory: 22 more at each station (directory setup)
  const deputies = backend.store.collection<DeputyDoc>('deputies')
  const extra = new Map<string, string[]>()
  for (const station of linying.stations) {
    const codes = linying.deputies.filter((d) => d.stations.includes(station.code)).map((d) => d.code)
    for (let k = 1; k <= 22; k++) {
      const code = `${station.code}-X${k}`
      await deputies.put({
        _id: code, code, name: `代表${station.code}${k}`, level: 'township', socialPosition: '村民', countyCode: 'linying',
        stationCodes: [station.code], focusGroupCodes: [], phone: '13800000000', publishContact: false, photoUrl: null, openid: null,
      })
      codes.push(code)
    }
    extra.set(station.code, codes)
  }

  // 172 sessions: 43 at each of the 4 stations, one a week; 146 with 21 deputies present, 26 with 22.
  // At the first 58 sessions two matters are registered, at the others one: 230 visits; 198 of
  // them groups of 10 visitors, 32 of 9 (2268 voters).
  let participations = 0
  let visits = 0
  let voters = 0
  for (let i = 0; i < 172; i++) {
    const station = linying.stations[i % 4]
    const date = new Date(Date.parse('2024-01-05T00:00:00.000Z') + (Math.floor(i / 4) * 7 + (i % 4)) * 86_400_000).toISOString().slice(0, 10)
    clock.set(new Date(Date.parse(`${date}T09:00:00+08:00`) - 86_400_000).toISOString())
    const codes = extra.get(station.code)!
    const session = await call('reception', staff, 'createSession', {
      clientRequestId: `seed-linying-${i}`,
      kind: i % 10 === 0 ? 'thematic' : 'reception',
      theme: i % 10 === 0 ? '乡村振兴专场' : undefined,
      stationCode: station.code,
      date,
      startTime: '09:00',
      endTime: '11:30',
      deputyCodes: codes.slice(0, 2),
    })
    clock.set(`${date}T04:00:00.000Z`)
    const present = codes.slice(0, i < 26 ? 22 : 21)
    participations += present.length
    await call('reception', staff, 'markHeld', { id: session.id, attendedDeputyCodes: present })
    for (let k = 0; k < (i < 58 ? 2 : 1); k++) {
      const visitorCount = visits < 198 ? 10 : 9
      await call('visit', `demo-supervisor-${station.code}-M1`, 'create', {
        clientId: `seed-visit-${i}-${k}`,
        stationCode: station.code,
        sessionId: session.id,
        visitedAt: `${date}T${k ? '10:30' : '09:30'}:00+08:00`,
        deputyCodes: present.slice(0, 2),
        visitorCount,
        visitor: { name: '来访群众', phone: '13900000000' },
        matter: `第${visits + 1}件：村里道路需要硬化`,
        categoryCode: 'rural',
        handling: 'answered_on_spot',
        answer: '代表当场作了答复',
      })
      visits++
      voters += visitorCount
    }
  }
  expect([participations, visits, voters]).toEqual([3638, 230, 2268])

  clock.set('2025-01-10T02:00:00.000Z')
  const figures = await call('stats', staff, 'receptionFigures', { from: '2024-01', to: '2024-12' })
  expect(figures).toMatchObject({ sessionsHeld: 172, deputyParticipations: 3638, votersReceived: 2268, opinionsCollected: 230 })
  expect(figures.sessionsHeldByKind).toMatchObject({ reception: 154, thematic: 18 })
  const overview = await call('stats', staff, 'overview', { from: '2024-01', to: '2024-12' })
  expect(overview.reception).toEqual(figures)

  // one township's share: 43 sessions at 城关街道 (LYT01), 15 of them with two matters
  const township = await call('stats', 'demo-staff-LY-STAFF-城关街道', 'receptionFigures', { from: '2024-01', to: '2024-12' })
  expect(township).toMatchObject({ sessionsHeld: 43, deputyParticipations: 43 * 21 + 7, opinionsCollected: 58 })
})
