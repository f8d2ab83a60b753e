/**
 * Draws the app's few line icons as PNG without any image library (so nothing is fetched from a
 * CDN at run time):
 *   npx tsx miniprogram/tools/tab-icons.ts
 * Output (committed; rerun after edits):
 *   miniprogram/src/assets/tabbar/{station,mine}{,-active}.png   81×81 tab-bar icons
 *   miniprogram/src/assets/empty/{station,mine,network}.png       160×160 empty-state pictures
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

type Seg = [number, number, number, number]
const SIZE = 81
const STROKE = 5.5
const GRAY = [0xc2, 0xc6, 0xcf] as const
const COLORS = { normal: [0x5c, 0x62, 0x70], active: [0xc8, 0x16, 0x1d] } as const

function polyline(points: [number, number][], closed = false): Seg[] {
  const segs: Seg[] = []
  for (let i = 0; i < points.length - 1; i++) segs.push([...points[i], ...points[i + 1]])
  if (closed) segs.push([...points[points.length - 1], ...points[0]])
  return segs
}

function arc(cx: number, cy: number, r: number, fromDeg: number, toDeg: number): Seg[] {
  const pts: [number, number][] = []
  for (let i = 0; i <= 24; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / 24) * Math.PI) / 180
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)])
  }
  return polyline(pts)
}

function distToSeg(px: number, py: number, [x1, y1, x2, y2]: Seg): number {
  const dx = x2 - x1
  const dy = y2 - y1
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)))
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))
}

const ICONS: Record<string, Seg[]> = {
  // a civic building: roof, body, door
  station: [
    ...polyline([[10, 36], [40.5, 13], [71, 36]]),
    ...polyline([[19, 33], [19, 68], [62, 68], [62, 33]]),
    ...polyline([[34, 68], [34, 50], [47, 50], [47, 68]]),
  ],
  // a sheet with written lines
  mine: [
    ...polyline([[18, 11], [63, 11], [63, 70], [18, 70]], true),
    ...polyline([[29, 28], [52, 28]]),
    ...polyline([[29, 41], [52, 41]]),
    ...polyline([[29, 54], [43, 54]]),
  ],
  // a signal fan with a slash (for "cannot connect")
  network: [
    ...arc(40.5, 62, 30, -140, -40),
    ...arc(40.5, 62, 18, -140, -40),
    ...arc(40.5, 62, 3, 0, 360),
    ...polyline([[16, 16], [66, 66]]),
  ],
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(segs: Seg[], [r, g, b]: readonly number[], size = SIZE): Buffer {
  const SIZE_OUT = size
  const scale = size / SIZE
  segs = segs.map(([a, b2, c, d]) => [a * scale, b2 * scale, c * scale, d * scale])
  const stroke = STROKE * (scale > 1 ? scale * 0.6 : 1)
  return encode(SIZE_OUT, (px, py) => segs.some((s) => distToSeg(px, py, s) <= stroke / 2), [r, g, b])
}

function encode(SIZE: number, inside: (x: number, y: number) => boolean, [r, g, b]: readonly number[]): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  const SS = 4
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      let hit = 0
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS
          const py = y + (sy + 0.5) / SS
          if (inside(px, py)) hit++
        }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((255 * hit) / (SS * SS))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const assets = join(__dirname, '..', 'src', 'assets')
mkdirSync(join(assets, 'tabbar'), { recursive: true })
mkdirSync(join(assets, 'empty'), { recursive: true })
for (const name of ['station', 'mine'] as const) {
  writeFileSync(join(assets, 'tabbar', `${name}.png`), png(ICONS[name], COLORS.normal))
  writeFileSync(join(assets, 'tabbar', `${name}-active.png`), png(ICONS[name], COLORS.active))
}
for (const name of ['station', 'mine', 'network'] as const) {
  writeFileSync(join(assets, 'empty', `${name}.png`), png(ICONS[name], GRAY, 160))
}
console.log(`icons written to ${assets}`)
