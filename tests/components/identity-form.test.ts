/**
 * 我的身份: the messages people see when binding a role with an invitation code, and when an admin
 * issues one — first from the shared schema itself, then on the real page (H5 build in Chromium,
 * real directory function behind the local server).
 */
import type { Page } from 'playwright-core'
import { directoryActions } from '../../shared/api/directory'
import { startE2E, visible, type E2E } from '../e2e/harness'

const redeemInput = directoryActions.redeemInvitation.input
const firstMessage = (input: unknown) => {
  const r = redeemInput.safeParse(input)
  return r.success ? null : r.error.issues[0]?.message
}

describe('the invitation code schema (shared/api/directory.ts)', () => {
  it('asks for a code, then for 8 letters or digits', () => {
    expect(firstMessage({})).toBe('请输入邀请码')
    expect(firstMessage({ code: 'ABC' })).toBe('邀请码为8位字母或数字')
    expect(firstMessage({ code: 'ABCD-234' })).toBe('邀请码为8位字母或数字')
    expect(redeemInput.parse({ code: ' abcd2345 ' })).toEqual({ code: 'ABCD2345' })
  })
})

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
}, 240_000)
afterAll(() => e2e?.close())

async function openIdentity(openid: string): Promise<Page> {
  const page = await e2e.open(openid)
  await page.goto(`${e2e.base}/#/pages/identity/index`)
  await page.waitForSelector(visible('#identity-name'))
  return page
}

const text = (page: Page, selector: string) => page.locator(visible(selector)).innerText()

describe('binding a role on the 我的身份 page', () => {
  let page: Page
  beforeAll(async () => {
    page = await openIdentity('o-component-fresh-phone')
  }, 60_000)

  it('starts as a resident', async () => {
    expect(await page.locator(visible('.identity-role')).allInnerTexts()).toEqual(['群众'])
  })

  it('says what is missing before anything is sent', async () => {
    await page.locator(visible('#redeem-button')).click()
    expect(await text(page, '#error-code')).toBe('请输入邀请码')
    await page.locator(visible('#identity-code-input input')).fill('ab-c')
    expect(await page.locator(visible('#identity-code-input input')).inputValue()).toBe('ABC')
    await page.locator(visible('#redeem-button')).click()
    expect(await text(page, '#error-code')).toBe('邀请码为8位字母或数字')
  })

  it('says so when the code is unknown, used or expired', async () => {
    await page.locator(visible('#identity-code-input input')).fill('ABCD2345')
    await page.locator(visible('#redeem-button')).click()
    await page.waitForSelector(visible('#error-code'))
    expect(await text(page, '#error-code')).toBe('邀请码无效、已使用或已过期')
  })

  it('binds the role of a valid code and shows it', async () => {
    const issued = await e2e.backend.call('directory', { action: 'issueInvitation', payload: { target: { role: 'deputy', deputyCode: 'XWT02-R1' } } }, 'demo-admin-xiuwu')
    if (!issued.ok) throw new Error(issued.message)
    // typed the way it is read out: lower case, with a space
    await page.locator(visible('#identity-code-input input')).fill(`${issued.data.code.slice(0, 4).toLowerCase()} ${issued.data.code.slice(4)}`)
    await page.locator(visible('#redeem-button')).click()
    await page.waitForSelector(visible('#identity-bound'))
    expect(await text(page, '#identity-bound')).toContain('您现在是人大代表')
    expect(await page.locator(visible('.identity-role')).allInnerTexts()).toEqual(['群众', '人大代表'])
    expect(await text(page, '#identity-name')).toBe('董海燕')
    await e2e.screenshot(page, 'identity-bound')
    // the same code a second time: spent
    await page.locator(visible('#identity-code-input input')).fill(issued.data.code)
    await page.locator(visible('#redeem-button')).click()
    await page.waitForSelector(visible('#error-code'))
    expect(await text(page, '#error-code')).toBe('邀请码无效、已使用或已过期')
  })
})

describe('issuing a code as the county admin', () => {
  let page: Page
  beforeAll(async () => {
    // the way in: 我的身份 → 签发邀请码 (县级设置's page)
    page = await openIdentity('demo-admin-xiuwu')
    await page.locator(visible('#identity-admin-invite')).click()
    await page.waitForSelector(visible('#issue-form'))
  }, 60_000)

  it('is not offered to anyone else', async () => {
    const resident = await openIdentity('demo-resident-2')
    expect(await resident.locator(visible('#identity-admin-invite')).count()).toBe(0)
    await resident.goto(`${e2e.base}/#/packages/admin/pages/invite/index`)
    await resident.waitForSelector(visible('#invite-error'))
    expect(await text(resident, '#invite-error')).toContain('只有本县的管理员可以签发邀请码')
  })

  it('asks for the role, then for the person, chosen from the directory', async () => {
    await page.locator(visible('#issue-button')).click()
    expect(await text(page, '#field-role-error')).toBe('请选择要绑定的角色')
    await page.locator(visible('#chip-invite-role-supervisor')).click()
    await page.locator(visible('#issue-button')).click()
    expect(await text(page, '#field-person-error')).toBe('请选择联络站管理员')
    // the county's supervisors, by name, with their stations
    expect(await text(page, '#invite-person-XWT01-M1')).toContain('宋桂英')
    expect(await text(page, '#invite-person-XWT01-M1')).toContain('城关镇人大代表联络站')
  })

  it('narrows a long list by name', async () => {
    await page.locator(visible('#chip-invite-role-deputy')).click()
    await page.locator(visible('#invite-filter input')).fill('王建国')
    expect(await page.locator(visible('#invite-people .ad-pick')).count()).toBe(1)
  })

  it('shows a code to read out, which then binds the deputy', async () => {
    await page.locator(visible('#invite-filter input')).fill('')
    await page.locator(visible('#invite-person-XWT03-R1')).click()
    await page.locator(visible('#issue-button')).click()
    await page.waitForSelector(visible('#issued-code'))
    const shown = await text(page, '#issued-code')
    expect(shown).toMatch(/^[A-HJ-NP-Z2-9]{4} [A-HJ-NP-Z2-9]{4}$/)
    expect(await text(page, '#issue-result')).toContain('有效期至')
    await e2e.screenshot(page, 'identity-admin-issued')
    const redeemed = await e2e.backend.call('directory', { action: 'redeemInvitation', payload: { code: shown.replace(' ', '') } }, 'o-component-new-deputy')
    expect(redeemed).toMatchObject({ ok: true, data: { roles: ['resident', 'deputy'] } })
  })
})
