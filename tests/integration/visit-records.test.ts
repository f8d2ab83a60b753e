/** The visit record (接待登记): create, retry, refusals, 交办单 into the five-order loop, edits, reads. */
import { visitWorld, vwho, type VisitWorld } from './visit-support'

let w: VisitWorld
beforeEach(async () => {
  w = await visitWorld()
})
afterEach(() => w.close())

describe('logging a visitor', () => {
  it('records an on-the-spot answer at the station’s session, with the answer as 办理结果', async () => {
    const payload = w.onSpot({ visitorCount: 3 })
    const { record, outcome, message } = await w.visit.ok(vwho.supervisor, 'create', payload)
    expect(outcome).toBe('created')
    expect(message).toBe('已登记')
    expect(record).toMatchObject({
      status: 'open',
      stationName: '城关镇人大代表联络站',
      session: { id: w.session.id, date: '2026-09-15', kindLabel: '代表接待日' },
      visitorCount: 3,
      visitor: { name: '张秀兰', phone: '13912345678', village: '东关村' },
      visitorMasked: false,
      handling: 'answered_on_spot',
      handlingLabel: '当场答复',
      result: '已联系镇政府，本周内修复',
      missingFields: ['opinion'],
      missingLabels: ['选民群众对办理结果的意见'],
      canClose: false,
      recordedByName: '宋桂英',
      categoryLabel: '城乡建设',
    })
    expect(record.deputies.map((d: { code: string }) => d.code)).toEqual(w.session.deputyCodes)
  })

  it('counts the deputies present as attending the session (their yearly duty)', async () => {
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    const view = await w.reception.ok(vwho.countyStaff, 'getSession', { id: w.session.id })
    expect(view.attendance.map((a: { deputyCode: string }) => a.deputyCode).sort()).toEqual([...w.session.deputyCodes].sort())
    const duty = await w.reception.ok(`demo-deputy-${w.session.deputyCodes[0]}`, 'myDuty')
    expect(duty.attendedThisYear).toBe(1)
    // A second record with the same deputies adds nothing.
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    expect((await w.reception.ok(vwho.countyStaff, 'getSession', { id: w.session.id })).attendance).toHaveLength(w.session.deputyCodes.length)
  })

  it('absorbs a draft synced twice: same record, nothing duplicated', async () => {
    const payload = w.assignment()
    const first = await w.visit.ok(vwho.supervisor, 'create', payload)
    const again = await w.visit.ok(vwho.supervisor, 'create', payload)
    expect(again).toMatchObject({ outcome: 'duplicate', message: '该登记已同步过，未重复保存' })
    expect(again.record.id).toBe(first.record.id)
    expect(again.record.assignment.suggestionId).toBe(first.record.assignment.suggestionId)
    expect(await w.backend.store.collection('visit_records').count()).toBe(1)
    expect(await w.backend.store.collection('suggestions').count()).toBe(1)
  })

  it('gives two supervisors’ drafts with the same client id two records (the id is per supervisor)', async () => {
    await w.backend.store.collection('users').put({
      _id: 'demo-supervisor-XWT01-M2',
      displayName: '第二管理员',
      bindings: [{ role: 'resident' }, { role: 'supervisor', supervisorCode: 'XWT01-M2', stationCodes: ['XWT01'], countyCode: 'xiuwu' }],
      createdAt: '2026-01-01T00:00:00.000Z',
    } as never)
    const payload = w.onSpot()
    const a = await w.visit.ok(vwho.supervisor, 'create', payload)
    const b = await w.visit.ok('demo-supervisor-XWT01-M2', 'create', payload)
    expect(b.outcome).toBe('created')
    expect(b.record.id).not.toBe(a.record.id)
  })

  it('records an ad hoc visit (no session)', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ sessionId: null, deputyCodes: ['XWT01-R3'] }))
    expect(record.session).toBeNull()
    expect(record.deputies).toEqual([{ code: 'XWT01-R3', name: '高志强' }])
  })

  it('keeps spaces and dashes out of the phone number', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ visitor: { name: '李建军', phone: '139-1234 5678' } }))
    expect(record.visitor).toEqual({ name: '李建军', phone: '13912345678', village: null })
  })
})

