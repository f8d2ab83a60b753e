import { backendPerTest, createTestBackend, fixedClock } from '../support/backend'

const backend = backendPerTest()

const dir = (openid: string, action: string, payload: Record<string, unknown> = {}) => backend.call('directory', { action, payload }, openid)

describe('binding a role with a one-time invitation code', () => {
  it('makes a fresh WeChat identity the deputy the admin invited, once', async () => {
    const issued = await dir('demo-admin-xiuwu', 'issueInvitation', { target: { role: 'deputy', deputyCode: 'XWT02-R1' } })
    if (!issued.ok) throw new Error(issued.message)
    expect(issued.data.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    const redeemed = await dir('o-new-phone', 'redeemInvitation', { code: issued.data.code.toLowerCase() })
    expect(redeemed).toMatchObject({ ok: true, data: { roles: ['resident', 'deputy'] } })
    expect(await dir('o-someone-else', 'redeemInvitation', { code: issued.data.code })).toMatchObject({ ok: false, code: 'invitation_invalid' })
    const deputy = await backend.store.collection<{ _id: string; openid: string }>('deputies').get('XWT02-R1')
    expect(deputy?.openid).toBe('o-new-phone')
  })

  it('lets only an admin issue codes, and only for their own county', async () => {
    expect(await dir('demo-resident-1', 'issueInvitation', { target: { role: 'admin' } })).toMatchObject({ code: 'forbidden' })
    expect(await dir('demo-admin-xiuwu', 'issueInvitation', { target: { role: 'department', departmentCode: 'LY-D01' } })).toMatchObject({
      code: 'validation_failed',
      field: 'target.departmentCode',
    })
  })

  it('refuses a mistyped or unknown code', async () => {
    expect(await dir('o-x', 'redeemInvitation', { code: '12' })).toMatchObject({ code: 'validation_failed', field: 'code' })
    expect(await dir('o-x', 'redeemInvitation', { code: 'ABCDEFGH' })).toMatchObject({ code: 'invitation_invalid' })
  })

  it('refuses a code after its validity period', async () => {
    const clock = fixedClock('2026-11-26T02:00:00.000Z')
    const timed = await createTestBackend({ clock })
    const issued = await timed.call('directory', { action: 'issueInvitation', payload: { target: { role: 'department', departmentCode: 'XW-D09' }, validDays: 3 } }, 'demo-admin-xiuwu')
    if (!issued.ok) throw new Error(issued.message)
    clock.advanceDays(4)
    expect(await timed.call('directory', { action: 'redeemInvitation', payload: { code: issued.data.code } }, 'o-late')).toMatchObject({ code: 'invitation_invalid' })
    await timed.close()
  })
})
