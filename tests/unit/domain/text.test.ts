import fc from 'fast-check'
import { submitInput } from '../../../shared/api/suggestion'
import { text } from '../../../shared/api/common'
import { BIDI_CONTROLS, cleanLongText, cleanShortText, isBlank, visibleLength } from '../../../shared/domain/text'

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E']
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
const invisible = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00A0', '\u0000', '\u0007', '\u007F', '\u0085', ...ZERO_WIDTH, ...BIDI), {
  minLength: 1,
  maxLength: 40,
})

describe('the text rules', () => {
  it('counts only what a reader sees', () => {
    expect(visibleLength('张\u200B三 ')).toBe(2)
    expect(isBlank('\u200B\u200D\uFEFF \n\u202E')).toBe(true)
    expect(isBlank('路灯')).toBe(false)
  })

  it('refuses a concern made only of whitespace, zero-width and control characters', () => {
    fc.assert(
      fc.property(invisible, (chars) => {
        const res = submitInput.safeParse({ clientRequestId: 'abcdefgh', stationCode: 'XWT01', anonymous: true, content: chars.join('') })
        expect(res.success).toBe(false)
        if (!res.success) expect(res.error.issues[0]).toMatchObject({ path: ['content'], message: '请填写反映内容' })
      }),
      { seed: 13, numRuns: 300 },
    )
  })

  it('strips bidi controls, zero-width and control characters from names and short fields', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), invisible, fc.string({ maxLength: 8 }), (a, hidden, b) => {
        const cleaned = cleanShortText(`${a}${hidden.join('')}${b}`)
        expect(cleaned).not.toMatch(BIDI_CONTROLS)
        expect(cleaned).not.toMatch(/[\p{Cc}\p{Cf}]/u)
        expect(cleaned).toBe(cleaned.trim())
      }),
      { seed: 13, numRuns: 300 },
    )
    const parsed = submitInput.parse({ clientRequestId: 'abcdefgh', stationCode: 'XWT01', content: '路灯不亮', contactName: '\u202E张\u200B女士\n', contactPhone: '13912345678' })
    expect(parsed.contactName).toBe('张女士')
  })

  it('keeps the lines of long text but drops bidi and other control characters', () => {
    expect(cleanLongText('第一行\n第二行\t\u202E反转\u0000')).toBe('第一行\n第二行\t反转')
    expect(text('反映内容', 1, 2000).parse('  路灯\n不亮  ')).toBe('路灯\n不亮')
  })

  it('counts the minimum in visible characters', () => {
    expect(text('反映内容', 4, 2000).safeParse('路\u200B\u200B\u200B灯').success).toBe(false)
    expect(text('反映内容', 4, 2000).safeParse('路灯不亮').success).toBe(true)
  })

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(typeof cleanShortText(s)).toBe('string')
        expect(typeof cleanLongText(s)).toBe('string')
        expect(visibleLength(s)).toBeGreaterThanOrEqual(0)
      }),
      { seed: 13, numRuns: 300 },
    )
  })
})
