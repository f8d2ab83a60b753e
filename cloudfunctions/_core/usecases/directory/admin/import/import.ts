/**
 * 从Excel导入 (importTemplate / importPreview / importApply): each row of the file becomes the
 * input of the same plan the form uses (planStation / planDeputy / planDepartment in ../records.ts),
 * so the rules are the form's. The preview writes nothing; the apply re-reads the same bytes
 * (their sha256 must be the previewed digest) and writes nothing unless every row is valid.
 *
 * History: each new or changed record gets its own entry, with the form's actions (create /
 * update / deactivate / reactivate), committed in the same store commit as the record.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { ActionName, ActionOutput, ActionParsed } from '@shared/api'
import { ADMIN_DEPUTY_LEVEL_LABELS, saveDepartmentInput, saveDeputyInput, saveStationInput } from '@shared/api/directory-admin'
import { IMPORT_KIND_LABELS, IMPORT_MAX_BASE64, IMPORT_MAX_BYTES, type ImportCounts, type ImportKind, type ImportRow } from '@shared/api/directory-import'
import { DEPARTMENT_KIND_LABELS } from '@shared/domain/departments'
import { STATION_KIND_LABELS } from '@shared/domain/stations'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../../runtime/define-function'
import type { Deps } from '../../../../ports'
import type { CountyDoc, DeputyDoc, DepartmentDoc, FocusGroupDoc, StationDoc } from '../../../../model'
import type { Write } from '../../../../store/port'
import { XLSX_CONTENT_TYPE } from '../../../stats/export'
import { adminCounty } from '../change-log'
import { ownCounty, planDepartment, planDeputy, planStation, type RecordPlan } from '../records'
import { COLUMNS, parseWorkbook, STATION_KIND_SHORT, templateWorkbook, type CellError, type ParsedRow } from './sheet'

type In<A extends ActionName<'directory'>> = ActionParsed<'directory', A>
type Out<A extends ActionName<'directory'>> = ActionOutput<'directory', A>

/**
 * Records per commit. CloudBase runs a commit as one database transaction and documents no limit
 * on its writes that this code could rely on, so a large file is committed in slices of this many
 * records (each record with its history entry and the writes that go with it, never split). A
 * slice that fails leaves the earlier ones applied; re-running the same file is safe: it is
 * idempotent by code (applied rows read as unchanged) and the stations' deputy lists are
 * reconciled from the whole file on every run, not from what changed.
 */
const RECORDS_PER_COMMIT = 100

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function decode(base64: string): Buffer {
  // the schema bounds the base64 (IMPORT_MAX_BASE64); the decoded size is checked again here
  if (base64.length > IMPORT_MAX_BASE64) throw new AppError('validation_failed', '文件不能超过2 MB', 'fileBase64')
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('validation_failed', '文件不能超过2 MB', 'fileBase64')
  if (!bytes.length) throw new AppError('validation_failed', '文件是空的，请重新选择', 'fileBase64')
  return bytes
}

const splitCodes = (s: string) => s.split(/[、,，;；\s]+/).map((c) => c.trim()).filter(Boolean)

const labelOf = <K extends string>(labels: Array<Record<K, string>>, text: string): K | undefined => {
  for (const map of labels) for (const [k, v] of Object.entries(map) as Array<[K, string]>) if (v === text) return k
  return undefined
}

/** What a row reads as, before the rules: the raw input of saveX, or the cells that do not parse. */
interface RowInput {
  input: Record<string, unknown>
  errors: CellError[]
}

function rowInput(kind: ImportKind, row: ParsedRow): RowInput {
  const errors: CellError[] = [...row.errors]
  const input: Record<string, unknown> = {}
  const bad = (key: string, message: string) => {
    const column = COLUMNS[kind].find((c) => c.key === key)!
    const cell = row.cells[key]?.cell ?? `${row.row}`
    errors.push({ column: column.header, cell, message: `第${row.row}行“${column.header}”（${cell}）${message}` })
  }
  for (const column of COLUMNS[kind]) {
    const value = row.cells[column.key]?.value ?? ''
    if (!value) {
      if (column.required) bad(column.key, '不能为空')
      continue
    }
    switch (column.key) {
      case 'kind': {
        const k =
          kind === 'station'
            ? labelOf([STATION_KIND_SHORT, STATION_KIND_LABELS], value)
            : labelOf([DEPARTMENT_KIND_LABELS], value)
        if (!k) bad('kind', `类型“${value}”不正确，应为${column.options!.join('、')}`)
        else input.kind = k
        break
      }
      case 'level': {
        const l = labelOf([ADMIN_DEPUTY_LEVEL_LABELS], value)
        if (!l) bad('level', `层级“${value}”不正确，应为县人大代表或乡镇人大代表`)
        else input.level = l
        break
      }
      case 'active':
        if (value === '启用') input.active = true
        else if (value === '停用') input.active = false
        else bad('active', `状态“${value}”不正确，应为启用或停用`)
        break
      case 'publishContact':
        if (value === '是') input.publishContact = true
        else if (value === '否') input.publishContact = false
        else bad('publishContact', `“${value}”不正确，应为是或否`)
        break
      case 'stationCodes':
      case 'focusGroupCodes':
        input[column.key] = splitCodes(value)
        break
      default:
        input[column.key] = value
    }
  }
  if (kind === 'deputy') input.stationCodes ??= []
  return { input, errors }
}

