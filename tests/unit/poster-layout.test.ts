/**
 * The reception-day poster's layout (shared/domain/reception/poster-layout.ts): whatever the
 * content — a 60-character theme, 12 or 50 deputies, no theme, a 待确认 date, a station name too
 * long for a line — every text stays inside the page's margins, nothing touches the code, every
 * deputy and the theme are on the page, and the QR rectangles are exactly the matrix.
 */
import QRCode from 'qrcode'
import {
  balancedLines,
  clampLines,
  fallbackMeasure,
  layoutPoster,
  POSTER_HEIGHT,
  POSTER_SAFE,
  POSTER_WIDTH,
  posterFilename,
  textBox,
  wrapLines,
  type Measure,
  type PosterCode,
  type PosterContent,
  type PosterLayout,
  type PosterOp,
} from '../../shared/domain/reception/poster-layout'

type TextOp = Extract<PosterOp, { op: 'text' }>

function qr(text: string): Extract<PosterCode, { kind: 'qr' }> {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' })
  return { kind: 'qr', target: text, size: code.modules.size, modules: Array.from(code.modules.data, (b) => (b ? '1' : '0')).join('') }
}

const STATION_QR = qr('http://127.0.0.1:8787/#/pages/station/index?code=LYT01')
const NAMES = ['王建国', '李秀梅', '张伟', '欧阳明辉', '赵丽', '孙强', '周杰', '吴敏', '郑国庆', '冯小刚', '陈静', '褚卫东']
const POSITIONS = ['县人大代表，城关街道东大街社区党支部书记兼居委会主任', '市人大代表，临颍县第一高级中学教师', '县人大代表', '']

const base: PosterContent = {
  countyName: '临颍县',
  stationName: '城关街道人大代表联络站',
  kindLabel: '代表接待日',
  date: '2026-10-08',
  weekdayLabel: '星期四',
  startTime: '09:00',
  endTime: '12:00',
  confirmed: true,
  address: '临颍县城关街道办事处一楼代表联络站接待室',
  theme: '优化营商环境',
  deputies: [
    { name: '王建国', position: '县人大代表，城关街道某社区党支部书记' },
    { name: '李秀梅', position: '市人大代表，临颍县第一高级中学教师' },
  ],
  officials: ['钱检察官（县人民检察院检察官）'],
  notes: ['原定10月2日为国庆节假期，顺延至10月8日'],
  announcement: null,
  status: 'planned',
  cancelReason: null,
  callToAction: '扫码反映问题',
  codeHint: '微信扫一扫，进入城关街道人大代表联络站，随时向人大代表反映意见建议、查看办理进度。',
  code: STATION_QR,
}

