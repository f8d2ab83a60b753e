import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import QRCode from 'qrcode'
import { codeImageFrom, createWechatMiniCode } from '../../cloudfunctions/_core/adapters/wechat-mini-code'
import { wechatOpenApi } from '../../cloudfunctions/_core/adapters/wx-openapi'
import { startCloudbaseStandin } from '../support/cloudbase-standin'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import { createReceptionFunction } from '../../cloudfunctions/reception/function'
import { createTestBackend, fixedClock, type TestBackend } from '../support/backend'
import { reception, requestId, rwho, type Reception } from '../support/reception'
import type { ActionOutput } from '../../shared/api'
import type { SessionView } from '../../shared/api/reception'

type Poster = ActionOutput<'reception', 'poster'>

const clock = fixedClock('2026-09-14T02:00:00.000Z')
let backend: TestBackend
let r: Reception
let server: Server
let base: string
let lySessions: Array<{ id: string; date: string }>

/** RFC 5545 unfolding: a CRLF followed by one space continues the previous line. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '')

beforeAll(async () => {
  backend = await createTestBackend({ clock })
  r = reception(backend)
  server = createLocalServer({ deps: backend.deps })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  await r.ok(rwho.lyStaff, 'generateSessions', { stationCode: 'LYT01', months: 3 })
  lySessions = (await r.ok(rwho.lyStaff, 'listSessions', { stationCode: 'LYT01', limit: 10 })).items
  await r.ok(rwho.lyStaff, 'updateSession', { id: lySessions[0].id, theme: '优化营商环境', invitedOfficials: [{ name: '钱检察官', title: '县人民检察院检察官', kind: 'prosecutor' }] })
  await r.ok(rwho.lyStaff, 'cancelSession', { id: lySessions[2].id, reason: '与县人代会会期冲突' })
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await backend.close()
})

describe('ICS feeds', () => {
  it('serves a station feed at GET /ics/station/<code>.ics with the holiday-moved date', async () => {
    const res = await fetch(`${base}/ics/station/LYT01.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const raw = await res.text()
    expect(raw.endsWith('\r\n')).toBe(true)
    const ics = unfold(raw)
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('X-WR-CALNAME:城关街道人大代表联络站接待日')
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3)
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261008T090000')
    expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20261008T120000')
    expect(ics).toContain(`UID:${lySessions[0].id}@wudantong`)
    expect(ics).toContain('SUMMARY:优化营商环境｜代表接待日（城关街道人大代表联络站）')
    expect(ics).toContain('原定10月2日为国庆节假期，顺延至10月8日')
    expect(ics).toContain('钱检察官（县人民检察院检察官，检察官）')
    expect(ics).toContain(`URL:${base}/#/packages/reception/pages/session/index?id=${lySessions[0].id}`)
    expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1)
    expect(ics.match(/STATUS:CONFIRMED/g)).toHaveLength(2)
  })

  it('serves a deputy feed with only that deputy’s public duty; meetings only through the action for the deputy', async () => {
    const view = await r.ok(rwho.lyStaff, 'getSession', { id: lySessions[0].id })
    const code = view.deputies[0].code
    await r.ok(rwho.lyStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'meeting',
      place: '县人大常委会会议室',
      date: '2026-10-20',
      startTime: '15:00',
      endTime: '17:00',
      theme: '约见县政府负责人',
      deputyCodes: [code],
    })
    const ics = unfold(await (await fetch(`${base}/ics/deputy/${code}.ics`)).text())
    expect(ics).toContain(`X-WR-CALNAME:${view.deputies[0].name}代表接待安排`)
    expect(ics).toContain(`UID:${lySessions[0].id}@wudantong`)
    expect(ics).not.toContain('约见县政府负责人')
    const own = await r.ok(rwho.deputy(code), 'icsFeed', { scope: 'deputy', code })
    expect(own).toMatchObject({ filename: `deputy-${code}.ics`, contentType: 'text/calendar; charset=utf-8' })
    expect(unfold(own.text)).toContain('SUMMARY:约见县政府负责人｜约见国家机关负责人（县人大常委会会议室）')
    const stranger = await r.ok(rwho.resident, 'icsFeed', { scope: 'deputy', code })
    expect(unfold(stranger.text)).not.toContain('约见县政府负责人')
  })

  it('answers an unknown station or deputy with 404', async () => {
    expect((await fetch(`${base}/ics/station/NOPE1.ics`)).status).toBe(404)
    expect((await fetch(`${base}/ics/deputy/NOPE-R9.ics`)).status).toBe(404)
    expect((await r.refused(rwho.resident, 'icsFeed', { scope: 'station', code: 'NOPE1' })).code).toBe('station_not_found')
  })
})

/** The QR matrix drawn by a poster SVG's code path (one subpath per run of dark modules). */
function matrixOfSvg(svg: string): { size: number; modules: string } {
  const d = /<path class="code"[^>]* d="([^"]+)"/.exec(svg)![1]
  const runs = [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)/g)].map((m) => m.slice(1, 5).map(Number))
  const px = runs[0][3]
  const x0 = Math.min(...runs.map((r) => r[0]))
  const y0 = Math.min(...runs.map((r) => r[1]))
  const size = Math.max(...runs.map((r) => (r[0] - x0 + r[2]) / px), ...runs.map((r) => (r[1] - y0) / px + 1))
  const grid = Array.from({ length: size * size }, () => '0')
  for (const [x, y, w] of runs) for (let k = 0; k < w / px; k++) grid[((y - y0) / px) * size + (x - x0) / px + k] = '1'
  return { size, modules: grid.join('') }
}
const matrixOf = (target: string) => {
  const qr = QRCode.create(target, { errorCorrectionLevel: 'M' })
  return { size: qr.modules.size, modules: Array.from(qr.modules.data, (b) => (b ? '1' : '0')).join('') }
}

