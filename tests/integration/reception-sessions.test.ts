import { actions } from '../support/actors'
import { backendPerTest, fixedClock } from '../support/backend'
import { reception, requestId, rwho, type Reception } from '../support/reception'

// Monday 2026-09-14, 10:00 in Beijing
const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const r = reception(backend)


type Summary = { id: string; date: string; startTime: string; endTime: string; deputyNames: string[]; status: string; kind: string }
const list = async (openid: string, payload: Record<string, unknown>) => (await r.ok(openid, 'listSessions', { limit: 50, ...payload })).items as Summary[]
const generateXWT01 = async () => {
  await r.ok(rwho.xwStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
  return list(rwho.xwStaff, { stationCode: 'XWT01' })
}
const thematic = (extra: Record<string, unknown> = {}) => ({
  clientRequestId: requestId(),
  kind: 'thematic',
  stationCode: 'XWT01',
  date: '2026-09-18',
  startTime: '09:00',
  endTime: '11:30',
  theme: '乡村振兴专题接待日',
  deputyCodes: ['XWT01-R1'],
  ...extra,
})

describe('one-off sessions and meetings', () => {
  it('creates a thematic day with invited officials (四进站) and an announcement, idempotently', async () => {
    const payload = thematic({
      invitedOfficials: [
        { name: '李法官', title: '县人民法院审判员', kind: 'judge' },
        { name: '赵局长', title: '交通运输局局长', kind: 'department_head', departmentCode: 'XW-D09' },
      ],
      announcement: '欢迎群众就乡村道路、农业补贴等问题前来反映。',
    })
    const created = await r.ok(rwho.xwStaff, 'createSession', payload)
    expect(created).toMatchObject({
      kind: 'thematic',
      kindLabel: '主题接待日',
      status: 'planned',
      stationName: '城关镇人大代表联络站',
      address: '修武县城关镇人民政府院内',
      date: '2026-09-18',
      weekdayLabel: '星期五',
      theme: '乡村振兴专题接待日',
      deputies: [{ code: 'XWT01-R1', name: '王建国', levelLabel: '县人大代表', socialPosition: '乡镇卫生院院长' }],
      invitedOfficials: [
        { name: '李法官', title: '县人民法院审判员', kind: 'judge', kindLabel: '法官' },
        { name: '赵局长', title: '交通运输局局长', kind: 'department_head', kindLabel: '部门负责人' },
      ],
      qr: { page: 'pages/station/index', scene: 'XWT01', h5Path: '/#/pages/station/index?code=XWT01' },
      canManage: true,
      confirmed: true,
    })
    const again = await r.ok(rwho.xwStaff, 'createSession', payload)
    expect(again.id).toBe(created.id)
    expect(await list(rwho.xwStaff, { stationCode: 'XWT01' })).toHaveLength(1)
  })

  it('records a meeting with heads of state organs: participants, topics, notes and linked five-order items', async () => {
    const a = actions(backend)
    const { id: itemId } = await a.submit('县城西关路口红绿灯时长过短，老人过马路困难')
    const meeting = await r.ok(rwho.xwStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'meeting',
      place: '县人大常委会第一会议室',
      date: '2026-09-25',
      startTime: '15:00',
      endTime: '17:00',
      theme: '三季度代表约见国家机关负责人',
      deputyCodes: ['XWT01-R1', 'XWT02-R1', 'XWP01-R1'],
      invitedOfficials: [{ name: '孙副县长', title: '副县长', kind: 'department_head' }],
      participants: ['县公安局交警大队负责人'],
      topics: ['城区交通信号配时', '农村道路养护'],
      followUpSuggestionIds: [itemId],
    })
    expect(meeting).toMatchObject({ kind: 'meeting', kindLabel: '约见国家机关负责人', stationCode: null, place: '县人大常委会第一会议室', topics: ['城区交通信号配时', '农村道路养护'], followUpSuggestionIds: [itemId] })
    const held = await r.ok(rwho.xwStaff, 'updateSession', { id: meeting.id, notes: '交警大队承诺十月底前调整配时。' })
    expect(held.notes).toBe('交警大队承诺十月底前调整配时。')
    // internal: residents do not see meetings; the deputies at it do
    expect((await r.refused(rwho.resident, 'getSession', { id: meeting.id })).code).toBe('not_found')
    expect((await r.ok(rwho.deputy('XWT02-R1'), 'getSession', { id: meeting.id })).notes).toBe('交警大队承诺十月底前调整配时。')
    expect((await list(rwho.xwStaff, { kind: 'meeting' })).map((s) => s.id)).toEqual([meeting.id])
    const bad = await r.refused(rwho.xwStaff, 'updateSession', { id: meeting.id, followUpSuggestionIds: ['nosuchitem1'] })
    expect(bad).toMatchObject({ code: 'validation_failed', field: 'followUpSuggestionIds' })
  })

  it('keeps an inspection of a township to that township’s staff', async () => {
    const inspection = await r.ok(rwho.xwTownshipStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'inspection',
      place: '城关镇老旧小区改造现场',
      date: '2026-10-15',
      startTime: '09:00',
      endTime: '11:00',
      deputyCodes: ['XWT01-R2'],
      topics: ['老旧小区改造进度'],
    })
    expect(inspection).toMatchObject({ kindLabel: '集中视察', countyCode: 'xiuwu' })
    expect((await r.refused(rwho.xwOtherTownshipStaff, 'cancelSession', { id: inspection.id, reason: '改期' })).code).toBe('forbidden')
    expect((await r.ok(rwho.xwStaff, 'cancelSession', { id: inspection.id, reason: '与县委会议冲突，改期' })).status).toBe('cancelled')
  })
})

