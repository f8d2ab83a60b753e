/**
 * 从Excel导入 (issue 14) through the real `directory` function on SQLite: the admin downloads a
 * template, fills it in (here with exceljs, as Excel or WPS would save it), previews it row by
 * row and applies it. An import is idempotent by code and applies nothing while any row is wrong.
 */
import ExcelJS from 'exceljs'
import { backendPerTest, fixedClock, functionCaller } from '../support/backend'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const dir = functionCaller(backend, 'directory')
const ADMIN = 'demo-admin-xiuwu'

/** The downloaded template with `rows` written below the example row (row 2). */
async function filled(kind: 'station' | 'deputy' | 'department', rows: Array<Array<string | number | ExcelJS.CellValue>>, edit?: (s: ExcelJS.Worksheet) => void) {
  const template = await dir.ok(ADMIN, 'importTemplate', { kind })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]!
  rows.forEach((r, i) => {
    const row = sheet.getRow(3 + i)
    r.forEach((v, j) => (row.getCell(j + 1).value = v as ExcelJS.CellValue))
    row.commit()
  })
  edit?.(sheet)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

const DEPUTY_ROW = (code: string, name: string, phone = '13900001111', station = 'XWT01') => [code, name, '乡镇人大代表', station, '西村乡某村 村委会委员', phone, '否', '第十七届']

