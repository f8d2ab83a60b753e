/**
 * The reception pages are reached by tapping from 我的 (issue 16: 接待日管理 and 我的接待 used to
 * open only by URL): a staff member finds 接待日管理, a deputy 我的接待, a resident neither.
 */
import { startE2E, visible, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
}, 300_000)
afterAll(() => e2e?.close())

it('county staff tap 我的 → 接待日管理 and get the calendar', async () => {
  const staff = await e2e.open('demo-staff-XW-STAFF1')
  await staff.goto(`${e2e.base}/#/pages/mine/index`)
  await staff.locator(visible('#entry-reception-calendar')).click()
  await staff.waitForSelector(visible('#calendar-tabs'))
}, 60_000)

it('a deputy taps 我的 → 我的接待 and gets their duty page', async () => {
  const deputy = await e2e.open('demo-deputy-XWT01-R1')
  await deputy.goto(`${e2e.base}/#/pages/mine/index`)
  await deputy.locator(visible('#entry-reception-duty')).click()
  await deputy.waitForSelector(visible('#duty-page'))
}, 60_000)

it('a resident’s 我的 offers neither', async () => {
  const resident = await e2e.open('demo-resident-1')
  await resident.goto(`${e2e.base}/#/pages/mine/index`)
  await resident.waitForSelector(visible('#mine-page'))
  expect(await resident.locator(visible('#entry-reception-calendar, #entry-reception-duty')).count()).toBe(0)
}, 60_000)
