/**
 * The reception-day poster (接待日海报) as a list of drawing operations on a fixed A4 portrait page
 * (1240×1754 px, 150 dpi). Pure: the caller supplies `measure` (canvas `measureText` on the phone
 * and in the browser, `fallbackMeasure` on the server, which has no CJK fonts), and both the PNG
 * (drawn on a canvas, miniprogram/src/packages/reception/lib/poster-canvas.ts) and the printable
 * SVG (cloudfunctions/_core/views/reception-poster.ts) render the same operations.
 *
 * Layout, top to bottom: red header band (station, “代表接待日公告”), the date in large type with
 * year, weekday and time, notes (moved / 待确认), then the sections — 接待地点, 接待主题, 接待代表,
 * 受邀参加, 公告 — then the call to action with the station's code and a red footer band with the
 * station's name (落款). Nothing may leave the page: long names shrink or wrap; when the sections do
 * not fit, the layout tries smaller type, two columns of deputies, shorter positions and finally
 * names only, and only then cuts text with “…”.
 */
import { formatChineseDate } from './dates'

export const POSTER_WIDTH = 1240
export const POSTER_HEIGHT = 1754
/** Text stays inside this box (80 px = 13.5 mm at the sides, 32 px = 5.4 mm at top and bottom, inside any printer's margin); the coloured bands may run to the paper's edge. */
export const POSTER_SAFE = { left: 80, right: POSTER_WIDTH - 80, top: 32, bottom: POSTER_HEIGHT - 32 } as const
export const POSTER_FONT_FAMILY = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`
/** Glyph extent around the baseline, in em, used to keep text off edges and the code. */
export const TEXT_ASCENT = 0.9
export const TEXT_DESCENT = 0.22

export const POSTER_COLORS = {
  red: '#c8161d',
  gold: '#f4c95d',
  paleGold: '#ffe7a6',
  ink: '#141414',
  body: '#262626',
  muted: '#555555',
  note: '#8a4b00',
  paleRed: '#fcecec',
  rule: '#c8161d',
  frame: '#9a9a9a',
  white: '#ffffff',
  module: '#000000',
} as const

export type FontWeight = 'normal' | 'bold'
export type TextAlign = 'left' | 'center' | 'right'
/** Advance width in px of `text` at `fontSize` px. */
export type Measure = (text: string, fontSize: number, weight: FontWeight) => number

export interface PosterDeputy {
  name: string
  /** “县人大代表，城关街道某社区党支部书记”; may be empty */
  position: string
}

/** The station's code: a QR matrix (row-major '0'/'1', `size`×`size`) or WeChat's mini-program code image. */
export type PosterCode =
  | { kind: 'qr'; target: string; size: number; modules: string }
  | { kind: 'image'; target: string; mime: 'image/png' | 'image/jpeg'; base64: string }

/** What the poster says; the `reception.poster` action returns it. */
export interface PosterContent {
  countyName: string
  stationName: string
  /** 代表接待日, 主题接待日, 网上代表接待日 */
  kindLabel: string
  /** YYYY-MM-DD */
  date: string
  weekdayLabel: string
  startTime: string
  endTime: string
  /** false: 日期待确认 (the holiday arrangement of the year is not published yet) */
  confirmed: boolean
  address: string
  theme: string | null
  deputies: PosterDeputy[]
  /** “钱检察官（县人民检察院检察官）” */
  officials: string[]
  /** Moved-date and 待确认 explanations. */
  notes: string[]
  announcement: string | null
  status: 'planned' | 'held' | 'cancelled'
  cancelReason: string | null
  /** 扫码反映问题 */
  callToAction: string
  /** One or two sentences beside the code. */
  codeHint: string
  code: PosterCode | null
}

export type PosterOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; role?: 'qr' }
  | {
      op: 'text'
      text: string
      /** anchor: left edge, centre or right edge, per `align` */
      x: number
      /** alphabetic baseline */
      y: number
      size: number
      weight: FontWeight
      color: string
      align: TextAlign
      /** measured width */
      width: number
      /** the room it was laid out in (a canvas may squeeze to it if its fonts run wider) */
      maxWidth: number
    }
  | { op: 'image'; x: number; y: number; w: number; h: number; mime: 'image/png' | 'image/jpeg'; base64: string }

export type DeputyStyle = 'one-column' | 'two-columns' | 'short-positions' | 'names-only'

export interface PosterLayout {
  width: number
  height: number
  ops: PosterOp[]
  /** The code's frame (quiet zone included); text never enters it. */
  codeBox: { x: number; y: number; w: number; h: number } | null
  /** The QR matrix's placement, when the code is a QR matrix. */
  qr: { x: number; y: number; modulePx: number; size: number } | null
  /** Type scale of the sections (1 = 40 px body text). */
  scale: number
  deputyStyle: DeputyStyle
  announcementShown: boolean
  /** Text had to be cut with “…” for lack of room. */
  truncated: boolean
}

/**
 * Deterministic width without fonts: CJK and other non-ASCII characters 1 em, ASCII 0.55 em.
 * Slightly generous for Latin text, exact for CJK ideographs and full-width punctuation.
 */
export const fallbackMeasure: Measure = (text, fontSize) => {
  let em = 0
  for (const ch of text) em += ch.charCodeAt(0) < 0x80 ? 0.55 : 1
  return em * fontSize
}

/** The box a text op's glyphs occupy (approximately: ascent and descent of CJK fonts). */
export function textBox(op: Extract<PosterOp, { op: 'text' }>): { left: number; right: number; top: number; bottom: number } {
  const left = op.align === 'left' ? op.x : op.align === 'center' ? op.x - op.width / 2 : op.x - op.width
  return { left, right: left + op.width, top: op.y - TEXT_ASCENT * op.size, bottom: op.y + TEXT_DESCENT * op.size }
}

// ————— text fitting —————

/** Must not start a line. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉’”,.;:!?)]}%…·～'])
/** Must not end a line. */
const NO_LINE_END = new Set([...'（《「『【〔〈‘“([{'])

/** Latin words and numbers stay together; everything else breaks between characters. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9'’.\-:/@_]*|[\s\S]/gu) ?? []
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (explicit newlines kept). Closing punctuation
 * never starts a line and opening brackets never end one (禁则).
 */
export function wrapLines(text: string, maxWidth: number, size: number, weight: FontWeight, measure: Measure): string[] {
  const fits = (s: string) => measure(s, size, weight) <= maxWidth
  const out: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    const push = (next: string) => {
      const chars = [...line]
      let carry = ''
      // an opening bracket at the end goes down with the next line
      while (chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1])) carry = chars.pop()! + carry
      // a closing mark may not start the next line: take the last character down with it
      if (NO_LINE_START.has([...next][0] ?? '') && chars.length > 1 && fits(chars[chars.length - 1] + carry + next)) {
        carry = chars.pop()! + carry
      }
      out.push(chars.join(''))
      line = carry + next
    }
    for (const tok of tokens(paragraph)) {
      if (fits(line + tok)) {
        line += tok
      } else if (line && fits(tok)) {
        push(tok)
      } else {
        for (const ch of tok) {
          if (!line || fits(line + ch)) line += ch
          else push(ch)
        }
      }
    }
    out.push(line)
  }
  return out
}

/**
 * Like wrapLines, but as narrow as the same number of lines allows, so a paragraph does not end
 * in a lone character or two (“…查看办理进 / 度。”).
 */
export function balancedLines(text: string, maxWidth: number, size: number, weight: FontWeight, measure: Measure): string[] {
  const lines = wrapLines(text, maxWidth, size, weight, measure)
  if (lines.length < 2 || /\n/.test(text)) return lines
  let lo = maxWidth / 2
  let hi = maxWidth
  let best = lines
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2
    const tried = wrapLines(text, mid, size, weight, measure)
    if (tried.length === lines.length) {
      best = tried
      hi = mid
    } else {
      lo = mid
    }
  }
  return best
}

/** At most `maxLines` lines; the last one ends in “…” when text was dropped. */
export function clampLines(lines: string[], maxLines: number, maxWidth: number, size: number, weight: FontWeight, measure: Measure): { lines: string[]; cut: boolean } {
  if (lines.length <= maxLines) return { lines, cut: false }
  if (maxLines <= 0) return { lines: [], cut: true }
  const kept = lines.slice(0, maxLines)
  let last = [...kept[maxLines - 1]]
  while (last.length && measure(`${last.join('')}…`, size, weight) > maxWidth) last.pop()
  // no dangling comma before the ellipsis
  while (last.length && NO_LINE_START.has(last[last.length - 1])) last.pop()
  kept[maxLines - 1] = `${last.join('')}…`
  return { lines: kept, cut: true }
}

/** The largest size from `from` down to `to` (step 2) at which `text` fits on one line, or null. */
function fitOneLine(text: string, maxWidth: number, from: number, to: number, weight: FontWeight, measure: Measure): number | null {
  for (let s = from; s >= to; s -= 2) if (measure(text, s, weight) <= maxWidth) return s
  return null
}

/** One line if it fits between `from` and `to` px, else wrapped at `to` px into at most `maxLines`. */
function fitBlock(text: string, maxWidth: number, from: number, to: number, maxLines: number, weight: FontWeight, measure: Measure): { size: number; lines: string[] } {
  const one = fitOneLine(text, maxWidth, from, to, weight, measure)
  if (one !== null) return { size: one, lines: [text] }
  const lines = balancedLines(text, maxWidth, to, weight, measure)
  return { size: to, lines: clampLines(lines, maxLines, maxWidth, to, weight, measure).lines }
}

// ————— drawing —————

class Ops {
  readonly list: PosterOp[] = []
  constructor(readonly measure: Measure) {}

  rect(x: number, y: number, w: number, h: number, color: string, role?: 'qr'): void {
    this.list.push(role ? { op: 'rect', x, y, w, h, color, role } : { op: 'rect', x, y, w, h, color })
  }

  text(text: string, x: number, y: number, size: number, weight: FontWeight, color: string, align: TextAlign, maxWidth: number): number {
    const width = this.measure(text, size, weight)
    if (text) this.list.push({ op: 'text', text, x: round(x), y: round(y), size, weight, color, align, width: round(width), maxWidth: round(maxWidth) })
    return width
  }
}

const round = (n: number) => Math.round(n * 10) / 10
/** Baseline of a line box of height `lh` whose top is `top`: glyphs centred in the box. */
const baselineIn = (top: number, lh: number, size: number) => top + lh / 2 + ((TEXT_ASCENT - TEXT_DESCENT) / 2) * size

const W = POSTER_WIDTH
const H = POSTER_HEIGHT
const LEFT = POSTER_SAFE.left
const RIGHT = POSTER_SAFE.right
const FULL = RIGHT - LEFT
const C = POSTER_COLORS
const FOOTER_H = 120

/** `${县}${站名}` unless the station's name already starts with the county's. */
function signature(c: PosterContent): string {
  return c.countyName && !c.stationName.startsWith(c.countyName) ? `${c.countyName}${c.stationName}` : c.stationName
}

/** Header band, date, notes; returns where the sections may start. */
function layoutTop(o: Ops, c: PosterContent, compact: boolean): number {
  const m = o.measure
  // header band: the station (gold) over the notice's title (white)
  const station = fitBlock(c.stationName || `${c.countyName}人大代表联络站`, FULL, compact ? 40 : 48, 32, 2, 'normal', m)
  const title = fitOneLine(`${c.kindLabel}公告`, FULL, compact ? 80 : 100, 56, 'bold', m) ?? 56
  const titleText = clampLines([`${c.kindLabel}公告`], 1, FULL, title, 'bold', m).lines[0]
  let y = 50
  const headerOps: Array<() => void> = []
  for (const line of station.lines) {
    const lh = station.size * 1.3
    const top = y
    headerOps.push(() => o.text(line, W / 2, baselineIn(top, lh, station.size), station.size, 'normal', C.paleGold, 'center', FULL))
    y += lh
  }
  y += 14
  const titleTop = y
  const titleLh = title * 1.2
  headerOps.push(() => {
    o.text(titleText, W / 2, baselineIn(titleTop, titleLh, title), title, 'bold', C.white, 'center', FULL)
  })
  y += titleLh + 40
  const headerH = Math.round(y)
  o.rect(0, 0, W, headerH, C.red)
  o.rect(0, headerH, W, 10, C.gold)
  for (const draw of headerOps) draw()
  y = headerH + 10 + 44

  // cancelled: said first, in red
  if (c.status === 'cancelled') {
    const size = 72
    o.text('本次活动已取消', W / 2, baselineIn(y, size * 1.25, size), size, 'bold', C.red, 'center', FULL)
    y += size * 1.25
    if (c.cancelReason) {
      const lines = clampLines(wrapLines(`原因：${c.cancelReason}`, FULL, 36, 'normal', m), 2, FULL, 36, 'normal', m).lines
      for (const line of lines) {
        o.text(line, W / 2, baselineIn(y, 52, 36), 36, 'normal', C.red, 'center', FULL)
        y += 52
      }
    }
    y += 16
  }

  // the date, large; then year, weekday and time
  const [year, month, day] = c.date.split('-').map(Number)
  const bigDate = Number.isFinite(month) && Number.isFinite(day) ? formatChineseDate(c.date) : c.date
  const dateSize = fitOneLine(bigDate, FULL, compact ? 112 : 144, 80, 'bold', m) ?? 80
  o.text(bigDate, W / 2, baselineIn(y, dateSize * 1.15, dateSize), dateSize, 'bold', c.status === 'cancelled' ? C.muted : C.red, 'center', FULL)
  y += dateSize * 1.15
  const when = [Number.isFinite(year) ? `${year}年` : '', c.weekdayLabel, `${c.startTime}–${c.endTime}`].filter(Boolean).join('　')
  const whenSize = fitOneLine(when, FULL, compact ? 48 : 58, 36, 'bold', m) ?? 36
  o.text(clampLines([when], 1, FULL, whenSize, 'bold', m).lines[0], W / 2, baselineIn(y, whenSize * 1.3, whenSize), whenSize, 'bold', C.ink, 'center', FULL)
  y += whenSize * 1.3 + 10

  if (!c.confirmed && c.status !== 'cancelled') {
    const label = '日期待确认　以联络站通知为准'
    const size = fitOneLine(label, FULL - 48, 40, 28, 'bold', m) ?? 28
    const w = m(label, size, 'bold') + 48
    const h = size * 1.6
    o.rect(W / 2 - w / 2, y, w, h, C.paleRed)
    o.text(label, W / 2, baselineIn(y, h, size), size, 'bold', C.red, 'center', FULL - 48)
    y += h + 14
  }
  for (const note of c.notes) {
    const lines = clampLines(wrapLines(`※ ${note}`, FULL, 32, 'normal', m), 2, FULL, 32, 'normal', m).lines
    for (const line of lines) {
      o.text(line, W / 2, baselineIn(y, 46, 32), 32, 'normal', C.note, 'center', FULL)
      y += 46
    }
  }
  y += 22
  o.rect(LEFT, y, FULL, 4, C.rule)
  o.rect(LEFT, y + 9, FULL, 1.5, C.rule)
  return y + 32
}

/** Footer band and the call to action with the code; returns the top of that region. */
function layoutBottom(o: Ops, c: PosterContent, compact: boolean): { top: number; codeBox: PosterLayout['codeBox']; qr: PosterLayout['qr'] } {
  const m = o.measure
  // footer band: the station's name, as a notice is signed
  const footTop = H - FOOTER_H
  o.rect(0, footTop - 10, W, 10, C.gold)
  o.rect(0, footTop, W, FOOTER_H, C.red)
  const sig = signature(c)
  const one = fitOneLine(sig, FULL, 46, 30, 'bold', m)
  const sigSize = one ?? 28
  const sigLines = one !== null ? [sig] : clampLines(wrapLines(sig, FULL, sigSize, 'bold', m), 2, FULL, sigSize, 'bold', m).lines
  // centred in the band, but never below the safe line
  const sigLh = Math.round(sigSize * 1.3)
  const glyphs = (TEXT_ASCENT + TEXT_DESCENT) * sigSize
  const blockH = sigLh * (sigLines.length - 1) + glyphs
  const mid = Math.min(footTop + FOOTER_H / 2, POSTER_SAFE.bottom - blockH / 2 - 1)
  sigLines.forEach((line, i) => {
    o.text(line, W / 2, mid - blockH / 2 + TEXT_ASCENT * sigSize + i * sigLh, sigSize, 'bold', C.white, 'center', FULL)
  })
  if (!c.code) return { top: footTop - 10 - 30, codeBox: null, qr: null }

  // the code, framed, bottom right; its caption under it
  let frame: number
  let qr: PosterLayout['qr'] = null
  let image: { size: number } | null = null
  if (c.code.kind === 'qr') {
    const modulePx = Math.max(3, Math.min(10, Math.floor((compact ? 250 : 300) / c.code.size)))
    const quiet = 3 * modulePx
    frame = modulePx * c.code.size + 2 * quiet
    qr = { x: 0, y: 0, modulePx, size: c.code.size }
  } else {
    image = { size: compact ? 260 : 320 }
    frame = image.size + 2 * 20
  }
  const captionH = 54
  const boxY = Math.round(footTop - 10 - 30 - captionH - frame)
  const boxX = Math.round(RIGHT - frame)
  o.rect(boxX - 3, boxY - 3, frame + 6, frame + 6, C.frame)
  o.rect(boxX, boxY, frame, frame, C.white)
  if (c.code.kind === 'qr' && qr) {
    const { modulePx, size } = qr
    qr.x = boxX + 3 * modulePx
    qr.y = boxY + 3 * modulePx
    for (let r = 0; r < size; r++) {
      let run = -1
      for (let col = 0; col <= size; col++) {
        const dark = col < size && c.code.modules[r * size + col] === '1'
        if (dark && run < 0) run = col
        if (!dark && run >= 0) {
          o.rect(qr.x + run * modulePx, qr.y + r * modulePx, (col - run) * modulePx, modulePx, C.module, 'qr')
          run = -1
        }
      }
    }
  } else if (c.code.kind === 'image' && image) {
    o.list.push({ op: 'image', x: boxX + 20, y: boxY + 20, w: image.size, h: image.size, mime: c.code.mime, base64: c.code.base64 })
  }
  const caption = '扫码进入联络站'
  const capSize = fitOneLine(caption, frame, 32, 22, 'normal', m) ?? 22
  o.text(caption, boxX + frame / 2, baselineIn(boxY + frame + 8, captionH - 8, capSize), capSize, 'normal', C.ink, 'center', frame)

  // the call to action, left of the code
  const colX = LEFT
  const colW = boxX - 56 - colX
  let y = boxY + 16
  const cta = fitBlock(c.callToAction, colW, compact ? 64 : 84, 44, 2, 'bold', m)
  for (const line of cta.lines) {
    o.text(line, colX, baselineIn(y, cta.size * 1.25, cta.size), cta.size, 'bold', C.red, 'left', colW)
    y += cta.size * 1.25
  }
  y += 18
  const hintSize = compact ? 30 : 34
  const hintLh = Math.round(hintSize * 1.5)
  const hintLines = clampLines(balancedLines(c.codeHint, colW, hintSize, 'normal', m), compact ? 3 : 4, colW, hintSize, 'normal', m).lines
  for (const line of hintLines) {
    o.text(line, colX, baselineIn(y, hintLh, hintSize), hintSize, 'normal', C.body, 'left', colW)
    y += hintLh
  }
  const tagline = '选民点单 · 代表接单 · 人大派单 · 部门销单 · 群众验单'
  const tagSize = fitOneLine(tagline, colW, 28, 20, 'normal', m)
  const tagBottom = boxY + frame + captionH - 8
  if (tagSize !== null && y + tagSize * 1.6 <= tagBottom) {
    o.text(tagline, colX, tagBottom - tagSize * 0.5, tagSize, 'normal', C.muted, 'left', colW)
  }
  // a rule above the region
  o.rect(LEFT, boxY - 32, FULL, 2, C.rule)
  return { top: boxY - 32, codeBox: { x: boxX, y: boxY, w: frame, h: frame }, qr }
}

interface BodyOptions {
  scale: number
  deputies: DeputyStyle
  announcement: boolean
}

/** The sections between `top` and `limit`; `overflow` = something was cut for lack of room. */
function layoutBody(c: PosterContent, measure: Measure, top: number, limit: number, opt: BodyOptions): { ops: PosterOp[]; bottom: number; overflow: boolean } {
  const o = new Ops(measure)
  const m = measure
  const s = opt.scale
  const size = Math.round(40 * s)
  const lh = Math.round(size * 1.5)
  const gap = Math.round(30 * s)
  const labelSize = Math.round(36 * s)
  const padX = Math.round(14 * s)
  const labelW = m('接待代表', labelSize, 'bold') + 2 * padX
  const valueX = LEFT + labelW + Math.round(30 * s)
  const valueW = RIGHT - valueX
  let y = top
  let overflow = false
  const room = () => Math.floor((limit - y) / lh)

  const label = (text: string) => {
    const h = lh - Math.round(10 * s)
    o.rect(LEFT, y + (lh - h) / 2, labelW, h, C.red)
    o.text(text, LEFT + labelW / 2, baselineIn(y + (lh - h) / 2, h, labelSize), labelSize, 'bold', C.white, 'center', labelW)
  }
  /** Lines at `x` within `w`; at most `maxLines`, and at most what still fits above `limit`. */
  const lines = (text: string, x: number, w: number, sz: number, weight: FontWeight, color: string, maxLines: number, lineH = lh, balance = false) => {
    const raw = wrapLines(text, w, sz, weight, m)
    const wrapped = clampLines(balance && raw.length <= maxLines ? balancedLines(text, w, sz, weight, m) : raw, maxLines, w, sz, weight, m).lines
    const fit = Math.floor((limit - y) / lineH)
    const { lines: shown, cut } = clampLines(wrapped, Math.max(0, fit), w, sz, weight, m)
    if (cut) overflow = true
    for (const line of shown) {
      o.text(line, x, baselineIn(y, lineH, sz), sz, weight, color, 'left', w)
      y += lineH
    }
    return shown.length
  }
  const section = (name: string, body: () => void) => {
    if (room() < 1) {
      overflow = true
      return
    }
    label(name)
    body()
    y += gap
  }

  section('接待地点', () => lines(c.address || '见联络站通知', valueX, valueW, size, 'normal', C.body, 3, lh, true))
  if (c.theme) section('接待主题', () => lines(c.theme!, valueX, valueW, size, 'bold', C.ink, 3, lh, true))
  if (c.deputies.length) {
    section(c.kindLabel.includes('网上') ? '值班代表' : '接待代表', () => {
      if (opt.deputies === 'names-only') {
        lines(c.deputies.map((d) => d.name).join('、'), valueX, valueW, size, 'bold', C.ink, 99)
        return
      }
      const cols = opt.deputies === 'one-column' ? 1 : 2
      const colGap = Math.round(36 * s)
      const cellW = cols === 1 ? valueW : (valueW - colGap) / 2
      const posLines = opt.deputies === 'short-positions' ? 1 : 2
      const posSize = Math.round(size * 0.9)
      for (let i = 0; i < c.deputies.length; i += cols) {
        const row = c.deputies.slice(i, i + cols)
        // lay out each cell, then place the row only if it fits
        const cells = row.map((d) => {
          const name = clampLines([d.name], 1, cellW, size, 'bold', m).lines[0]
          const nameW = m(name, size, 'bold')
          const inset = nameW + Math.round(size * 0.6)
          const besideW = cellW - inset
          const below = besideW < 4 * posSize
          const posW = below ? cellW : besideW
          const pos = d.position ? clampLines(wrapLines(d.position, posW, posSize, 'normal', m), posLines, posW, posSize, 'normal', m).lines : []
          return { name, inset: below ? 0 : inset, below, pos, posW, height: below ? 1 + pos.length : Math.max(1, pos.length) }
        })
        const rowLines = Math.max(...cells.map((cell) => cell.height))
        if (rowLines > room()) {
          // no room for the whole row: the rest as names only, cut to what fits
          overflow = true
          const rest = c.deputies.slice(i).map((d) => d.name)
          if (room() >= 1) lines(`${rest.join('、')}`, valueX, valueW, size, 'bold', C.ink, room())
          return
        }
        row.forEach((_, k) => {
          const cell = cells[k]
          const x = valueX + k * (cellW + colGap)
          o.text(cell.name, x, baselineIn(y, lh, size), size, 'bold', C.ink, 'left', cellW)
          cell.pos.forEach((line, j) => {
            const lineTop = y + (cell.below ? j + 1 : j) * lh
            o.text(line, x + cell.inset, baselineIn(lineTop, lh, size), posSize, 'normal', C.muted, 'left', cell.posW)
          })
        })
        y += rowLines * lh
      }
    })
  }
  if (c.officials.length) {
    section('受邀参加', () => {
      if (opt.deputies === 'names-only' || opt.deputies === 'short-positions') {
        lines(c.officials.join('；'), valueX, valueW, size, 'normal', C.body, 3)
      } else {
        for (const official of c.officials) {
          if (room() < 1) {
            overflow = true
            break
          }
          lines(official, valueX, valueW, size, 'normal', C.body, 2)
        }
      }
    })
  }
  if (opt.announcement && c.announcement) {
    const aSize = Math.round(34 * s)
    const aLh = Math.round(aSize * 1.6)
    if (Math.floor((limit - y) / aLh) >= 1) lines(`　　${c.announcement.replace(/\s+/g, ' ').trim()}`, LEFT, FULL, aSize, 'normal', C.body, 4, aLh)
    else overflow = true
  }
  return { ops: o.list, bottom: y - gap, overflow }
}

/** Tried in order; the first whose sections fit without cutting is used. */
const ATTEMPTS: Array<{ deputies: DeputyStyle; announcement: boolean; scales: number[] }> = [
  { deputies: 'one-column', announcement: true, scales: [1.15, 1.05, 1, 0.92] },
  { deputies: 'one-column', announcement: false, scales: [1, 0.92, 0.85] },
  { deputies: 'two-columns', announcement: false, scales: [1, 0.92, 0.85, 0.78, 0.72] },
  { deputies: 'short-positions', announcement: false, scales: [0.85, 0.78, 0.72, 0.66, 0.6] },
  { deputies: 'names-only', announcement: false, scales: [1, 0.9, 0.8, 0.7, 0.6] },
]

/** The poster's drawing operations; `measure` from the canvas that will draw them. */
export function layoutPoster(content: PosterContent, measure: Measure = fallbackMeasure): PosterLayout {
  // the frame (header, date, code, footer): roomy, or compact when the sections need the room
  const frames = [false, true].map((compact) => {
    const o = new Ops(measure)
    o.rect(0, 0, W, H, C.white)
    const top = layoutTop(o, content, compact)
    const bottom = layoutBottom(o, content, compact)
    return { compact, o, top, bottom, limit: bottom.top - 26 }
  })

  let chosen: { frame: (typeof frames)[number]; ops: PosterOp[]; bottom: number; overflow: boolean; opt: BodyOptions } | null = null
  search: for (const attempt of ATTEMPTS) {
    if (attempt.announcement && !content.announcement) continue
    if (attempt.deputies === 'two-columns' && content.deputies.length < 3) continue
    for (const frame of frames) {
      for (const scale of attempt.scales) {
        // small type only in the compact frame
        if (!frame.compact && scale < 0.78) continue
        const opt = { scale, deputies: attempt.deputies, announcement: attempt.announcement }
        const body = layoutBody(content, measure, frame.top, frame.limit, opt)
        chosen = { frame, ...body, opt }
        if (!body.overflow) break search
      }
    }
  }
  const { frame, opt } = chosen!
  const ops = [...frame.o.list]
  // a short body sits a little lower, nearer the middle of its room
  const slack = frame.limit - chosen!.bottom
  const dy = slack > 0 ? Math.round(Math.min(slack * 0.35, 90)) : 0
  for (const op of chosen!.ops) ops.push({ ...op, y: round(op.y + dy) })
  return {
    width: W,
    height: H,
    ops,
    codeBox: frame.bottom.codeBox,
    qr: frame.bottom.qr,
    scale: opt.scale,
    deputyStyle: opt.deputies,
    announcementShown: opt.announcement,
    truncated: chosen!.overflow,
  }
}

/** `<站名>-<日期>-接待日海报.png`, without characters file systems refuse. */
export function posterFilename(stationName: string, date: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '')
  return `${safe(stationName) || '联络站'}-${safe(date)}-接待日海报.png`
}
