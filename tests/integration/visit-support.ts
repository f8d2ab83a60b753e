/** Helpers of the visit-register tests (tests/integration/visit-*.test.ts). */
import { createTestBackend, fixedClock, functionCaller, type TestBackend } from '../support/backend'
import type { Clock } from '../../cloudfunctions/_core/ports'
import { reception } from '../support/reception'

export const vwho = {
  supervisor: 'demo-supervisor-XWT01-M1', // 宋桂英, 城关镇联络站 XWT01
  otherSupervisor: 'demo-supervisor-XWT02-M1', // 七贤镇
  lySupervisor: 'demo-supervisor-LYT01-M1',
  deputy: 'demo-deputy-XWT01-R1', // 王建国, XWT01
  otherDeputy: 'demo-deputy-XWT02-R1',
  countyStaff: 'demo-staff-XW-STAFF1',
  townshipStaff: 'demo-staff-XW-STAFF-城关镇',
  otherTownshipStaff: 'demo-staff-XW-STAFF-七贤镇',
  lyStaff: 'demo-staff-LY-STAFF1',
  admin: 'demo-admin-xiuwu',
  resident: 'demo-resident-1',
  transport: 'demo-department-XW-D09',
  chengguanGov: 'demo-department-XW-TG01', // 城关镇人民政府
}

type Payload = Record<string, unknown>
export type Failure = { ok: false; code: string; message: string; field?: string }

/** `fn.<action>` calls; `ok` throws with the Chinese message on failure, `refused` asserts a failure. */
export const caller = functionCaller

let seq = 0
export const clientId = () => `vt${process.pid}x${++seq}x${Date.now().toString(36)}`.padEnd(12, '0')

/** A visit payload at a session of XWT01, at the clock's time: 张秀兰's street lights of 东关村. */
export const visitAt = (session: { id: string; deputies: Array<{ code: string }> }, clock: Clock, extra: Payload = {}): Payload => ({
  clientId: clientId(),
  stationCode: 'XWT01',
  sessionId: session.id,
  visitedAt: clock.now().toISOString(),
  deputyCodes: session.deputies.map((d) => d.code),
  visitor: { name: '张秀兰', phone: '13912345678', village: '东关村' },
  matter: '东关村路灯坏了三个多月，晚上出行不便',
  categoryCode: 'urban_rural_construction',
  ...extra,
})

/** Beijing wall time as an ISO instant. */
export const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

export interface VisitWorld {
  backend: TestBackend
  clock: ReturnType<typeof fixedClock>
  visit: ReturnType<typeof caller>
  suggestion: ReturnType<typeof caller>
  reception: ReturnType<typeof reception>
  /** The Tuesday reception at XWT01 (2026-09-15 09:00–12:00) and the one at XWT02. */
  session: { id: string; deputyCodes: string[] }
  otherSession: { id: string }
  /** A visit payload at the XWT01 session, answered on the spot. */
  onSpot(extra?: Payload): Payload
  /** A visit payload at the XWT01 session, turned into a 交办单 to the congress office. */
  assignment(extra?: Payload): Payload
  at(date: string, time: string): void
  close(): Promise<void>
}

/**
 * The demo county with XWT01's and XWT02's weekly calendar generated (Monday 2026-09-14), and the
 * clock on the Tuesday reception, 10:00 Beijing.
 */
export async function visitWorld(): Promise<VisitWorld> {
  const clock = fixedClock('2026-09-14T02:00:00.000Z')
  const backend = await createTestBackend({ clock })
  const r = reception(backend)
  await r.ok(vwho.countyStaff, 'generateSessions', { stationCode: 'XWT01', months: 1 })
  await r.ok(vwho.countyStaff, 'generateSessions', { stationCode: 'XWT02', months: 1 })
  const [first] = (await r.ok(vwho.countyStaff, 'listSessions', { stationCode: 'XWT01', limit: 1 })).items
  const [other] = (await r.ok(vwho.countyStaff, 'listSessions', { stationCode: 'XWT02', limit: 1 })).items
  const session = await r.ok(vwho.countyStaff, 'getSession', { id: first.id })
  clock.set(beijing('2026-09-15', '10:00'))
  const base = (extra: Payload = {}): Payload => visitAt(session, clock, extra)
  return {
    backend,
    clock,
    visit: caller(backend, 'visit'),
    suggestion: caller(backend, 'suggestion'),
    reception: r,
    session: { id: session.id, deputyCodes: session.deputies.map((d: { code: string }) => d.code) },
    otherSession: { id: other.id },
    onSpot: (extra = {}) => base({ handling: 'answered_on_spot', answer: '已联系镇政府，本周内修复', ...extra }),
    assignment: (extra = {}) => base({ handling: 'assignment_form', route: 'county', matter: '台创园区路面损毁严重，雨雪天气存在安全隐患', categoryCode: 'transport', ...extra }),
    at: (date, time) => clock.set(beijing(date, time)),
    close: () => backend.close(),
  }
}