const deputies = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? i : ''}`, position: POSITIONS[i % POSITIONS.length] }))
const sixtyCharTheme = '聚焦老旧小区改造、背街小巷整治和农贸市场提升，倾听群众对城市更新工作的意见和建议，推动问题解决'.slice(0, 60)

interface Case {
  name: string
  content: PosterContent
  /** the whole theme must be on the page (false only for a theme longer than any form allows) */
  themeComplete?: boolean
}

const CASES: Case[] = [
  { name: 'an ordinary reception day', content: base },
  { name: 'a 60-character theme and a long address', content: { ...base, theme: sixtyCharTheme, address: '临颍县城关街道办事处东大街与人民路交叉口向北200米路西，城关街道便民服务中心二楼代表联络站接待室（无障碍通道在东门）' } },
  { name: 'a theme far longer than the form allows', content: { ...base, theme: '关于'.repeat(150) }, themeComplete: false },
  { name: '12 deputies with long positions', content: { ...base, deputies: deputies(12), theme: sixtyCharTheme } },
  { name: '12 deputies, an announcement and three officials', content: { ...base, deputies: deputies(12), announcement: '本次接待日将围绕城市更新开展，欢迎辖区群众踊跃参加。'.repeat(6), officials: ['钱检察官（县人民检察院检察官）', '孙法官（县人民法院城关法庭庭长）', '刘局长（县住房和城乡建设局副局长）'] } },
  { name: '50 deputies (the most a session may have)', content: { ...base, deputies: deputies(50) } },
  { name: 'no theme', content: { ...base, theme: null } },
  { name: 'a 待确认 date', content: { ...base, confirmed: false, notes: ['2027年节假日安排尚未公布，日期待确认'] } },
  { name: 'a cancelled session', content: { ...base, status: 'cancelled', cancelReason: '与县人代会会期冲突，另行通知' } },
  { name: 'a station name too long for one line', content: { ...base, stationName: '临颍县城关街道办事处东大街社区人大代表联络站（第二接待点·便民服务中心）' } },
  { name: 'an online session with no deputies yet', content: { ...base, kindLabel: '网上代表接待日', deputies: [], address: '线上（小程序“我要反映”）' } },
  { name: 'Latin letters and digits', content: { ...base, address: 'No.18 Renmin Road, Building B-2, Room 301 (Linying County Service Center)', theme: 'WiFi 5G 信号覆盖与 ETC 办理' } },
  { name: 'WeChat’s mini-program code instead of a QR matrix', content: { ...base, code: { kind: 'image', target: 'pages/station/index?scene=LYT01', mime: 'image/png', base64: 'iVBORw0KGgo=' } } },
  { name: 'a dense QR code (long link)', content: { ...base, code: qr(`https://wudantong.example.gov.cn/#/pages/station/index?code=LYT01&from=poster&${'x'.repeat(120)}`) } },
  { name: 'no code at all', content: { ...base, code: null } },
  { name: 'nothing optional', content: { ...base, theme: null, officials: [], notes: [], deputies: [{ name: '王建国', position: '' }], countyName: '' } },
]

/** A canvas whose fonts run 12% wider than the fallback assumes (Latin 30% wider). */
const wideMeasure: Measure = (text, size, weight) => {
  let w = 0
  for (const ch of text) w += (ch.charCodeAt(0) < 0x80 ? 0.72 : 1.12) * size
  return weight === 'bold' ? w * 1.02 : w
}

const texts = (layout: PosterLayout) => layout.ops.filter((op): op is TextOp => op.op === 'text')
const allText = (layout: PosterLayout) => texts(layout).map((t) => t.text).join('')
const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: { left: number; right: number; top: number; bottom: number }) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe.each([
  ['the fallback measure', fallbackMeasure],
  ['a wider font', wideMeasure],
])('poster layout with %s', (_label, measure) => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, { content, themeComplete = true }) => {
    const layout = layoutPoster(content, measure)
    expect(layout).toMatchObject({ width: POSTER_WIDTH, height: POSTER_HEIGHT })

    // every text inside the margins, no wider than its room, not on top of another text
    const boxes = texts(layout).map((op) => ({ op, box: textBox(op) }))
    for (const { op, box } of boxes) {
      const where = `${op.text} @${op.x},${op.y}`
      expect({ where, ok: box.left >= POSTER_SAFE.left - 0.5 }).toEqual({ where, ok: true })
      expect({ where, ok: box.right <= POSTER_SAFE.right + 0.5 }).toEqual({ where, ok: true })
      expect({ where, ok: box.top >= POSTER_SAFE.top }).toEqual({ where, ok: true })
      expect({ where, ok: box.bottom <= POSTER_SAFE.bottom }).toEqual({ where, ok: true })
      expect({ where, ok: op.width <= op.maxWidth + 0.5 }).toEqual({ where, ok: true })
      expect(op.text.trim()).not.toBe('')
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i].box, boxes[j].box)) throw new Error(`“${boxes[i].op.text}” overlaps “${boxes[j].op.text}”`)
      }
    }
    // shapes on the paper
    for (const op of layout.ops) {
      if (op.op === 'text') continue
      expect(op.x).toBeGreaterThanOrEqual(0)
      expect(op.y).toBeGreaterThanOrEqual(0)
      expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH)
      expect(op.y + op.h).toBeLessThanOrEqual(POSTER_HEIGHT)
    }

    // nothing on the code (its frame included)
    if (content.code) {
      expect(layout.codeBox).not.toBeNull()
      const frame = { left: layout.codeBox!.x - 3, right: layout.codeBox!.x + layout.codeBox!.w + 3, top: layout.codeBox!.y - 3, bottom: layout.codeBox!.y + layout.codeBox!.h + 3 }
      for (const { op, box } of boxes) if (overlap(box, frame)) throw new Error(`“${op.text}” is on the code`)
      expect(frame.left).toBeGreaterThanOrEqual(POSTER_SAFE.left - 3)
      expect(frame.right).toBeLessThanOrEqual(POSTER_SAFE.right + 3)
    } else {
      expect(layout.codeBox).toBeNull()
    }

    // what the poster must say
    const text = allText(layout)
    for (const d of content.deputies) expect(text).toContain(d.name)
    if (content.theme && themeComplete) expect(text).toContain(content.theme)
    if (content.theme && !themeComplete) expect(text).toContain(`${content.theme.slice(0, 20)}`)
    expect(text).toContain('10月8日')
    expect(text).toContain(`${content.startTime}–${content.endTime}`)
    expect(text).toContain(content.weekdayLabel)
    expect(text).toContain(`${content.kindLabel}公告`)
    if (content.code) expect(text).toContain(content.callToAction)
    if (!content.confirmed) expect(text).toContain('日期待确认')
    if (content.status === 'cancelled') expect(text).toContain('本次活动已取消')
    if (content.status === 'cancelled' && content.cancelReason) expect(text).toContain(content.cancelReason)
    for (const note of content.notes) expect(text).toContain(note)
  })
})

