/**
 * The Open311 GeoReport v2-compatible read-only export (action and local GET routes): its fields,
 * status mapping, paging, and that no personal data leaves. Topic clusters across stations.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import { actions, who } from '../support/actors'
import { backendPerTest, fixedClock } from '../support/backend'
import { stats } from '../support/stats'

const clock = fixedClock('2026-03-02T01:00:00.000Z')
const backend = backendPerTest({ clock })
const a = actions(backend)
const s = stats(backend)

const PERSONAL = ['张女士', '13912345678', 'demo-resident-1', '台创园区', '路面损毁']

/** A verified item, an open one, a dispatched one, a withdrawn one, one referred, one held for review. */
async function someItems() {
  const verified = await a.walkTo('resolved')
  await a.ok(who.resident, 'rate', { id: verified, rating: 'satisfied', comment: '感谢张女士的邻居帮忙' })
  const { id: open } = await a.submit()
  const dispatched = await a.walkTo('dispatched')
  const { id: withdrawn } = await a.submit()
  await a.ok(who.resident, 'withdraw', { id: withdrawn })
  const { id: referred } = await a.submit()
  await a.ok(who.deputy, 'refer', { id: referred, reason: '属于诉讼事项' })
  const { id: held } = await a.submit('关于集体维权的问题')
  return { verified, open, dispatched, withdrawn, referred, held }
}

