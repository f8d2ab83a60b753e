/**
 * The message catalogue (cloudfunctions/_core/messages): every message renders the Chinese text
 * users have always seen, its id is a pure function of cause and recipient (a retry never queues
 * twice), and its recipients rule picks exactly who should hear of it.
 */
import {
  adminInvitationIssued,
  ITEM_STEP_MESSAGES,
  MESSAGES,
  compose,
  composeFor,
  itemDueSoon,
  itemFollowUp,
  itemMerged,
  itemOverdue,
  itemStepDepartment,
  itemStepFollower,
  itemStepOwner,
  receptionReminderDeputy,
  receptionReminderOfficial,
  receptionReminderResident,
  type ItemAudience,
  type MessageDef,
} from '../../../cloudfunctions/_core/messages'
import { SUGGESTION_EVENTS, type SuggestionEvent } from '../../../shared/domain/transitions'
import { TEMPLATE_KINDS } from '../../../shared/domain/sessions'

const item = { _id: 's1', number: 'XW-2026-0001', version: 4, state: 'dispatched' as const, deadline: '2026-03-10' }
const audience: ItemAudience = { actor: 'actor', ownerDeputy: 'deputy', followers: ['resident', 'follower', 'actor'], department: ['dept-a', 'dept-b'] }
const session = { _id: 'rs1', date: '2026-03-05', startTime: '09:00', endTime: '11:30', kind: 'reception' as const, stationName: '城关镇代表联络站', place: '城关镇政府' }

describe('item step messages', () => {
  const step = (event: SuggestionEvent) => ({ item, event })

  it('render the progress texts', () => {
    expect(compose(itemStepOwner, step('dispatch'), 'deputy')).toEqual({
      _id: 's1:v4:deputy',
      toOpenid: 'deputy',
      kind: 'item_update',
      title: '您首问负责的事项有新进展',
      body: 'XW-2026-0001：派单，当前状态「已派单」',
      page: '/pages/item/index?id=s1',
    })
    expect(compose(itemStepFollower, step('dispatch'), 'resident')).toMatchObject({ title: '您反映的事项有新进展', body: 'XW-2026-0001：派单，当前状态「已派单」' })
    expect(compose(itemStepDepartment, step('dispatch'), 'dept-a')).toMatchObject({
      title: '承办事项通知',
      body: 'XW-2026-0001：派单，当前状态「已派单」，办理期限2026-03-10',
    })
    expect(compose(itemStepDepartment, { item: { ...item, deadline: null }, event: 'reopen' }, 'dept-a').body).toBe('XW-2026-0001：重新办理，当前状态「已派单」')
  })

  it('reach the owning deputy for every step taken by someone else', () => {
    for (const event of SUGGESTION_EVENTS) {
      expect(itemStepOwner.recipients(step(event), audience)).toEqual(['deputy'])
      expect(itemStepOwner.recipients(step(event), { ...audience, actor: 'deputy' })).toEqual([])
      expect(itemStepOwner.recipients(step(event), { ...audience, ownerDeputy: null })).toEqual([])
    }
  })

  it('reach followers only for outcomes, and departments only for their steps, never the actor', () => {
    const residentEvents = SUGGESTION_EVENTS.filter((e) => itemStepFollower.recipients(step(e), audience).length > 0)
    expect(residentEvents.sort()).toEqual(['accept', 'answer', 'dispatch', 'handover', 'merge', 'refer', 'resolve'])
    expect(itemStepFollower.recipients(step('resolve'), audience)).toEqual(['resident', 'follower'])
    const departmentEvents = SUGGESTION_EVENTS.filter((e) => itemStepDepartment.recipients(step(e), audience).length > 0)
    expect(departmentEvents.sort()).toEqual(['decide_extension', 'dispatch', 'reopen', 'supervise'])
    expect(itemStepDepartment.recipients(step('dispatch'), { ...audience, actor: 'dept-a' })).toEqual(['dept-b'])
  })

  it('queue in the order owner, followers, department, with one id per version and recipient', () => {
    const messages = ITEM_STEP_MESSAGES.flatMap((def) => composeFor(def, step('dispatch'), audience))
    expect(messages.map((m) => m._id)).toEqual(['s1:v4:deputy', 's1:v4:resident', 's1:v4:follower', 's1:v4:dept-a', 's1:v4:dept-b'])
    const again = ITEM_STEP_MESSAGES.flatMap((def) => composeFor(def, step('dispatch'), audience))
    expect(again).toEqual(messages)
    expect(compose(itemStepOwner, { item: { ...item, version: 5 }, event: 'progress' }, 'deputy')._id).toBe('s1:v5:deputy')
  })
})

