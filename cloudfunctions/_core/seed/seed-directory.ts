import type { RoleBinding } from '@shared/domain/roles'
import { townshipGovernmentCode, townshipGovernmentName } from '@shared/domain/visits'
import type { Store } from '../store/port'
import { ROLE_LABELS } from '@shared/domain/roles'
import type { CountyDoc, DeputyDoc, DepartmentDoc, FocusGroupDoc, PersonDoc, RoleGrantDoc, StationDoc, UserDoc } from '../model'
import { grantDoc } from '../usecases/directory/admin/roles'
import type { DemoCountyFile } from './demo-county'

const COUNTY_PREFIXES: Record<string, string> = { xiuwu: 'XW', linying: 'LY' }

/** Demo identities, one per person in the file, so every role can be tried locally. */
export const demoOpenid = {
  resident: (n: number) => `demo-resident-${n}`,
  deputy: (code: string) => `demo-deputy-${code}`,
  supervisor: (code: string) => `demo-supervisor-${code}`,
  staff: (code: string) => `demo-staff-${code}`,
  department: (code: string) => `demo-department-${code}`,
  admin: (countyCode: string) => `demo-admin-${countyCode}`,
}

/**
 * Writes the directory (counties, stations, deputies, departments) and the demo identities.
 * Idempotent: seeding twice leaves the same documents.
 */
export async function seedDirectory(store: Store, file: DemoCountyFile, at: string): Promise<void> {
  const counties = store.collection<CountyDoc>('counties')
  const stations = store.collection<StationDoc>('stations')
  const deputies = store.collection<DeputyDoc>('deputies')
  const departments = store.collection<DepartmentDoc>('departments')
  const users = store.collection<UserDoc>('users')
  const focusGroups = store.collection<FocusGroupDoc>('focus_groups')
  const grants = store.collection<RoleGrantDoc>('role_grants')
  const people = store.collection<PersonDoc>('people')
  // every demo role is a grant too, so 角色与邀请码 lists (and can revoke) it like a redeemed one
  const user = async (openid: string, displayName: string, bindings: RoleBinding[]) => {
    await users.put({ _id: openid, displayName, bindings: [{ role: 'resident' }, ...bindings], createdAt: at })
    for (const b of bindings) if (b.role !== 'resident') await grants.put(grantDoc(openid, b, `${ROLE_LABELS[b.role]} ${displayName}`, displayName, at))
  }

  await user(demoOpenid.resident(1), '张秀兰', [])
  await user(demoOpenid.resident(2), '李建军', [])

  for (const c of file.counties) {
    const prefix = COUNTY_PREFIXES[c.code] ?? c.code.slice(0, 2).toUpperCase()
    await counties.put({ _id: c.code, code: c.code, name: c.name, prefix, holidayRule: c.holidayRule, townships: c.townships })
    for (const g of c.focusGroups) {
      await focusGroups.put({ _id: g.code, code: g.code, name: g.name, countyCode: c.code, topics: [], active: true })
    }
    const groupsOf = (deputyCode: string) => c.focusGroups.filter((g) => g.members.includes(deputyCode)).map((g) => g.code)

    for (const s of c.stations) {
      await stations.put({
        _id: s.code,
        code: s.code,
        name: s.name,
        kind: s.kind,
        countyCode: c.code,
        township: s.township,
        address: s.address,
        receptionRule: s.receptionRule ?? null,
        deputyCodes: c.deputies.filter((d) => d.stations.includes(s.code)).map((d) => d.code),
        supervisorCodes: c.supervisors.filter((m) => m.stations.includes(s.code)).map((m) => m.code),
      })
    }
    for (const d of c.deputies) {
      await deputies.put({
        _id: d.code,
        code: d.code,
        name: d.name,
        level: d.level,
        socialPosition: d.socialPosition,
        countyCode: c.code,
        stationCodes: d.stations,
        focusGroupCodes: groupsOf(d.code),
        phone: d.phone,
        publishContact: d.publishContact,
        photoUrl: null,
        openid: demoOpenid.deputy(d.code),
      })
      await user(demoOpenid.deputy(d.code), d.name, [
        { role: 'deputy', deputyCode: d.code, stationCodes: d.stations, focusGroupCodes: groupsOf(d.code), countyCode: c.code },
      ])
    }
    for (const m of c.supervisors) {
      await people.put({ _id: m.code, code: m.code, countyCode: c.code, name: m.name, role: 'supervisor', title: null, phone: null, stationCodes: m.stations, scope: null, township: null, active: true })
      await user(demoOpenid.supervisor(m.code), m.name, [
        { role: 'supervisor', supervisorCode: m.code, stationCodes: m.stations, countyCode: c.code },
      ])
    }
    for (const dep of c.departments) {
      await departments.put({ _id: dep.code, code: dep.code, name: dep.name, kind: dep.kind, countyCode: c.code, openids: [demoOpenid.department(dep.code)] })
      await user(demoOpenid.department(dep.code), dep.name, [{ role: 'department', departmentCode: dep.code, countyCode: c.code }])
    }
    // Township governments (乡镇人民政府 / 街道办事处), where a 交办单 goes by 层级划分 (issue 6):
    // one per township, code from its place in the county's list (XW-TG01 = 城关镇人民政府).
    for (const township of c.townships) {
      const code = townshipGovernmentCode(prefix, c.townships, township)!
      const name = townshipGovernmentName(township)
      await departments.put({ _id: code, code, name, kind: 'township_government', countyCode: c.code, openids: [demoOpenid.department(code)] })
      await user(demoOpenid.department(code), name, [{ role: 'department', departmentCode: code, countyCode: c.code }])
    }
    for (const st of c.staff) {
      await people.put({
        _id: st.code,
        code: st.code,
        countyCode: c.code,
        name: st.name,
        role: 'staff',
        title: st.title,
        phone: null,
        stationCodes: [],
        scope: st.scope,
        township: st.scope === 'township' ? (st.township ?? null) : null,
        active: true,
      })
      const binding: RoleBinding =
        st.scope === 'county'
          ? { role: 'staff', staffCode: st.code, countyCode: c.code, scope: 'county' }
          : { role: 'staff', staffCode: st.code, countyCode: c.code, scope: 'township', township: st.township }
      await user(demoOpenid.staff(st.code), `${st.name}（${st.title}）`, [binding])
    }
    await user(demoOpenid.admin(c.code), `${c.name}管理员`, [{ role: 'admin', countyCode: c.code }])
  }
}
