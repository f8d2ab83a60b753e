import fc from 'fast-check'
import QRCode from 'qrcode'
import { QR_QUIET_ZONE, qrPath, qrSvg, qrSvgDataUri } from '../../../shared/domain/qr-svg'

/** Paints the path's runs back onto a grid of (size + quiet zone) modules. */
function paint(path: string, n: number): string[] {
  const grid = Array.from({ length: n }, () => Array<string>(n).fill('0'))
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = m.slice(1).map(Number)
    expect(back).toBe(w)
    for (let i = 0; i < w; i++) grid[y][x + i] = '1'
  }
  return grid.map((r) => r.join(''))
}

describe('a station code drawn as SVG', () => {
  it('every dark module, and nothing else, is dark in the drawing, inside a white quiet zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((size) => fc.tuple(fc.constant(size), fc.array(fc.constantFrom('0', '1'), { minLength: size * size, maxLength: size * size }))),
        ([size, cells]) => {
          const modules = cells.join('')
          const n = size + 2 * QR_QUIET_ZONE
          const painted = paint(qrPath({ size, modules }), n)
          for (let r = 0; r < n; r++)
            for (let c = 0; c < n; c++) {
              const inside = r >= QR_QUIET_ZONE && r < QR_QUIET_ZONE + size && c >= QR_QUIET_ZONE && c < QR_QUIET_ZONE + size
              const want = inside ? modules[(r - QR_QUIET_ZONE) * size + (c - QR_QUIET_ZONE)] : '0'
              expect(painted[r][c]).toBe(want)
            }
        },
      ),
    )
  })

  it('a real QR of a station link keeps its matrix and its size in the SVG', () => {
    const qr = QRCode.create('https://example.org/h5/#/pages/station/index?code=XWT01', { errorCorrectionLevel: 'M' })
    const size = qr.modules.size
    const modules = Array.from(qr.modules.data, (b) => (b ? '1' : '0')).join('')
    const svg = qrSvg({ size, modules }, 300)
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`)
    expect(svg).toContain('width="300"')
    expect(qrSvgDataUri({ size, modules }).startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true)
  })
})
