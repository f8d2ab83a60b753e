import { createVisitInput, visitorPhone } from '../../../shared/api/visit'
import {
  maskPlace,
  maskVisitor,
  missingFields,
  monthRange,
  townshipGovernmentCode,
  townshipGovernmentName,
} from '../../../shared/domain/visits'

describe('visit register domain rules', () => {
  it('masks a village keeping its first and last character', () => {
    expect(maskPlace('东关村')).toBe('东*村')
    expect(maskPlace('城关街道东关社区')).toBe('城******区')
    expect(maskPlace('村')).toBe('*')
    expect(maskPlace('西关')).toBe('西*')
    expect(maskPlace('')).toBe('')
    expect(maskPlace(null)).toBe('')
  })

  it('masks a whole visitor', () => {
    expect(maskVisitor({ name: '张秀兰', phone: '13912345678', village: '东关村' })).toEqual({ name: '张**', phone: '139****5678', village: '东*村' })
    expect(maskVisitor({ name: '李四', phone: '13698765432', village: null })).toEqual({ name: '李*', phone: '136****5432', village: null })
  })

  it('gives each township government a stable code and its proper name', () => {
    const townships = ['城关镇', '七贤镇', '郇封镇']
    expect(townshipGovernmentCode('XW', townships, '城关镇')).toBe('XW-TG01')
    expect(townshipGovernmentCode('XW', townships, '郇封镇')).toBe('XW-TG03')
    expect(townshipGovernmentCode('XW', townships, '不存在')).toBeNull()
    expect(townshipGovernmentName('城关镇')).toBe('城关镇人民政府')
    expect(townshipGovernmentName('王屯乡')).toBe('王屯乡人民政府')
    expect(townshipGovernmentName('城关街道')).toBe('城关街道办事处')
  })

  it('names the checked fields a record still lacks', () => {
    expect(missingFields(null, null)).toEqual(['result', 'opinion'])
    expect(missingFields('已解决', null)).toEqual(['opinion'])
    expect(missingFields(null, { rating: 'satisfied' })).toEqual(['result'])
    expect(missingFields('已解决', { rating: 'satisfied' })).toEqual([])
  })

  it('spans whole months, leap years included', () => {
    expect(monthRange('2028-02')).toEqual(['2028-02-01', '2028-02-29'])
    expect(monthRange('2026-12')).toEqual(['2026-12-01', '2026-12-31'])
  })
})

describe('visit input schemas', () => {
  it('accepts mainland mobile numbers as people type them, and nothing else', () => {
    expect(visitorPhone.parse(' 139 1234 5678 ')).toBe('13912345678')
    expect(visitorPhone.parse('139-1234-5678')).toBe('13912345678')
    for (const bad of ['12912345678', '139123456789', '0391-5551234', '+8613912345678', 'abc', '']) {
      const res = visitorPhone.safeParse(bad)
      expect(res.success).toBe(false)
      expect(res.error?.issues[0].message).toBe('来访人手机号码不是有效的大陆手机号码（11位，以13–19开头）')
    }
  })

  const base = {
    clientId: 'draft0000001',
    stationCode: 'xwt01',
    visitedAt: '2026-09-15T02:00:00.000Z',
    visitor: { name: '张秀兰', phone: '13912345678' },
    matter: '路灯坏了',
    categoryCode: 'urban_rural_construction',
  }

  it('needs the answer for an on-the-spot answer and the route for a 交办单', () => {
    expect(createVisitInput.safeParse({ ...base, handling: 'answered_on_spot', answer: '本周修复' }).success).toBe(true)
    const noAnswer = createVisitInput.safeParse({ ...base, handling: 'answered_on_spot' })
    expect(noAnswer.error?.issues[0]).toMatchObject({ path: ['answer'], message: '当场答复的，请填写答复内容' })
    const noRoute = createVisitInput.safeParse({ ...base, handling: 'assignment_form' })
    expect(noRoute.error?.issues[0]).toMatchObject({ path: ['route'], message: '填写交办单的，请选择交办去向' })
    const early = createVisitInput.safeParse({ ...base, handling: 'assignment_form', route: 'county', opinion: { rating: 'satisfied' } })
    expect(early.error?.issues[0]).toMatchObject({ path: ['opinion'], message: '交办单事项办理完毕后再登记群众意见' })
  })

  it('fills defaults and upper-cases the station', () => {
    const parsed = createVisitInput.parse({ ...base, handling: 'assignment_form', route: 'township' })
    expect(parsed).toMatchObject({ stationCode: 'XWT01', revision: 1, visitorCount: 1, deputyCodes: [] })
  })

  it('refuses a client id that is not one', () => {
    expect(createVisitInput.safeParse({ ...base, clientId: 'x', handling: 'answered_on_spot', answer: '好' }).success).toBe(false)
  })
})
