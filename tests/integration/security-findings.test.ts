/**
 * Issue 13: one regression test per finding of the hostile-user review, named as the behaviour
 * that now holds. The property-based attack suite (attack.test.ts) and the access matrix
 * (access-matrix.test.ts) cover the same ground broadly; these pin each finding down.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createLocalServer, LOCAL_IDENTITY_HEADER, TIMER_SECRET_HEADER } from '../../cloudfunctions/_local/server'
import { actions, who } from '../support/actors'
import { backendPerTest } from '../support/backend'
import { visitWorld, vwho } from './visit-support'

const backend = backendPerTest()
const a = actions(backend)

async function serve(options: { host?: string; timerSecret?: string | null } = {}): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createLocalServer({ deps: backend.deps, timerSecret: options.timerSecret ?? null })
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

const post = (base: string, path: string, headers: Record<string, string> = {}, body = '{}') =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('route lookups find only their own entries', () => {
  it('refuses POST /timer/constructor without answering internal state', async () => {
    const s = await serve()
    try {
      for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']) {
        const res = await post(s.base, `/timer/${name}`)
        const text = await res.text()
        expect([name, res.status]).toEqual([name, 404])
        expect(JSON.parse(text)).toEqual({ ok: false, code: 'not_found', message: '定时任务不存在' })
        expect(text).not.toMatch(/sqlite|migration|:memory:|store|column|table/i)
      }
    } finally {
      await s.close()
    }
  })

  it('answers /fn/constructor, /fn/valueOf and friends with not_found, never an echo or a 500', async () => {
    const s = await serve()
    try {
      for (const name of ['constructor', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__']) {
        const res = await post(s.base, `/fn/${name}`, { [LOCAL_IDENTITY_HEADER]: who.resident }, JSON.stringify({ action: 'whoami', secret: 'echo-me' }))
        const text = await res.text()
        expect([name, res.status]).toEqual([name, 404])
        expect(JSON.parse(text)).toMatchObject({ ok: false, code: 'not_found' })
        expect(text).not.toContain('echo-me')
      }
    } finally {
      await s.close()
    }
  })

  it('answers a request target no URL parser accepts with 400, not a 500', async () => {
    const s = await serve()
    try {
      const res = await fetch(`${s.base}//>/constructor`)
      expect(res.status).toBeLessThan(500)
      const malformed = await fetch(`${s.base}/fn/%E0%A4%A`, { method: 'POST', body: '{}' })
      expect(malformed.status).toBeLessThan(500)
    } finally {
      await s.close()
    }
  })

  it('answers inherited action names inside a function with not_found, not a crash', async () => {
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await backend.call('suggestion', { action, payload: {} }, who.resident)
      expect(res).toMatchObject({ ok: false, code: 'not_found', field: 'action' })
    }
  })
})

describe('timers on the local server', () => {
  it('refuses a timer request that carries any user identity, even from the machine itself', async () => {
    const s = await serve()
    try {
      for (const openid of [who.resident, who.countyStaff, 'nobody']) {
        const res = await post(s.base, '/timer/timers', { [LOCAL_IDENTITY_HEADER]: openid })
        expect(res.status).toBe(403)
        expect(await res.json()).toMatchObject({ ok: false, code: 'forbidden' })
      }
      expect((await post(s.base, '/timer/timers')).status).toBe(200)
    } finally {
      await s.close()
    }
  })

  it('refuses timers on a server listening beyond loopback when no secret is set', async () => {
    const s = await serve({ host: '0.0.0.0' })
    try {
      const res = await post(s.base, '/timer/timers')
      expect(res.status).toBe(403)
      expect((await res.json()).message).toContain('WDT_TIMER_SECRET')
    } finally {
      await s.close()
    }
  })

  it('runs timers only with the secret from the environment, when one is set', async () => {
    const s = await serve({ host: '0.0.0.0', timerSecret: 'correct horse battery staple' })
    try {
      expect((await post(s.base, '/timer/timers')).status).toBe(403)
      expect((await post(s.base, '/timer/timers', { [TIMER_SECRET_HEADER]: 'correct horse' })).status).toBe(403)
      const both = await post(s.base, '/timer/timers', { [TIMER_SECRET_HEADER]: 'correct horse battery staple', [LOCAL_IDENTITY_HEADER]: who.countyStaff })
      expect(both.status).toBe(403)
      const ok = await post(s.base, '/timer/timers', { [TIMER_SECRET_HEADER]: 'correct horse battery staple' })
      expect(ok.status).toBe(200)
      expect(await ok.json()).toMatchObject({ ok: true, data: { flagOverdue: 0 } })
    } finally {
      await s.close()
    }
  })

  it('reads the secret from WDT_TIMER_SECRET by default', async () => {
    process.env.WDT_TIMER_SECRET = 'from-the-environment'
    const server = createLocalServer({ deps: backend.deps })
    delete process.env.WDT_TIMER_SECRET
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect((await post(base, '/timer/timers')).status).toBe(403)
      expect((await post(base, '/timer/timers', { [TIMER_SECRET_HEADER]: 'from-the-environment' })).status).toBe(200)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('names do not leak to other residents', () => {
  it('shows a follower neither the contact name nor names in the history', async () => {
    const { id } = await a.submit('村口路灯坏了三个多月，晚上出行不便')
    await a.ok(who.deputy, 'accept', { id, categoryCode: 'urban_rural_construction' })
    await a.ok(who.otherResident, 'follow', { id })
    const seen = await a.ok(who.otherResident, 'get', { id })
    expect(seen.contactName).toBeNull()
    expect(seen.photos).toEqual([])
    expect(seen.history.map((h: { actorName: string }) => h.actorName)).toEqual(['群众', '人大代表'])
    expect(JSON.stringify(seen)).not.toContain('张女士')
    expect(JSON.stringify(seen)).not.toContain('13912345678')
    // the deputy is a public figure (on the station page): named as the item's owner, not in the history
    expect(seen.ownerDeputyName).toBe('王建国')
    // the submitter still sees their own name and the deputy's
    const own = await a.ok(who.resident, 'get', { id })
    expect(own.contactName).toBe('张女士')
    expect(own.history.map((h: { actorName: string }) => h.actorName)).toEqual(['张女士', '王建国'])
  })

  it('shows a follower neither what the submitter wrote in the history nor their rating’s comment', async () => {
    const { id } = await a.submit()
    await a.ok(who.otherResident, 'follow', { id })
    await a.ok(who.resident, 'withdraw', { id, reason: '已与张女士邻居协商解决' })
    const seen = await a.ok(who.otherResident, 'get', { id })
    expect(seen.history.at(-1)).toMatchObject({ event: 'withdraw', actorName: '群众', note: null })
    expect((await a.ok(who.resident, 'get', { id })).history.at(-1).note).toBe('已与张女士邻居协商解决')
  })

  it('does not name the submitter to a follower in a conflict message (found by the attack suite)', async () => {
    const id = await a.walkTo('resolved')
    await a.ok(who.otherResident, 'follow', { id })
    await a.ok(who.resident, 'rate', { id, rating: 'satisfied' })
    const late = await a.raw(who.otherResident, 'rate', { id, rating: 'satisfied' })
    expect(late).toMatchObject({ ok: false, code: 'conflict', message: '该事项刚刚已由群众验单，请刷新后查看' })
    expect(await a.raw(who.countyStaff, 'rate', { id, rating: 'satisfied' })).toMatchObject({ message: '该事项刚刚已由张女士验单，请刷新后查看' })
  })

  it('masks the name to a deputy of the station who did not take the item', async () => {
    const { id } = await a.submit()
    const seen = await a.ok(who.sameStationDeputy, 'get', { id })
    expect(seen).toMatchObject({ contactName: '张**', contactPhone: '139****5678' })
    expect(seen.history[0].actorName).toBe('张**')
  })

  it('answers similar without any item number', async () => {
    const { id } = await a.submit('台创园区路面损毁严重，雨雪天气存在安全隐患')
    const res = await a.ok(who.otherResident, 'similar', { stationCode: 'XWT01', content: '台创园区路面损毁，雨雪天气有安全隐患' })
    expect(res.items.map((i: { id: string }) => i.id)).toContain(id)
    for (const item of res.items) expect(Object.keys(item).sort()).toEqual(['excerpt', 'followerCount', 'id', 'score', 'stateLabel'])
  })

  it('shows the handling department the whole number only when the resident agreed, and logs each such read for staff', async () => {
    const id = await a.walkTo('dispatched')
    expect((await a.ok(who.department, 'get', { id })).contactPhone).toBe('139****5678')
    expect((await a.ok(who.countyStaff, 'contactReads', { id })).items).toEqual([])

    const { id: agreed } = await a.submit('台创园区路面损毁严重，请承办单位直接联系我', who.resident, { contactConsent: true })
    await a.ok(who.deputy, 'accept', { id: agreed, categoryCode: 'transport' })
    await a.ok(who.deputy, 'escalate', { id: agreed, target: 'county', note: '需交通局处理' })
    await a.ok(who.countyStaff, 'dispatch', { id: agreed, departmentCode: 'XW-D09', requirements: '联系群众并修复', workdays: 10 })
    const seen = await a.ok(who.department, 'get', { id: agreed })
    expect(seen).toMatchObject({ contactName: '张女士', contactPhone: '13912345678' })
    await a.ok(who.department, 'acknowledge', { id: agreed })
    expect((await a.ok(who.otherDepartment, 'get', { id: agreed }).catch(() => null))).toBeNull()
    const reads = (await a.ok(who.countyStaff, 'contactReads', { id: agreed })).items
    expect(reads.map((r: { via: string; departmentCode: string }) => [r.via, r.departmentCode])).toEqual([
      ['acknowledge', 'XW-D09'],
      ['get', 'XW-D09'],
    ])
    expect(reads[0].fields).toEqual(expect.arrayContaining(['contactName', 'contactPhone']))
    // staff reading it themselves is no consent read; the department cannot list the trail
    await a.ok(who.countyStaff, 'get', { id: agreed })
    expect((await a.ok(who.countyStaff, 'contactReads', { id: agreed })).items).toHaveLength(2)
    expect(await a.raw(who.department, 'contactReads', { id: agreed })).toMatchObject({ code: 'forbidden' })
  })

  it('ignores consent on an anonymous submission', async () => {
    const { id } = await a.submit('路灯不亮', who.resident, { anonymous: true, contactName: undefined, contactPhone: undefined, contactConsent: true })
    const doc = await backend.store.collection<{ _id: string; contactConsent: boolean }>('suggestions').get(id)
    expect(doc?.contactConsent).toBe(false)
  })
})

describe('invisible content', () => {
  it('refuses a concern made only of zero-width characters', async () => {
    const res = await a.raw(who.resident, 'submit', { clientRequestId: 'zero-width-1', stationCode: 'XWT01', anonymous: true, content: '\u200B\u200C\u200D\u2060\uFEFF' })
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', field: 'content', message: '请填写反映内容' })
    expect(await backend.store.collection('suggestions').count()).toBe(0)
  })

  it('stores a name without bidi override characters', async () => {
    const { id } = await a.submit('路灯不亮', who.resident, { contactName: '\u202E士女张\u202C' })
    expect((await a.ok(who.resident, 'get', { id })).contactName).toBe('士女张')
  })
})

describe('authorization before validation', () => {
  it('tells a resident calling a staff action forbidden, not what the payload lacks', async () => {
    for (const [action, payload] of [
      ['dispatch', {}],
      ['dispatch', { id: 12, workdays: 'soon' }],
      ['dispatchBoard', { filters: { state: 'nonsense' } }],
      ['supervise', { id: 'x' }],
      ['release', null],
    ] as const) {
      const res = await backend.call('suggestion', { action, payload }, who.resident)
      expect([action, res]).toEqual([action, expect.objectContaining({ ok: false, code: 'forbidden' })])
      expect(res.ok || res.field).toBeFalsy()
    }
    expect(await backend.call('stats', { action: 'overview', payload: { from: 'never' } }, who.deputy)).toMatchObject({ code: 'forbidden' })
    expect(await backend.call('visit', { action: 'create', payload: { nonsense: true } }, who.department)).toMatchObject({ code: 'forbidden' })
  })
})

describe('the smaller findings', () => {
  it("refuses 临颍 staff the list of 修武's departments", async () => {
    const res = await backend.call('directory', { action: 'listDepartments', payload: { countyCode: 'xiuwu' } }, who.otherCountyStaff)
    expect(res).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('refuses township staff the duty compliance of another township, as statistics do', async () => {
    const res = await backend.call('reception', { action: 'dutyCompliance', payload: { township: '七贤镇' } }, who.townshipStaff)
    expect(res).toMatchObject({ ok: false, code: 'forbidden' })
    const stats = await backend.call('stats', { action: 'overview', payload: { township: '七贤镇', from: '2026-01', to: '2026-03' } }, who.townshipStaff)
    expect(stats).toMatchObject({ ok: false, code: 'forbidden' })
    expect(await backend.call('reception', { action: 'dutyCompliance', payload: { township: '城关镇' } }, who.townshipStaff)).toMatchObject({ ok: true })
  })

  it('does not let a supervisor withdraw a 交办单 they filed as if they were the resident', async () => {
    const w = await visitWorld()
    try {
      const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
      const id = record.assignment.suggestionId
      expect(await w.suggestion.refused(vwho.supervisor, 'withdraw', { id, reason: '群众说不用办了' })).toMatchObject({ code: 'forbidden' })
      const item = await w.suggestion.ok(vwho.countyStaff, 'get', { id })
      expect(item.state).toBe('escalated')
      // the supervisor still reads it in full, through the station, not as its "submitter"
      expect((await w.suggestion.ok(vwho.supervisor, 'get', { id })).contactPhone).toBe('13912345678')
    } finally {
      await w.close()
    }
  })

  it('answers directory.getStation to a caller without any identity', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'XWT01' } }, null)
    expect(res).toMatchObject({ ok: true, data: { code: 'XWT01', name: '城关镇人大代表联络站' } })
    expect(await backend.call('directory', { action: 'whoami' }, null)).toMatchObject({ code: 'unauthenticated' })
  })
})