describe('bad input is refused with a clear message, nothing written', () => {
  afterEach(async () => {
    expect(await w.backend.store.collection('visit_records').count()).toBe(0)
    expect(await w.backend.store.collection('suggestions').count()).toBe(0)
  })

  it('refuses a session at another station', async () => {
    const res = await w.visit.refused(vwho.supervisor, 'create', w.assignment({ sessionId: w.otherSession.id }))
    expect(res).toMatchObject({ code: 'validation_failed', field: 'sessionId' })
    expect(res.message).toBe('该接待活动不在城关镇人大代表联络站（在七贤镇人大代表联络站），不能登记到本站；请选择本站的接待活动或改为临时接待')
  })

  it('refuses a phone that is not a mainland mobile number', async () => {
    for (const phone of ['12912345678', '1391234567', '0391-1234567', '+8613912345678x']) {
      const res = await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ visitor: { name: '张秀兰', phone } }))
      expect(res).toMatchObject({ code: 'validation_failed', field: 'visitor.phone', message: '来访人手机号码不是有效的大陆手机号码（11位，以13–19开头）' })
    }
  })

  it('refuses a record at another station’s session even for that station’s own supervisor if the station differs', async () => {
    const res = await w.visit.refused(vwho.otherSupervisor, 'create', w.onSpot({ stationCode: 'XWT02' }))
    expect(res).toMatchObject({ code: 'validation_failed', field: 'sessionId' })
  })

  it('refuses anyone but the station’s supervisors', async () => {
    for (const who of [vwho.otherSupervisor, vwho.deputy, vwho.countyStaff, vwho.resident, vwho.lySupervisor]) {
      const res = await w.visit.refused(who, 'create', w.onSpot())
      expect(res.code).toBe('forbidden')
      expect(res.message).toBe('只有城关镇人大代表联络站的联络站管理员可以登记或修改接待登记')
    }
  })

  it('asks for the answer, or the route of a 交办单', async () => {
    expect(await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ answer: undefined }))).toMatchObject({ field: 'answer', message: '当场答复的，请填写答复内容' })
    expect(await w.visit.refused(vwho.supervisor, 'create', w.assignment({ route: undefined }))).toMatchObject({ field: 'route', message: '填写交办单的，请选择交办去向' })
    expect(await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ categoryCode: undefined }))).toMatchObject({ field: 'categoryCode', message: '请选择问题类别' })
  })

  it('refuses a time that is not on the session’s day, or in the future', async () => {
    const other = await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ visitedAt: '2026-09-14T03:00:00.000Z' }))
    expect(other).toMatchObject({ field: 'visitedAt', message: '接待时间应在该次接待活动当天（2026年9月15日）' })
    const future = await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ sessionId: null, visitedAt: '2026-09-15T06:00:00.000Z' }))
    expect(future).toMatchObject({ field: 'visitedAt', message: '接待时间不能晚于现在，请检查手机时间' })
  })

  it('refuses deputies who are neither of the station nor on duty', async () => {
    const res = await w.visit.refused(vwho.supervisor, 'create', w.onSpot({ deputyCodes: ['XWT02-R1'] }))
    expect(res).toMatchObject({ field: 'deputyCodes', message: '董海燕既不是城关镇人大代表联络站的代表，也未安排在本次接待' })
  })

  it('refuses a cancelled session', async () => {
    await w.reception.ok(vwho.countyStaff, 'cancelSession', { id: w.session.id, reason: '暴雨预警，暂停接待' })
    const res = await w.visit.refused(vwho.supervisor, 'create', w.onSpot())
    expect(res).toMatchObject({ field: 'sessionId', message: '该接待活动已取消，不能登记；请改为临时接待' })
  })
})

