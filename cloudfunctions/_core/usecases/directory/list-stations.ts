import type { StationListItem } from '@shared/api/directory'
import type { UseCase } from '../../runtime/define-function'
import { stationListItem } from '../../views/directory-views'
import type { CountyDoc } from '../../model'

export const listStations: UseCase<{ countyCode?: string }, { items: StationListItem[] }> = async (deps, _actor, input) => {
  const directory = deps.repos.directory
  const listed = input.countyCode ? await directory.stationsOfCounty(input.countyCode) : await directory.allStations()
  const stations = listed.filter((s) => s.active !== false) // deactivated stations are not offered
  const counties = new Map<string, CountyDoc | null>()
  for (const code of new Set(stations.map((s) => s.countyCode))) counties.set(code, await directory.county(code))
  return { items: stations.map((s) => stationListItem(s, counties.get(s.countyCode) ?? null)) }
}
