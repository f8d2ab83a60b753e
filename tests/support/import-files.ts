import ExcelJS from 'exceljs'

/**
 * A downloaded 从Excel导入 template with the admin's rows typed under its example row, each row by
 * the headers the template has (a header it lacks is a mistake in the test, said so).
 */
export async function fillTemplate(template: Buffer, rows: Array<Record<string, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]
  const headers = (sheet.getRow(1).values as unknown[]).map(String)
  rows.forEach((r, i) => {
    const row = sheet.getRow(3 + i)
    for (const [header, value] of Object.entries(r)) {
      const col = headers.indexOf(header)
      if (col < 1) throw new Error(`the template has no column ${header}`)
      row.getCell(col).value = value
    }
    row.commit()
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