describe('交办单 (assignment form)', () => {
  it('files a five-order item for the visitor that county staff find on the dispatch board and dispatch from 待派单', async () => {
    const { record, message } = await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    expect(record.assignment).toMatchObject({
      route: 'county',
      routeLabel: '报县人大常委会代工委汇总交办',
      targetName: '县人大常委会代工委',
      state: 'escalated',
      stateLabel: '已提交人大',
      progress: '等待县人大常委会代工委研究交办',
    })
    expect(message).toBe(`已登记，交办单${record.assignment.suggestionNumber}已送县人大常委会代工委`)
    expect(record).toMatchObject({ result: null, missingFields: ['result', 'opinion'] })

    const board = await w.suggestion.ok(vwho.countyStaff, 'dispatchBoard', { filters: { state: 'escalated' } })
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([record.assignment.suggestionId])
    const item = await w.suggestion.ok(vwho.countyStaff, 'get', { id: record.assignment.suggestionId })
    expect(item).toMatchObject({
      channel: 'reception_day',
      channelLabel: '代表接待日',
      contactName: '张秀兰',
      contactPhone: '13912345678',
      escalationTarget: 'county',
      content: '台创园区路面损毁严重，雨雪天气存在安全隐患',
      categoryCode: 'transport',
    })
    expect(item.history[0]).toMatchObject({ event: 'submit', actorName: '宋桂英（联络站管理员代来访群众登记）', role: 'supervisor' })
    expect(item.allowedActions).toContain('dispatch')
    const doc = await w.backend.store.collection<{ _id: string; viaAssignmentForm: boolean; submitterOpenid: string }>('suggestions').get(record.assignment.suggestionId)
    expect(doc).toMatchObject({ viaAssignmentForm: true, submitterOpenid: vwho.supervisor })

    await w.suggestion.ok(vwho.countyStaff, 'dispatch', { id: record.assignment.suggestionId, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 })
    const after = await w.visit.ok(vwho.supervisor, 'get', { id: record.id })
    expect(after.assignment).toMatchObject({ state: 'dispatched', progress: '已派单：修武县交通运输局，9月29日前办结' })
    expect(after.result).toBeNull()
  })

  it('routes by 层级划分 to the township government, which the township presidium dispatches; its 销单 fills 办理结果', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.assignment({ route: 'township', matter: '东关村排水沟堵塞，雨后积水', categoryCode: 'rural' }))
    expect(record.assignment).toMatchObject({ route: 'township', targetName: '城关镇人民政府', departmentCode: 'XW-TG01', progress: '等待乡镇人大主席团派单' })
    const id = record.assignment.suggestionId
    const board = await w.suggestion.ok(vwho.townshipStaff, 'dispatchBoard', {})
    expect(board.items.map((i: { id: string }) => i.id)).toContain(id)
    expect((await w.suggestion.ok(vwho.otherTownshipStaff, 'dispatchBoard', {})).items).toHaveLength(0)
    await w.suggestion.ok(vwho.townshipStaff, 'dispatch', { id, departmentCode: 'XW-TG01', requirements: '请清理排水沟', workdays: 5 })
    await w.suggestion.ok(vwho.chengguanGov, 'acknowledge', { id })
    await w.suggestion.ok(vwho.chengguanGov, 'resolve', { id, reply: '已组织清淤，排水恢复', outcome: 'solved' })
    const after = await w.visit.ok(vwho.supervisor, 'get', { id: record.id })
    expect(after).toMatchObject({
      result: '已解决：已组织清淤，排水恢复',
      missingFields: ['opinion'],
      assignment: { state: 'resolved', progress: '城关镇人民政府已销单，待回访群众意见' },
    })
  })

  it('seeds one township government per township with stable codes', async () => {
    const deps = await w.backend.store.collection<{ _id: string; name: string; kind: string }>('departments').getMany(['XW-TG01', 'XW-TG02', 'XW-TG08', 'LY-TG01'])
    expect(deps.map((d) => [d._id, d.name, d.kind])).toEqual([
      ['XW-TG01', '城关镇人民政府', 'township_government'],
      ['XW-TG02', '七贤镇人民政府', 'township_government'],
      ['XW-TG08', '西村乡人民政府', 'township_government'],
      ['LY-TG01', '城关街道办事处', 'township_government'],
    ])
  })
})

