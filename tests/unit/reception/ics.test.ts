import { escapeText, foldLine, toICS, utf8Length, type CalendarEvent } from '@shared/domain/reception'

const event: CalendarEvent = {
  uid: 'XWT01-2026-10-13@wudantong',
  date: '2026-10-13',
  startTime: '09:00',
  endTime: '12:00',
  summary: '城关镇人大代表联络站 代表接待日',
  location: '修武县城关镇人民政府院内',
  description: '接待代表：王建国、黄秀兰',
}

/** Undo folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')
const physicalLines = (text: string) => text.split('\r\n').slice(0, -1)

describe('calendar text', () => {
  test('a whole calendar: CRLF everywhere, VTIMEZONE for China Standard Time, local times with TZID', () => {
    const text = toICS('城关镇联络站接待日', [event], { now: new Date('2026-09-01T00:00:00Z') })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(physicalLines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//五单通//人大代表接待日//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:城关镇联络站接待日',
      'X-WR-CALNAME:城关镇联络站接待日',
      'X-WR-TIMEZONE:Asia/Shanghai',
      'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
      'X-PUBLISHED-TTL:PT12H',
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'X-LIC-LOCATION:Asia/Shanghai',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0800',
      'TZOFFSETTO:+0800',
      'TZNAME:CST',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:XWT01-2026-10-13@wudantong',
      'DTSTAMP:20260901T000000Z',
      'DTSTART;TZID=Asia/Shanghai:20261013T090000',
      'DTEND;TZID=Asia/Shanghai:20261013T120000',
      'SUMMARY:城关镇人大代表联络站 代表接待日',
      'LOCATION:修武县城关镇人民政府院内',
      'DESCRIPTION:接待代表：王建国、黄秀兰',
      'END:VEVENT',
      'END:VCALENDAR',
    ])
  })

  test('without a generation time, DTSTAMP is the event’s own start in UTC, so the output is deterministic', () => {
    const a = toICS('x', [event])
    expect(a).toContain('DTSTAMP:20261013T010000Z\r\n')
    expect(toICS('x', [event])).toBe(a)
  })

  test('status and url when given; an empty calendar is valid', () => {
    const text = toICS('x', [{ ...event, status: 'tentative', url: 'https://example.org/s/XWT01' }])
    expect(text).toContain('\r\nURL:https://example.org/s/XWT01\r\nSTATUS:TENTATIVE\r\nEND:VEVENT')
    expect(physicalLines(toICS('x', [])).filter((l) => l.startsWith('BEGIN:VEVENT'))).toEqual([])
  })
})

describe('escaping TEXT values', () => {
  test.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['C:\\path', 'C:\\\\path'],
    ['第一行\n第二行', '第一行\\n第二行'],
    ['第一行\r\n第二行\r第三行', '第一行\\n第二行\\n第三行'],
    ['主题：乡村振兴，义务教育；城区交通', '主题：乡村振兴，义务教育；城区交通'], // full-width punctuation is not special
    ['\\,', '\\\\\\,'],
  ])('%j → %j', (input, output) => {
    expect(escapeText(input)).toBe(output)
  })

  test('summary, location, description and the calendar name are escaped in the feed', () => {
    const text = toICS('修武县, 接待日', [{ ...event, summary: '接待日;主题', location: '城关镇,院内', description: '带上\n身份证\\材料' }])
    const lines = physicalLines(unfold(text))
    expect(lines).toContain('X-WR-CALNAME:修武县\\, 接待日')
    expect(lines).toContain('SUMMARY:接待日\\;主题')
    expect(lines).toContain('LOCATION:城关镇\\,院内')
    expect(lines).toContain('DESCRIPTION:带上\\n身份证\\\\材料')
  })
})

describe('folding at 75 octets', () => {
  const long = '接待主题：乡村振兴与义务教育均衡发展，邀请县教育局、农业农村局负责人进站答疑解惑，实现政情直通、民意直达、意见直办。'

  test('long Chinese text: every physical line ≤ 75 octets, no character split, unfolds back exactly', () => {
    const text = toICS('x', [{ ...event, description: long }])
    for (const line of physicalLines(text)) {
      expect(utf8Length(line)).toBeLessThanOrEqual(75)
      expect(line).not.toMatch(/\uFFFD/)
    }
    expect(physicalLines(unfold(text))).toContain(`DESCRIPTION:${long}`)
  })

  test('the first line takes 75 octets as whole characters, continuation lines start with one space', () => {
    const line = `DESCRIPTION:${long}` // 12 ASCII octets + 3 octets per character
    const parts = foldLine(line).split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    // 12 + 21 × 3 = 75: the first line is exactly full
    expect(utf8Length(parts[0])).toBe(75)
    expect(parts[0]).toBe(`DESCRIPTION:${[...long].slice(0, 21).join('')}`)
    for (const p of parts.slice(1)) {
      expect(p.startsWith(' ')).toBe(true)
      expect(p.startsWith('  ')).toBe(false)
      expect(utf8Length(p)).toBeLessThanOrEqual(75)
    }
    // continuation: 1 space + 24 characters (72 octets); 25 would be 76
    expect(utf8Length(parts[1])).toBe(73)
  })

  test('a line of exactly 75 octets is not folded; 76 is', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75))
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`)
    expect(foldLine('A'.repeat(75 + 74 + 1))).toBe(`${'A'.repeat(75)}\r\n ${'A'.repeat(74)}\r\n A`)
  })

  test('a 3-octet character that would straddle octet 75 moves to the next line', () => {
    const line = `${'A'.repeat(73)}中文`
    expect(foldLine(line)).toBe(`${'A'.repeat(73)}\r\n 中文`)
  })

  test('a 4-octet emoji (surrogate pair) is never split', () => {
    const line = `${'A'.repeat(72)}😀😀`
    const parts = foldLine(line).split('\r\n')
    expect(parts).toEqual([`${'A'.repeat(72)}`, ' 😀😀'])
    expect(utf8Length('😀')).toBe(4)
  })

  test('utf8Length agrees with Buffer.byteLength', () => {
    for (const sample of [long, 'abc', 'é', '😀', '五单通 ICS']) expect(utf8Length(sample)).toBe(Buffer.byteLength(sample, 'utf8'))
  })
})

describe('refused', () => {
  test.each<[string, Partial<CalendarEvent>]>([
    ['no uid', { uid: ' ' }],
    ['a bad date', { date: '2026-02-30' }],
    ['a bad time', { startTime: '25:00' }],
    ['end not after start', { startTime: '12:00', endTime: '12:00' }],
  ])('%s', (_name, patch) => {
    expect(() => toICS('x', [{ ...event, ...patch }])).toThrow(expect.objectContaining({ code: 'validation_failed' }))
  })
})
