import type { DeputyCard, StationListItem, StationView } from '@shared/api/directory'
import { STATION_KIND_LABELS } from '@shared/domain/stations'
import type { CountyDoc, DeputyDoc, DeputyLevel, StationDoc } from '../model'

export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '县人大代表',
  township: '乡镇人大代表',
}

const LEVEL_ORDER: DeputyLevel[] = ['national', 'provincial', 'city', 'county', 'township']

export function deputyCard(d: DeputyDoc): DeputyCard {
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    levelLabel: DEPUTY_LEVEL_LABELS[d.level],
    socialPosition: d.socialPosition,
    photoUrl: d.photoUrl,
    phone: d.publishContact ? d.phone : null,
  }
}

export function stationListItem(s: StationDoc, county: CountyDoc | null): StationListItem {
  return {
    code: s.code,
    name: s.name,
    kind: s.kind,
    kindLabel: STATION_KIND_LABELS[s.kind],
    countyCode: s.countyCode,
    countyName: county?.name ?? '',
    township: s.township,
  }
}

/** The next reception days at a station, with the names of everyone on duty (see usecases/reception/upcoming.ts). */
export function stationView(s: StationDoc, county: CountyDoc | null, deputies: DeputyDoc[], upcoming: StationView['upcomingSessions'] = []): StationView {
  const ordered = [...deputies].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.code.localeCompare(b.code),
  )
  return {
    ...stationListItem(s, county),
    address: s.address,
    // the admin's 接待说明 first (县级设置), else the note of the station's reception rule
    receptionNote: s.receptionNote ?? s.receptionRule?.note ?? null,
    deputies: ordered.map(deputyCard),
    upcomingSessions: upcoming,
  }
}