describe('editing a record', () => {
  it('is guarded by the version the editor saw', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    const edited = await w.visit.ok(vwho.supervisor, 'update', { id: record.id, expectedVersion: 1, matter: '东关村三条巷路灯坏了三个多月' })
    expect(edited).toMatchObject({ outcome: 'updated', record: { version: 2, matter: '东关村三条巷路灯坏了三个多月' } })
    const stale = await w.visit.refused(vwho.supervisor, 'update', { id: record.id, expectedVersion: 1, answer: '另一台手机上的修改' })
    expect(stale).toMatchObject({ code: 'conflict', message: '该登记刚刚已在别处修改（以服务器为准），请刷新后再编辑' })
  })

  it('absorbs the same draft revision sent twice', async () => {
    const payload = w.onSpot()
    const { record } = await w.visit.ok(vwho.supervisor, 'create', payload)
    const edit = { id: record.id, expectedVersion: 1, clientRevision: 2, answer: '已联系镇政府，三天内修复' }
    expect((await w.visit.ok(vwho.supervisor, 'update', edit)).outcome).toBe('updated')
    const again = await w.visit.ok(vwho.supervisor, 'update', edit)
    expect(again).toMatchObject({ outcome: 'duplicate', record: { version: 2, clientRevision: 2, answer: '已联系镇政府，三天内修复' } })
  })

  it('never changes a closed record (server wins)', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied' } }))
    const closed = await w.visit.ok(vwho.supervisor, 'close', { id: record.id })
    const res = await w.visit.refused(vwho.supervisor, 'update', { id: record.id, expectedVersion: closed.version, matter: '改一下' })
    expect(res).toMatchObject({ code: 'invalid_transition', message: '该登记已办结，不能再修改（以服务器上的登记为准）；如有新情况请另行登记' })
    expect((await w.visit.ok(vwho.supervisor, 'get', { id: record.id })).matter).toBe(record.matter)
  })

  it('locks the matter of a 交办单 once it is sent, but turns an on-the-spot record into one', async () => {
    const a = (await w.visit.ok(vwho.supervisor, 'create', w.assignment())).record
    const locked = await w.visit.refused(vwho.supervisor, 'update', { id: a.id, expectedVersion: 1, matter: '换一件事' })
    expect(locked).toMatchObject({ code: 'validation_failed', message: '交办单已送出，反映事项、类别、来访人电话和交办去向不能再修改；如需补充请联系人大工作人员' })
    const fixName = await w.visit.ok(vwho.supervisor, 'update', { id: a.id, expectedVersion: 1, visitor: { name: '张秀英', phone: '13912345678', village: '东关村' } })
    expect(fixName.record.visitor.name).toBe('张秀英')

    const b = (await w.visit.ok(vwho.supervisor, 'create', w.onSpot())).record
    const turned = await w.visit.ok(vwho.supervisor, 'update', { id: b.id, expectedVersion: 1, handling: 'assignment_form', route: 'township' })
    expect(turned.record).toMatchObject({ handling: 'assignment_form', answer: null, assignment: { targetName: '城关镇人民政府' } })
    expect(turned.message).toBe(`已改为交办单${turned.record.assignment.suggestionNumber}`)
    const back = await w.visit.refused(vwho.supervisor, 'update', { id: b.id, expectedVersion: 2, handling: 'answered_on_spot', answer: '当场答复了' })
    expect(back).toMatchObject({ field: 'handling', message: '已填写交办单的登记不能改为当场答复' })
  })

  it('refuses a station change and edits by others', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    expect(await w.visit.refused(vwho.supervisor, 'update', { id: record.id, expectedVersion: 1, stationCode: 'XWT02' })).toMatchObject({ field: 'stationCode' })
    expect((await w.visit.refused(vwho.countyStaff, 'update', { id: record.id, expectedVersion: 1, matter: '工作人员改' })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.otherSupervisor, 'update', { id: record.id, expectedVersion: 1, matter: '别站改' })).code).toBe('not_found')
  })
})

