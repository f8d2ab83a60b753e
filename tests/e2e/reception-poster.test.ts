import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { layoutPoster, POSTER_COLORS, type PosterContent } from '../../shared/domain/reception/poster-layout'
import { fixedClock } from '../support/backend'
import { rwho } from '../support/reception'
import { ARTIFACTS, startE2E, visible, type E2E } from './harness'

/**
 * Issue 5's printable poster, end to end on the H5 build: a resident opens a reception day's
 * announcement, taps 生成海报, sees the poster in the page and taps 保存海报; the browser downloads
 * `<站名>-<日期>-接待日海报.png`, a 1240×1754 PNG drawn from the `poster` action's content with the
 * browser's CJK fonts, whose code modules are exactly the station page's QR matrix. The file is kept
 * as tests/artifacts/reception-poster.png for a person to look at.
 */
const clock = fixedClock('2026-09-14T02:00:00.000Z') // Monday 10:00 in Beijing
const SESSION = '/#/packages/reception/pages/session/index'

let e2e: E2E
let resident: Page
let session: { id: string; date: string; stationName: string; deputies: Array<{ name: string }> }

async function api(action: string, payload: Record<string, unknown>, openid: string) {
  const res = await e2e.backend.call('reception', { action, payload }, openid)
  if (!res.ok) throw new Error(`reception.${action}: ${res.code} ${res.message}`)
  return res.data as any
}

beforeAll(async () => {
  e2e = await startE2E({ clock })
  await api('generateSessions', { stationCode: 'XWT01', months: 1 }, rwho.xwStaff)
  const first = (await api('listSessions', { stationCode: 'XWT01', limit: 1 }, rwho.xwStaff)).items[0]
  await api(
    'updateSession',
    {
      id: first.id,
      theme: '聚焦老旧小区改造和背街小巷整治，听取群众意见建议',
      invitedOfficials: [{ name: '刘建华', title: '县住房和城乡建设局副局长', kind: 'department_head' }],
    },
    rwho.xwStaff,
  )
  session = await api('getSession', { id: first.id }, rwho.resident)
  resident = await e2e.open(rwho.resident)
}, 300_000)
afterAll(() => e2e?.close())

/** PNG signature, then the IHDR chunk: width and height, big-endian. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))

describe('reception-day poster (H5)', () => {
  it('生成海报 shows the poster, 保存海报 downloads it as a 1240×1754 PNG that is really drawn', async () => {
    await resident.goto(`${e2e.base}${SESSION}?id=${session.id}`)
    await resident.waitForSelector(visible('#session-title'))
    await resident.locator(visible('#link-poster')).click()
    await resident.waitForSelector(visible('#poster-image img'), { timeout: 20_000 })
    const preview = await resident.locator(visible('#poster-image img')).evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }))
      return { src: img.src, width: img.naturalWidth, height: img.naturalHeight }
    })
    expect(preview).toEqual({ src: expect.stringMatching(/^blob:/), width: 1240, height: 1754 })
    // shown whole, at the poster's proportions, not cropped to a default image box
    const shown = (await resident.locator(visible('#poster-image')).boundingBox())!
    expect(shown.height / shown.width).toBeCloseTo(1754 / 1240, 1)
    expect(await resident.locator(visible('#poster-preview')).innerText()).toContain('保存海报')
    await resident.locator(visible('#poster-preview')).scrollIntoViewIfNeeded()
    await e2e.screenshot(resident, 'reception-poster-preview')

    const [download] = await Promise.all([resident.waitForEvent('download'), resident.locator(visible('#poster-save')).click()])
    expect(download.suggestedFilename()).toBe(`城关镇人大代表联络站-${session.date}-接待日海报.png`)
    const file = join(ARTIFACTS, 'reception-poster.png')
    await download.saveAs(file)
    const bytes = readFileSync(file)
    expect(pngSize(bytes)).toEqual({ width: 1240, height: 1754 })
    expect(statSync(file).size).toBeGreaterThan(40 * 1024)

    // decode it in the page and look at the pixels
    const content = (await api('poster', { id: session.id }, rwho.resident)).content as PosterContent
    const layout = layoutPoster(content)
    const code = content.code
    if (!code || code.kind !== 'qr' || !layout.qr) throw new Error('expected a QR matrix on the local server')
    const samples: Array<[number, number]> = []
    for (let r = 0; r < code.size; r++) {
      for (let c = 0; c < code.size; c++) samples.push([layout.qr.x + (c + 0.5) * layout.qr.modulePx, layout.qr.y + (r + 0.5) * layout.qr.modulePx])
    }
    const pixels = await resident.evaluate(
      async ({ base64, samples }) => {
        const img = new Image()
        img.src = `data:image/png;base64,${base64}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
        const at = (x: number, y: number) => {
          const i = (Math.floor(y) * canvas.width + Math.floor(x)) * 4
          return [data[i], data[i + 1], data[i + 2]]
        }
        let nonWhite = 0
        let dark = 0
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) nonWhite++
          if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) dark++
        }
        // dark pixels in the body text area (between the header and the code), i.e. text was drawn
        let bodyInk = 0
        for (let y = 700; y < 1100; y++) {
          for (let x = 80; x < 1160; x++) {
            const i = (y * canvas.width + x) * 4
            if (data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100) bodyInk++
          }
        }
        return {
          total: data.length / 4,
          nonWhite,
          dark,
          bodyInk,
          header: at(30, 30),
          footer: at(30, canvas.height - 30),
          modules: samples.map(([x, y]) => (at(x, y)[0] < 128 ? '1' : '0')).join(''),
        }
      },
      { base64: bytes.toString('base64'), samples },
    )
    expect(pixels.total).toBe(1240 * 1754)
    expect(pixels.nonWhite / pixels.total).toBeGreaterThan(0.12)
    expect(pixels.dark).toBeGreaterThan(20_000)
    expect(pixels.bodyInk).toBeGreaterThan(3_000)
    expect(pixels.header).toEqual(rgb(POSTER_COLORS.red))
    expect(pixels.footer).toEqual(rgb(POSTER_COLORS.red))
    // the code on the picture is the station page's QR code, module for module
    expect(pixels.modules).toBe(code.modules)
    expect(code.target).toMatch(/\/#\/pages\/station\/index\?code=XWT01$/)
  })

  it('keeps the other links of the page: the station’s ICS feed and the printable SVG', async () => {
    expect(await resident.locator(visible('#link-calendar')).innerText()).toContain('订阅本站接待日历')
    expect(await resident.locator(visible('#poster-print')).innerText()).toContain('打印版')
    const svg = await (await fetch(`${e2e.base}/poster/${session.id}.svg`)).text()
    expect(svg).toContain('城关镇人大代表联络站')
    expect(svg).toContain(session.deputies[0].name)
  })
})
