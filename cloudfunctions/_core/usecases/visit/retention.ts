/**
 * Personal data retention (docs/visit-register.md): each county sets how many months after a
 * record closed its visitor's name, phone and village are kept (default 36, 6–120); erasing
 * removes them from the record and keeps everything else (matter, handling, result, opinion,
 * counts) for statistics. County staff or the admin set it and run the erasure; a timer can call
 * `eraseExpiredVisitors` the same way.
 */
import type { z } from 'zod'
import type { visitActions } from '@shared/api/visit'
import { DEFAULT_RETENTION_MONTHS } from '@shared/domain/visits'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { VisitSettingsDoc } from '../../model'
import { visitRepo } from '../../repos/visit-repo'
import { countyManaged, homeCounty } from '../reception/access'

type In<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['input']>
type Out<K extends keyof typeof visitActions> = z.output<(typeof visitActions)[K]['output']>

function view(countyCode: string, doc: VisitSettingsDoc | null): Out<'settings'> {
  const months = doc?.retentionMonths ?? DEFAULT_RETENTION_MONTHS
  return {
    countyCode,
    retentionMonths: months,
    retentionText: `接待登记办结满${months}个月后，删除来访人姓名、联系电话和住址，其余内容保留用于统计`,
    updatedAt: doc?.updatedAt ?? null,
  }
}

export const visitSettings: UseCase<In<'settings'>, Out<'settings'>> = async (deps, actor) => {
  const county = homeCounty(actor)
  if (!county) throw new AppError('forbidden', '只有联络站管理员、代表、人大工作人员和管理员可以查看接待登记设置')
  return view(county, await visitRepo(deps.store).settings(county))
}

/** The register's own refusals (not the calendar's “…修改全县接待日设置”). */
const RETENTION_REFUSAL = '只有县人大工作人员或管理员可以修改接待登记的个人信息保存期限'
const ERASURE_REFUSAL = '只有县人大工作人员或管理员可以删除到期的来访人信息'

export const setRetention: UseCase<In<'setRetention'>, Out<'setRetention'>> = async (deps, actor, input) => {
  const countyCode = countyManaged(actor, undefined, RETENTION_REFUSAL)
  const doc: VisitSettingsDoc = {
    _id: countyCode,
    countyCode,
    retentionMonths: input.retentionMonths,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.openid,
  }
  await visitRepo(deps.store).putSettings(doc)
  return view(countyCode, doc)
}

/** `months` months before `now`, as an ISO instant (day of month clamped). */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString()
}

/** Erases the visitor of every record of the county closed before the retention period; answers how many. */
export async function eraseExpiredVisitors(deps: Deps, countyCode: string): Promise<Out<'applyRetention'>> {
  const repo = visitRepo(deps.store)
  const months = (await repo.settings(countyCode))?.retentionMonths ?? DEFAULT_RETENTION_MONTHS
  const before = monthsBefore(deps.clock.now(), months)
  const at = deps.clock.now().toISOString()
  let erased = 0
  let cursor: string | null = null
  // Erased records stay in the index range (still closed before `before`): page past them by cursor.
  do {
    const page: Awaited<ReturnType<typeof repo.closedBefore>> = await repo.closedBefore(countyCode, before, 200, cursor)
    for (const doc of page.items) if (doc.visitor && (await repo.eraseVisitor(doc, at))) erased++
    cursor = page.nextCursor
  } while (cursor)
  return { erased, before, retentionMonths: months }
}

export const applyRetention: UseCase<In<'applyRetention'>, Out<'applyRetention'>> = async (deps, actor) => {
  return eraseExpiredVisitors(deps, countyManaged(actor, undefined, ERASURE_REFUSAL))
}
