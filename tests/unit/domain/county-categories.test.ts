import fc from 'fast-check'
import { CATEGORIES, CATEGORY_CODES } from '../../../shared/domain/categories'
import { countyCategories, offersCategory } from '../../../shared/domain/county-categories'

describe('a county’s 议题类别', () => {
  it('is every category in the standard order until the county chooses', () => {
    expect(countyCategories(undefined)).toEqual([...CATEGORIES])
    expect(countyCategories([])).toEqual([...CATEGORIES])
    expect(countyCategories(['no-such-code'])).toEqual([...CATEGORIES])
  })

  it('keeps the county’s order, drops repeats and unknown codes, and always offers 其他', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CATEGORY_CODES), fc.string({ maxLength: 6 })), { maxLength: 20 }), (chosen) => {
        const known = [...new Set(chosen.filter((c) => (CATEGORY_CODES as readonly string[]).includes(c)))]
        const list = countyCategories(chosen).map((c) => c.code)
        if (known.length === 0) return expect(list).toEqual(CATEGORY_CODES)
        expect(list.slice(0, known.length)).toEqual(known)
        expect(list.filter((c) => c === 'other')).toHaveLength(1)
        expect(list.length).toBe(known.includes('other') ? known.length : known.length + 1)
        for (const code of CATEGORY_CODES) expect(offersCategory(chosen, code)).toBe(list.includes(code))
      }),
    )
  })

  it('places 其他 where the county put it', () => {
    expect(countyCategories(['other', 'rural']).map((c) => c.label)).toEqual(['其他', '乡村振兴'])
  })
})