test('the QR rectangles reproduce the matrix, module for module, on a whole-pixel grid', () => {
  for (const code of [STATION_QR, CASES.find((c) => c.name.startsWith('a dense QR'))!.content.code as Extract<PosterCode, { kind: 'qr' }>]) {
    const layout = layoutPoster({ ...base, code })
    const { x, y, modulePx, size } = layout.qr!
    expect(size).toBe(code.size)
    expect(Number.isInteger(modulePx) && Number.isInteger(x) && Number.isInteger(y)).toBe(true)
    expect(modulePx).toBeGreaterThanOrEqual(3)
    // a quiet zone inside the frame
    expect(x - layout.codeBox!.x).toBeGreaterThanOrEqual(2 * modulePx)
    const grid = Array.from({ length: size * size }, () => '0')
    for (const op of layout.ops) {
      if (op.op !== 'rect' || op.role !== 'qr') continue
      expect(op.color).toBe('#000000')
      expect(op.h).toBe(modulePx)
      const row = (op.y - y) / modulePx
      const col = (op.x - x) / modulePx
      expect(Number.isInteger(row) && Number.isInteger(col) && Number.isInteger(op.w / modulePx)).toBe(true)
      for (let k = 0; k < op.w / modulePx; k++) {
        expect(grid[row * size + col + k]).toBe('0')
        grid[row * size + col + k] = '1'
      }
    }
    expect(grid.join('')).toBe(code.modules)
    // the modules are drawn over the frame's white, not under it
    const lastFrame = layout.ops.findIndex((op) => op.op === 'rect' && op.role === 'qr')
    const white = layout.ops.findIndex((op) => op.op === 'rect' && op.x === layout.codeBox!.x && op.y === layout.codeBox!.y)
    expect(white).toBeLessThan(lastFrame)
  }
})

test('the mini-program code is one image op inside the frame', () => {
  const layout = layoutPoster(CASES.find((c) => c.name.startsWith('WeChat'))!.content)
  const images = layout.ops.filter((op) => op.op === 'image')
  expect(images).toHaveLength(1)
  const [img] = images as Array<Extract<PosterOp, { op: 'image' }>>
  expect(img).toMatchObject({ mime: 'image/png', base64: 'iVBORw0KGgo=' })
  expect(img.x).toBeGreaterThan(layout.codeBox!.x)
  expect(img.x + img.w).toBeLessThan(layout.codeBox!.x + layout.codeBox!.w)
  expect(layout.qr).toBeNull()
})