describe('bad input', () => {
  it('refuses overlapping sessions at one station', async () => {
    const [tuesday] = await generateXWT01()
    const res = await r.refused(rwho.xwStaff, 'createSession', thematic({ date: tuesday.date, startTime: '10:00', endTime: '11:00', deputyCodes: ['XWT01-R3'] }))
    expect(res).toMatchObject({ code: 'validation_failed', field: 'startTime' })
    expect(res.message).toBe('城关镇人大代表联络站在9月15日 09:00–12:00已有代表接待日安排，时间重叠，不能再安排')
    // back to back is fine
    await r.ok(rwho.xwStaff, 'createSession', thematic({ date: tuesday.date, startTime: '14:00', endTime: '16:00', deputyCodes: ['XWT01-R3'] }))
  })

  it('refuses a deputy booked twice at once, wherever the other session is', async () => {
    const [tuesday] = await generateXWT01()
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: tuesday.id })
    const busy = view.deputies[0]
    const res = await r.refused(rwho.xwStaff, 'createSession', {
      clientRequestId: requestId(),
      kind: 'inspection',
      place: '云台山景区',
      date: tuesday.date,
      startTime: '11:00',
      endTime: '12:30',
      deputyCodes: [busy.code],
    })
    expect(res).toMatchObject({ code: 'validation_failed', field: 'deputyCodes' })
    expect(res.message).toBe(`代表${busy.name}在9月15日 09:00–12:00已安排在城关镇人大代表联络站（代表接待日），不能同时参加两场活动`)
  })

  it('refuses a session in the past, or moved into the past', async () => {
    const past = await r.refused(rwho.xwStaff, 'createSession', thematic({ date: '2026-09-14', startTime: '09:30' }))
    expect(past).toMatchObject({ code: 'validation_failed', field: 'date', message: '2026年9月14日 09:30已经过去，不能安排在过去的时间' })
    await r.ok(rwho.xwStaff, 'createSession', thematic({ date: '2026-09-14', startTime: '10:00', endTime: '11:00' }))
    const [tuesday] = await generateXWT01()
    expect((await r.refused(rwho.xwStaff, 'updateSession', { id: tuesday.id, date: '2026-09-10' })).field).toBe('date')
  })

  it('refuses a deputy who is not of that station', async () => {
    const res = await r.refused(rwho.xwStaff, 'createSession', thematic({ deputyCodes: ['XWT02-R1'] }))
    expect(res).toMatchObject({ code: 'validation_failed', field: 'deputyCodes' })
    expect(res.message).toMatch(/^.+不是城关镇人大代表联络站的代表，不能安排在该站接待$/)
    expect((await r.refused(rwho.xwStaff, 'createSession', thematic({ deputyCodes: ['LYT01-R1'] }))).message).toBe('代表LYT01-R1不存在或不是本县代表')
  })

  it('refuses fewer deputies than the rule asks for, and malformed sessions', async () => {
    const [tuesday] = await generateXWT01()
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: tuesday.id })
    const res = await r.refused(rwho.xwStaff, 'updateSession', { id: tuesday.id, deputyCodes: [view.deputies[0].code] })
    expect(res).toMatchObject({ code: 'validation_failed', field: 'deputyCodes', message: '本次代表接待日至少需要安排2名代表' })
    expect((await r.refused(rwho.xwStaff, 'createSession', thematic({ theme: undefined }))).message).toBe('主题接待日须填写主题')
    expect((await r.refused(rwho.xwStaff, 'createSession', thematic({ startTime: '12:00', endTime: '09:00' }))).message).toBe('结束时间应晚于开始时间')
    expect((await r.refused(rwho.xwStaff, 'createSession', thematic({ date: '2026-02-30' }))).field).toBe('date')
    expect((await r.refused(rwho.xwStaff, 'createSession', thematic({ deputyCodes: [] }))).message).toBe('请至少安排1名代表')
    expect((await r.refused(rwho.xwStaff, 'createSession', { ...thematic(), kind: 'meeting', stationCode: undefined })).message).toBe('请填写活动地点或选择联络站')
    expect((await r.refused(rwho.xwStaff, 'cancelSession', { id: tuesday.id, reason: '' })).field).toBe('reason')
    expect((await r.refused(rwho.xwStaff, 'updateSession', { id: tuesday.id })).message).toBe('没有要修改的内容')
  })

  it('refuses a stale edit with conflict', async () => {
    const [tuesday] = await generateXWT01()
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: tuesday.id })
    await r.ok(rwho.xwStaff, 'updateSession', { id: tuesday.id, expectedVersion: view.version, theme: '营商环境' })
    const stale = await r.refused(rwho.xwStaff, 'updateSession', { id: tuesday.id, expectedVersion: view.version, theme: '教育' })
    expect(stale.code).toBe('conflict')
  })
})

