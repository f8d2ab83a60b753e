import { bigrams, dice, jaccard, normalizeText, rankSimilar, textSimilarity } from '@shared/domain/similarity'

const QUERY = '台创园区路面损毁严重，雨天积水'

describe('normalizeText', () => {
  test('full-width to half-width, lower case, punctuation and spaces become one boundary', () => {
    expect(normalizeText('ＡＢＣ１２３，　路灯！！不亮')).toBe('abc123 路灯 不亮')
    expect(normalizeText('  “台创园区”路面……损毁 ')).toBe('台创园区 路面 损毁')
    expect(normalizeText('')).toBe('')
  })
})

describe('bigrams', () => {
  test('inside segments only', () => {
    expect([...bigrams('雨天积水')]).toEqual(['雨天', '天积', '积水'])
    expect(bigrams('严重，雨天').has('重雨')).toBe(false)
    expect([...bigrams('路')]).toEqual(['路'])
    expect(bigrams('，。！').size).toBe(0)
  })
})

describe('scores', () => {
  test('identical texts score 1, disjoint 0, and punctuation or width does not matter', () => {
    expect(textSimilarity(QUERY, QUERY)).toBe(1)
    expect(textSimilarity(QUERY, '台创园区路面损毁严重,雨天积水')).toBe(1)
    expect(textSimilarity('ＷＩＦＩ信号差', 'wifi信号差')).toBe(1)
    expect(textSimilarity(QUERY, '村里路灯不亮')).toBe(0)
    expect(textSimilarity('', '')).toBe(0)
  })

  test('dice and jaccard on sets', () => {
    const a = new Set(['ab', 'bc', 'cd'])
    const b = new Set(['bc', 'cd', 'de', 'ef'])
    expect(dice(a, b)).toBeCloseTo(4 / 7)
    expect(jaccard(a, b)).toBeCloseTo(2 / 5)
    expect(dice(new Set(), new Set())).toBe(0)
    expect(jaccard(new Set(), new Set())).toBe(0)
  })

  test('symmetric and within 0..1', () => {
    const texts = [QUERY, '台创园区的路坏了，下雨天到处积水', '学校门口没有红绿灯', 'a', '']
    for (const x of texts) for (const y of texts) {
      const s = textSimilarity(x, y)
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(1)
      expect(s).toBe(textSimilarity(y, x))
    }
  })
})

describe('rankSimilar', () => {
  const candidates = [
    { id: 'unrelated', text: '村里路灯不亮，晚上出行不便' },
    { id: 'paraphrase', text: '台创园区的路坏了，下雨天到处积水' },
    { id: 'weak', text: '园区门口雨天积水严重' },
    { id: 'duplicate', text: '台创园区路面损毁严重，雨天积水！' },
    { id: 'school', text: '希望在学校门口增设红绿灯' },
  ]

  test('ranks a paraphrase of 「台创园区路面损毁严重，雨天积水」 above an unrelated one', () => {
    const ranked = rankSimilar(QUERY, candidates, { threshold: 0, limit: 10 })
    const ids = ranked.map((r) => r.id)
    expect(ids).toContain('paraphrase')
    expect(ids).not.toContain('unrelated') // score 0 is never listed
    expect(ids[0]).toBe('duplicate')
    expect(ranked[0].score).toBe(1)
    const score = (id: string) => textSimilarity(QUERY, candidates.find((c) => c.id === id)!.text)
    expect(score('paraphrase')).toBeGreaterThan(score('unrelated'))
    expect(score('paraphrase')).toBeGreaterThanOrEqual(0.25)
  })

  test('keeps only those at or above the threshold, best first, at most limit', () => {
    const ranked = rankSimilar(QUERY, candidates, { threshold: 0.25, limit: 2 })
    expect(ranked.map((r) => r.id)).toEqual(['duplicate', ranked[1].id])
    expect(ranked).toHaveLength(2)
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0.25)
    expect(ranked[0].score).toBeGreaterThanOrEqual(ranked[1].score)
  })

  test('returns the candidates’ own fields with a score', () => {
    const [top] = rankSimilar(QUERY, [{ id: 'x', text: QUERY, stationCode: 'XWT01' }])
    expect(top).toEqual({ id: 'x', text: QUERY, stationCode: 'XWT01', score: 1 })
  })

  test('ties keep the order of the candidates', () => {
    const ranked = rankSimilar(QUERY, [
      { id: 'first', text: QUERY },
      { id: 'second', text: QUERY },
    ])
    expect(ranked.map((r) => r.id)).toEqual(['first', 'second'])
  })

  test('nothing for an empty query, no candidates, or limit 0', () => {
    expect(rankSimilar('，。', candidates)).toEqual([])
    expect(rankSimilar(QUERY, [])).toEqual([])
    expect(rankSimilar(QUERY, candidates, { limit: 0 })).toEqual([])
  })
})
