import { actions, who } from '../support/actors'
import { backendPerTest, fixedClock } from '../support/backend'

// 2026-11-26 is a Thursday; 10 working days later is 2026-12-10.
const clock = fixedClock('2026-11-26T02:00:00.000Z')
const backend = backendPerTest({ clock })
const a = actions(backend)

describe('the five-order loop, step by step', () => {
  it('runs 点单 → 接单 → 提交人大 → 派单 → 签收 → 销单 → 验单 and records every step', async () => {
    const { id } = await a.submit()
    const accepted = await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })
    expect(accepted).toMatchObject({ state: 'accepted', ownerDeputyName: '王建国', gradeLabel: '重要', categoryLabel: '交通出行' })
    await a.ok(who.deputy, 'escalate', { id, target: 'county', note: '需交通局处理' })
    const dispatched = await a.ok(who.countyStaff, 'dispatch', {
      id,
      departmentCode: 'XW-D09',
      coDepartmentCodes: ['XW-D16'],
      requirements: '实地察看并修复',
      workdays: 10,
    })
    expect(dispatched).toMatchObject({ state: 'dispatched', departmentName: '修武县交通运输局', coDepartmentNames: ['修武县城市管理局'], deadline: '2026-12-10' })
    await a.ok(who.department, 'acknowledge', { id, note: '已签收' })
    await a.ok(who.department, 'progress', { id, note: '已实地察看，制定改造方案' })
    const resolved = await a.ok(who.department, 'resolve', { id, reply: '已于7月完成改造', outcome: 'solved' })
    expect(resolved.resolution).toMatchObject({ outcome: 'solved', outcomeLabel: '已解决' })
    const verified = await a.ok(who.resident, 'rate', { id, rating: 'satisfied', comment: '路修好了' })
    expect(verified).toMatchObject({ state: 'verified', stateLabel: '已验单', residentRating: { ratingLabel: '满意' } })
    await a.ok(who.deputy, 'deputyRate', { id, rating: 'satisfied' })

    const detail = await a.ok(who.resident, 'get', { id })
    expect(detail.history.map((h: { event: string }) => h.event)).toEqual([
      'submit', 'accept', 'escalate', 'dispatch', 'acknowledge', 'progress', 'resolve', 'verify', 'deputy_rate',
    ])
    expect(detail.history.every((h: { at: string; actorName: string }) => h.at && h.actorName)).toBe(true)
  })

  it('closes an on-the-spot answer when the resident is satisfied', async () => {
    const id = await a.walkTo('answered')
    const verified = await a.ok(who.resident, 'rate', { id, rating: 'basically_satisfied' })
    expect(verified.state).toBe('verified')
    expect(verified.answer).toBe('已联系交通局，下周修补')
  })

  it('reopens for re-handling on 不满意, at most twice, then closes with the rating on record', async () => {
    const id = await a.walkTo('resolved')
    for (let round = 1; round <= 2; round++) {
      const reopened = await a.ok(who.resident, 'rate', { id, rating: 'unsatisfied', reopen: true, comment: '没有修好' })
      expect(reopened).toMatchObject({ state: 'dispatched', reopenCount: round })
      await a.ok(who.department, 'acknowledge', { id })
      await a.ok(who.department, 'resolve', { id, reply: `第${round + 1}次办理结果`, outcome: 'solved' })
    }
    const third = await a.raw(who.resident, 'rate', { id, rating: 'unsatisfied', reopen: true, comment: '还是不行' })
    expect(third).toMatchObject({ ok: false, code: 'reopen_limit' })
    const closed = await a.ok(who.resident, 'rate', { id, rating: 'unsatisfied', comment: '仍不满意' })
    expect(closed).toMatchObject({ state: 'verified', residentRating: { rating: 'unsatisfied' } })
  })

  it('gives a reopened item a fresh deadline as long as the first', async () => {
    const id = await a.walkTo('resolved')
    clock.set('2026-12-01T02:00:00.000Z')
    const reopened = await a.ok(who.resident, 'rate', { id, rating: 'unsatisfied', reopen: true, comment: '路面仍有坑洼' })
    expect(reopened.deadline).toBe('2026-12-15')
  })

  it('asks why before sending an item back for re-handling', async () => {
    const id = await a.walkTo('resolved')
    expect(await a.raw(who.resident, 'rate', { id, rating: 'unsatisfied', reopen: true })).toEqual({
      ok: false,
      code: 'validation_failed',
      message: '要求重新办理，请写明不满意的原因',
      field: 'comment',
    })
    expect((await a.ok(who.resident, 'get', { id })).state).toBe('resolved')
  })

  it('lets a department send a wrongly dispatched item back to staff', async () => {
    const id = await a.walkTo('dispatched')
    const back = await a.ok(who.department, 'sendBack', { id, reason: '不属于本单位职责' })
    expect(back).toMatchObject({ state: 'escalated', departmentName: null })
    await a.ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D16', requirements: '请城管局办理', workdays: 5 })
  })

  it('asks for a promised date when the outcome is 列入计划逐步解决', async () => {
    const id = await a.walkTo('in_progress')
    expect(await a.raw(who.department, 'resolve', { id, reply: '明年列入计划', outcome: 'planned' })).toMatchObject({
      code: 'validation_failed',
      field: 'promisedDate',
    })
    expect(await a.raw(who.department, 'resolve', { id, reply: '明年列入计划', outcome: 'planned', promisedDate: '2026-11-01' })).toMatchObject({
      code: 'validation_failed',
      field: 'promisedDate',
    })
    const ok = await a.ok(who.department, 'resolve', { id, reply: '明年列入计划', outcome: 'planned', promisedDate: '2027-06-30' })
    expect(ok.resolution).toMatchObject({ outcomeLabel: '列入计划逐步解决', promisedDate: '2027-06-30' })
  })
})

