/**
 * The seed's own figures, reproduced through the use cases (every step is a `suggestion` call as
 * a real user would make it): 修武 “选民点单 290 余条，即时答复 88 条，提交人大 207 条，人大派单
 * 207 条，部门销单 197 条，其余正在有序办理”.
 *
 * 88 + 207 = 295 is more than 290: five items were answered on the spot, the residents were not
 * satisfied, and the deputies then submitted them to the congress. An on-the-spot answer stays
 * counted (docs/statistics.md), so the report shows 290 / 88 / 207 / 207 / 197 exactly.
 */
import demoCounty from '../../shared/data/demo-county.json'
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

async function ok(openid: string, action: string, payload: Record<string, unknown>) {
  const res = await backend.call('suggestion', { action, payload }, openid)
  if (!res.ok) throw new Error(`${action} as ${openid}: ${res.code} ${res.message}`)
  return res.data
}

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
  const res = await backend.call('stats', { action: 'overview', payload: { from: '2024-01', to: '2024-12' } }, staff)
  expect(res.ok).toBe(true)
  const { funnel, other } = res.data.figures
  expect(funnel.submitted).toBe(290)
  expect(funnel.accepted).toBe(290)
  expect(funnel.answered).toBe(88)
  expect(funnel.escalated).toBe(207)
  expect(funnel.dispatched).toBe(207)
  expect(funnel.resolved).toBe(197)
  expect(other.reopened).toBe(5)
  // the rest (207 − 197) are still with their departments
  const board = await backend.call('suggestion', { action: 'dispatchBoard', payload: { filters: { state: 'in_progress' }, limit: 50 } }, staff)
  expect(board.data.items).toHaveLength(10)

  // the monthly breakdown adds up to the same figures
  const months = await backend.call('stats', { action: 'breakdown', payload: { from: '2024-01', to: '2024-12', dimension: 'month' } }, staff)
  const total = (k: string) => months.data.rows.reduce((s: number, r: any) => s + r.figures.funnel[k], 0)
  expect([total('submitted'), total('answered'), total('escalated'), total('dispatched'), total('resolved')]).toEqual([290, 88, 207, 207, 197])
})
