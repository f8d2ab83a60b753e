/** 办理结果 and 选民群众对办理结果的意见: callbacks, closing, the missing-fields list, session summary. */
import { visitWorld, vwho, type VisitWorld } from './visit-support'

let w: VisitWorld
beforeEach(async () => {
  w = await visitWorld()
})
afterEach(() => w.close())

/** Dispatch → acknowledge → resolve the item of a 交办单 (county route, 交通运输局). */
async function resolveItem(itemId: string, reply = '已完成路面修补') {
  await w.suggestion.ok(vwho.countyStaff, 'dispatch', { id: itemId, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 })
  await w.suggestion.ok(vwho.transport, 'acknowledge', { id: itemId })
  await w.suggestion.ok(vwho.transport, 'resolve', { id: itemId, reply, outcome: 'solved' })
}

describe('交办单 报县人大代工委 (issue 16)', () => {
  it('waits in the 派单台 待派单 of county staff, never in a deputy’s 待接单 or 接单 buttons', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    const id = record.assignment.suggestionId
    expect(record.assignment).toMatchObject({ route: 'county', state: 'escalated', stateLabel: '已提交人大', progress: '等待县人大常委会代工委研究交办' })

    // 待派单 is the board's view `state: escalated`
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id)
    expect(ids(await w.suggestion.ok(vwho.countyStaff, 'dispatchBoard', { filters: { state: 'escalated' } }))).toContain(id)

    // the station's deputies: not in 待接单 (already-clicked 已点单), nothing to accept
    for (const deputy of [vwho.deputy, 'demo-deputy-XWT01-R2']) {
      expect(ids(await w.suggestion.ok(deputy, 'stationQueue', { state: 'submitted' }))).not.toContain(id)
      expect(ids(await w.suggestion.ok(deputy, 'myHandled', {}))).not.toContain(id)
      expect(await w.suggestion.refused(deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })).toMatchObject({ code: 'invalid_transition' })
    }
    const staffView = await w.suggestion.ok(vwho.countyStaff, 'get', { id })
    expect(staffView.allowedActions).toContain('dispatch')

    // dispatched from 待派单, it leaves it
    await w.suggestion.ok(vwho.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 })
    expect(ids(await w.suggestion.ok(vwho.countyStaff, 'dispatchBoard', { filters: { state: 'escalated' } }))).not.toContain(id)
  })

  it('a 交办单 by 层级划分 waits in the township presidium’s 待派单', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment({ route: 'township', matter: '东关村排水沟堵塞，雨后积水', categoryCode: 'rural' }))
    const board = await w.suggestion.ok(vwho.townshipStaff, 'dispatchBoard', { filters: { state: 'escalated' } })
    expect(board.items.map((i: { id: string }) => i.id)).toContain(record.assignment.suggestionId)
    expect(record.assignment.progress).toBe('等待乡镇人大主席团派单')
  })
})

describe('closing a record', () => {
  it('needs both 办理结果 and 选民群众对办理结果的意见', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    const early = await w.visit.refused(vwho.supervisor, 'close', { id: record.id })
    expect(early).toMatchObject({ code: 'validation_failed', field: 'result', message: '还缺少“办理结果”和“选民群众对办理结果的意见”，不能办结' })
    const noResult = await w.visit.refused(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'satisfied' })
    expect(noResult).toMatchObject({ code: 'invalid_transition', message: '尚无办理结果，暂不能登记群众意见；交办单办结后再回访群众' })

    await resolveItem(record.assignment.suggestionId)
    const half = await w.visit.refused(vwho.supervisor, 'close', { id: record.id })
    expect(half).toMatchObject({ field: 'opinion', message: '还缺少“选民群众对办理结果的意见”，不能办结' })

    const withOpinion = await w.visit.ok(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'basically_satisfied', note: '路修好了，希望加装路灯' })
    expect(withOpinion).toMatchObject({
      opinion: { rating: 'basically_satisfied', ratingLabel: '基本满意', note: '路修好了，希望加装路灯', byName: '宋桂英' },
      missingFields: [],
      canClose: true,
      result: '已解决：已完成路面修补',
    })
    // The opinion is the item's 验单 on the visitor's behalf.
    const item = await w.suggestion.ok(vwho.countyStaff, 'get', { id: record.assignment.suggestionId })
    expect(item).toMatchObject({ state: 'verified', residentRating: { ratingLabel: '基本满意' } })
    expect(item.history.at(-1)).toMatchObject({ event: 'verify', role: 'supervisor', actorName: '宋桂英' })

    const closed = await w.visit.ok(vwho.supervisor, 'close', { id: record.id })
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结', closedByName: '宋桂英', result: '已解决：已完成路面修补', canClose: false })
    expect((await w.visit.ok(vwho.supervisor, 'close', { id: record.id })).version).toBe(closed.version)
    const again = await w.visit.refused(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'unsatisfied' })
    expect(again.code).toBe('invalid_transition')
  })

  it('closes an on-the-spot answer with the opinion given on the spot', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied', note: '当场解决' } }))
    expect(record).toMatchObject({ canClose: true, opinion: { ratingLabel: '满意' } })
    expect((await w.visit.ok(vwho.supervisor, 'close', { id: record.id })).status).toBe('closed')
  })

  it('sends an unsatisfying 交办单 back for re-handling: the record waits for the new result', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    await resolveItem(record.assignment.suggestionId, '已安排修补')
    const bad = await w.visit.refused(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'basically_satisfied', reopen: true })
    expect(bad).toMatchObject({ field: 'reopen', message: '只有“不满意”时才能要求重新办理' })
    const reopened = await w.visit.ok(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'unsatisfied', note: '只补了一半', reopen: true })
    expect(reopened).toMatchObject({ opinion: null, result: null, missingFields: ['result', 'opinion'], assignment: { state: 'dispatched' } })
    const item = await w.suggestion.ok(vwho.countyStaff, 'get', { id: record.assignment.suggestionId })
    expect(item).toMatchObject({ state: 'dispatched', reopenCount: 1 })

    await w.suggestion.ok(vwho.transport, 'acknowledge', { id: record.assignment.suggestionId })
    await w.suggestion.ok(vwho.transport, 'resolve', { id: record.assignment.suggestionId, reply: '已全部修补完毕', outcome: 'solved' })
    const done = await w.visit.ok(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'satisfied' })
    expect(done).toMatchObject({ result: '已解决：已全部修补完毕', canClose: true })
  })

  it('refuses a reopen for an on-the-spot answer and callbacks by others', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    expect(await w.visit.refused(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'unsatisfied', reopen: true })).toMatchObject({ field: 'reopen' })
    expect((await w.visit.refused(vwho.countyStaff, 'recordOpinion', { id: record.id, rating: 'satisfied' })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.otherSupervisor, 'close', { id: record.id })).code).toBe('not_found')
    expect((await w.visit.refused(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'satisfied', expectedVersion: 7 })).code).toBe('conflict')
  })

  it('keeps the result a closed record was closed with, whatever happens to the item later', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    await resolveItem(record.assignment.suggestionId, '第一次答复')
    await w.visit.ok(vwho.supervisor, 'recordOpinion', { id: record.id, rating: 'satisfied' })
    await w.visit.ok(vwho.supervisor, 'close', { id: record.id })
    const doc = await w.backend.store.collection<{ _id: string; resolution: unknown }>('suggestions').get(record.assignment.suggestionId)
    await w.backend.store.collection('suggestions').put({ ...doc!, resolution: { reply: '被改过', outcome: 'solved', promisedDate: null, at: 'x' } } as never)
    expect((await w.visit.ok(vwho.supervisor, 'get', { id: record.id })).result).toBe('已解决：第一次答复')
  })
})

