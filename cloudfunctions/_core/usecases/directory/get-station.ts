import type { StationView } from '@shared/api/directory'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { stationView } from '../../views/directory-views'
import { upcomingAtStation } from '../reception/upcoming'

/** What a resident sees after scanning a station's code. Public: any identity may read it. */
export const getStation: UseCase<{ stationCode: string }, StationView> = async (deps, _actor, { stationCode }) => {
  const directory = deps.repos.directory
  const station = await directory.station(stationCode)
  // a station an admin deactivated answers as a code that leads nowhere (its records stay)
  if (!station || station.active === false) throw new AppError('station_not_found')
  const [county, deputies, upcoming] = await Promise.all([
    directory.county(station.countyCode),
    directory.deputiesByCodes(station.deputyCodes),
    upcomingAtStation(deps, station.code),
  ])
  return stationView(station, county, deputies.filter((d) => d.active !== false), upcoming)
}