describe('posters', () => {
  it('serves a printable SVG poster with the station name, date, deputies, theme and a QR code of the station page', async () => {
    const res = await fetch(`${base}/poster/${lySessions[0].id}.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    const svg = await res.text()
    const view = await r.ok(rwho.resident, 'getSession', { id: lySessions[0].id })
    expect(svg).toContain('城关街道人大代表联络站')
    expect(svg).toContain('代表接待日公告')
    expect(svg).toContain('>10月8日<')
    expect(svg).toContain('2026年　星期四　09:00–12:00')
    expect(svg).toContain('优化营商环境')
    expect(svg).toContain(view.deputies[0].name)
    expect(svg).toContain('钱检察官（县人民检察院检察官）')
    expect(svg).toContain('原定10月2日为国庆节假期，顺延至10月8日')
    expect(svg).toContain('扫码反映问题')
    expect(svg).toContain('@page { size: A4 portrait')
    expect(svg).toContain('viewBox="0 0 1240 1754"')
    // the QR code is exactly the code of the station page's H5 link on this host
    expect(matrixOfSvg(svg)).toEqual(matrixOf(`${base}/#/pages/station/index?code=LYT01`))
  })

  it('marks a cancelled session on its poster and refuses PNG and internal sessions', async () => {
    const svg = await (await fetch(`${base}/poster/${lySessions[2].id}.svg`)).text()
    expect(svg).toContain('本次活动已取消')
    expect(svg).toContain('与县人代会会期冲突')
    const png = await fetch(`${base}/poster/${lySessions[0].id}.png`)
    expect(png.status).toBe(404)
    const refusal = (await png.json()).message
    expect(refusal).toContain('生成海报')
    expect(refusal).toContain('.svg')
    const meetings = (await r.ok(rwho.lyStaff, 'listSessions', { kind: 'meeting', limit: 5 })).items
    const meeting = meetings[0]?.id ?? (await r.ok(rwho.lyStaff, 'createSession', { clientRequestId: requestId(), kind: 'meeting', place: '会议室', date: '2026-10-21', startTime: '15:00', endTime: '16:00', deputyCodes: ['LYT01-R1'] })).id
    expect((await fetch(`${base}/poster/${meeting}.svg`)).status).toBe(404)
    expect((await fetch(`${base}/poster/nosuchsession.svg`)).status).toBe(404)
    expect((await r.refused(rwho.resident, 'poster', { id: meeting })).code).toBe('not_found')
  })

  it('gives the poster’s content through the poster action: texts and the QR matrix, for the phone to draw', async () => {
    const out = (await r.ok(rwho.resident, 'poster', { id: lySessions[1].id })) as Poster
    const view = (await r.ok(rwho.resident, 'getSession', { id: lySessions[1].id })) as SessionView
    expect(out).toMatchObject({ filename: '城关街道人大代表联络站-2026-11-06-接待日海报.png', contentType: 'image/png', width: 1240, height: 1754 })
    expect(out.content).toMatchObject({
      countyName: '临颍县',
      stationName: '城关街道人大代表联络站',
      kindLabel: '代表接待日',
      date: '2026-11-06',
      weekdayLabel: '星期五',
      startTime: view.startTime,
      endTime: view.endTime,
      confirmed: true,
      address: view.address,
      status: 'planned',
      callToAction: '扫码反映问题',
    })
    expect(out.content.deputies.map((d) => d.name)).toEqual(view.deputies.map((d) => d.name))
    expect(out.content.deputies[0].position).toContain(view.deputies[0].socialPosition)
    const code = out.content.code!
    if (code.kind !== 'qr') throw new Error('expected a QR matrix locally')
    expect(code.target).toMatch(/\/#\/pages\/station\/index\?code=LYT01$/)
    expect(code.modules).toHaveLength(code.size * code.size)
    expect({ size: code.size, modules: code.modules }).toEqual(matrixOf(code.target))
    // no SVG or picture travels to the phone
    expect(JSON.stringify(out)).not.toContain('<svg')
  })

  it('uses the WeChat mini-program code (wxacode.getUnlimited, scene = station code) in CloudBase', async () => {
    const png = await QRCode.toBuffer('stand-in for a mini-program code')
    const saved = { ...process.env }
    Object.assign(process.env, { TENCENTCLOUD_SECRETID: 'dummy-id', TENCENTCLOUD_SECRETKEY: 'dummy-key' })
    // the real wx-server-sdk against the stand-in of CloudBase's 云调用 wire
    const standin = await startCloudbaseStandin({ wxOpenApi: () => ({ image: png, contentType: 'image/png' }) })
    try {
      const production = createReceptionFunction(() => createWechatMiniCode(() => wechatOpenApi({ env: 'test-env', serviceUrl: standin.url })))
      const res = await production({ action: 'poster', payload: { id: lySessions[0].id } }, rwho.resident, backend.deps)
      if (!res.ok) throw new Error(res.message)
      const calls = standin.requests.filter((r) => r.action === 'wx.openApi')
      expect(calls).toMatchObject([{ apiName: 'wxacode.getUnlimited', args: { scene: 'LYT01', page: 'pages/station/index', check_path: false, env_version: 'release', width: 430 } }])
      expect((res.data as { content: { code: unknown } }).content.code).toEqual({
        kind: 'image',
        target: 'pages/station/index?scene=LYT01',
        mime: 'image/png',
        base64: png.toString('base64'),
      })
    } finally {
      await standin.close()
      process.env = saved
    }
  })
})

describe('the mini-program code adapter', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex')
  it('keeps the image as WeChat sent it, PNG or JPEG, told by its bytes', () => {
    expect(codeImageFrom({ buffer: png })).toEqual({ mime: 'image/png', bytes: png })
    expect(codeImageFrom({ buffer: jpeg })).toEqual({ mime: 'image/jpeg', bytes: jpeg })
    expect(() => codeImageFrom({ buffer: Buffer.from('{"errcode":45009}') })).toThrow('not a PNG or JPEG')
    expect(() => codeImageFrom({})).toThrow('no image')
  })

  it('refuses a scene over 32 characters before asking WeChat', async () => {
    const asked: unknown[] = []
    const code = createWechatMiniCode(() => ({ wxacode: { getUnlimited: async (a: unknown) => (asked.push(a), { buffer: png }) } }))
    await expect(code.stationCode('X'.repeat(33))).rejects.toThrow('32')
    expect(asked).toHaveLength(0)
  })
})