describe('the missing-fields list (缺项清单)', () => {
  it('shows open records missing either field per station, oldest first, and those ready to close', async () => {
    const a = (await w.visit.ok(vwho.supervisor, 'create', w.assignment())).record
    w.at('2026-09-15', '10:20')
    const b = (await w.visit.ok(vwho.supervisor, 'create', w.onSpot())).record
    w.at('2026-09-15', '10:40')
    const c = (await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied' } }))).record
    const d = (await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied' } }))).record
    await w.visit.ok(vwho.supervisor, 'close', { id: d.id })

    const mine = await w.visit.ok(vwho.supervisor, 'missingFields', {})
    expect(mine.stations).toEqual([{ stationCode: 'XWT01', stationName: '城关镇人大代表联络站', open: 3, missingResult: 1, missingOpinion: 2, readyToClose: 1 }])
    expect(mine.items.map((r: { id: string; missingFields: string[] }) => [r.id, r.missingFields])).toEqual([
      [a.id, ['result', 'opinion']],
      [b.id, ['opinion']],
    ])
    expect(mine.items[0].visitor.phone).toBe('13912345678') // the callback needs the number
    expect(mine.readyToClose.map((r: { id: string }) => r.id)).toEqual([c.id])

    const county = await w.visit.ok(vwho.countyStaff, 'missingFields', {})
    expect(county.stations).toHaveLength(1)
    expect((await w.visit.ok(vwho.otherTownshipStaff, 'missingFields', {})).stations).toEqual([])
    const deputy = await w.visit.ok(vwho.deputy, 'missingFields', {})
    expect(deputy.items[0].visitor.phone).toBe('139****5678')
    expect((await w.visit.refused(vwho.resident, 'missingFields', {})).code).toBe('forbidden')

    await resolveItem(a.assignment.suggestionId)
    const after = await w.visit.ok(vwho.supervisor, 'missingFields', { stationCode: 'XWT01' })
    expect(after.stations[0]).toMatchObject({ missingResult: 0, missingOpinion: 2 })
  })
})

describe('session summary', () => {
  it('counts visitors, matters, on-the-spot answers and 交办单, with the deputies’ attendance toward their year', async () => {
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ visitorCount: 5, opinion: { rating: 'satisfied' } }))
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    const summary = await w.visit.ok(vwho.supervisor, 'sessionSummary', { sessionId: w.session.id })
    expect(summary).toMatchObject({
      visitors: 7,
      matters: 3,
      answeredOnSpot: 2,
      assignmentForms: 1,
      open: 3,
      closed: 0,
      missingResult: 1,
      missingOpinion: 2,
      session: { id: w.session.id, recordCount: 3, stationName: '城关镇人大代表联络站' },
    })
    expect(summary.deputies).toHaveLength(2)
    expect(summary.deputies.every((d: { onDuty: boolean; attended: boolean; attendedThisYear: number; met: boolean }) => d.onDuty && d.attended && d.attendedThisYear === 1 && !d.met)).toBe(true)
    expect((await w.visit.ok(vwho.countyStaff, 'sessionSummary', { sessionId: w.session.id })).matters).toBe(3)
    expect((await w.visit.refused(vwho.otherSupervisor, 'sessionSummary', { sessionId: w.session.id })).code).toBe('not_found')

    // The county's reception figures now count the register.
    const figures = await w.backend.call('stats', { action: 'receptionFigures', payload: { from: '2026-09', to: '2026-09' } }, vwho.countyStaff)
    expect(figures).toMatchObject({ ok: true, data: { votersReceived: 7, opinionsCollected: 3, visitRegisterAvailable: true } })
  })
})
