/**
 * 县级设置 held to the resident pages' accessibility bar (a11y-checks.ts), at normal text size and
 * with 长辈模式 (1.4× text): the home with its set-up entries, 从Excel导入, 站点码, 签发邀请码,
 * 角色与邀请码 and 离任与移交. County admins are often older officials on their own phones.
 * Screenshots at 1.4×: tests/artifacts/a11y-elder-admin-<page>.png.
 */
import type { Page } from 'playwright-core'
import { startE2E, visible, type E2E } from './harness'
import { axe, fullScreenshot, overflows, smallTargets, TAPPABLE } from './a11y-checks'

const ADMIN = 'demo-admin-xiuwu'
/** The admin pages' own tap targets besides the shared ones. */
const ADMIN_TAPPABLE = `${TAPPABLE},.ad-entry,.ad-row__action,.ad-pick,.ad-step,.codes-card__save,.ad-row[id^="admin-row-"]`

interface Spec {
  name: string
  route: string
  ready: string
  then?: (page: Page) => Promise<void>
}

let e2e: E2E
const pages: Record<string, Page> = {}
const SPECS: Spec[] = [
  { name: 'home', route: 'packages/admin/pages/home/index', ready: '#admin-row-XWT01' },
  { name: 'import', route: 'packages/admin/pages/import/index', ready: '#import-template' },
  { name: 'codes', route: 'packages/admin/pages/codes/index', ready: '#code-XWT01 img' },
  {
    name: 'invite',
    route: 'packages/admin/pages/invite/index',
    ready: '#issue-form',
    then: async (page) => {
      await page.locator(visible('#chip-invite-role-supervisor')).click()
      await page.waitForSelector(visible('#invite-person-XWT01-M1'))
    },
  },
  { name: 'roles', route: 'packages/admin/pages/roles/index', ready: '#role-list' },
  { name: 'leave', route: 'packages/admin/pages/leave/index?code=XWT01-R1', ready: '#leave-confirm' },
  { name: 'edit-person', route: 'packages/admin/pages/edit/index?kind=person&code=XWT01-M1', ready: '#admin-form-person' },
]

beforeAll(async () => {
  e2e = await startE2E()
  const item = await e2e.backend.call(
    'suggestion',
    { action: 'submit', payload: { clientRequestId: 'a11y-admin-leave-0001', stationCode: 'XWT01', content: '城关镇南街路灯坏了三个月，晚上出行不便', anonymous: true } },
    'a11y-admin-resident',
  )
  if (!item.ok) throw new Error(item.message)
  const accepted = await e2e.backend.call('suggestion', { action: 'accept', payload: { id: item.data.id, categoryCode: 'transport' } }, 'demo-deputy-XWT01-R1')
  if (!accepted.ok) throw new Error(accepted.message)
  for (const scale of ['1', '1.4']) {
    const page = await e2e.open(ADMIN)
    if (scale === '1.4') {
      await page.context().addInitScript(() => {
        window.localStorage.setItem('wudantong.elderMode', JSON.stringify({ data: '1' }))
      })
    }
    pages[scale] = page
  }
}, 240_000)
afterAll(() => e2e?.close())

describe.each([
  ['normal text', '1'],
  ['长辈模式 1.4× text', '1.4'],
])('县级设置 at %s', (_label, scale) => {
  it.each(SPECS.map((s) => [s.name, s] as const))('%s: readable, tappable, nothing overflows', async (name, spec) => {
    const page = pages[scale]
    await page.goto(`${e2e.base}/#/${spec.route}`)
    await page.waitForSelector(visible(spec.ready), { timeout: 20_000 })
    await spec.then?.(page)
    await page.waitForTimeout(700)
    expect(await axe(page, ['color-contrast', 'target-size'])).toEqual([])
    const serious = (await axe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical')
    expect(serious.map((f) => `${f.rule}: ${f.targets.join(' | ')}`)).toEqual([])
    expect(await smallTargets(page, ADMIN_TAPPABLE)).toEqual([])
    expect(await overflows(page)).toEqual([])
    if (scale === '1.4') await fullScreenshot(page, `a11y-elder-admin-${name}`)
  }, 90_000)
})
