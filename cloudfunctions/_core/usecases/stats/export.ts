import ExcelJS from 'exceljs'
import type { EvaluationView } from '@shared/api/stats'
import { shanghaiDate } from '@shared/domain/workdays'
import type { UseCase } from '../../runtime/define-function'
import { readEvaluation } from './evaluation'
import { countyStaffScope } from './scope'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Column headers of the ranking table, in print order. */
export const EVALUATION_COLUMNS = [
  '排名', '承办单位', '派单', '销单', '按时销单', '按时办结率', '办结率', '解决率', '满意率', '参评件数',
  '满意', '基本满意', '不满意', '代表满意率', '重新办理', '退回', '督办', '平均办理天数', '综合得分',
] as const

const RATE_DEFINITIONS = [
  '响应率 = 首次响应件数（接单，或已点单事项被并案、转法定途径、按交办单直接派单）÷（点单件数 − 撤回件数）',
  '解决率 = （已解决 + 列入计划逐步解决）÷ 销单件数',
  '满意率 = （满意 + 基本满意）÷ 群众验单时作出评价的件数（评价期满自动验单的不计入）',
  '按时办结率 = 在办理期限（含批准的延期）当日或之前销单的件数 ÷ 销单件数',
  '办结率 = 销单件数 ÷ 派单件数（同一年度，最高100%）',
  '统计口径：每一步计入其发生的月份（北京时间）；被退回的派单、被要求重新办理的销单从原月份扣除。',
]

/** The 评议通报 as an Excel workbook: the ranking, the deputies' comments, and how it is computed. */
export async function evaluationWorkbook(view: EvaluationView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '五单通'
  wb.created = new Date(view.generatedAt)
  const sheet = wb.addWorksheet('评议通报', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const width = EVALUATION_COLUMNS.length
  sheet.mergeCells(1, 1, 1, width)
  sheet.getCell(1, 1).value = view.title
  sheet.getCell(1, 1).font = { bold: true, size: 16 }
  sheet.getCell(1, 1).alignment = { horizontal: 'center' }
  const status = view.frozen
    ? `本年度结果已于${shanghaiDate(view.frozenAt!)}冻结（${view.frozenByName ?? ''}），此后的办理变化不再计入。`
    : `数据截至${shanghaiDate(view.generatedAt)}，本年度结果尚未冻结。`
  const notes = [status, ...view.summary]
  notes.forEach((line, i) => {
    sheet.mergeCells(2 + i, 1, 2 + i, width)
    sheet.getCell(2 + i, 1).value = line
    sheet.getCell(2 + i, 1).alignment = { wrapText: true }
  })
  const headerRow = sheet.addRow([...EVALUATION_COLUMNS])
  headerRow.font = { bold: true }
  headerRow.eachCell((cell) => {
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
  })
  const percentColumns = [6, 7, 8, 9, 14]
  for (const r of view.rows) {
    const row = sheet.addRow([
      r.rank ?? '—',
      r.departmentName,
      r.dispatched,
      r.resolved,
      r.resolvedOnTime,
      r.onTimeRate,
      r.completionRate,
      r.resolutionRate,
      r.satisfactionRate,
      r.rated,
      r.satisfied,
      r.basicallySatisfied,
      r.unsatisfied,
      r.deputySatisfactionRate,
      r.reopened,
      r.sentBack,
      r.supervised,
      r.averageHandleDays,
      r.score,
    ])
    for (const col of percentColumns) row.getCell(col).numFmt = '0.0%'
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
    })
  }
  sheet.getColumn(2).width = 30
  for (let c = 3; c <= width; c++) sheet.getColumn(c).width = 10
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }]

  const comments = wb.addWorksheet('代表评价意见')
  comments.addRow(['承办单位', '事项编号', '代表', '评价', '意见', '时间']).font = { bold: true }
  for (const r of view.rows) {
    for (const c of r.comments) comments.addRow([r.departmentName, c.itemNumber, c.deputyName ?? '', c.ratingLabel, c.comment, shanghaiDate(c.at)])
  }
  comments.getColumn(1).width = 30
  comments.getColumn(2).width = 22
  comments.getColumn(5).width = 60

  const about = wb.addWorksheet('计算说明')
  about.getColumn(1).width = 120
  about.addRow([view.scoreFormula])
  for (const line of RATE_DEFINITIONS) about.addRow([line])

  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** 评议通报 Excel (base64), for printing and publishing (county staff). */
export const evaluationExport: UseCase<{ countyCode?: string; year: number }, { filename: string; contentType: string; base64: string }> = async (
  deps,
  actor,
  input,
) => {
  const { county } = await countyStaffScope(deps, actor, input.countyCode)
  const view = await readEvaluation(deps, county, input.year)
  const buffer = await evaluationWorkbook(view)
  return { filename: `evaluation-${county.code}-${input.year}.xlsx`, contentType: XLSX_CONTENT_TYPE, base64: buffer.toString('base64') }
}
