import type { TestBackend } from './backend'

/** Demo identities from the seeded county, by the role they play in tests. */
export const who = {
  resident: 'demo-resident-1',
  otherResident: 'demo-resident-2',
  deputy: 'demo-deputy-XWT01-R1', // 王建国, 城关镇联络站
  sameStationDeputy: 'demo-deputy-XWT01-R2',
  otherStationDeputy: 'demo-deputy-XWT02-R1',
  countyStaff: 'demo-staff-XW-STAFF1',
  townshipStaff: 'demo-staff-XW-STAFF-城关镇',
  otherTownshipStaff: 'demo-staff-XW-STAFF-七贤镇',
  otherCountyStaff: 'demo-staff-LY-STAFF1',
  department: 'demo-department-XW-D09', // 交通运输局
  otherDepartment: 'demo-department-XW-D02',
  supervisor: 'demo-supervisor-XWT01-M1',
}

let seq = 0

/** Calls `suggestion.<action>` as `openid`, throwing with the Chinese message when it fails. */
export function actions(backend: TestBackend) {
  const raw = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
    backend.call('suggestion', { action, payload }, openid)
  const ok = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await raw(openid, action, payload)
    if (!res.ok) throw new Error(`${action} as ${openid} failed: ${res.code} ${res.message}`)
    return res.data
  }
  const submit = async (content = '台创园区路面损毁严重，雨雪天气存在安全隐患', openid = who.resident, extra: Record<string, unknown> = {}) =>
    (await ok(openid, 'submit', {
      clientRequestId: `test-${process.pid}-${++seq}`,
      stationCode: 'XWT01',
      content,
      anonymous: false,
      contactName: '张女士',
      contactPhone: '13912345678',
      ...extra,
    })) as { id: string }

  /** Walks an item to the given point of the loop along the normal path. */
  const walkTo = async (point: 'accepted' | 'escalated' | 'dispatched' | 'in_progress' | 'resolved' | 'answered') => {
    const { id } = await submit()
    await ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'important' })
    if (point === 'accepted') return id
    if (point === 'answered') {
      await ok(who.deputy, 'answer', { id, answer: '已联系交通局，下周修补' })
      return id
    }
    await ok(who.deputy, 'escalate', { id, target: 'county', note: '路面损毁需交通局处理' })
    if (point === 'escalated') return id
    await ok(who.countyStaff, 'dispatch', { id, departmentCode: 'XW-D09', requirements: '实地察看并修复', workdays: 10 })
    if (point === 'dispatched') return id
    await ok(who.department, 'acknowledge', { id })
    if (point === 'in_progress') return id
    await ok(who.department, 'resolve', { id, reply: '已完成路面修补', outcome: 'solved' })
    return id
  }
  return { raw, ok, submit, walkTo }
}