const SCHEMAS = { station: saveStationInput, deputy: saveDeputyInput, department: saveDepartmentInput } as const

/** The field an AppError or a zod issue names, as the column it came from. */
function fieldError(kind: ImportKind, row: ParsedRow, field: string | undefined, message: string): CellError {
  const column = COLUMNS[kind].find((c) => c.key === field)
  if (!column) return { column: '整行', cell: `第${row.row}行`, message: `第${row.row}行：${message}` }
  const cell = row.cells[column.key]?.cell ?? `第${row.row}行`
  return { column: column.header, cell, message: `第${row.row}行“${column.header}”（${cell}）：${message}` }
}

/** The county's records, read once for the whole file; codes of other counties are looked up one by one. */
interface Known {
  stations: Map<string, StationDoc>
  deputies: Map<string, DeputyDoc>
  departments: Map<string, DepartmentDoc>
  focusGroups: Map<string, FocusGroupDoc>
}

async function known(deps: Deps, countyCode: string): Promise<Known> {
  const { countyAdmin } = deps.repos
  const [stations, deputies, departments, groups] = await Promise.all([
    countyAdmin.stationsOf(countyCode),
    countyAdmin.deputiesOf(countyCode),
    countyAdmin.departmentsOf(countyCode),
    countyAdmin.focusGroupsOf(countyCode),
  ])
  const byCode = <T extends { code: string }>(list: T[]) => new Map(list.map((r) => [r.code, r]))
  return { stations: byCode(stations), deputies: byCode(deputies), departments: byCode(departments), focusGroups: byCode(groups) }
}

async function existingOf(deps: Deps, kind: ImportKind, k: Known, code: string): Promise<StationDoc | DeputyDoc | DepartmentDoc | null> {
  const { directory } = deps.repos
  if (kind === 'station') return k.stations.get(code) ?? (await directory.station(code))
  if (kind === 'deputy') return k.deputies.get(code) ?? (await directory.deputy(code))
  return k.departments.get(code) ?? (await directory.department(code))
}

type AnyPlan = RecordPlan<StationDoc | DeputyDoc | DepartmentDoc> & { stationsAfter?: string[] }
interface Planned {
  rows: ImportRow[]
  plans: AnyPlan[]
  counts: ImportCounts
  known: Known
}

async function planFile(deps: Deps, actor: Actor, county: CountyDoc, kind: ImportKind, bytes: Buffer): Promise<Planned> {
  const parsed = await parseWorkbook(kind, bytes)
  const k = await known(deps, county.code)
  const lookups = {
    station: async (code: string) => k.stations.get(code) ?? null,
    focusGroup: async (code: string) => k.focusGroups.get(code) ?? null,
  }
  const firstRow = new Map<string, number>()
  const rows: ImportRow[] = []
  const plans: AnyPlan[] = []
  for (const row of parsed) {
    const { input, errors } = rowInput(kind, row)
    const code = typeof input.code === 'string' ? input.code.trim().toUpperCase() : ''
    const name = typeof input.name === 'string' ? input.name : ''
    if (code) {
      const first = firstRow.get(code)
      if (first !== undefined) errors.push(fieldError(kind, row, 'code', `编号${code}与第${first}行重复`))
      else firstRow.set(code, row.row)
    }
    let result: AnyPlan | null = null
    if (!errors.length) {
      const checked = (SCHEMAS[kind] as z.ZodTypeAny).safeParse(input)
      if (!checked.success) {
        for (const issue of checked.error.issues) errors.push(fieldError(kind, row, String(issue.path[0] ?? ''), issue.message))
      } else {
        // the 编号 cell is required (checked above): every row names its code
        const data = checked.data as { code: string }
        try {
          const existing = await existingOf(deps, kind, k, data.code)
          if (existing && existing.countyCode !== county.code) throw new AppError('validation_failed', `编号${data.code}已被其他县（区）使用，请换一个`, 'code')
          result =
            kind === 'station'
              ? await planStation(deps, actor, county, data as In<'saveStation'>, existing as StationDoc | null)
              : kind === 'deputy'
                ? await planDeputy(deps, actor, county, data as In<'saveDeputy'>, existing as DeputyDoc | null, lookups)
                : await planDepartment(deps, actor, county, data as In<'saveDepartment'>, existing as DepartmentDoc | null)
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          errors.push(fieldError(kind, row, e.field, e.message))
        }
      }
    }
    if (errors.length || !result) {
      rows.push({ row: row.row, code, name, status: 'error', errors })
      continue
    }
    plans.push(result)
    const status = !result.before ? 'new' : result.entry ? 'changed' : 'unchanged'
    rows.push({ row: row.row, code: result.code, name: result.after.name, status, ...(status === 'changed' ? { changes: result.changes } : {}) })
  }
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, error: 0 }
  for (const r of rows) counts[r.status]++
  return { rows, plans, counts, known: k }
}