describe('other item messages', () => {
  it('并案 tells the surviving item’s submitter, unless they merged it', () => {
    const data = { merged: { _id: 's2', number: 'XW-2026-0002' }, into: { _id: 's1', number: 'XW-2026-0001', submitterOpenid: 'sub' } }
    expect(composeFor(itemMerged, data, { actor: 'deputy' })).toEqual([
      {
        _id: 's1:merged:s2:sub',
        toOpenid: 'sub',
        kind: 'item_update',
        title: '有群众反映了相同的问题',
        body: 'XW-2026-0002 已并入您反映的 XW-2026-0001，将一并办理',
        page: '/pages/item/index?id=s1',
      },
    ])
    expect(composeFor(itemMerged, data, { actor: 'sub' })).toEqual([])
  })

  it('超期 reaches the department and the owning deputy, once per deadline', () => {
    const messages = composeFor(itemOverdue, { item, date: '2026-03-10' }, audience)
    expect(messages.map((m) => m.toOpenid)).toEqual(['dept-a', 'dept-b', 'deputy'])
    expect(messages[0]).toEqual({
      _id: 's1:overdue:2026-03-10:dept-a',
      toOpenid: 'dept-a',
      kind: 'overdue',
      title: '事项已超过办理期限',
      body: 'XW-2026-0001 办理期限为2026-03-10，已超期，请尽快办理',
      page: '/pages/item/index?id=s1',
    })
    // the system acts: the actor never filters anyone out
    expect(composeFor(itemOverdue, { item, date: '2026-03-10' }, { ...audience, actor: 'dept-a' })).toHaveLength(3)
  })

  it('承诺回访 reaches the department and the owning deputy', () => {
    const [first, ...rest] = composeFor(itemFollowUp, { item, date: '2026-06-30' }, audience)
    expect(first).toEqual({
      _id: 's1:followup:2026-06-30:dept-a',
      toOpenid: 'dept-a',
      kind: 'deadline_reminder',
      title: '承诺事项到期回访',
      body: 'XW-2026-0001 承诺于2026-06-30前解决，请反馈落实情况',
      page: '/pages/item/index?id=s1',
    })
    expect(rest.map((m) => m.toOpenid)).toEqual(['dept-b', 'deputy'])
  })

  it('期限将至 reaches the department only', () => {
    const messages = composeFor(itemDueSoon, { item, date: '2026-03-10' }, audience)
    expect(messages.map((m) => m.toOpenid)).toEqual(['dept-a', 'dept-b'])
    expect(messages[0]).toEqual({
      _id: 's1:due:2026-03-10:dept-a',
      toOpenid: 'dept-a',
      kind: 'deadline_reminder',
      title: '办理期限即将到期',
      body: 'XW-2026-0001 须于2026-03-10前办结',
      page: '/pages/item/index?id=s1',
    })
  })
})