describe('Open311 requests', () => {
  it('exports items with GeoReport v2 fields and nothing personal', async () => {
    const ids = await someItems()
    const out = await s.ok('anyone-at-all', 'open311Requests', { countyCode: 'xiuwu' })
    expect(out.nextPageToken).toBeNull()
    expect(out.items).toHaveLength(3) // not the withdrawn, referred or held item
    const byStatus = (st: string) => out.items.filter((r: any) => r.status === st)
    expect(byStatus('open')).toHaveLength(2)
    const closed = byStatus('closed')[0]
    const detail = await a.ok(who.resident, 'get', { id: ids.verified })
    expect(closed).toEqual({
      service_request_id: detail.number,
      status: 'closed',
      status_notes: '已验单：已解决',
      service_name: '交通出行',
      service_code: 'transport',
      agency_responsible: '修武县交通运输局',
      service_notice: null,
      requested_datetime: '2026-03-02T09:00:00+08:00',
      updated_datetime: '2026-03-02T09:00:00+08:00',
      expected_datetime: null,
      address: '城关镇人大代表联络站（修武县城关镇人民政府院内）',
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    })
    const dispatched = out.items.find((r: any) => r.status_notes === '已派单')
    expect(dispatched).toMatchObject({ status: 'open', agency_responsible: '修武县交通运输局', expected_datetime: '2026-03-16T23:59:59+08:00' })
    const submitted = out.items.find((r: any) => r.status_notes === '已点单')
    expect(submitted).toMatchObject({ service_code: 'uncategorized', service_name: '未分类', agency_responsible: '城关镇人大代表联络站' })
    const text = JSON.stringify(out)
    for (const personal of PERSONAL) expect(text).not.toContain(personal)
    expect(await s.ok('anyone-at-all', 'open311Requests', { countyCode: 'xiuwu', status: 'closed' })).toMatchObject({ items: [closed] })
    expect((await s.ok('anyone-at-all', 'open311Requests', { countyCode: 'xiuwu', status: 'open' })).items).toHaveLength(2)
  })

  it('pages with a token until every item was read once', async () => {
    for (let i = 0; i < 3; i++) await a.walkTo('dispatched')
    for (let i = 0; i < 4; i++) await a.submit(`第${i}条意见`)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await s.ok('anyone-at-all', 'open311Requests', { countyCode: 'xiuwu', pageSize: 2, ...(token ? { pageToken: token } : {}) })
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((r: any) => r.service_request_id))
      token = page.nextPageToken ?? undefined
      pages++
    } while (token && pages < 20)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect(await s.refused('anyone-at-all', 'open311Requests', { countyCode: 'xiuwu', pageToken: 'not-a-token' })).toMatchObject({ code: 'validation_failed' })
    expect(await s.refused('anyone-at-all', 'open311Requests', { countyCode: 'nowhere' })).toMatchObject({ code: 'not_found' })
  })

  it('lists the categories as services', async () => {
    const { items } = await s.ok('anyone-at-all', 'open311Services', {})
    expect(items).toContainEqual(expect.objectContaining({ service_code: 'transport', service_name: '交通出行', metadata: false, type: 'realtime' }))
    expect(items.map((i: any) => i.service_code)).toContain('uncategorized')
  })

  it('is served at /open311/v2/requests.json and services.json on the local server', async () => {
    await someItems()
    for (let i = 0; i < 3; i++) await a.submit(`第${i}条意见`)
    const server: Server = createLocalServer({ deps: backend.deps })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const res = await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=xiuwu&page_size=4`)
      expect(res.status).toBe(200)
      const first = await res.json()
      expect(Array.isArray(first)).toBe(true)
      expect(first).toHaveLength(4)
      const link = res.headers.get('link')!
      expect(link).toMatch(/^<\/open311\/v2\/requests\.json\?jurisdiction_id=xiuwu&page_size=4&page_token=[^>]+>; rel="next"$/)
      const second = await (await fetch(base + link.slice(1, link.indexOf('>')))).json()
      expect(second).toHaveLength(2)
      for (const personal of PERSONAL) expect(JSON.stringify([...first, ...second])).not.toContain(personal)
      const closed = await (await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=xiuwu&status=closed`)).json()
      expect(closed.map((r: any) => r.status)).toEqual(['closed'])
      const missing = await fetch(`${base}/open311/v2/requests.json`)
      expect(missing.status).toBe(400)
      expect(await missing.json()).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }])
      expect((await fetch(`${base}/open311/v2/requests.json?jurisdiction_id=nowhere`)).status).toBe(404)
      const services = await (await fetch(`${base}/open311/v2/services.json`)).json()
      expect(services[0]).toMatchObject({ service_code: 'economy', service_name: '经济发展' })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('topic clusters', () => {
  async function filed(station: string, deputy: string, content: string, categoryCode: string) {
    const { id } = await a.submit(content, who.resident, { stationCode: station })
    await a.ok(deputy, 'accept', { id, categoryCode, grade: 'normal' })
    return id
  }

  it('groups similar open items across stations and advises a joint 建议 or a thematic reception day', async () => {
    // the same road problem in 城关镇 (XWT01) and 七贤镇 (XWT02)
    await filed('XWT01', who.deputy, '村里道路坑洼严重，雨天积水无法通行', 'transport')
    await filed('XWT02', who.otherStationDeputy, '我们村道路坑洼严重，下雨天积水没法通行', 'transport')
    await filed('XWT02', who.otherStationDeputy, '道路坑洼严重雨天积水，孩子上学无法通行', 'transport')
    // garbage at one station only
    await filed('XWT01', who.deputy, '村口垃圾清运不及时，垃圾堆积发臭', 'environment')
    await filed('XWT01', who.sameStationDeputy, '垃圾清运不及时，村口垃圾堆积影响生活', 'environment')
    // unrelated items do not group
    await filed('XWT01', who.deputy, '希望增加老年助餐点', 'social_security')
    await filed('XWT01', who.deputy, '学校门口缺少红绿灯', 'transport')

    const out = await s.ok(who.countyStaff, 'clusters', {})
    expect(out.scanned).toBe(7)
    expect(out.clusters).toHaveLength(2)
    const [roads, garbage] = out.clusters
    expect(roads).toMatchObject({
      categoryCode: 'transport', categoryLabel: '交通出行', size: 3, townships: ['七贤镇', '城关镇'], advice: 'joint_suggestion',
      stations: [{ code: 'XWT02', count: 2 }, { code: 'XWT01', count: 1 }],
    })
    expect(roads.adviceText).toContain('联名提出建议')
    expect(garbage).toMatchObject({ categoryCode: 'environment', size: 2, townships: ['城关镇'], advice: 'thematic_reception' })
    expect(garbage.adviceText).toContain('城关镇人大代表联络站')
    expect(garbage.adviceText).toContain('主题接待日')
    expect(garbage.items[0]).toEqual(expect.objectContaining({ stationName: '城关镇人大代表联络站', stateLabel: '已接单' }))

    // township staff see their township's items only
    const township = await s.ok(who.townshipStaff, 'clusters', {})
    expect(township.scanned).toBe(5) // the five filed at XWT01
    expect(township.clusters.map((c: any) => c.categoryCode)).toEqual(['environment'])
    expect((await s.ok(who.countyStaff, 'clusters', { minSize: 3 })).clusters.map((c: any) => c.size)).toEqual([3])
  })
})