describe('editing, cancelling, holding', () => {
  it('lets staff override the date, which confirms it and explains the move', async () => {
    const [tuesday] = await generateXWT01()
    const moved = await r.ok(rwho.xwStaff, 'updateSession', { id: tuesday.id, date: '2026-09-16', announcement: '因场地维修，本周接待改至周三。' })
    expect(moved).toMatchObject({ date: '2026-09-16', originalDate: '2026-09-15', moved: true, confirmed: true, moveReason: '原定9月15日，由人大工作人员调整至9月16日' })
    const duty = await r.ok(rwho.deputy(moved.deputies[0].code), 'myDuty')
    expect(duty.upcoming[0]).toMatchObject({ id: tuesday.id, date: '2026-09-16' })
  })

  it('cancels with a reason and shows the public only planned and held reception days', async () => {
    const sessions = await generateXWT01()
    await r.ok(rwho.xwStaff, 'cancelSession', { id: sessions[1].id, reason: '场地用于防汛值守' })
    await r.ok(rwho.xwStaff, 'createSession', { clientRequestId: requestId(), kind: 'focus_group', stationCode: 'XWT01', date: '2026-09-17', startTime: '09:00', endTime: '10:00', deputyCodes: ['XWT01-R1'] })
    const publicList = await list(rwho.resident, { stationCode: 'XWT01' })
    expect(publicList.map((s) => s.id)).toEqual(sessions.filter((_, i) => i !== 1).map((s) => s.id))
    expect(await list(rwho.resident, { stationCode: 'XWT01', status: 'cancelled' })).toEqual([])
    const staffList = await list(rwho.xwStaff, { stationCode: 'XWT01' })
    expect(staffList).toHaveLength(sessions.length + 1)
    expect(staffList.find((s) => s.id === sessions[1].id)?.status).toBe('cancelled')
    expect((await r.refused(rwho.resident, 'listSessions', {})).code).toBe('forbidden')
    const publicView = await r.ok(rwho.resident, 'getSession', { id: sessions[1].id })
    expect(publicView).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: '场地用于防汛值守', canManage: false, notes: null })
    expect((await r.refused(rwho.xwStaff, 'cancelSession', { id: sessions[1].id, reason: '再次取消' })).code).toBe('invalid_transition')
  })

  it('marks a session held on its day with the deputies present, who then count towards the year', async () => {
    const [tuesday] = await generateXWT01()
    expect((await r.refused(rwho.xwStaff, 'markHeld', { id: tuesday.id })).code).toBe('invalid_transition')
    clock.set('2026-09-15T05:00:00.000Z')
    const view = await r.ok(rwho.xwStaff, 'getSession', { id: tuesday.id })
    const present = view.deputies[0].code
    const held = await r.ok(rwho.xwStaff, 'markHeld', { id: tuesday.id, attendedDeputyCodes: [present], notes: '接待群众12人次' })
    expect(held).toMatchObject({ status: 'held', notes: '接待群众12人次' })
    expect(held.attendance).toEqual([expect.objectContaining({ deputyCode: present, source: 'staff' })])
    expect((await r.ok(rwho.deputy(present), 'myDuty')).attendedThisYear).toBe(1)
    // the record can still be completed; the timing cannot change any more
    expect((await r.ok(rwho.xwStaff, 'updateSession', { id: tuesday.id, notes: '接待群众12人次，交办3件' })).notes).toBe('接待群众12人次，交办3件')
    expect((await r.refused(rwho.xwStaff, 'updateSession', { id: tuesday.id, startTime: '10:00' })).code).toBe('invalid_transition')
    const afternoon = await r.ok(rwho.xwStaff, 'createSession', thematic({ date: '2026-09-15', startTime: '14:00', endTime: '16:00' }))
    const notHere = await r.refused(rwho.xwStaff, 'markHeld', { id: afternoon.id, attendedDeputyCodes: ['XWT02-R1'] })
    expect(notHere).toMatchObject({ code: 'validation_failed', field: 'attendedDeputyCodes' })
    expect(notHere.message).toMatch(/既不是本站代表，也未安排在本次活动$/)
  })

  it('shows internal fields only to staff and the deputies and supervisors of the station', async () => {
    const [tuesday] = await generateXWT01()
    await r.ok(rwho.xwStaff, 'updateSession', { id: tuesday.id, notes: '内部备注' })
    expect((await r.ok(rwho.resident, 'getSession', { id: tuesday.id })).notes).toBeNull()
    expect((await r.ok(rwho.supervisorXWT01, 'getSession', { id: tuesday.id })).notes).toBe('内部备注')
    expect((await r.ok(rwho.deputy('XWT01-R3'), 'getSession', { id: tuesday.id })).notes).toBe('内部备注')
    expect((await r.ok(rwho.deputy('XWT02-R1'), 'getSession', { id: tuesday.id })).notes).toBeNull()
    expect((await r.refused(rwho.deputy('XWT01-R1'), 'updateSession', { id: tuesday.id, theme: 'x' })).code).toBe('forbidden')
  })
})