describe('reception reminders', () => {
  const reach = { deputies: ['d1'], officials: ['o1'], residents: ['r1'] }

  it('render the reminder texts with the session page', () => {
    const data = { session, offset: 3 }
    expect(composeFor(receptionReminderDeputy, data, reach)).toEqual([
      {
        _id: 'rr:rs1:2026-03-05:deputy:d1:d3',
        toOpenid: 'd1',
        kind: 'reception_reminder',
        title: '代表接待日提醒',
        body: '3月5日 09:00–11:30 请到城关镇代表联络站值班接待',
        page: '/packages/reception/pages/session/index?id=rs1',
      },
    ])
    expect(composeFor(receptionReminderOfficial, data, reach)[0]).toMatchObject({
      _id: 'rr:rs1:2026-03-05:official:o1:d3',
      body: '3月5日 09:00–11:30 应邀参加城关镇代表联络站代表接待日',
    })
    expect(compose(receptionReminderResident, { session: { ...session, stationName: null }, offset: 1 }, 'r1')).toMatchObject({
      _id: 'rr:rs1:2026-03-05:resident:r1:d1',
      body: '明天09:00–11:30 城关镇政府',
    })
  })

  it('reach residents only the day before; a moved session gets new ids', () => {
    expect(receptionReminderResident.recipients({ session, offset: 3 }, reach)).toEqual([])
    expect(receptionReminderResident.recipients({ session, offset: 1 }, reach)).toEqual(['r1'])
    expect(receptionReminderDeputy.recipients({ session, offset: 1 }, reach)).toEqual(['d1'])
    expect(receptionReminderOfficial.recipients({ session, offset: 1 }, reach)).toEqual(['o1'])
    const moved = compose(receptionReminderDeputy, { session: { ...session, date: '2026-03-12' }, offset: 3 }, 'd1')
    expect(moved._id).toBe('rr:rs1:2026-03-12:deputy:d1:d3')
  })
})

describe('县级设置', () => {
  it('tells a new admin invitation to every other admin of the county, never to the one who issued it', () => {
    const data = { invitationKey: 'h1', issuedByName: '王主任', countyName: '修武县' }
    expect(adminInvitationIssued.recipients(data, { admins: ['a1', 'a2', 'a3'], actor: 'a1' })).toEqual(['a2', 'a3'])
    expect(compose(adminInvitationIssued, data, 'a2')).toMatchObject({
      _id: 'ai:h1:a2',
      kind: 'admin_notice',
      page: '/packages/admin/pages/roles/index',
      body: '王主任签发了修武县的管理员邀请码；如非本县安排，请在“角色与邀请码”中作废',
    })
  })
})

describe('the catalogue as a whole', () => {
  const sample: Record<keyof typeof MESSAGES, unknown> = {
    itemStepOwner: { item, event: 'accept' },
    itemStepFollower: { item, event: 'accept' },
    itemStepDepartment: { item, event: 'dispatch' },
    itemMerged: { merged: { _id: 's2', number: 'XW-2026-0002' }, into: { _id: 's1', number: 'XW-2026-0001', submitterOpenid: 'sub' } },
    itemOverdue: { item, date: '2026-03-10' },
    itemFollowUp: { item, date: '2026-03-10' },
    itemDueSoon: { item, date: '2026-03-10' },
    receptionReminderDeputy: { session, offset: 1 },
    receptionReminderOfficial: { session, offset: 1 },
    receptionReminderResident: { session, offset: 1 },
    adminInvitationIssued: { invitationKey: 'h1', issuedByName: '王主任', countyName: '修武县' },
  }

  it.each(Object.keys(MESSAGES) as Array<keyof typeof MESSAGES>)('%s renders Chinese text, a known template and a page, with a deterministic id', (name) => {
    const def = MESSAGES[name] as MessageDef<unknown, never>
    const a = compose(def, sample[name], 'someone')
    const b = compose(def, sample[name], 'someone')
    const other = compose(def, sample[name], 'someone-else')
    expect(a).toEqual(b)
    expect(a._id).toContain('someone')
    expect(other._id).not.toBe(a._id)
    expect(TEMPLATE_KINDS).toContain(a.kind)
    expect(a.title).toMatch(/[\u4e00-\u9fff]/)
    expect(a.body).toMatch(/[\u4e00-\u9fff]/)
    expect(a.page).toMatch(/^\/(pages|packages)\//)
  })
})
