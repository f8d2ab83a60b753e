/**
 * The year-end evaluation (评议通报): per-department figures, score and ranking, deputies'
 * comments; the Excel workbook (opened again with exceljs) and its local GET route; frozen
 * years that later transitions do not move.
 */
import ExcelJS from 'exceljs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createLocalServer, LOCAL_IDENTITY_HEADER } from '../../cloudfunctions/_local/server'
import { actions, who } from '../support/actors'
import { backendPerTest, fixedClock } from '../support/backend'
import { stats } from '../support/stats'

const START = '2026-03-02T01:00:00.000Z' // Monday; deadlines of 10 working days fall on 16 March
const clock = fixedClock(START)
const backend = backendPerTest({ clock })
const a = actions(backend)
const s = stats(backend)

async function walk(departmentCode: string) {
  const { id } = await a.submit()
  await a.ok(who.deputy, 'accept', { id, categoryCode: 'transport', grade: 'normal' })
  await a.ok(who.deputy, 'escalate', { id, target: 'county', note: '需职能部门办理' })
  await a.ok(who.countyStaff, 'dispatch', { id, departmentCode, requirements: '按期办结', workdays: 10 })
  await a.ok(`demo-department-${departmentCode}`, 'acknowledge', { id })
  return id
}

/**
 * 交通运输局 (XW-D09): two items solved / planned on time, satisfied and basically satisfied → 100.
 * 城市管理局 (XW-D16): one item explained, reopened once, then explained again late and rated
 * unsatisfied → completion 1, on time 0, resolution 0, satisfaction 0 → (20)/100×100 − 2 = 18.
 * 教育局 (XW-D02): one item dispatched, not resolved → only completion 0 counts → 0.
 */
async function aYear() {
  const A = await walk('XW-D09')
  await a.ok('demo-department-XW-D09', 'resolve', { id: A, reply: '已修复', outcome: 'solved' })
  await a.ok(who.resident, 'rate', { id: A, rating: 'satisfied' })
  await a.ok(who.deputy, 'deputyRate', { id: A, rating: 'satisfied', comment: '路面修复及时，群众满意' })
  const C = await walk('XW-D09')
  await a.ok('demo-department-XW-D09', 'resolve', { id: C, reply: '列入计划', outcome: 'planned', promisedDate: '2026-09-30' })
  await a.ok(who.resident, 'rate', { id: C, rating: 'basically_satisfied' })
  const G = await walk('XW-D16')
  await a.ok('demo-department-XW-D16', 'resolve', { id: G, reply: '暂不能解决', outcome: 'explained' })
  await a.ok(who.resident, 'rate', { id: G, rating: 'unsatisfied', reopen: true, comment: '请再想办法' })
  await a.ok('demo-department-XW-D16', 'acknowledge', { id: G })
  clock.set('2026-03-20T02:00:00.000Z')
  await a.ok('demo-department-XW-D16', 'resolve', { id: G, reply: '仍暂不能解决', outcome: 'explained' })
  await a.ok(who.resident, 'rate', { id: G, rating: 'unsatisfied' })
  await a.ok(who.deputy, 'deputyRate', { id: G, rating: 'unsatisfied', comment: '答复敷衍' })
  await walk('XW-D02')
  return { A, C, G }
}