test('crowded content gives way in order: smaller type, two columns, short positions, names only', () => {
  const roomy = layoutPoster(base)
  expect(roomy).toMatchObject({ deputyStyle: 'one-column', truncated: false })
  expect(roomy.scale).toBeGreaterThanOrEqual(1)
  const twelve = layoutPoster({ ...base, deputies: deputies(12) })
  expect(['two-columns', 'short-positions']).toContain(twelve.deputyStyle)
  expect(twelve.truncated).toBe(false)
  const fifty = layoutPoster({ ...base, deputies: deputies(50) })
  expect(fifty.deputyStyle).toBe('names-only')
  expect(fifty.truncated).toBe(false)
  // an announcement only when there is room for it
  const announced = layoutPoster({ ...base, announcement: '欢迎辖区群众踊跃参加，反映身边的困难和问题。' })
  expect(announced.announcementShown).toBe(true)
  expect(allText(announced)).toContain('欢迎辖区群众踊跃参加')
})

test('the same content always gives the same layout', () => {
  expect(layoutPoster(CASES[3].content)).toEqual(layoutPoster(CASES[3].content))
})

describe('text fitting', () => {
  test('the fallback measure: CJK 1 em, ASCII 0.55 em', () => {
    expect(fallbackMeasure('接待日', 40, 'normal')).toBe(120)
    expect(fallbackMeasure('09:00', 40, 'bold')).toBeCloseTo(5 * 0.55 * 40)
    expect(fallbackMeasure('（）', 10, 'normal')).toBe(20)
  })

  test('lines break within the width, keep every character, and follow 禁则', () => {
    const text = '县人大代表，城关街道东大街社区党支部书记。（兼居委会主任）'
    const lines = wrapLines(text, 400, 40, 'normal', fallbackMeasure)
    expect(lines.join('')).toBe(text)
    for (const line of lines) {
      expect(fallbackMeasure(line, 40, 'normal')).toBeLessThanOrEqual(400)
      expect('，。、；：！？）》」』').not.toContain(line[0])
      expect('（《「『').not.toContain(line[line.length - 1])
    }
  })

  test('Latin words are not split when they fit on a line', () => {
    const lines = wrapLines('WiFi 5G 信号覆盖 Building B-2', 200, 40, 'normal', fallbackMeasure)
    expect(lines.join('')).toBe('WiFi 5G 信号覆盖 Building B-2')
    expect(lines.some((l) => l.includes('Building'))).toBe(true)
  })

  test('balanced lines: as many lines as needed, none left with a lone character', () => {
    const text = '微信扫一扫，进入城关镇人大代表联络站，随时向人大代表反映意见建议、查看办理进度。'
    const greedy = wrapLines(text, 646, 34, 'normal', fallbackMeasure)
    const balanced = balancedLines(text, 646, 34, 'normal', fallbackMeasure)
    expect(balanced).toHaveLength(greedy.length)
    expect(balanced.join('')).toBe(text)
    expect([...greedy[greedy.length - 1]].length).toBeLessThanOrEqual(2)
    expect([...balanced[balanced.length - 1]].length).toBeGreaterThanOrEqual(8)
    for (const line of balanced) expect(fallbackMeasure(line, 34, 'normal')).toBeLessThanOrEqual(646)
  })

  test('clamping ends in an ellipsis that still fits', () => {
    const { lines, cut } = clampLines(['一二三四五', '六七八九十', '甲乙丙丁戊'], 2, 200, 40, 'normal', fallbackMeasure)
    expect(cut).toBe(true)
    expect(lines).toEqual(['一二三四五', '六七八九…'])
  })
})

test('the file name: <站名>-<日期>-接待日海报.png without characters file systems refuse', () => {
  expect(posterFilename('城关街道人大代表联络站', '2026-10-08')).toBe('城关街道人大代表联络站-2026-10-08-接待日海报.png')
  expect(posterFilename('东大街/西大街 联络站', '2026-10-08')).toBe('东大街西大街联络站-2026-10-08-接待日海报.png')
})
