/**
 * Draws the two tab-bar icons (81×81 PNG, line style) without any image library:
 *   npx tsx miniprogram/tools/tab-icons.ts
 * Output: miniprogram/src/assets/tabbar/{station,mine}{,-active}.png (committed; rerun after edits).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

type Seg = [number, number, number, number]
const SIZE = 81
const STROKE = 5.5
const COLORS = { normal: [0x5c, 0x62, 0x70], active: [0xc8, 0x16, 0x1d] } as const

function polyline(points: [number, number][], closed = false): Seg[] {
  const segs: Seg[] = []
  for (let i = 0; i < points.length - 1; i++) segs.push([...points[i], ...points[i + 1]])
  if (closed) segs.push([...points[points.length - 1], ...points[0]])
  return segs
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

function png(segs: Seg[], [r, g, b]: readonly number[]): Buffer {
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
          if (segs.some((s) => distToSeg(px, py, s) <= STROKE / 2)) hit++
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

const out = join(__dirname, '..', 'src', 'assets', 'tabbar')
for (const [name, segs] of Object.entries(ICONS)) {
  writeFileSync(join(out, `${name}.png`), png(segs, COLORS.normal))
  writeFileSync(join(out, `${name}-active.png`), png(segs, COLORS.active))
}
console.log(`tab icons written to ${out}`)
