/**
 * The department's queue (承办工作台, packages/department) in the weapp build, rendered by
 * miniprogram-simulate against the real functions: items dispatched to 交通运输局, nearest
 * deadline first, with the deadline and overdue badges, the per-state counts, and a tap that opens
 * the item in the same subpackage.
 */
import { actions, who } from '../support/actors'
import { fixedClock, type TestBackend } from '../support/backend'
import { openPageForFile } from './page-fixture'

// Dispatched on Monday 2 March 2026 with 5 working days: due Monday 9 March.
const clock = fixedClock('2026-03-02T02:00:00.000Z')

/** An item dispatched to 交通运输局 with `workdays` to finish it. */
async function dispatched(backend: TestBackend, content: string, workdays: number) {
  const { ok, submit } = actions(backend)
  const { id } = await submit(content)
  await ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })
  await ok(who.deputy, 'escalate', { id, target: 'county', note: '需交通运输局处理' })
  await ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays })
  return id
}

let late: string
let fresh: string
const { page, sim } = openPageForFile({
  clock,
  prepare: async (backend) => {
    late = await dispatched(backend, '东关村村道坑洼不平，雨天积水，电动车经常摔倒。', 5)
    clock.set('2026-03-16T02:00:00.000Z') // a week past that deadline
    fresh = await dispatched(backend, '第二小学门口缺少减速带，上下学时段车速很快。', 10)
  },
  as: who.department, route: 'packages/department/queue/index', ready: () => [`#queue-item-${fresh}`, 'the queue'],
})

test('asks for the department queue through wx.cloud, 待签收 first', () => {
  const queue = sim.cloudCalls.filter((c) => c.name === 'suggestion' && c.data.action === 'departmentQueue')
  expect(queue[0].data.payload).toMatchObject({ state: 'dispatched', limit: 20 })
})

test('lists both items, nearest deadline first, with their deadline badges', () => {
  const text = page.text('#queue-list') ?? ''
  expect(text.indexOf('东关村村道坑洼不平')).toBeGreaterThanOrEqual(0)
  expect(text.indexOf('东关村村道坑洼不平')).toBeLessThan(text.indexOf('第二小学门口缺少减速带'))
  expect(page.text(`#queue-item-${late}`)).toContain('已超期')
  // 16 March + 10 working days = 30 March
  expect(page.text(`#queue-item-${fresh}`)).toContain('3月30日前办结')
  expect(page.text(`#queue-item-${fresh}`)).not.toContain('已超期')
  expect(page.text(`#queue-item-${fresh}`)).toContain('已派单')
  expect(page.text(`#queue-item-${fresh}`)).toContain('重要')
})

test('counts what waits and warns about the overdue one', async () => {
  await page.waitFor(() => page.text('#department-overdue'), 'the overdue warning')
  expect(page.text('#department-overdue')).toContain('有 1 件已超过办理时限')
  expect(page.text('#filter-state-dispatched')).toBe('待签收2')
})

test('a tap opens the item in the department subpackage', async () => {
  await page.tap(`queue-item-${late}`)
  const nav = await page.waitFor(() => sim.calls.find((c) => c.api === 'navigateTo'), 'the navigation')
  expect(nav.arg.url).toBe(`/packages/department/item/index?id=${encodeURIComponent(late)}`)
})
