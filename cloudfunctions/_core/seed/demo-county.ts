/** The shape of shared/data/demo-county.json (two counties from the source document). */
export interface DemoCountyFile {
  categories: Array<{ code: string; label: string }>
  counties: Array<{
    code: string
    name: string
    holidayRule: string
    townships: string[]
    stations: Array<{
      code: string
      name: string
      kind: 'township_station' | 'industry_station' | 'liaison_point' | 'deputy_studio'
      township: string
      address: string
      receptionRule?: { kind: 'weekly' | 'monthly_first_week'; weekday: number; deputiesPerSession?: number; note?: string }
    }>
    deputies: Array<{
      code: string
      name: string
      level: 'national' | 'provincial' | 'city' | 'county' | 'township'
      socialPosition: string
      stations: string[]
      phone: string
      publishContact: boolean
    }>
    supervisors: Array<{ code: string; name: string; stations: string[] }>
    focusGroups: Array<{ code: string; name: string; members: string[] }>
    departments: Array<{ code: string; name: string; kind: 'government' | 'court' | 'procuratorate' }>
    staff: Array<{ code: string; name: string; scope: 'county' | 'township'; township?: string; title: string }>
  }>
}
