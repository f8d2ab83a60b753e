/**
 * 从Excel导入: the columns of each kind, the template workbook and the parser that turns an
 * uploaded .xlsx into rows of text cells (each still naming its cell, e.g. D7). The rules of the
 * records themselves are not here: ./import.ts hands each row to the same plan the form uses.
 */
import ExcelJS from 'exceljs'
import { ADMIN_DEPUTY_LEVEL_LABELS } from '@shared/api/directory-admin'
import { IMPORT_KIND_LABELS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportKind } from '@shared/api/directory-import'
import { DEPARTMENT_KIND_LABELS } from '@shared/domain/departments'
import { STATION_KIND_LABELS } from '@shared/domain/stations'
import { AppError } from '@shared/errors'

export interface Column {
  /** The field of the save*Input it fills. */
  key: string
  header: string
  required?: true
  /** The dropdown of the template (and the labels the parser accepts). */
  options?: string[]
  width: number
  example: string
  help: string
}

/** 类型: the short names in the template; the full names (as the history reads them) are accepted too. */
export const STATION_KIND_SHORT = {
  township_station: '乡镇联络站',
  industry_station: '行业联络站',
  liaison_point: '联络点',
  deputy_studio: '代表工作室',
} as const
const STATUS = ['启用', '停用']
const YES_NO = ['是', '否']

export const COLUMNS: Record<ImportKind, Column[]> = {
  station: [
    { key: 'code', header: '编号', required: true, width: 12, example: 'XWT09', help: '必填。2至24位大写字母、数字或“-”；已有编号即修改该站点，新编号即新建。' },
    { key: 'name', header: '名称', required: true, width: 28, example: '西村乡人大代表联络站', help: '必填，2至40个字。' },
    { key: 'kind', header: '类型', required: true, options: Object.values(STATION_KIND_SHORT), width: 14, example: '乡镇联络站', help: '必填：乡镇联络站、行业联络站、联络点或代表工作室。' },
    { key: 'township', header: '乡镇（街道）', required: true, width: 14, example: '西村乡', help: '必填，须是本县已设置的乡镇（街道）。' },
    { key: 'address', header: '地址', required: true, width: 32, example: '修武县西村乡便民服务中心', help: '必填，2至80个字。' },
    { key: 'receptionNote', header: '接待说明', width: 32, example: '每月15日上午接待', help: '选填，不超过200个字。' },
    { key: 'active', header: '状态', options: STATUS, width: 8, example: '启用', help: '启用或停用；不填为启用。' },
  ],
  deputy: [
    { key: 'code', header: '编号', required: true, width: 12, example: 'XWD90', help: '必填。2至24位大写字母、数字或“-”；已有编号即修改该代表，新编号即新建。' },
    { key: 'name', header: '姓名', required: true, width: 10, example: '张三', help: '必填，2至20个字。' },
    { key: 'level', header: '层级', required: true, options: Object.values(ADMIN_DEPUTY_LEVEL_LABELS), width: 14, example: '县人大代表', help: '必填：县人大代表或乡镇人大代表。' },
    { key: 'stationCodes', header: '所在站点编号', width: 18, example: 'XWT01、XWT02', help: '本县已有站点的编号，多个用顿号或逗号分隔，最多10个。' },
    { key: 'socialPosition', header: '工作单位及职务', required: true, width: 28, example: '修武县某公司 经理', help: '必填，不超过60个字。' },
    { key: 'phone', header: '手机号', required: true, width: 14, example: '13800000000', help: '必填，11位大陆手机号。' },
    { key: 'publishContact', header: '是否在站点页面公开电话', options: YES_NO, width: 12, example: '否', help: '是或否；不填为否。须代表本人同意方可填“是”。' },
    { key: 'term', header: '届次', width: 20, example: '第十七届', help: '选填，不超过30个字。' },
    { key: 'focusGroupCodes', header: '专题关注组编号', width: 16, example: '', help: '选填，本县已有专题关注组的编号，多个用顿号或逗号分隔。' },
  ],
  department: [
    { key: 'code', header: '编号', required: true, width: 12, example: 'XW-D30', help: '必填。2至24位大写字母、数字或“-”；已有编号即修改该单位，新编号即新建。' },
    { key: 'name', header: '名称', required: true, width: 28, example: '修武县交通运输局', help: '必填，2至40个字。' },
    { key: 'shortName', header: '简称', width: 12, example: '交通局', help: '选填，不超过12个字。' },
    { key: 'kind', header: '类型', required: true, options: Object.values(DEPARTMENT_KIND_LABELS), width: 14, example: '县政府部门', help: `必填：${Object.values(DEPARTMENT_KIND_LABELS).join('、')}。` },
    { key: 'contact', header: '联系方式', width: 24, example: '办公室 0391-7123456', help: '选填，不超过60个字。' },
    { key: 'active', header: '状态', options: STATUS, width: 8, example: '启用', help: '启用或停用；不填为启用。' },
  ],
}

