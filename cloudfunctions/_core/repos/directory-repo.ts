import type { Store } from '../store/port'
import type { CountyDoc, DeputyDoc, DepartmentDoc, StationDoc } from '../model'

/** Reads of the county's fixed directory: counties, stations, deputies, departments. */
export function directoryRepo(store: Store) {
  const counties = store.collection<CountyDoc>('counties')
  const stations = store.collection<StationDoc>('stations')
  const deputies = store.collection<DeputyDoc>('deputies')
  const departments = store.collection<DepartmentDoc>('departments')
  return {
    county: (code: string) => counties.get(code),
    /** Every county on this installation (a handful): ordered by the primary key, no index needed. */
    async allCounties(): Promise<CountyDoc[]> {
      return (await counties.find({ orderBy: { field: '_id', direction: 'asc' }, limit: 100 })).items
    },
    station: (code: string) => stations.get(code),
    deputiesByCodes: (codes: string[]) => deputies.getMany(codes),
    deputy: (code: string) => deputies.get(code),
    department: (code: string) => departments.get(code),
    /** A deputy's directory entry now answers to this identity (an invitation redeemed). */
    bindDeputy: (deputy: DeputyDoc, openid: string) => deputies.put({ ...deputy, openid }),
    /** A department's directory entry gains this identity (an invitation redeemed); already there: unchanged. */
    async addDepartmentOpenid(department: DepartmentDoc, openid: string): Promise<void> {
      const openids = department.openids.includes(openid) ? department.openids : [...department.openids, openid]
      await departments.put({ ...department, openids })
    },
    async stationsOfCounty(countyCode: string): Promise<StationDoc[]> {
      const page = await stations.find({ where: { countyCode }, orderBy: { field: 'code', direction: 'asc' }, limit: 500 })
      return page.items
    },
    /** A county's 承办单位 (a few dozen: departments, court, procuratorate, township governments). */
    async departmentsOfCounty(countyCode: string): Promise<DepartmentDoc[]> {
      const page = await departments.find({ where: { countyCode }, orderBy: { field: 'code', direction: 'asc' }, limit: 500 })
      return page.items
    },
    async allStations(): Promise<StationDoc[]> {
      const page = await stations.find({ orderBy: { field: 'code', direction: 'asc' }, limit: 1000 })
      return page.items
    },
  }
}
export type DirectoryRepo = ReturnType<typeof directoryRepo>
