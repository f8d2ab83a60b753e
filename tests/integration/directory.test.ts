import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
beforeAll(async () => {
  backend = await createTestBackend()
})
afterAll(() => backend.close())

const resident = 'demo-resident-1'

describe('directory.getStation', () => {
  it('shows a scanned station with its county, reception rule and deputies', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'XWT01' } }, resident)
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.name).toBe('城关镇人大代表联络站')
    expect(res.data.kindLabel).toBe('乡镇人大代表联络站')
    expect(res.data.countyName).toBe('修武县')
    expect(res.data.receptionNote).toBe('每周二，2名代表进站接待')
    expect(res.data.deputies.map((d: { name: string }) => d.name)).toContain('王建国')
  })

  it('accepts a lower-case code as a mini-program scene might carry it', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'xwt01' } }, resident)
    expect(res.ok && res.data.code).toBe('XWT01')
  })

  it('publishes a deputy phone number only when the deputy agreed', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'XWS04' } }, resident)
    if (!res.ok) throw new Error(res.message)
    const tang = res.data.deputies.find((d: { code: string }) => d.code === 'XWS04-R2')
    expect(tang.phone).toBeNull()
  })

  it('answers station_not_found for an unknown code', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'NOPE99' } }, resident)
    expect(res).toEqual({ ok: false, code: 'station_not_found', message: '站点不存在' })
  })
})

describe('directory.listStations', () => {
  it('lists the 23 places of 修武 ("10站9点4室")', async () => {
    const res = await backend.call('directory', { action: 'listStations', payload: { countyCode: 'xiuwu' } }, resident)
    if (!res.ok) throw new Error(res.message)
    const kinds = res.data.items.reduce((acc: Record<string, number>, s: { kind: string }) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {})
    expect(kinds).toEqual({ township_station: 8, industry_station: 2, liaison_point: 9, deputy_studio: 4 })
  })
})

describe('directory.whoami', () => {
  it('treats a fresh identity as a resident', async () => {
    const res = await backend.call('directory', { action: 'whoami' }, 'o-fresh-identity')
    expect(res).toEqual({ ok: true, data: { displayName: null, roles: ['resident'], localMode: true } })
  })

  it('reports a deputy as both resident and deputy', async () => {
    const res = await backend.call('directory', { action: 'whoami' }, 'demo-deputy-XWT01-R1')
    expect(res.ok && res.data.roles).toEqual(['resident', 'deputy'])
  })
})