describe('reading records', () => {
  it('shows the visitor in full to the station’s supervisor and staff, masked to its deputies, nothing to others', async () => {
    const { record } = await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    expect((await w.visit.ok(vwho.townshipStaff, 'get', { id: record.id })).visitor.phone).toBe('13912345678')
    expect((await w.visit.ok(vwho.countyStaff, 'get', { id: record.id })).visitor.phone).toBe('13912345678')
    const masked = await w.visit.ok(vwho.deputy, 'get', { id: record.id })
    expect(masked).toMatchObject({ visitor: { name: '张**', phone: '139****5678', village: '东*村' }, visitorMasked: true })
    for (const who of [vwho.otherSupervisor, vwho.otherDeputy, vwho.otherTownshipStaff, vwho.lyStaff, vwho.resident]) {
      expect(await w.visit.refused(who, 'get', { id: record.id })).toMatchObject({ code: 'not_found', message: '没有找到该接待登记' })
    }
  })

  it('lists a station’s records newest first with the visitor masked, by session or month', async () => {
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    w.at('2026-09-15', '10:30')
    await w.visit.ok(vwho.supervisor, 'create', w.assignment())
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ sessionId: null, visitedAt: '2026-08-20T02:00:00.000Z', deputyCodes: [] }))
    const all = await w.visit.ok(vwho.supervisor, 'list', {})
    expect(all.items).toHaveLength(3)
    expect(all.items[0]).toMatchObject({ handling: 'assignment_form', visitor: { phone: '139****5678' }, visitorMasked: true })
    expect((await w.visit.ok(vwho.supervisor, 'list', { sessionId: w.session.id })).items).toHaveLength(2)
    expect((await w.visit.ok(vwho.supervisor, 'list', { month: '2026-08' })).items).toHaveLength(1)
    expect((await w.visit.ok(vwho.countyStaff, 'list', { status: 'open' })).items).toHaveLength(3)
    expect((await w.visit.ok(vwho.otherTownshipStaff, 'list', {})).items).toHaveLength(0)
    expect((await w.visit.refused(vwho.otherSupervisor, 'list', { stationCode: 'XWT01' })).code).toBe('forbidden')
    const paged = await w.visit.ok(vwho.supervisor, 'list', { limit: 2 })
    const next = await w.visit.ok(vwho.supervisor, 'list', { limit: 2, cursor: paged.nextCursor })
    expect([...paged.items, ...next.items].map((r: { id: string }) => r.id)).toEqual(all.items.map((r: { id: string }) => r.id))
  })

  it('shows a supervisor today’s sessions at their stations with the deputies', async () => {
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot())
    const today = await w.visit.ok(vwho.supervisor, 'today')
    expect(today).toMatchObject({ date: '2026-09-15', stations: [{ code: 'XWT01', name: '城关镇人大代表联络站', township: '城关镇' }] })
    expect(today.stations[0].deputies.map((d: { name: string }) => d.name)).toEqual(['王建国', '黄秀兰', '高志强'])
    expect(today.sessions).toEqual([expect.objectContaining({ id: w.session.id, startTime: '09:00', endTime: '12:00', recordCount: 1, stationCode: 'XWT01' })])
    expect((await w.visit.refused(vwho.countyStaff, 'today')).code).toBe('forbidden')
  })
})