/**
 * The stations' deputy lists after the file: every deputy of the file is on exactly the stations
 * its row names (others on the lists stay). Reconciled from the whole file, so a re-run repairs a
 * list a failed slice left behind; only lists that differ are written.
 */
function fileStationLists(deps: Deps, planned: Planned): Write[] {
  const lists = new Map<string, Set<string>>()
  const touched = new Set<string>()
  const listOf = (s: StationDoc) => lists.get(s.code) ?? lists.set(s.code, new Set(s.deputyCodes)).get(s.code)!
  for (const p of planned.plans) {
    const deputy = p.after as DeputyDoc
    for (const station of planned.known.stations.values()) {
      const on = station.deputyCodes.includes(deputy.code)
      // the lists planDeputy says the deputy belongs on (none for one who left office)
      const should = (p.stationsAfter ?? []).includes(station.code)
      if (on === should) continue
      touched.add(station.code)
      if (should) listOf(station).add(deputy.code)
      else listOf(station).delete(deputy.code)
    }
  }
  return [...touched].map((code) => {
    const station = planned.known.stations.get(code)!
    return deps.repos.countyAdmin.putWrite('stations', { ...station, deputyCodes: [...lists.get(code)!] })
  })
}

// ----- the actions ------------------------------------------------------------------------------

export const importTemplate: UseCase<In<'importTemplate'>, Out<'importTemplate'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const bytes = await templateWorkbook(input.kind, county.townships)
  return { filename: `${IMPORT_KIND_LABELS[input.kind]}导入模板.xlsx`, contentType: XLSX_CONTENT_TYPE, base64: bytes.toString('base64') }
}

export const importPreview: UseCase<In<'importPreview'>, Out<'importPreview'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const bytes = decode(input.fileBase64)
  const planned = await planFile(deps, actor, county, input.kind, bytes)
  // errors first, then new, changed, unchanged; by row within each
  const order = { error: 0, new: 1, changed: 2, unchanged: 3 } as const
  const rows = [...planned.rows].sort((a, b) => order[a.status] - order[b.status] || a.row - b.row)
  return { kind: input.kind, digest: sha256(bytes), rows, counts: planned.counts }
}

export const importApply: UseCase<In<'importApply'>, Out<'importApply'>> = async (deps, actor, input) => {
  const county = await ownCounty(deps, adminCounty(actor))
  const bytes = decode(input.fileBase64)
  if (sha256(bytes) !== input.digest) throw new AppError('validation_failed', '文件与预览时的不一致，请重新预览后再导入', 'digest')
  const planned = await planFile(deps, actor, county, input.kind, bytes)
  const failed = planned.rows.filter((r) => r.status === 'error')
  if (failed.length) {
    const rowsText = failed.slice(0, 5).map((r) => `第${r.row}行`).join('、')
    throw new AppError('validation_failed', `${rowsText}${failed.length > 5 ? `等${failed.length}行` : ''}有错误，未导入任何记录；请改正后重新预览`, 'fileBase64')
  }
  const changed = planned.plans.filter((p) => p.entry)
  const history = deps.repos.countyAdmin.historyWrite
  for (let i = 0; i < changed.length; i += RECORDS_PER_COMMIT) {
    const writes = changed.slice(i, i + RECORDS_PER_COMMIT).flatMap((p) => [...p.writes, history(p.entry!)])
    if (!(await deps.store.commit(writes))) throw new AppError('conflict')
  }
  if (input.kind === 'deputy') {
    const lists = fileStationLists(deps, planned)
    if (lists.length && !(await deps.store.commit(lists))) throw new AppError('conflict')
  }
  return { counts: planned.counts, historyEntries: changed.length }
}

