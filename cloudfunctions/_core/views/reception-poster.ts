/**
 * The printable poster (海报) of a session: an A4 SVG with the station's name, date, time, place,
 * theme, deputies on duty, invited officials, the announcement and the station's code. SVG because
 * PNG composition with Chinese text needs a font rasteriser that is not installed; browsers print
 * it at A4 (print stylesheet inside), and the mini-program can show it as an image.
 */
import { formatChineseDate } from '@shared/domain/reception/dates'
import type { CodeImage } from '../usecases/reception/ports'

export interface PosterData {
  title: string
  countyName: string
  stationName: string
  date: string
  weekdayLabel: string
  startTime: string
  endTime: string
  place: string
  theme: string | null
  deputies: Array<{ name: string; position: string }>
  officials: string[]
  announcement: string | null
  notes: string[]
  status: 'planned' | 'held' | 'cancelled'
  cancelReason: string | null
  code: CodeImage | null
}

const W = 1240
const H = 1754
const MARGIN = 110
const FONT = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** Width in em: CJK and full-width characters count 1, the rest about half. */
function emWidth(ch: string): number {
  return /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1
}

/** Breaks text into lines of at most `maxEm`; at most `maxLines`, the last ending in … when cut. */
export function wrapText(text: string, maxEm: number, maxLines = 20): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    let width = 0
    for (const ch of paragraph) {
      const w = emWidth(ch)
      if (width + w > maxEm && line) {
        lines.push(line)
        line = ''
        width = 0
      }
      line += ch
      width += w
    }
    lines.push(line)
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, -1).join('')}…`
  return kept
}

function textLines(lines: string[], x: number, y: number, size: number, attrs = ''): { svg: string; bottom: number } {
  const lh = Math.round(size * 1.45)
  const svg = lines.map((l, i) => `<text x="${x}" y="${y + i * lh}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('')
  return { svg, bottom: y + (lines.length - 1) * lh }
}

function codeImage(code: CodeImage, x: number, y: number, size: number): string {
  if (code.kind === 'png') {
    const href = `data:image/png;base64,${code.base64}`
    return `<image class="code" x="${x}" y="${y}" width="${size}" height="${size}" href="${href}" xlink:href="${href}"/>`
  }
  // the QR code's own <svg>, placed and scaled as a nested viewport
  const inner = code.svg.trim().replace(/^<\?xml[^>]*>\s*/, '')
  return inner.replace(/^<svg\b/, `<svg class="code" x="${x}" y="${y}" width="${size}" height="${size}"`)
}

export function posterSvg(p: PosterData): string {
  const parts: string[] = []
  const bodyEm = (W - 2 * MARGIN - 200) / 40
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
  parts.push(`<rect width="${W}" height="250" fill="#b81c22"/>`)
  parts.push(`<text x="${W / 2}" y="120" font-size="44" fill="#ffe9a8" text-anchor="middle">${escapeXml(p.countyName)}人大代表联络站</text>`)
  parts.push(`<text x="${W / 2}" y="205" font-size="84" font-weight="bold" fill="#ffffff" text-anchor="middle" letter-spacing="8">${escapeXml(p.title)}公告</text>`)

  let y = 340
  const name = textLines(wrapText(p.stationName, 18, 2), W / 2, y, 60, 'font-weight="bold" text-anchor="middle" fill="#1a1a1a"')
  parts.push(name.svg)
  y = name.bottom + 40
  if (p.status === 'cancelled') {
    parts.push(`<text x="${W / 2}" y="${y + 40}" font-size="52" font-weight="bold" fill="#b81c22" text-anchor="middle">本次活动已取消</text>`)
    y += 80
    if (p.cancelReason) {
      const r = textLines(wrapText(`原因：${p.cancelReason}`, 26, 2), W / 2, y + 10, 36, 'text-anchor="middle" fill="#b81c22"')
      parts.push(r.svg)
      y = r.bottom + 20
    }
  }
  parts.push(`<line x1="${MARGIN}" y1="${y}" x2="${W - MARGIN}" y2="${y}" stroke="#b81c22" stroke-width="3"/>`)
  y += 80

  const row = (label: string, value: string, maxLines = 3) => {
    parts.push(`<text x="${MARGIN}" y="${y}" font-size="40" font-weight="bold" fill="#b81c22">${escapeXml(label)}</text>`)
    const v = textLines(wrapText(value, bodyEm, maxLines), MARGIN + 200, y, 40, 'fill="#1a1a1a"')
    parts.push(v.svg)
    y = v.bottom + 72
  }
  row('日　　期', `${formatChineseDate(p.date, true)}（${p.weekdayLabel}）`)
  row('时　　间', `${p.startTime}–${p.endTime}`)
  row('地　　点', p.place, 2)
  if (p.theme) row('主　　题', p.theme, 2)
  if (p.deputies.length) {
    row('接待代表', p.deputies.map((d) => (d.position ? `${d.name}（${d.position}）` : d.name)).join('\n'), 5)
  }
  if (p.officials.length) row('受邀参加', p.officials.join('\n'), 3)
  if (p.announcement) {
    const a = textLines(wrapText(p.announcement, (W - 2 * MARGIN) / 34, 4), MARGIN, y, 34, 'fill="#333333"')
    parts.push(a.svg)
    y = a.bottom + 60
  }
  for (const note of p.notes) {
    const n = textLines(wrapText(`※ ${note}`, (W - 2 * MARGIN) / 30, 2), MARGIN, y, 30, 'fill="#8a5a00"')
    parts.push(n.svg)
    y = n.bottom + 46
  }

  if (p.code) {
    // a long list of deputies leaves less room: the code shrinks (not below a scannable 240)
    const size = Math.max(240, Math.min(400, H - 250 - y))
    const top = Math.max(y + 20, H - size - 230)
    parts.push(`<rect x="${(W - size) / 2 - 16}" y="${top - 16}" width="${size + 32}" height="${size + 32}" fill="#ffffff" stroke="#dddddd" stroke-width="2"/>`)
    parts.push(codeImage(p.code, (W - size) / 2, top, size))
    parts.push(`<text x="${W / 2}" y="${top + size + 80}" font-size="36" fill="#1a1a1a" text-anchor="middle">微信扫一扫　进入联络站　反映意见建议</text>`)
  }
  parts.push(`<text x="${W / 2}" y="${H - 50}" font-size="28" fill="#888888" text-anchor="middle">${escapeXml(p.countyName)}人大常委会　五单通</text>`)

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="210mm" height="297mm" viewBox="0 0 ${W} ${H}" font-family="${FONT}">`,
    `<title>${escapeXml(`${p.stationName} ${p.title} ${p.date}`)}</title>`,
    `<style>@page { size: A4 portrait; margin: 0 } @media print { svg { width: 210mm; height: 297mm } } text { white-space: pre }</style>`,
    ...parts,
    `</svg>`,
    '',
  ].join('\n')
}
