import type { Deps } from '../ports'
import { FUNCTIONS } from '../functions'

/** Each demo county's county-level staff (shared/data/demo-county.json), who may generate its sessions. */
const DEMO_COUNTY_STAFF = ['demo-staff-XW-STAFF1', 'demo-staff-LY-STAFF1']

/**
 * The demo stations' coming reception sessions: the county staff's own 生成接待日 (the generator of
 * usecases/reception/generate.ts, three months from today), so no demo station page says
 * 接待日安排即将公布. Idempotent: the generator keeps existing sessions.
 */
export async function seedDemoSessions(deps: Deps, months = 3): Promise<void> {
  for (const openid of DEMO_COUNTY_STAFF) {
    const res = await FUNCTIONS.reception({ action: 'generateSessions', payload: { months } }, openid, deps)
    if (!res.ok) throw new Error(`演示接待日生成失败（${openid}）：${res.code} ${res.message}`)
  }
}