describe('the station page', () => {
  it('lists the next three planned reception days with their deputies', async () => {
    const sessions = await generateXWT01()
    await r.ok(rwho.xwStaff, 'cancelSession', { id: sessions[0].id, reason: '场地维修' })
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'XWT01' } }, rwho.resident)
    if (!res.ok) throw new Error(res.message)
    expect(res.data.upcomingSessions).toHaveLength(3)
    expect(res.data.upcomingSessions.map((s: { id: string }) => s.id)).toEqual(sessions.slice(1, 4).map((s) => s.id))
    expect(res.data.upcomingSessions[0]).toEqual({
      id: sessions[1].id,
      date: '2026-09-22',
      startTime: '09:00',
      endTime: '12:00',
      theme: null,
      deputyNames: sessions[1].deputyNames,
      confirmed: true,
    })
  })

  it('marks 待确认 dates and leaves a station without sessions empty', async () => {
    clock.set('2026-12-20T02:00:00.000Z')
    await r.ok(rwho.lyStaff, 'generateSessions', { stationCode: 'LYT01' })
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'LYT01' } }, rwho.resident)
    if (!res.ok) throw new Error(res.message)
    expect(res.data.upcomingSessions.map((s: { date: string; confirmed: boolean }) => [s.date, s.confirmed])).toEqual([
      ['2027-01-01', false],
      ['2027-02-05', false],
      ['2027-03-05', false],
    ])
    const empty = await backend.call('directory', { action: 'getStation', payload: { stationCode: 'LYT02' } }, rwho.resident)
    expect(empty.ok && empty.data.upcomingSessions).toEqual([])
  })
})
