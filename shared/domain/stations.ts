export const STATION_KINDS = ['township_station', 'industry_station', 'liaison_point', 'deputy_studio'] as const
export type StationKind = (typeof STATION_KINDS)[number]

export const STATION_KIND_LABELS: Record<StationKind, string> = {
  township_station: '乡镇人大代表联络站',
  industry_station: '行业人大代表联络站',
  liaison_point: '人大代表联络点',
  deputy_studio: '人大代表工作室',
}

/** Station codes are short upper-case codes (e.g. XWT01) so they fit a mini-program code's scene. */
export const STATION_CODE_PATTERN = /^[A-Z0-9-]{2,24}$/