describe('extensions and supervision', () => {
  it('moves the deadline by the approved working days', async () => {
    const id = await a.walkTo('in_progress')
    const asked = await a.ok(who.department, 'requestExtension', { id, workdays: 5, reason: '需等待施工队' })
    expect(asked.extension).toEqual({ workdays: 5, reason: '需等待施工队', status: 'pending' })
    expect(await a.raw(who.department, 'requestExtension', { id, workdays: 3, reason: '再申请' })).toMatchObject({ code: 'invalid_transition' })
    const approved = await a.ok(who.countyStaff, 'decideExtension', { id, approve: true })
    expect(approved).toMatchObject({ deadline: '2026-12-17', extension: { status: 'approved' } })
  })

  it('lists pending extension requests under 延期审批 on the board until staff decide', async () => {
    const asking = await a.walkTo('in_progress')
    const quiet = await a.walkTo('in_progress')
    await a.ok(who.department, 'requestExtension', { id: asking, workdays: 5, reason: '需等待施工队' })
    const board = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { extensionPending: true } })
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([asking])
    expect(board.items[0].extensionRequestedDays).toBe(5)
    const all = await a.ok(who.countyStaff, 'dispatchBoard', { filters: { state: 'in_progress' } })
    expect(all.items.find((i: { id: string }) => i.id === quiet).extensionRequestedDays).toBeNull()
    await a.ok(who.countyStaff, 'decideExtension', { id: asking, approve: false })
    expect((await a.ok(who.countyStaff, 'dispatchBoard', { filters: { extensionPending: true } })).items).toEqual([])
  })

  it("shows on the deputy's own list whether the deputy has rated the department's reply", async () => {
    const id = await a.walkTo('resolved')
    const before = await a.ok(who.deputy, 'myHandled', {})
    expect(before.items.find((i: { id: string }) => i.id === id).deputyRated).toBe(false)
    await a.ok(who.deputy, 'deputyRate', { id, rating: 'basically_satisfied' })
    const after = await a.ok(who.deputy, 'myHandled', {})
    expect(after.items.find((i: { id: string }) => i.id === id).deputyRated).toBe(true)
  })

  it('refuses to decide an extension nobody asked for', async () => {
    const id = await a.walkTo('in_progress')
    expect(await a.raw(who.countyStaff, 'decideExtension', { id, approve: true })).toMatchObject({ code: 'invalid_transition', message: '没有待审批的延期申请' })
  })

  it('records 督办 and tells the department', async () => {
    const id = await a.walkTo('dispatched')
    await a.ok(who.countyStaff, 'supervise', { id, note: '请加快办理' })
    const messages = await backend.call('directory', { action: 'myMessages', payload: {} }, who.department)
    expect(messages.ok && messages.data.items.map((m: { body: string }) => m.body).join()).toContain('督办')
  })
})

