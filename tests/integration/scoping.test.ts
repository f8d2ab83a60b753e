import { actions, who } from '../support/actors'
import { backendPerTest } from '../support/backend'

const backend = backendPerTest()
const a = actions(backend)

describe('who may act on which item', () => {
  it("hides a station's item from a deputy of another station", async () => {
    const { id } = await a.submit()
    expect(await a.raw(who.otherStationDeputy, 'accept', { id, categoryCode: 'transport' })).toMatchObject({ code: 'not_found' })
    expect(await a.raw(who.otherStationDeputy, 'get', { id })).toMatchObject({ code: 'not_found' })
  })

  it('keeps an accepted item with its first deputy (首问负责)', async () => {
    const id = await a.walkTo('accepted')
    expect(await a.raw(who.sameStationDeputy, 'escalate', { id, target: 'county', note: '提交' })).toMatchObject({ code: 'forbidden' })
  })

  it('lets only the department it was dispatched to handle an item', async () => {
    const id = await a.walkTo('dispatched')
    expect(await a.raw(who.otherDepartment, 'acknowledge', { id })).toMatchObject({ code: 'not_found' })
    expect(await a.raw(who.otherDepartment, 'get', { id })).toMatchObject({ code: 'not_found' })
  })

  it("keeps township staff to their township and county staff to their county", async () => {
    const id = await a.walkTo('escalated')
    expect(await a.raw(who.otherTownshipStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '办理', workdays: 5 })).toMatchObject({ code: 'not_found' })
    expect(await a.raw(who.otherCountyStaff, 'get', { id })).toMatchObject({ code: 'not_found' })
    await a.ok(who.townshipStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '办理', workdays: 5 })
  })

  it('does not let a resident rate or withdraw an item they only follow', async () => {
    const { id } = await a.submit()
    await a.ok(who.otherResident, 'follow', { id })
    expect(await a.raw(who.otherResident, 'withdraw', { id })).toMatchObject({ code: 'forbidden' })
  })

  it('shows the full phone number to the owning deputy and staff, masked to others', async () => {
    const id = await a.walkTo('dispatched')
    expect((await a.ok(who.deputy, 'get', { id })).contactPhone).toBe('13912345678')
    expect((await a.ok(who.countyStaff, 'get', { id })).contactPhone).toBe('13912345678')
    expect((await a.ok(who.department, 'get', { id })).contactPhone).toBe('139****5678')
  })

  it('offers each role only the verbs it may use now', async () => {
    const id = await a.walkTo('dispatched')
    expect((await a.ok(who.department, 'get', { id })).allowedActions).toEqual(['acknowledge', 'requestExtension', 'sendBack'])
    expect((await a.ok(who.countyStaff, 'get', { id })).allowedActions).toEqual(['supervise'])
    expect((await a.ok(who.resident, 'get', { id })).allowedActions).toEqual([])
  })
})

describe('queues', () => {
  it("fills a deputy's station queue, a staff board and a department queue", async () => {
    const fresh = await a.submit('新点单')
    const escalated = await a.walkTo('escalated')
    const dispatched = await a.walkTo('dispatched')
    const station = await a.ok(who.deputy, 'stationQueue', { state: 'submitted' })
    expect(station.items.map((i: { id: string }) => i.id)).toEqual([fresh.id])
    const board = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { state: 'escalated' } })
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([escalated])
    const dept = await a.ok(who.department, 'departmentQueue', {})
    expect(dept.items.map((i: { id: string }) => i.id)).toEqual([dispatched])
    expect(dept.items[0]).toMatchObject({ departmentName: '修武县交通运输局', deadline: expect.any(String), overdue: false })
    const mine = await a.ok(who.deputy, 'myHandled', {})
    expect(mine.items).toHaveLength(2)
  })

  it('refuses the dispatch board to a resident and the department queue to a deputy', async () => {
    expect(await a.raw(who.resident, 'dispatchBoard', {})).toMatchObject({ code: 'forbidden' })
    expect(await a.raw(who.deputy, 'departmentQueue', {})).toMatchObject({ code: 'forbidden' })
    expect(await a.raw(who.deputy, 'stationQueue', { stationCode: 'XWT02' })).toMatchObject({ code: 'forbidden' })
  })

  it('keeps content held for review out of the station queue until staff release it', async () => {
    const { id } = await a.submit('我们准备集体维权')
    expect((await a.ok(who.deputy, 'stationQueue', {})).items).toHaveLength(0)
    const held = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { moderation: 'held' } })
    expect(held.items.map((i: { id: string; held: boolean }) => [i.id, i.held])).toEqual([[id, true]])
    expect(await a.raw(who.deputy, 'release', { id })).toMatchObject({ ok: false })
    const detail = await a.ok(who.countyStaff, 'get', { id })
    expect(detail.held).toBe(true)
    expect(detail.allowedActions[0]).toBe('release')
    const released = await a.ok(who.countyStaff, 'release', { id, note: '内容属实，可以办理' })
    expect(released.held).toBe(false)
    expect(released.allowedActions).not.toContain('release')
    expect(released.history.at(-1)).toMatchObject({ event: 'release', eventLabel: '内容审核通过' })
    expect((await a.ok(who.deputy, 'stationQueue', {})).items.map((i: { id: string }) => i.id)).toEqual([id])
    expect(await a.raw(who.countyStaff, 'release', { id })).toMatchObject({ code: 'invalid_transition' })
  })
})
