import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { contactRead } from '@shared/api/suggestion-workflow'
import { authorize, bindingFor } from '@shared/domain/permissions'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { SuggestionDoc } from '../../model'
import type { UseCase } from '../../runtime/define-function'
import { itemScope } from '../../views/item-scope'
import { loadVisible } from './run-transition'

const MAX_LISTED = 100

/** Records that `actor` was just shown `fields` of the item's contact, which only consent allowed. */
export async function logContactRead(deps: Deps, actor: Actor, doc: SuggestionDoc, fields: readonly string[], via: string): Promise<void> {
  const at = deps.clock.now().toISOString()
  const department = bindingFor(actor, 'department')
  await deps.repos.contactReads.record({
    _id: `${doc._id}:${at}:${randomBytes(6).toString('hex')}`,
    suggestionId: doc._id,
    countyCode: doc.countyCode,
    township: doc.township,
    departmentCode: department?.departmentCode ?? null,
    readerOpenid: actor.openid,
    readerName: actor.displayName ?? '承办单位',
    via,
    fields: [...fields],
    at,
  })
}

/** 联系方式查看记录: who in a department read the resident's contact, and when; for staff in scope. */
export const contactReads: UseCase<{ id: string }, { items: Array<z.output<typeof contactRead>> }> = async (deps, actor, { id }) => {
  const { doc } = await loadVisible(deps, actor, id)
  const auth = authorize(actor, 'supervise', itemScope(doc), { role: 'staff' })
  if (!auth.allowed) throw new AppError(auth.code, '只有职责范围内的人大工作人员可以查看联系方式查看记录')
  const reads = await deps.repos.contactReads.latestForItem(doc._id, MAX_LISTED)
  return { items: reads.map((r) => ({ at: r.at, readerName: r.readerName, departmentCode: r.departmentCode, via: r.via, fields: r.fields })) }
}
