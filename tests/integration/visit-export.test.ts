/** The 登记表 as Excel: masking by role, scopes, the local GET route; and the register's queries are all indexed. */
import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import { createSqliteStore, explainFind, type SqliteStore } from '../../cloudfunctions/_core/store/sqlite'
import type { FindOptions } from '../../cloudfunctions/_core/store/port'
import { visitWorld, vwho, type VisitWorld } from './visit-support'

let w: VisitWorld

/** Every cell of the first sheet as text, row by row. */
async function sheetText(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const rows: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value == null ? '' : String(cell.value)))
    rows.push(cells)
  })
  return rows
}

describe('exporting the 登记表', () => {
  beforeEach(async () => {
    w = await visitWorld()
    await w.visit.ok(vwho.supervisor, 'create', w.onSpot({ opinion: { rating: 'satisfied', note: '满意' } }))
    w.at('2026-09-15', '10:30')
    await w.visit.ok(vwho.supervisor, 'create', w.assignment({ visitor: { name: '李建军', phone: '13698765432', village: '西关社区' } }))
  })
  afterEach(() => w.close())

  it('gives the station’s supervisor the full phones, one row per record with the two checked fields', async () => {
    const out = await w.visit.ok(vwho.supervisor, 'exportRegister', { scope: 'session', sessionId: w.session.id })
    expect(out).toMatchObject({ rows: 2, masked: false, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    expect(out.filename).toBe('城关镇人大代表联络站人大代表接待选民登记表-2026年9月15日0900–1200.xlsx'.replace('–', ''))
    const rows = await sheetText(out.base64)
    expect(rows[0][0]).toBe('城关镇人大代表联络站人大代表接待选民登记表')
    expect(rows[1][0]).toContain('含来访人完整联系方式')
    expect(rows[2]).toEqual(['序号', '接待时间', '联络站', '接待活动', '接待代表', '来访人', '人数', '联系电话', '村（社区）', '反映事项', '类别', '办理方式', '交办单', '办理结果', '选民群众对办理结果的意见', '状态'])
    expect(rows[3]).toEqual(expect.arrayContaining(['1', '2026-09-15 10:00', '张秀兰', '13912345678', '东关村', '当场答复', '已联系镇政府，本周内修复', '满意：满意', '在办']))
    expect(rows[4]).toEqual(expect.arrayContaining(['2', '李建军', '13698765432', '西关社区', '填写交办单']))
    expect(rows[4].find((c) => c.startsWith('（办理中）'))).toBe('（办理中）等待县人大常委会代工委研究交办')
  })

  it('masks phones, names and villages for the station’s deputies, and on request', async () => {
    for (const [who, payload] of [
      [vwho.deputy, { scope: 'session', sessionId: w.session.id }],
      [vwho.supervisor, { scope: 'session', sessionId: w.session.id, masked: true }],
      [vwho.countyStaff, { scope: 'month', month: '2026-09', masked: true }],
    ] as const) {
      const out = await w.visit.ok(who, 'exportRegister', payload)
      expect(out.masked).toBe(true)
      const text = (await sheetText(out.base64)).flat().join('|')
      expect(text).not.toContain('13912345678')
      expect(text).not.toContain('13698765432')
      expect(text).not.toContain('张秀兰')
      expect(text).toContain('139****5678')
      expect(text).toContain('136****5432')
      expect(text).toContain('张**')
      expect(text).toContain('东*村')
      expect(text).toContain('来访人姓名、联系电话、住址已脱敏')
    }
  })

  it('exports a month of the caller’s scope or a station’s year, and refuses others', async () => {
    const month = await w.visit.ok(vwho.countyStaff, 'exportRegister', { scope: 'month', month: '2026-09' })
    expect(month).toMatchObject({ rows: 2, masked: false })
    expect((await sheetText(month.base64))[0][0]).toBe('修武县人大代表接待选民登记表')
    expect((await w.visit.ok(vwho.townshipStaff, 'exportRegister', { scope: 'month', month: '2026-09' })).rows).toBe(2)
    expect((await w.visit.ok(vwho.otherTownshipStaff, 'exportRegister', { scope: 'month', month: '2026-09' })).rows).toBe(0)
    expect((await w.visit.ok(vwho.supervisor, 'exportRegister', { scope: 'month', month: '2026-08' })).rows).toBe(0)
    const year = await w.visit.ok(vwho.supervisor, 'exportRegister', { scope: 'station', stationCode: 'XWT01' })
    expect(year).toMatchObject({ rows: 2, filename: '城关镇人大代表联络站人大代表接待选民登记表-2026年全年.xlsx' })
    expect((await w.visit.refused(vwho.otherSupervisor, 'exportRegister', { scope: 'station', stationCode: 'XWT01' })).code).toBe('forbidden')
    expect((await w.visit.refused(vwho.lyStaff, 'exportRegister', { scope: 'session', sessionId: w.session.id })).code).toBe('not_found')
    expect(await w.visit.refused(vwho.supervisor, 'exportRegister', { scope: 'session' })).toMatchObject({ field: 'sessionId', message: '请选择要导出的接待活动' })
  })

  it('downloads from the local server at GET /export/visits.xlsx as the request’s identity', async () => {
    const server = createLocalServer({ deps: w.backend.deps })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const url = `${base}/export/visits.xlsx?scope=session&sessionId=${w.session.id}`
      const full = await fetch(url, { headers: { 'x-wudantong-openid': vwho.supervisor } })
      expect(full.status).toBe(200)
      expect(full.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      expect(full.headers.get('content-disposition')).toContain("filename*=UTF-8''")
      expect(full.headers.get('x-wudantong-masked')).toBe('0')
      const text = (await sheetText(Buffer.from(await full.arrayBuffer()).toString('base64'))).flat().join('|')
      expect(text).toContain('13912345678')

      const masked = await fetch(`${url}&masked=1`, { headers: { 'x-wudantong-openid': vwho.supervisor } })
      expect(masked.headers.get('x-wudantong-masked')).toBe('1')
      expect((await fetch(url)).status).toBe(403)
      const other = await fetch(url, { headers: { 'x-wudantong-openid': vwho.lyStaff } })
      expect(other.status).toBe(404)
      expect(await other.json()).toMatchObject({ ok: false, code: 'not_found' })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('the register’s queries', () => {
  let store: SqliteStore
  beforeAll(() => {
    store = createSqliteStore({ file: ':memory:' })
  })
  afterAll(() => store.close())
  const indexUsed = (plan: string[]) => plan.some((l) => /USING (COVERING )?INDEX visit_/.test(l)) && !plan.some((l) => /^SCAN /.test(l))
  const shapes: Array<[string, FindOptions]> = [
    ['visit_records', { where: { stationCode: 'XWT01' }, orderBy: { field: 'visitedAt', direction: 'desc' }, limit: 20 }],
    ['visit_records', { where: { stationCode: 'XWT01', status: 'open' }, orderBy: { field: 'visitedAt', direction: 'asc' }, limit: 500 }],
    ['visit_records', { where: { stationCode: 'XWT01', visitedAt: { $gte: 'a', $lt: 'b' } }, orderBy: { field: 'visitedAt', direction: 'desc' }, limit: 20 }],
    ['visit_records', { where: { stationCode: 'XWT01', status: 'closed', visitedAt: { $gte: 'a', $lt: 'b' } }, orderBy: { field: 'visitedAt', direction: 'asc' }, limit: 500 }],
    ['visit_records', { where: { sessionId: 's' }, orderBy: { field: 'visitedAt', direction: 'asc' }, limit: 500 }],
    ['visit_records', { where: { sessionId: 's', status: 'open' }, orderBy: { field: 'visitedAt', direction: 'desc' }, limit: 20 }],
    ['visit_records', { where: { countyCode: 'xiuwu', visitedAt: { $gte: 'a', $lt: 'b' } }, orderBy: { field: 'visitedAt', direction: 'desc' }, limit: 20 }],
    ['visit_records', { where: { countyCode: 'xiuwu', township: '城关镇', status: 'open' }, orderBy: { field: 'visitedAt', direction: 'asc' }, limit: 500 }],
    ['visit_records', { where: { countyCode: 'xiuwu', status: 'closed', visitedAt: { $gte: 'a', $lt: 'b' } }, orderBy: { field: 'visitedAt', direction: 'asc' }, limit: 500 }],
    ['visit_records', { where: { countyCode: 'xiuwu', status: 'closed', closedAt: { $lt: 'b' } }, orderBy: { field: 'closedAt', direction: 'asc' }, limit: 200 }],
    ['visit_callbacks', { where: { spotCheckId: 'x' }, orderBy: { field: 'recordId', direction: 'asc' }, limit: 500 }],
    ['visit_callbacks', { where: { countyCode: 'xiuwu', township: '城关镇' }, orderBy: { field: 'drawnAt', direction: 'desc' }, limit: 20 }],
    ['visit_callbacks', { where: { stationCode: 'XWT01' }, orderBy: { field: 'drawnAt', direction: 'desc' }, limit: 20 }],
    ['visit_problems', { where: { countyCode: 'xiuwu', status: 'open' }, orderBy: { field: 'createdAt', direction: 'desc' }, limit: 20 }],
    ['visit_problems', { where: { countyCode: 'xiuwu', township: '城关镇' }, orderBy: { field: 'createdAt', direction: 'desc' }, limit: 20 }],
    ['visit_problems', { where: { stationCode: 'XWT01', status: 'resolved' }, orderBy: { field: 'createdAt', direction: 'desc' }, limit: 20 }],
  ]
  it.each(shapes)('%s %j is served by an index', (collection, options) => {
    expect(indexUsed(explainFind(store, collection, options))).toBe(true)
  })
})
