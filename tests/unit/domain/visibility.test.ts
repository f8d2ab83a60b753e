import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { suggestionDetail } from '../../../shared/api/suggestion'
import { similarItem } from '../../../shared/api/suggestion-workflow'
import { sessionView } from '../../../shared/api/reception'
import { authorize, type ItemScope } from '../../../shared/domain/permissions'
import type { Actor } from '../../../shared/domain/roles'
import {
  ITEM_PERSONAL_FIELDS,
  ITEM_PLAIN_FIELDS,
  ITEM_RELATIONS,
  SESSION_INTERNAL_FIELDS,
  SESSION_RELATIONS,
  SIMILAR_ITEM_FIELDS,
  VISIT_RELATIONS,
  itemRelations,
  itemVisibility,
  sessionVisibility,
  visitVisibility,
  type ItemRelation,
} from '../../../shared/domain/visibility'
import { renderPrivacyDoc } from '../../../scripts/privacy-doc'

const ITEM: ItemScope = {
  countyCode: 'xiuwu',
  township: '城关镇',
  stationCode: 'XWT01',
  submitterOpenid: 'o-submitter',
  followerOpenids: ['o-follower'],
  ownerDeputyCode: 'XWT01-R1',
  departmentCode: 'XW-D09',
  coDepartmentCodes: ['XW-D02'],
}

const ACTORS: Record<ItemRelation, Actor> = {
  submitter: { openid: 'o-submitter', bindings: [{ role: 'resident' }] },
  follower: { openid: 'o-follower', bindings: [{ role: 'resident' }] },
  owning_deputy: { openid: 'o-d1', bindings: [{ role: 'deputy', deputyCode: 'XWT01-R1', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: 'xiuwu' }] },
  other_deputy: { openid: 'o-d2', bindings: [{ role: 'deputy', deputyCode: 'XWT01-R2', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: 'xiuwu' }] },
  department: { openid: 'o-dep', bindings: [{ role: 'department', departmentCode: 'XW-D09', countyCode: 'xiuwu' }] },
  co_department: { openid: 'o-co', bindings: [{ role: 'department', departmentCode: 'XW-D02', countyCode: 'xiuwu' }] },
  staff_in_scope: { openid: 'o-staff', bindings: [{ role: 'staff', staffCode: 'S', countyCode: 'xiuwu', scope: 'township', township: '城关镇' }] },
  supervisor: { openid: 'o-sup', bindings: [{ role: 'supervisor', supervisorCode: 'M', stationCodes: ['XWT01'], countyCode: 'xiuwu' }] },
}

describe('the field-visibility table', () => {
  it('names every field of suggestion.get’s answer exactly once', () => {
    const named = [...ITEM_PLAIN_FIELDS, ...Object.keys(ITEM_PERSONAL_FIELDS).filter((f) => !f.startsWith('history'))]
    expect(new Set(named).size).toBe(named.length)
    expect([...named].sort()).toEqual(Object.keys(suggestionDetail.shape).sort())
  })

  it('gives similar items exactly the fields it lists: no number, no name', () => {
    expect(Object.keys(similarItem.shape).sort()).toEqual([...SIMILAR_ITEM_FIELDS].sort())
    expect(SIMILAR_ITEM_FIELDS).not.toContain('number')
  })

  it('covers the internal fields of a session view', () => {
    for (const f of Object.keys(SESSION_INTERNAL_FIELDS)) expect(Object.keys(sessionView.shape)).toContain(f)
    expect(sessionVisibility('public')).toEqual({ notes: 'hidden', followUpSuggestionIds: 'hidden', attendance: 'hidden' })
    for (const r of SESSION_RELATIONS.filter((r) => r !== 'public')) expect(Object.values(sessionVisibility(r)).every((l) => l === 'whole')).toBe(true)
  })

  it('finds each relation from the actor’s bindings', () => {
    for (const relation of ITEM_RELATIONS) expect(itemRelations(ACTORS[relation], ITEM)).toEqual([relation])
    const stranger: Actor = { openid: 'o-x', bindings: [{ role: 'resident' }] }
    expect(itemRelations(stranger, ITEM)).toEqual([])
    expect(itemVisibility([], { contactConsent: true }).levels.contactPhone).toBe('hidden')
  })

  it('shows the full phone unconditionally exactly to those the permission module grants view_contact', () => {
    for (const relation of ITEM_RELATIONS) {
      const whole = itemVisibility([relation], { contactConsent: false }).levels.contactPhone === 'whole'
      expect([relation, whole]).toEqual([relation, authorize(ACTORS[relation], 'view_contact', ITEM).allowed])
    }
  })

  it('never lets another resident who follows the item see the name, a photo or a name in the history', () => {
    const { levels } = itemVisibility(['follower'], { contactConsent: true })
    expect(levels).toMatchObject({ contactName: 'hidden', photos: 'hidden', historyResidentNames: 'hidden', historyResidentNotes: 'hidden', historyOfficialNames: 'hidden', residentRating: 'masked' })
    expect(levels.contactPhone).not.toBe('whole')
  })

  it('opens the contact to the handling department only with the resident’s consent, and logs that read', () => {
    expect(itemVisibility(['department'], { contactConsent: false })).toEqual({
      levels: expect.objectContaining({ contactName: 'masked', contactPhone: 'masked' }),
      logged: [],
    })
    const consented = itemVisibility(['department'], { contactConsent: true })
    expect(consented.levels).toMatchObject({ contactName: 'whole', contactPhone: 'whole' })
    expect(consented.logged.sort()).toEqual(['contactName', 'contactPhone', 'historyResidentNames'])
    expect(itemVisibility(['co_department'], { contactConsent: true }).levels.contactPhone).toBe('masked')
  })

  it('does not log a read that another relation of the reader allows anyway', () => {
    // staff who also handle for a department: the staff relation shows the contact without consent
    expect(itemVisibility(['department', 'staff_in_scope'], { contactConsent: true }).logged).toEqual([])
  })

  it('masks the visitor to the station’s deputies and in every list', () => {
    expect(visitVisibility(['station_deputy'], 'record')).toEqual({ visitorName: 'masked', visitorPhone: 'masked', visitorVillage: 'masked' })
    for (const r of VISIT_RELATIONS) expect(Object.values(visitVisibility([r], 'list')).every((l) => l === 'masked')).toBe(true)
    expect(visitVisibility(['station_supervisor'], 'record').visitorPhone).toBe('whole')
    expect(visitVisibility([], 'record').visitorPhone).toBe('hidden')
  })
})

describe('docs/privacy.md', () => {
  it('is the text the visibility table renders (run: npx tsx scripts/privacy-doc.ts)', () => {
    expect(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'privacy.md'), 'utf8')).toBe(renderPrivacyDoc())
  })

  it('is what docs/states.md points to instead of repeating who sees which field', () => {
    const states = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'states.md'), 'utf8')
    expect(states).toContain('privacy.md#谁能看到')
    expect(states).not.toMatch(/姓名显示为/)
  })
})
