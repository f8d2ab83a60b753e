/** The dispatch form and the board's filter list the county's 承办单位 from the directory. */
import { who } from '../support/actors'
import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
beforeAll(async () => {
  backend = await createTestBackend()
})
afterAll(() => backend.close())

const list = (openid: string, payload: Record<string, unknown> = {}) => backend.call('directory', { action: 'listDepartments', payload }, openid)

describe('listDepartments', () => {
  it("gives staff their own county's departments, court, procuratorate and township governments", async () => {
    const res = await list(who.countyStaff)
    expect(res.ok).toBe(true)
    const data = res.ok ? (res.data as { countyCode: string; items: Array<{ code: string; name: string; kindLabel: string }> }) : null
    expect(data!.countyCode).toBe('xiuwu')
    const names = data!.items.map((d) => d.name)
    expect(names).toContain('修武县交通运输局')
    expect(names).toContain('修武县人民法院')
    expect(data!.items.find((d) => d.name === '修武县交通运输局')!.kindLabel).toBe('县政府部门')
    expect(data!.items.some((d) => d.kindLabel === '乡镇人民政府')).toBe(true)
    expect(names.every((n) => !n.startsWith('临颍县'))).toBe(true)
  })

  // Issue 13: each county's people see their own county's departments only.
  it("refuses another county's departments, asked by its code", async () => {
    expect(await list(who.countyStaff, { countyCode: 'linying' })).toMatchObject({ ok: false, code: 'forbidden', message: '只能查看本县的承办单位' })
    const own = await list(who.otherCountyStaff, { countyCode: 'linying' })
    expect(own.ok && (own.data as { items: Array<{ name: string }> }).items.map((d) => d.name)).toContain('临颍县教育局')
  })

  it('refuses a resident, who belongs to no county, before looking at the payload', async () => {
    expect(await list(who.resident)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(await list(who.resident, { countyCode: 12 })).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('answers not_found for a county this installation does not have', async () => {
    expect(await list(who.countyStaff, { countyCode: 'nowhere' })).toMatchObject({ ok: false, code: 'not_found' })
  })
})