describe('side exits', () => {
  it('lets the submitter withdraw before acceptance, and not after', async () => {
    const { id } = await a.submit()
    expect(await a.ok(who.resident, 'withdraw', { id, reason: '已自行解决' })).toMatchObject({ state: 'withdrawn' })
    const other = await a.walkTo('accepted')
    expect(await a.raw(who.resident, 'withdraw', { id: other })).toMatchObject({ code: 'invalid_transition', message: '当前状态为「已接单」，不能撤回' })
  })

  it('refers a court matter to the legal channel with its reason', async () => {
    const { id } = await a.submit('与邻居的宅基地纠纷已起诉，请求代表过问判决')
    const referred = await a.ok(who.deputy, 'refer', { id, reason: '属于诉讼事项，依法通过司法途径解决' })
    expect(referred).toMatchObject({ state: 'referred', referralReason: '属于诉讼事项，依法通过司法途径解决' })
    expect(await a.raw(who.deputy, 'refer', { id: (await a.submit()).id, reason: '' })).toMatchObject({ code: 'validation_failed', field: 'reason' })
  })

  it('merges a duplicate: its followers follow the surviving item and both residents are told', async () => {
    const first = await a.submit('村口路灯坏了三个月没人修')
    const dup = await a.submit('村口的路灯坏了好几个月了', who.otherResident)
    const merged = await a.ok(who.deputy, 'merge', { id: dup.id, intoId: first.id, reason: '同一处路灯' })
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: first.id })
    const seen = await a.ok(who.otherResident, 'get', { id: first.id })
    expect(seen).toMatchObject({ following: true, followerCount: 2 })
    const mine = await backend.call('directory', { action: 'myMessages', payload: {} }, who.resident)
    expect(mine.ok && mine.data.items.some((m: { title: string }) => m.title === '有群众反映了相同的问题')).toBe(true)
    const theirs = await backend.call('directory', { action: 'myMessages', payload: {} }, who.otherResident)
    expect(theirs.ok && theirs.data.items.some((m: { body: string }) => m.body.includes('并案'))).toBe(true)
  })

  it('refuses to merge an item into itself or into a closed item', async () => {
    const { id } = await a.submit()
    expect(await a.raw(who.deputy, 'merge', { id, intoId: id, reason: '重复' })).toMatchObject({ code: 'validation_failed', field: 'intoId' })
    const closed = await a.submit('另一件事')
    await a.ok(who.resident, 'withdraw', { id: closed.id })
    expect(await a.raw(who.deputy, 'merge', { id, intoId: closed.id, reason: '重复' })).toMatchObject({ code: 'validation_failed', field: 'intoId' })
  })
})

describe('following and similar items', () => {
  it('shows similar open items at the same station and lets another resident follow one', async () => {
    const { id } = await a.submit('台创园区路面损毁严重，雨雪天气存在安全隐患')
    await a.submit('学校食堂饭菜价格偏高')
    const similar = await a.ok(who.otherResident, 'similar', { stationCode: 'XWT01', content: '台创园区的路面损毁了，下雨天很危险' })
    expect(similar.items[0]).toMatchObject({ id, stateLabel: '已点单' })
    expect(similar.items).toHaveLength(1)
    expect(JSON.stringify(similar)).not.toContain('13912345678')
    const followed = await a.ok(who.otherResident, 'follow', { id })
    expect(followed).toMatchObject({ following: true, followerCount: 2, contactPhone: '139****5678' })
    await a.ok(who.otherResident, 'follow', { id })
    expect((await a.ok(who.resident, 'get', { id })).followerCount).toBe(2)
    const theirList = await a.ok(who.otherResident, 'listMine', {})
    expect(theirList.items.map((i: { id: string }) => i.id)).toEqual([id])
  })
})

describe('bad input', () => {
  it('answers not_found for an unknown id', async () => {
    expect(await a.raw(who.deputy, 'accept', { id: 'abcdef123456', categoryCode: 'transport' })).toMatchObject({ code: 'not_found' })
  })

  it('names the current state when a step comes out of order', async () => {
    const { id } = await a.submit()
    expect(await a.raw(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '办理', workdays: 5 })).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('「已点单」'),
    })
  })

  it('refuses dispatch to a department of another county and writes nothing', async () => {
    const id = await a.walkTo('escalated')
    const before = await a.ok(who.countyStaff, 'get', { id })
    expect(await a.raw(who.countyStaff, 'dispatch', { id, departmentCode: 'LY-D09', requirements: '办理', workdays: 5 })).toMatchObject({
      code: 'validation_failed',
      field: 'departmentCode',
    })
    const after = await a.ok(who.countyStaff, 'get', { id })
    expect(after).toEqual(before)
  })

  it.each([
    [{ workdays: 0 }, 'workdays'],
    [{ workdays: 91 }, 'workdays'],
    [{ requirements: '' }, 'requirements'],
    [{ departmentCode: '' }, 'departmentCode'],
  ])('refuses a dispatch with %p', async (patch, field) => {
    const id = await a.walkTo('escalated')
    const res = await a.raw(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '办理', workdays: 5, ...patch })
    expect(res).toMatchObject({ code: 'validation_failed', field })
  })

  it('refuses an unknown rating', async () => {
    const id = await a.walkTo('resolved')
    expect(await a.raw(who.resident, 'rate', { id, rating: 'great' })).toMatchObject({ code: 'validation_failed', field: 'rating', message: '请选择满意度' })
  })
})