describe('evaluation', () => {
  it('ranks departments by the documented score and lists the deputies’ comments', async () => {
    await aYear()
    const e = await s.ok(who.countyStaff, 'evaluation', { year: 2026 })
    expect(e).toMatchObject({ countyName: '修武县', year: 2026, frozen: false, frozenAt: null, title: '修武县2026年度承办单位办理代表建议和群众意见评议通报' })
    expect(e.summary[0]).toContain('人大派单4件，部门销单3件')
    expect(e.rows).toHaveLength(await backend.store.collection('departments').count({ countyCode: 'xiuwu' })) // every department of the county
    const [first, second, third, fourth] = e.rows
    expect(first).toMatchObject({
      rank: 1, departmentCode: 'XW-D09', departmentName: '修武县交通运输局', dispatched: 2, resolved: 2, resolvedOnTime: 2,
      onTimeRate: 1, completionRate: 1, resolutionRate: 1, satisfactionRate: 1, rated: 2, reopened: 0, score: 100,
    })
    expect(first.comments).toEqual([expect.objectContaining({ comment: '路面修复及时，群众满意', deputyName: '王建国', ratingLabel: '满意' })])
    expect(second).toMatchObject({
      rank: 2, departmentCode: 'XW-D16', dispatched: 1, resolved: 1, resolvedOnTime: 0, onTimeRate: 0, resolutionRate: 0, satisfactionRate: 0, reopened: 1, score: 18,
    })
    expect(second.comments.map((c: any) => c.comment)).toEqual(['答复敷衍'])
    expect(third).toMatchObject({ rank: 3, departmentCode: 'XW-D02', dispatched: 1, resolved: 0, onTimeRate: null, score: 0 })
    expect(fourth).toMatchObject({ rank: null, dispatched: 0, score: null, comments: [] })
  })

  it('is the county standing committee’s: township staff, departments and residents are refused', async () => {
    for (const openid of [who.townshipStaff, who.department, who.resident, who.deputy]) {
      for (const action of ['evaluation', 'evaluationExport', 'freezeYear']) {
        expect(await s.refused(openid, action, { year: 2025 })).toMatchObject({ code: 'forbidden' })
      }
    }
    expect(await s.refused(who.otherCountyStaff, 'evaluation', { year: 2025, countyCode: 'xiuwu' })).toMatchObject({ code: 'forbidden' })
  })
})