/** The 编号 of the template's example row: such a row is never imported. */
export const EXAMPLE_CODE = '示例'

export const columnLetter = (n: number): string => {
  let s = ''
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}

/** The template of one kind: headers, one example row, dropdowns, and a 填写说明 sheet. */
export async function templateWorkbook(kind: ImportKind, townships: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '五单通'
  const columns = COLUMNS[kind]
  const sheet = wb.addWorksheet(IMPORT_KIND_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } }
  })
  const example = sheet.addRow(columns.map((c) => (c.key === 'code' ? EXAMPLE_CODE : c.example)))
  example.font = { italic: true, color: { argb: 'FF888888' } }
  // text cells: a phone or a code typed in stays as typed (no 1.38E+10, no dropped zeros)
  columns.forEach((c, i) => (sheet.getColumn(i + 1).numFmt = '@'))
  const dropdowns = columns.map((c) => (c.key === 'township' ? townships : c.options)).map((o) => (o && o.join(',').length <= 250 ? o : undefined))
  for (let r = 2; r <= 501; r++) {
    dropdowns.forEach((options, i) => {
      if (options?.length) sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`] }
    })
  }
  const help = wb.addWorksheet('填写说明')
  help.columns = [{ header: '列', width: 24 }, { header: '说明', width: 80 }]
  help.getRow(1).font = { bold: true }
  for (const c of columns) help.addRow([c.header, c.help])
  help.addRow([])
  for (const line of [
    `第2行为示例（编号为“${EXAMPLE_CODE}”），不会导入，可删除或覆盖。`,
    '按编号对应：表中已有的编号修改该记录，新的编号新建；表中没有的记录保持不变（不会删除）。',
    `每个文件不超过2 MB、${IMPORT_MAX_ROWS}行；只读第一个工作表；不要使用公式或合并单元格。`,
    '上传后先预览：每一行标明新建、修改、无变化或错误；有任何错误时不能导入，请改正后重新上传。',
  ])
    help.addRow(['', line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export interface ParsedCell {
  value: string
  cell: string
}
export interface CellError {
  column: string
  cell: string
  message: string
}
export interface ParsedRow {
  row: number
  cells: Record<string, ParsedCell>
  errors: CellError[]
}

const refuse = (message: string) => new AppError('validation_failed', message, 'fileBase64')

/** A cell as the admin reads it: text, a number as written, a date as YYYY-MM-DD; rich text joined. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim()
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim()
  return String(cell.text ?? '').trim()
}

/** Reads the first worksheet: header row 1, data from row 2. File-wide problems are refused outright. */
export async function parseWorkbook(kind: ImportKind, bytes: Buffer): Promise<ParsedRow[]> {
  if (bytes.length > IMPORT_MAX_BYTES) throw refuse('文件不能超过2 MB')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw refuse('文件不是有效的Excel（.xlsx）文件，请用模板填写后另存为.xlsx再上传')
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw refuse('文件中没有工作表，请用模板填写')
  const columns = COLUMNS[kind]
  const header = sheet.getRow(1)
  const at = new Map<string, number>()
  header.eachCell((cell, col) => {
    // “类型” or “类型（乡镇联络站/…）”: a hint after the name is allowed
    const name = cellText(cell)
    const column = columns.find((c) => name === c.header || name.startsWith(`${c.header}（`) || name.startsWith(`${c.header}(`))
    if (column && !at.has(column.key)) at.set(column.key, col)
  })
  const missing = columns.filter((c) => c.required && !at.has(c.key)).map((c) => c.header)
  if (missing.length) throw refuse(`第1行缺少列：${missing.join('、')}（请使用“${IMPORT_KIND_LABELS[kind]}”模板）`)
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) throw refuse(`一次最多导入${IMPORT_MAX_ROWS}行，请分成几个文件`)
  const rows: ParsedRow[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    if (!row.hasValues) continue
    const parsed: ParsedRow = { row: r, cells: {}, errors: [] }
    for (const column of columns) {
      const col = at.get(column.key)
      if (!col) continue
      const cell = row.getCell(col)
      const ref = `${columnLetter(col)}${r}`
      if (cell.isMerged) parsed.errors.push({ column: column.header, cell: ref, message: `第${r}行“${column.header}”（${ref}）是合并单元格，请取消合并后每格单独填写` })
      else if (cell.type === ExcelJS.ValueType.Formula || cell.formula)
        parsed.errors.push({ column: column.header, cell: ref, message: `第${r}行“${column.header}”（${ref}）是公式，请改为直接填写内容` })
      parsed.cells[column.key] = { value: cellText(cell), cell: ref }
    }
    if (Object.values(parsed.cells).every((c) => !c.value) && !parsed.errors.length) continue
    if (parsed.cells.code?.value === EXAMPLE_CODE) continue
    rows.push(parsed)
  }
  return rows
}
