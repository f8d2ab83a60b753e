/**
 * 变更历史 of the county's directory: every change an admin makes is committed together with one
 * history entry naming who, when, which record and each field before → after. This module turns
 * two versions of a record into that entry; the use cases commit it with the record.
 */
import { createHash } from 'node:crypto'
import { bindingFor } from '@shared/domain/permissions'
import { authorizeIn } from '@shared/domain/permission-table'
import { DIRECTORY_PERMISSIONS, type DirectoryAction } from '@shared/domain/lifecycles/directory'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../../ports'
import type { DirectoryChangeDoc } from '../../../model'

export type FieldChange = DirectoryChangeDoc['changes'][number]
export type Labels<T> = Partial<Record<keyof T & string, string>>

/** How a field reads in the history: lists joined, booleans 是/否, absent as null. */
export type Show = (value: unknown) => string | null
const show: Show = (v) => {
  if (v === null || v === undefined || v === '') return null
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (Array.isArray(v)) return v.length ? v.join('、') : null
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** The labelled fields that differ between two versions (before null: a new record). */
export function diff<T extends object>(before: T | null, after: T, labels: Labels<T>, shows: Partial<Record<keyof T & string, Show>> = {}): FieldChange[] {
  const changes: FieldChange[] = []
  for (const [field, label] of Object.entries(labels) as Array<[keyof T & string, string]>) {
    const read = shows[field] ?? show
    // a record without `active` (the demo file's, an older one) is active: not a change to true
    const value = (r: T) => (field === 'active' ? (r as { active?: boolean }).active !== false : (r as Record<string, unknown>)[field])
    const was = before ? read(value(before)) : null
    const now = read(value(after))
    if (was !== now) changes.push({ field, label, before: was, after: now })
  }
  return changes
}

/** The admin's own county, or a refusal: an admin reaches their own county only. */
export function adminCounty(actor: Actor, action: DirectoryAction = 'edit_directory'): string {
  const admin = bindingFor(actor, 'admin')
  if (!admin) throw new AppError('forbidden')
  const decision = authorizeIn(DIRECTORY_PERMISSIONS, actor, action, { countyCode: admin.countyCode })
  if (!decision.allowed) throw new AppError(decision.code, decision.message)
  return admin.countyCode
}

/** One history entry; its id is derived from the change, so a retried commit never logs twice. */
export function changeEntry(
  deps: Deps,
  actor: Actor,
  entry: Omit<DirectoryChangeDoc, '_id' | 'at' | 'actorOpenid' | 'actorName'>,
): DirectoryChangeDoc {
  const at = deps.clock.now().toISOString()
  const key = JSON.stringify([entry.countyCode, entry.kind, entry.code, entry.action, entry.changes, actor.openid, at])
  return {
    _id: `${at}:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`,
    ...entry,
    actorOpenid: actor.openid || null,
    actorName: actor.displayName ?? '管理员',
    at,
  }
}

const ACTION_LABELS: Record<DirectoryChangeDoc['action'], string> = {
  create: '新建',
  update: '修改',
  deactivate: '停用',
  reactivate: '重新启用',
  grant: '授予角色',
  revoke: '解除角色',
  issue: '签发邀请码',
  cancel: '作废邀请码',
  handover: '首问负责转交',
  bootstrap: '初始化第一位管理员',
}
export const changeActionLabel = (action: DirectoryChangeDoc['action']) => ACTION_LABELS[action]

/** “修改 地址：A → B；名称：C → D”; a new value alone reads “名称：C”, a removed one “名称：C（已移除）”. */
export function changeSummary(entry: Pick<DirectoryChangeDoc, 'action' | 'changes'>): string {
  const one = (c: FieldChange) =>
    c.before === null ? `${c.label}：${c.after ?? '（空）'}` : c.after === null ? `${c.label}：${c.before}（已移除）` : `${c.label}：${c.before} → ${c.after}`
  const parts = entry.changes.map(one)
  return parts.length ? `${ACTION_LABELS[entry.action]} ${parts.join('；')}` : ACTION_LABELS[entry.action]
}