describe('the Excel workbook', () => {
  it('opens with exceljs and has the ranking, the comments and how it was computed', async () => {
    await aYear()
    const file = await s.ok(who.countyStaff, 'evaluationExport', { year: 2026 })
    expect(file).toMatchObject({ filename: 'evaluation-xiuwu-2026.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as any)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评议通报', '代表评价意见', '计算说明'])
    const sheet = wb.getWorksheet('评议通报')!
    expect(sheet.getCell('A1').value).toBe('修武县2026年度承办单位办理代表建议和群众意见评议通报')
    const rows: unknown[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const header = rows.findIndex((r) => r[0] === '排名')
    expect(rows[header].slice(0, 3)).toEqual(['排名', '承办单位', '派单'])
    const body = rows.slice(header + 1)
    expect(body).toHaveLength(await backend.store.collection('departments').count({ countyCode: 'xiuwu' }))
    expect(body[0].slice(0, 4)).toEqual([1, '修武县交通运输局', 2, 2])
    expect(body[0][18]).toBe(100)
    expect(body[1].slice(0, 2)).toEqual([2, '修武县城市管理局'])
    expect(body[1][5]).toBe(0) // on-time rate, formatted as a percentage
    expect(sheet.getRow(header + 2).getCell(6).numFmt).toBe('0.0%')
    const comments: unknown[][] = []
    wb.getWorksheet('代表评价意见')!.eachRow((row) => comments.push((row.values as unknown[]).slice(1)))
    expect(comments.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['修武县交通运输局', '满意', '路面修复及时，群众满意'],
      ['修武县城市管理局', '不满意', '答复敷衍'],
    ])
    expect(String(wb.getWorksheet('计算说明')!.getCell('A1').value)).toContain('综合得分')
  })

  it('is served at GET /export/evaluation/<county>/<year>.xlsx on the local server', async () => {
    await aYear()
    const server: Server = createLocalServer({ deps: backend.deps })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const res = await fetch(`${base}/export/evaluation/xiuwu/2026.xlsx`, { headers: { [LOCAL_IDENTITY_HEADER]: who.countyStaff } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('spreadsheetml')
      expect(res.headers.get('content-disposition')).toContain('evaluation-xiuwu-2026.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
      expect(wb.getWorksheet('评议通报')!.getCell('A1').value).toContain('评议通报')
      expect((await fetch(`${base}/export/evaluation/xiuwu/2026.xlsx`)).status).toBe(403)
      expect((await fetch(`${base}/export/evaluation/xiuwu/2026.xlsx`, { headers: { [LOCAL_IDENTITY_HEADER]: who.department } })).status).toBe(403)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('a frozen year', () => {
  it('keeps its figures and evaluation when items move later', async () => {
    clock.set('2025-06-02T01:00:00.000Z')
    const P = await walk('XW-D09')
    await a.ok('demo-department-XW-D09', 'resolve', { id: P, reply: '已修复', outcome: 'solved' })
    const Q = await walk('XW-D09')
    await a.ok('demo-department-XW-D09', 'resolve', { id: Q, reply: '已修复', outcome: 'solved' })
    await a.ok(who.resident, 'rate', { id: Q, rating: 'satisfied' })
    await a.ok(who.deputy, 'deputyRate', { id: Q, rating: 'satisfied', comment: '及时' })

    clock.set('2026-01-12T02:00:00.000Z')
    const year2025 = { from: '2025-01', to: '2025-12' }
    expect(await s.refused(who.countyStaff, 'freezeYear', { year: 2026 })).toMatchObject({ code: 'validation_failed', field: 'year' })
    const frozen = await s.ok(who.countyStaff, 'freezeYear', { year: 2025 })
    expect(frozen).toMatchObject({ countyCode: 'xiuwu', year: 2025, alreadyFrozen: false, frozenAt: '2026-01-12T02:00:00.000Z' })
    const overviewBefore = await s.ok(who.countyStaff, 'overview', year2025)
    const evaluationBefore = await s.ok(who.countyStaff, 'evaluation', { year: 2025 })
    const departmentsBefore = await s.ok(who.countyStaff, 'breakdown', { ...year2025, dimension: 'department' })
    const recordBefore = await s.ok(who.deputy, 'deputyRecord', { year: 2025 })
    expect(overviewBefore.frozenYears).toEqual([2025])
    expect(overviewBefore.figures.funnel).toMatchObject({ resolved: 2, verified: 1 })
    expect(evaluationBefore).toMatchObject({ frozen: true, frozenAt: '2026-01-12T02:00:00.000Z' })
    expect(evaluationBefore.rows[0]).toMatchObject({ departmentCode: 'XW-D09', resolved: 2, comments: [expect.objectContaining({ comment: '及时' })] })

    // in 2026: P's 2025 销单 is sent back and done again, Q's deputy changes the rating
    clock.set('2026-02-02T02:00:00.000Z')
    await a.ok(who.resident, 'rate', { id: P, rating: 'unsatisfied', reopen: true, comment: '又坏了' })
    await a.ok('demo-department-XW-D09', 'acknowledge', { id: P })
    await a.ok('demo-department-XW-D09', 'resolve', { id: P, reply: '重新修复', outcome: 'solved' })
    await a.ok(who.deputy, 'deputyRate', { id: Q, rating: 'unsatisfied', comment: '又出问题了' })

    expect(await s.ok(who.countyStaff, 'overview', year2025)).toEqual(overviewBefore)
    expect(await s.ok(who.countyStaff, 'evaluation', { year: 2025 })).toEqual(evaluationBefore)
    expect(await s.ok(who.countyStaff, 'breakdown', { ...year2025, dimension: 'department' })).toEqual(departmentsBefore)
    expect(await s.ok(who.deputy, 'deputyRecord', { year: 2025 })).toEqual(recordBefore)
    const exported = await s.ok(who.countyStaff, 'evaluationExport', { year: 2025 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as any)
    expect(String(wb.getWorksheet('评议通报')!.getCell('A2').value)).toContain('冻结')

    // the later steps count in 2026
    const y2026 = await s.ok(who.countyStaff, 'overview', { from: '2026-01', to: '2026-12' })
    expect(y2026.figures.other.reopened).toBe(1)
    expect(y2026.figures.funnel.resolved).toBe(1)
    expect(y2026.figures.deputyRatings.unsatisfied).toBe(1)
    const e2026 = await s.ok(who.countyStaff, 'evaluation', { year: 2026 })
    expect(e2026.rows[0].comments.map((c: any) => c.comment)).toEqual(['又出问题了'])

    // freezing again changes nothing
    expect(await s.ok(who.countyStaff, 'freezeYear', { year: 2025 })).toMatchObject({ alreadyFrozen: true, frozenAt: '2026-01-12T02:00:00.000Z' })
  })

  it('moves an unfrozen past year (the guard is the freeze)', async () => {
    clock.set('2025-06-02T01:00:00.000Z')
    const P = await walk('XW-D09')
    await a.ok('demo-department-XW-D09', 'resolve', { id: P, reply: '已修复', outcome: 'solved' })
    clock.set('2026-02-02T02:00:00.000Z')
    await a.ok(who.resident, 'rate', { id: P, rating: 'unsatisfied', reopen: true, comment: '又坏了' })
    const y2025 = await s.ok(who.countyStaff, 'overview', { from: '2025-01', to: '2025-12' })
    expect(y2025.frozenYears).toEqual([])
    expect(y2025.figures.funnel.resolved).toBe(0)
  })
})
