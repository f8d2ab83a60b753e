/**
 * 派单 in the weapp build (packages/staff, miniprogram-simulate, real functions): the department
 * picker of the item's county, the live deadline preview counted in working days with holidays
 * skipped (chinese-days inside the staff subpackage), and the dispatch call.
 */
import { addWorkdays, shanghaiDate } from '../../shared/domain/workdays'
import { actions, who } from '../support/actors'
import { openPageForFile } from './page-fixture'

let id: string
const { page, sim, backend } = openPageForFile({
  prepare: async (b) => void (id = await actions(b).walkTo('escalated')),
  as: who.countyStaff, route: 'packages/staff/dispatch/index', query: () => ({ id }), ready: ['#dispatch-page', 'the dispatch form'],
})

const ymd = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

test('offers the departments of the item’s county and a preview for the default time limit', () => {
  const leads = page.text('#chips-lead') ?? ''
  expect(leads).toContain('交通运输局')
  expect(leads).toContain('人民法院')
  expect(leads).not.toContain('临颍')
  expect(page.text('#deadline-preview')).toBe(`15个工作日 → ${ymd(addWorkdays(shanghaiDate(new Date()), 15))}（已跳过节假日）`)
})

test('says what is missing before sending anything', async () => {
  await page.tap('confirm-dispatch')
  expect(await page.waitFor(() => page.text('#error-departmentCode'), 'the department error')).toBe('请选择承办单位')
  expect(sim.cloudCalls.some((c) => c.data.action === 'dispatch')).toBe(false)
})

test('dispatches to the chosen department with the chosen working days', async () => {
  await page.tap('chip-lead-XW-D09')
  await page.waitFor(() => page.text('#picked-lead'), 'the chosen department')
  await page.tap('chip-days-10')
  const due = addWorkdays(shanghaiDate(new Date()), 10)
  await page.waitFor(() => page.text('#deadline-preview') === `10个工作日 → ${ymd(due)}（已跳过节假日）`, 'the 10-day preview')
  await page.tap('confirm-dispatch')
  await page.waitFor(() => sim.cloudCalls.find((c) => c.data.action === 'dispatch'), 'the dispatch call')
  const call = sim.cloudCalls.find((c) => c.data.action === 'dispatch')!
  expect(call.data.payload).toMatchObject({ id, departmentCode: 'XW-D09', coDepartmentCodes: [], workdays: 10 })
  await page.waitFor(() => sim.calls.find((c) => c.api === 'navigateBack'), 'back to the item', 5000)
  const stored = (await backend.call('suggestion', { action: 'get', payload: { id } }, who.countyStaff)) as { ok: true; data: { state: string; deadline: string; departmentName: string } }
  expect(stored.data).toMatchObject({ state: 'dispatched', deadline: due, departmentName: '修武县交通运输局' })
})
