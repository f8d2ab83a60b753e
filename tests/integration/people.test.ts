/**
 * 县级设置 → 工作人员 (issue 14): supervisors and staff are directory entries, and their
 * invitations name one. Through the real directory function on SQLite: the role a code binds comes
 * from the entry; it follows the entry (new stations, from the next request) and ends when the
 * entry is deactivated; a code for an entry deactivated meanwhile no longer works.
 */
import { backendPerTest, functionCaller } from '../support/backend'

const backend = backendPerTest()
const dir = functionCaller(backend, 'directory')
const ADMIN = 'demo-admin-xiuwu'
const OTHER_ADMIN = 'demo-admin-linying'

const roles = async (openid: string) => (await dir.ok(openid, 'whoami')).roles as string[]
const binding = async (openid: string, role: string) =>
  ((await backend.store.collection<any>('users').get(openid))?.bindings ?? []).find((b: { role: string }) => b.role === role)

async function invited(target: Record<string, unknown>, openid: string) {
  const { code, label } = await dir.ok(ADMIN, 'issueInvitation', { target })
  await dir.ok(openid, 'redeemInvitation', { code })
  return label as string
}

describe('the county’s supervisors and staff', () => {
  it('are listed with the role they hold, and nobody else’s county shows them', async () => {
    const d = await dir.ok(ADMIN, 'adminDirectory')
    expect(d.people.find((p: { code: string }) => p.code === 'XWT01-M1')).toMatchObject({ name: '宋桂英', role: 'supervisor', roleLabel: '联络站管理员', stationCodes: ['XWT01'], holders: 1 })
    expect(d.people.find((p: { code: string }) => p.code === 'XW-STAFF-城关镇')).toMatchObject({ role: 'staff', scope: 'township', township: '城关镇', holders: 1 })
    const other = await dir.ok(OTHER_ADMIN, 'adminDirectory')
    expect(other.people.map((p: { code: string }) => p.code)).not.toContain('XWT01-M1')
    expect(await dir.refused(OTHER_ADMIN, 'savePerson', { code: 'XWT01-M1', name: '宋桂英', role: 'supervisor', stationCodes: ['LYT01'] })).toMatchObject({ code: 'not_found' })
  })

  it('a new supervisor gets a code of their station; the invitation names them and binds their stations', async () => {
    const p = await dir.ok(ADMIN, 'savePerson', { name: '马红梅', role: 'supervisor', title: '联络员', phone: '13800002222', stationCodes: ['XWT02'] })
    expect(p).toMatchObject({ code: 'XWT02-M2', holders: 0 })
    const label = await invited({ role: 'supervisor', supervisorCode: p.code }, 'o-new-supervisor')
    expect(label).toContain('马红梅')
    expect(await roles('o-new-supervisor')).toContain('supervisor')
    expect(await binding('o-new-supervisor', 'supervisor')).toMatchObject({ supervisorCode: 'XWT02-M2', stationCodes: ['XWT02'] })
    const station = await backend.store.collection<any>('stations').get('XWT02')
    expect(station.supervisorCodes).toContain('XWT02-M2')
    const history = await dir.ok(ADMIN, 'directoryHistory', { kind: 'person', code: 'XWT02-M2' })
    expect(history.items[0]).toMatchObject({ action: 'create', kindLabel: '工作人员', name: '马红梅' })
  })

  it('the role follows the entry’s stations from the next request, and revoking it still takes it away', async () => {
    const p = await dir.ok(ADMIN, 'savePerson', { name: '马红梅', role: 'supervisor', stationCodes: ['XWT02'] })
    await invited({ role: 'supervisor', supervisorCode: p.code }, 'o-sup')
    await dir.ok(ADMIN, 'savePerson', { code: p.code, name: '马红梅', role: 'supervisor', stationCodes: ['XWT02', 'XWT03'] })
    expect(await binding('o-sup', 'supervisor')).toMatchObject({ stationCodes: ['XWT02', 'XWT03'] })
    const grant = (await dir.ok(ADMIN, 'listRoles', { role: 'supervisor' })).items.find((r: { label: string }) => r.label.includes('马红梅'))
    await dir.ok(ADMIN, 'revokeRole', { grantId: grant.grantId })
    expect(await roles('o-sup')).not.toContain('supervisor')
  })

  it('deactivating a staff entry ends the role of whoever holds it, and a code issued before no longer works', async () => {
    const before = await dir.ok(ADMIN, 'issueInvitation', { target: { role: 'staff', staffCode: 'XW-STAFF-城关镇' } })
    expect(await roles('demo-staff-XW-STAFF-城关镇')).toContain('staff')
    const saved = await dir.ok(ADMIN, 'savePerson', { code: 'XW-STAFF-城关镇', name: '魏凤英', role: 'staff', title: '城关镇人大主席团', scope: 'township', township: '城关镇', active: false })
    expect(saved).toMatchObject({ active: false, holders: 0 })
    expect(await roles('demo-staff-XW-STAFF-城关镇')).not.toContain('staff')
    expect((await dir.ok(ADMIN, 'listRoles', { role: 'staff' })).items.map((r: { label: string }) => r.label).join()).not.toContain('魏凤英')
    expect(await dir.refused('o-late', 'redeemInvitation', { code: before.code })).toMatchObject({ code: 'invitation_invalid' })
    expect(await dir.refused(ADMIN, 'issueInvitation', { target: { role: 'staff', staffCode: 'XW-STAFF-城关镇' } })).toMatchObject({
      code: 'validation_failed',
      message: '魏凤英已停用，请先在县级设置中启用',
    })
    const history = await dir.ok(ADMIN, 'directoryHistory', { kind: 'person', code: 'XW-STAFF-城关镇' })
    expect(history.items[0]).toMatchObject({ action: 'deactivate' })
  })

  it('a township staff member’s role is that township’s', async () => {
    const p = await dir.ok(ADMIN, 'savePerson', { name: '牛建军', role: 'staff', title: '七贤镇人大主席团专职副主席', scope: 'township', township: '七贤镇' })
    expect(p.code).toMatch(/^XW-STAFF\d+$/)
    expect(await invited({ role: 'staff', staffCode: p.code }, 'o-qx-staff')).toBe('人大工作人员 牛建军（七贤镇）')
    expect(await binding('o-qx-staff', 'staff')).toMatchObject({ scope: 'township', township: '七贤镇', staffCode: p.code })
  })

  it('refuses invitations for people who are not in the directory', async () => {
    expect(await dir.refused(ADMIN, 'issueInvitation', { target: { role: 'supervisor', supervisorCode: 'XWT01-M9' } })).toMatchObject({ message: '联络站管理员不存在', field: 'target.supervisorCode' })
    expect(await dir.refused(ADMIN, 'issueInvitation', { target: { role: 'staff', staffCode: 'LY-STAFF1' } })).toMatchObject({ message: '工作人员不存在' })
    // a staff code is not a supervisor
    expect(await dir.refused(ADMIN, 'issueInvitation', { target: { role: 'supervisor', supervisorCode: 'XW-STAFF1' } })).toMatchObject({ message: '联络站管理员不存在' })
  })

  it('says in Chinese what is missing or wrong, and saves nothing', async () => {
    expect(await dir.refused(ADMIN, 'savePerson', { name: '马红梅', role: 'supervisor', stationCodes: [] })).toMatchObject({ message: '请选择管理的站点', field: 'stationCodes' })
    expect(await dir.refused(ADMIN, 'savePerson', { name: '马红梅', role: 'staff' })).toMatchObject({ message: '请选择工作范围', field: 'scope' })
    expect(await dir.refused(ADMIN, 'savePerson', { name: '马红梅', role: 'staff', scope: 'township', township: '不存在镇' })).toMatchObject({ message: '不存在镇不是本县的乡镇（街道）' })
    expect(await dir.refused(ADMIN, 'savePerson', { name: '马红梅', role: 'supervisor', stationCodes: ['LYT01'] })).toMatchObject({ message: '站点不存在：LYT01' })
    expect(await dir.refused(ADMIN, 'savePerson', { name: '马红梅', role: 'supervisor', stationCodes: ['XWT01'], phone: '1234' })).toMatchObject({ field: 'phone' })
    expect(await dir.refused(ADMIN, 'savePerson', { code: 'XWT01-M1', name: '宋桂英', role: 'staff', scope: 'county' })).toMatchObject({ message: '不能更改人员类别，请新增一位' })
    const d = await dir.ok(ADMIN, 'adminDirectory')
    expect(d.people.map((p: { name: string }) => p.name)).not.toContain('马红梅')
  })
})
