import { bindingEntry } from '../../../shared/domain/binding-entry'
import type { RoleBinding } from '../../../shared/domain/roles'

describe('the directory entry a role answers to', () => {
  it('is the same entry when only the details it follows change (stations, township)', () => {
    const before: RoleBinding = { role: 'supervisor', supervisorCode: 'XWT01-M1', stationCodes: ['XWT01'], countyCode: 'xiuwu' }
    const after: RoleBinding = { ...before, stationCodes: ['XWT01', 'XWT02'] }
    expect(bindingEntry(after)).toBe(bindingEntry(before))
    const deputy: RoleBinding = { role: 'deputy', deputyCode: 'XWT01-R1', stationCodes: ['XWT01'], focusGroupCodes: [], countyCode: 'xiuwu' }
    expect(bindingEntry({ ...deputy, stationCodes: [], focusGroupCodes: ['XWG1'] })).toBe(bindingEntry(deputy))
    const staff: RoleBinding = { role: 'staff', staffCode: 'XW-STAFF2', countyCode: 'xiuwu', scope: 'county' }
    expect(bindingEntry({ ...staff, scope: 'township', township: '城关镇' })).toBe(bindingEntry(staff))
  })

  it('tells every other entry apart, across roles and codes', () => {
    const bindings: RoleBinding[] = [
      { role: 'resident' },
      { role: 'deputy', deputyCode: 'XWT01-R1', stationCodes: [], focusGroupCodes: [], countyCode: 'xiuwu' },
      { role: 'deputy', deputyCode: 'XWT01-R2', stationCodes: [], focusGroupCodes: [], countyCode: 'xiuwu' },
      { role: 'supervisor', supervisorCode: 'XWT01-R1', stationCodes: [], countyCode: 'xiuwu' },
      { role: 'staff', staffCode: 'XWT01-R1', countyCode: 'xiuwu', scope: 'county' },
      { role: 'department', departmentCode: 'XWT01-R1', countyCode: 'xiuwu' },
      { role: 'admin', countyCode: 'xiuwu' },
      { role: 'admin', countyCode: 'linying' },
    ]
    expect(new Set(bindings.map(bindingEntry)).size).toBe(bindings.length)
  })
})