describe('importing the directory from Excel', () => {
  it('gives a template with Chinese headers, an example row and a 填写说明 sheet', async () => {
    const t = await dir.ok(ADMIN, 'importTemplate', { kind: 'deputy' })
    expect(t.filename).toBe('代表导入模板.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer)
    const [sheet, help] = wb.worksheets
    expect((sheet!.getRow(1).values as unknown[]).filter(Boolean)).toEqual(['编号', '姓名', '层级', '所在站点编号', '工作单位及职务', '手机号', '是否在站点页面公开电话', '届次', '专题关注组编号'])
    expect(sheet!.getCell('A2').value).toBe('示例')
    expect(help!.name).toBe('填写说明')
    // the township dropdown of the station template lists the county's own townships
    const st = await dir.ok(ADMIN, 'importTemplate', { kind: 'station' })
    const swb = new ExcelJS.Workbook()
    await swb.xlsx.load(Buffer.from(st.base64, 'base64') as unknown as ArrayBuffer)
    expect(JSON.stringify(swb.worksheets[0]!.getCell('D3').dataValidation)).toContain('城关镇')
  })

  it('previews new, changed and unchanged rows without writing, then applies them with a history entry each', async () => {
    const before = await dir.ok(ADMIN, 'adminDirectory')
    const r1 = before.deputies.find((d: { code: string }) => d.code === 'XWT01-R1')
    const file = await filled('deputy', [
      DEPUTY_ROW('XWD90', '郭新民'),
      DEPUTY_ROW('XWD91', '韩秀英', '13900002222', 'XWT01、XWT02'),
      // the existing deputy exactly as on file: unchanged
      ['XWT01-R1', r1.name, r1.level === 'county' ? '县人大代表' : '乡镇人大代表', r1.stationCodes.join('、'), r1.socialPosition, r1.phone, r1.publishContact ? '是' : '否', r1.term ?? '', r1.focusGroupCodes.join('、')],
    ])
    const preview = await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64: file })
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 1, error: 0 })
    expect(preview.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([[3, 'new'], [4, 'new'], [5, 'unchanged']])
    // a preview writes nothing
    expect((await dir.ok(ADMIN, 'adminDirectory')).deputies).toHaveLength(before.deputies.length)

    const applied = await dir.ok(ADMIN, 'importApply', { kind: 'deputy', fileBase64: file, digest: preview.digest })
    expect(applied).toEqual({ counts: { new: 2, changed: 0, unchanged: 1, error: 0 }, historyEntries: 2 })
    const after = await dir.ok(ADMIN, 'adminDirectory')
    expect(after.deputies.find((d: { code: string }) => d.code === 'XWD91')).toMatchObject({ name: '韩秀英', level: 'township', stationCodes: ['XWT01', 'XWT02'], phone: '13900002222' })
    // the new deputies are on the station pages' lists
    const station = after.stations.find((s: { code: string }) => s.code === 'XWT02')
    expect(station.deputyCodes).toContain('XWD91')
    const history = await dir.ok(ADMIN, 'directoryHistory', { kind: 'deputy', code: 'XWD90' })
    expect(history.items).toHaveLength(1)
    expect(history.items[0]).toMatchObject({ action: 'create' })

    // the same file again: all unchanged, nothing written
    const again = await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64: file })
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, error: 0 })
    expect((await dir.ok(ADMIN, 'importApply', { kind: 'deputy', fileBase64: file, digest: again.digest })).historyEntries).toBe(0)
    expect((await dir.ok(ADMIN, 'directoryHistory', { kind: 'deputy', code: 'XWD90' })).items).toHaveLength(1)

    // an edited row reads as changed, naming the field before → after
    clock.set('2026-09-14T03:00:00.000Z')
    const edited = await filled('deputy', [DEPUTY_ROW('XWD90', '郭新民', '13900003333')])
    const changed = await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64: edited })
    expect(changed.rows[0]).toMatchObject({ status: 'changed', changes: [expect.objectContaining({ before: '13900001111', after: '13900003333' })] })
  })

  it('names the row, column and cell of every wrong value, and applies nothing while any row is wrong', async () => {
    const file = await filled('deputy', [
      DEPUTY_ROW('XWD92', '正确的行'),
      DEPUTY_ROW('XWD93', '错号码', '1234'),
      DEPUTY_ROW('XWD94', '外县站点', '13900004444', 'LYT01'),
      ['XWD95', '', '县人大代表', 'XWT01', '某单位', '13900005555'],
      DEPUTY_ROW('XWD92', '重复编号'),
      ['XWD96', '层级错', '市人大代表', 'XWT01', '某单位', '13900006666'],
    ])
    const preview = await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64: file })
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, error: 5 })
    const errorOf = (row: number) => preview.rows.find((r: { row: number }) => r.row === row).errors
    expect(errorOf(4)[0]).toMatchObject({ column: '手机号', cell: 'F4' })
    expect(errorOf(4)[0].message).toMatch(/^第4行“手机号”（F4）/)
    expect(errorOf(5)[0]).toMatchObject({ column: '所在站点编号', cell: 'D5' })
    expect(errorOf(6)[0]).toMatchObject({ column: '姓名', cell: 'B6', message: expect.stringContaining('不能为空') })
    expect(errorOf(7)[0]).toMatchObject({ column: '编号', cell: 'A7', message: expect.stringContaining('与第3行重复') })
    expect(errorOf(8)[0]).toMatchObject({ column: '层级', cell: 'C8' })

    const refused = await dir.refused(ADMIN, 'importApply', { kind: 'deputy', fileBase64: file, digest: preview.digest })
    expect(refused.code).toBe('validation_failed')
    expect(refused.message).toContain('未导入任何记录')
    const directory = await dir.ok(ADMIN, 'adminDirectory')
    expect(directory.deputies.map((d: { code: string }) => d.code)).not.toContain('XWD92')
  })

  it('refuses formulas and merged cells, a non-xlsx file, a file over 2 MB and a file other than the previewed one', async () => {
    const file = await filled('department', [['XW-D40', '县水利局', '水利局', '县政府部门'], ['XW-D41', '县林业局', '', '县政府部门']], (s) => {
      s.getCell('C3').value = { formula: 'B3&""', result: '水利局' }
      s.mergeCells('E4:F4')
    })
    const preview = await dir.ok(ADMIN, 'importPreview', { kind: 'department', fileBase64: file })
    expect(preview.rows.find((r: { row: number }) => r.row === 3).errors[0]).toMatchObject({ cell: 'C3', message: expect.stringContaining('是公式') })
    expect(preview.rows.find((r: { row: number }) => r.row === 4).errors[0]).toMatchObject({ message: expect.stringContaining('合并单元格') })

    const notXlsx = Buffer.from('编号,名称\nXW-D40,县水利局\n').toString('base64')
    expect((await dir.refused(ADMIN, 'importPreview', { kind: 'department', fileBase64: notXlsx })).message).toContain('不是有效的Excel')
    const big = Buffer.alloc(3 * 1024 * 1024, 1).toString('base64')
    expect((await dir.refused(ADMIN, 'importPreview', { kind: 'department', fileBase64: big })).message).toContain('不能超过2 MB')

    const good = await filled('department', [['XW-D40', '县水利局', '水利局', '县政府部门']])
    const ok = await dir.ok(ADMIN, 'importPreview', { kind: 'department', fileBase64: good })
    const other = await filled('department', [['XW-D40', '县水利局（改）', '水利局', '县政府部门']])
    expect((await dir.refused(ADMIN, 'importApply', { kind: 'department', fileBase64: other, digest: ok.digest })).message).toContain('与预览时的不一致')
    expect((await dir.ok(ADMIN, 'adminDirectory')).departments.map((d: { code: string }) => d.code)).not.toContain('XW-D40')
  })

  it('refuses a code another county already uses and a township the county does not have', async () => {
    const file = await filled('station', [
      ['LYT01', '冒用编号的站点', '乡镇联络站', '城关镇', '修武县城关镇某地'],
      ['XWT30', '新站点', '联络点', '不存在镇', '修武县某地'],
      ['XWT31', '西村乡联络点', '联络点', '西村乡', '修武县西村乡某村'],
    ])
    const preview = await dir.ok(ADMIN, 'importPreview', { kind: 'station', fileBase64: file })
    expect(preview.counts).toMatchObject({ new: 1, error: 2 })
    expect(preview.rows.find((r: { row: number }) => r.row === 3).errors[0]).toMatchObject({ column: '编号', message: expect.stringContaining('其他县') })
    expect(preview.rows.find((r: { row: number }) => r.row === 4).errors[0]).toMatchObject({ column: '乡镇（街道）', cell: 'D4' })
    // another county's admin imports into their own county only
    const theirs = await dir.ok('demo-admin-linying', 'importPreview', { kind: 'station', fileBase64: file })
    expect(theirs.counts.error).toBeGreaterThan(0)
  })

  it('a file naming a deputy who left office does not put them back on a station page', async () => {
    await dir.ok(ADMIN, 'deputyLeave', { code: 'XWT02-R1', reason: '届满' })
    const left = (await dir.ok(ADMIN, 'adminDirectory')).deputies.find((d: { code: string }) => d.code === 'XWT02-R1')
    const fileBase64 = await filled('deputy', [[left.code, left.name, '县人大代表', 'XWT01、XWT02', left.socialPosition, left.phone, '否', '第十七届']])
    const preview = await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64 })
    await dir.ok(ADMIN, 'importApply', { kind: 'deputy', fileBase64, digest: preview.digest })
    for (const stationCode of ['XWT01', 'XWT02']) {
      const page = await dir.ok('demo-resident-1', 'getStation', { stationCode })
      expect(page.deputies.map((d: { code: string }) => d.code)).not.toContain('XWT02-R1')
    }
    expect((await dir.ok(ADMIN, 'adminDirectory')).deputies.find((d: { code: string }) => d.code === 'XWT02-R1')).toMatchObject({ active: false })
  })
})
