/**
 * The 登记表 as an Excel workbook (exceljs), per session, month or station: one row per record
 * with the two checked fields, printable on A4 landscape. Phones, names and villages are masked
 * unless the exporting role may see them (the station's supervisors, staff reaching it) and the
 * caller did not ask for a masked copy; the sheet says which it is.
 */
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { VisitRecordView, visitActions } from '@shared/api/visit'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { VisitRecordDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { visitRepo } from '../../repos/visit-repo'
import { beijingTime } from '../../views/visit-views'
import { listScopes, readerOf, stationAccess, stationOrFail, type VisitAccess } from './access'
import { recordViews } from './context'
import { monthInstants } from './records'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const COLUMNS: Array<{ header: string; width: number; value: (r: VisitRecordView, i: number) => string | number }> = [
  { header: '序号', width: 6, value: (_r, i) => i + 1 },
  { header: '接待时间', width: 17, value: (r) => beijingTime(r.visitedAt) },
  { header: '联络站', width: 18, value: (r) => r.stationName },
  { header: '接待活动', width: 16, value: (r) => (r.session ? `${r.session.kindLabel}${r.session.theme ? `（${r.session.theme}）` : ''}` : '临时接待') },
  { header: '接待代表', width: 14, value: (r) => r.deputies.map((d) => d.name).join('、') },
  { header: '来访人', width: 10, value: (r) => r.visitor?.name ?? '（已删除）' },
  { header: '人数', width: 6, value: (r) => r.visitorCount },
  { header: '联系电话', width: 14, value: (r) => r.visitor?.phone ?? '' },
  { header: '村（社区）', width: 12, value: (r) => r.visitor?.village ?? '' },
  { header: '反映事项', width: 40, value: (r) => r.matter },
  { header: '类别', width: 10, value: (r) => r.categoryLabel },
  { header: '办理方式', width: 10, value: (r) => r.handlingLabel },
  {
    header: '交办单',
    width: 22,
    value: (r) => (r.assignment ? `${r.assignment.suggestionNumber}\n${r.assignment.targetName}\n${r.assignment.stateLabel}` : ''),
  },
  { header: '办理结果', width: 36, value: (r) => r.result ?? (r.assignment ? `（办理中）${r.assignment.progress}` : '') },
  {
    header: '选民群众对办理结果的意见',
    width: 22,
    value: (r) => (r.opinion ? `${r.opinion.ratingLabel}${r.opinion.note ? `：${r.opinion.note}` : ''}` : ''),
  },
  { header: '状态', width: 8, value: (r) => r.statusLabel },
]

const thin = { style: 'thin' as const, color: { argb: 'FF9AA0A6' } }
const border = { top: thin, left: thin, bottom: thin, right: thin }

/** The workbook itself: a title, what it covers, the header row and one row per record. */
export async function registerWorkbook(title: string, subtitle: string, rows: readonly VisitRecordView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '五单通'
  wb.created = new Date(0)
  const ws = wb.addWorksheet('接待登记表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  })
  ws.columns = COLUMNS.map((c) => ({ width: c.width }))
  const last = COLUMNS.length
  ws.mergeCells(1, 1, 1, last)
  ws.getCell(1, 1).value = title
  ws.getCell(1, 1).font = { bold: true, size: 16 }
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 30
  ws.mergeCells(2, 1, 2, last)
  ws.getCell(2, 1).value = subtitle
  ws.getCell(2, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true }
  ws.getRow(2).height = 32
  const header = ws.getRow(3)
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F3F5' } }
    cell.border = border
  })
  header.height = 30
  rows.forEach((r, i) => {
    const row = ws.addRow(COLUMNS.map((c) => c.value(r, i)))
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true }
      cell.border = border
    })
  })
  if (rows.length === 0) {
    const row = ws.addRow(['（该范围内没有接待登记）'])
    ws.mergeCells(row.number, 1, row.number, last)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** 导出登记表: one session, one month (a station or the caller's scope) or one station's year. */
export const exportRegister: UseCase<In<'exportRegister'>, Out<'exportRegister'>> = async (deps, actor, input) => {
  const repo = visitRepo(deps.store)
  let docs: VisitRecordDoc[] = []
  let access: VisitAccess = 'none'
  let title: string
  let scopeText: string
  if (input.scope === 'session') {
    const session = await receptionRepo(deps.store).session(input.sessionId!)
    const station = session?.stationCode ? await directoryRepo(deps.store).station(session.stationCode) : null
    if (!session || !station || (access = stationAccess(actor, station)) === 'none') throw new AppError('not_found', '没有找到该接待活动')
    docs = await repo.allRecords({ sessionId: session._id })
    title = `${station.name}人大代表接待选民登记表`
    scopeText = `${formatChineseDate(session.date, true)} ${session.startTime}–${session.endTime}${session.theme ? `（${session.theme}）` : ''}`
  } else if (input.scope === 'station') {
    const station = await stationOrFail(deps, input.stationCode!)
    access = stationAccess(actor, station)
    if (access === 'none') throw new AppError('forbidden', `您不能导出${station.name}的接待登记`)
    const year = input.year ?? Number(new Date(deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4))
    docs = await repo.allRecords({ stationCode: station.code }, { from: monthInstants(`${year}-01`).from, to: monthInstants(`${year}-12`).to })
    title = `${station.name}人大代表接待选民登记表`
    scopeText = `${year}年全年`
  } else {
    const month = input.month!
    const { scopes, access: a, stations } = await listScopes(deps, actor, { stationCode: input.stationCode })
    access = a
    const range = monthInstants(month)
    for (const scope of scopes) docs.push(...(await repo.allRecords(scope, range)))
    const [y, m] = month.split('-').map(Number)
    const first = scopes[0]
    let place: string
    if (!first || 'stationCode' in first) place = stations.map((s) => s.name).join('、') || '本站'
    else if (first.township) place = first.township
    else place = (await directoryRepo(deps.store).county(first.countyCode))?.name ?? '全县'
    title = `${place}人大代表接待选民登记表`
    scopeText = `${y}年${m}月`
  }
  const masked = input.masked || access !== 'full'
  docs.sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : a.visitedAt > b.visitedAt ? 1 : a._id < b._id ? -1 : 1))
  const views = await recordViews(deps, docs, readerOf(actor, masked ? 'list' : 'record'))
  const subtitle = `范围：${scopeText}　共${views.length}条，接待${views.reduce((n, v) => n + v.visitorCount, 0)}人次　导出时间：${beijingTime(deps.clock.now().toISOString())}　${
    masked ? '来访人姓名、联系电话、住址已脱敏' : '含来访人完整联系方式，请妥善保管，不得外传'
  }`
  const buffer = await registerWorkbook(title, subtitle, views)
  return {
    filename: `${title}-${scopeText.replace(/[\s/\\:*?"<>|（）()–]+/g, '')}.xlsx`,
    contentType: XLSX_TYPE,
    base64: buffer.toString('base64'),
    rows: views.length,
    masked,
  }
}
