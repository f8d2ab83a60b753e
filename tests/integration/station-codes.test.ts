/**
 * 站点二维码 (issue 14): a county's admin gets every active station's standing code, in code order;
 * locally each is a QR code whose modules are the station page's H5 link.
 */
import QRCode from 'qrcode'
import { createH5LinkCode, localH5Base, stationLink } from '../../cloudfunctions/_core/adapters/h5-link-code'
import { cachedMiniCode } from '../../cloudfunctions/_core/usecases/directory/admin/station-codes'
import { backendPerTest, fixedClock, functionCaller } from '../support/backend'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const dir = functionCaller(backend, 'directory')
const ADMIN = 'demo-admin-xiuwu'
const LY_ADMIN = 'demo-admin-linying'

describe('station codes for print', () => {
  it('gives the admin the active stations of their own county only, in code order, each with its H5 QR code', async () => {
    const view = await dir.ok(ADMIN, 'adminDirectory')
    const active = (view.stations as Array<{ code: string; active: boolean; name: string; address: string }>).filter((s) => s.active).map((s) => s.code).sort()
    expect(active.length).toBeGreaterThan(0)

    const codes = await dir.ok(ADMIN, 'stationCodes')
    expect(codes.countyName).toBe('修武县')
    expect(codes.stations.map((s: { code: string }) => s.code)).toEqual(active)
    const first = codes.stations[0]
    const station = view.stations.find((s: { code: string }) => s.code === first.code)
    expect(first).toMatchObject({ name: station.name, address: station.address, kindLabel: expect.any(String), township: expect.any(String) })
    for (const s of codes.stations) {
      const link = stationLink(localH5Base(), s.code)
      expect(s.image.kind).toBe('qr')
      expect(s.image.target).toBe(link)
      const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
      expect(s.image.size).toBe(qr.modules.size)
      expect(s.image.modules).toBe(Array.from(qr.modules.data, (d) => (d ? '1' : '0')).join(''))
    }

    const ly = await dir.ok(LY_ADMIN, 'stationCodes')
    expect(ly.stations.length).toBeGreaterThan(0)
    expect(ly.stations.some((s: { code: string }) => s.code.startsWith('XW'))).toBe(false)
  })

  it('leaves out a deactivated station', async () => {
    const created = await dir.ok(ADMIN, 'saveStation', { name: '西村乡东部人大代表联络站', kind: 'township_station', township: '西村乡', address: '修武县西村乡政府院内' })
    expect((await dir.ok(ADMIN, 'stationCodes')).stations.map((s: { code: string }) => s.code)).toContain(created.code)
    await dir.ok(ADMIN, 'saveStation', { name: '西村乡东部人大代表联络站', kind: 'township_station', township: '西村乡', address: '修武县西村乡政府院内', code: created.code, active: false })
    expect((await dir.ok(ADMIN, 'stationCodes')).stations.map((s: { code: string }) => s.code)).not.toContain(created.code)
  })

  it('refuses everyone but an admin', async () => {
    for (const someone of ['demo-staff-XW-STAFF1', 'demo-deputy-XWT01-R1', 'demo-supervisor-XWT01-M1', 'demo-resident-1']) {
      expect(await dir.refused(someone, 'stationCodes')).toMatchObject({ code: 'forbidden' })
    }
  })

  it('asks the code port once per station (the production cache), and again after a failure', async () => {
    let calls = 0
    let fail = true
    const inner = createH5LinkCode('http://x')
    const port = cachedMiniCode({
      async stationCode(code) {
        calls++
        if (fail) {
          fail = false
          throw new Error('rate limited')
        }
        return inner.stationCode(code)
      },
    })
    await expect(port.stationCode('XWT01')).rejects.toThrow('rate limited')
    await port.stationCode('XWT01')
    await port.stationCode('XWT01')
    expect(calls).toBe(2)
  })
})
