/**
 * 承办单位 of each county, for the dispatch form and the board's filter.
 *
 * STATIC FALLBACK: the directory function has no action that lists a county's departments yet
 * (requested: `directory.listDepartments({countyCode}) → {items: [{code, name, kind}]}`). Until it
 * exists, the demo counties' departments are copied here from shared/data/demo-county.json — inside
 * the staff subpackage only, so the main package never carries them. A county outside this table
 * gets an empty list and the form says so.
 */
export interface Department {
  code: string
  name: string
}

export const DEPARTMENTS_BY_COUNTY: Record<string, Department[]> = {
  xiuwu: [
    { code: 'XW-D01', name: '修武县发展和改革委员会' },
    { code: 'XW-D02', name: '修武县教育局' },
    { code: 'XW-D03', name: '修武县公安局' },
    { code: 'XW-D04', name: '修武县民政局' },
    { code: 'XW-D05', name: '修武县财政局' },
    { code: 'XW-D06', name: '修武县人力资源和社会保障局' },
    { code: 'XW-D07', name: '修武县自然资源局' },
    { code: 'XW-D08', name: '修武县住房和城乡建设局' },
    { code: 'XW-D09', name: '修武县交通运输局' },
    { code: 'XW-D10', name: '修武县水利局' },
    { code: 'XW-D11', name: '修武县农业农村局' },
    { code: 'XW-D12', name: '修武县文化广电和旅游局' },
    { code: 'XW-D13', name: '修武县卫生健康委员会' },
    { code: 'XW-D14', name: '修武县应急管理局' },
    { code: 'XW-D15', name: '修武县市场监督管理局' },
    { code: 'XW-D16', name: '修武县城市管理局' },
    { code: 'XW-COURT', name: '修武县人民法院' },
    { code: 'XW-PROC', name: '修武县人民检察院' },
  ],
  linying: [
    { code: 'LY-D01', name: '临颍县发展和改革委员会' },
    { code: 'LY-D02', name: '临颍县教育局' },
    { code: 'LY-D03', name: '临颍县公安局' },
    { code: 'LY-D04', name: '临颍县民政局' },
    { code: 'LY-D05', name: '临颍县财政局' },
    { code: 'LY-D06', name: '临颍县人力资源和社会保障局' },
    { code: 'LY-D07', name: '临颍县自然资源局' },
    { code: 'LY-D08', name: '临颍县住房和城乡建设局' },
    { code: 'LY-D09', name: '临颍县交通运输局' },
    { code: 'LY-D10', name: '临颍县水利局' },
    { code: 'LY-D11', name: '临颍县农业农村局' },
    { code: 'LY-D12', name: '临颍县文化广电和旅游局' },
    { code: 'LY-D13', name: '临颍县卫生健康委员会' },
    { code: 'LY-D14', name: '临颍县应急管理局' },
    { code: 'LY-D15', name: '临颍县市场监督管理局' },
    { code: 'LY-D16', name: '临颍县城市管理局' },
    { code: 'LY-COURT', name: '临颍县人民法院' },
    { code: 'LY-PROC', name: '临颍县人民检察院' },
  ],
}

export function departmentsOf(countyCode: string | null | undefined): Department[] {
  return (countyCode && DEPARTMENTS_BY_COUNTY[countyCode]) || []
}

/** "修武县交通运输局" → "交通运输局" where the county name is obvious from context. */
export function shortName(name: string): string {
  return name.replace(/^.{1,6}?县(?=.)/, '')
}
