import type { VisitRecordView } from '@shared/api/visit'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { ReceptionSessionDoc, VisitRecordDoc } from '../../model'
import { receptionRepo } from '../../repos/reception-repo'
import { visitRepo } from '../../repos/visit-repo'
import { visitRecordView } from '../../views/visit-views'
import { stationAccess, type VisitAccess, type VisitReading } from './access'
import { visitVisibility } from '@shared/domain/visibility'
import { linkedItems } from './assignment'

/** Views of many records with one read of their items and sessions, each as `reader` may see it. */
export async function recordViews(deps: Deps, docs: readonly VisitRecordDoc[], reader: (doc: VisitRecordDoc) => VisitReading): Promise<VisitRecordView[]> {
  if (docs.length === 0) return []
  const items = await linkedItems(deps, docs)
  const sessionIds = [...new Set(docs.flatMap((d) => (d.sessionId ? [d.sessionId] : [])))]
  const sessions = new Map<string, ReceptionSessionDoc>()
  if (sessionIds.length) for (const s of await receptionRepo(deps.store).sessions(sessionIds)) sessions.set(s._id, s)
  return docs.map((d) => {
    const { relations, context } = reader(d)
    return visitRecordView(d, { items, sessions, visitor: visitVisibility(relations, context) })
  })
}

export async function recordView(deps: Deps, doc: VisitRecordDoc, reader: (doc: VisitRecordDoc) => VisitReading): Promise<VisitRecordView> {
  return (await recordViews(deps, [doc], reader))[0]
}

/** A record the actor may see, with how far they reach; not_found otherwise (existence is not leaked). */
export async function visibleRecord(deps: Deps, actor: Actor, id: string): Promise<{ doc: VisitRecordDoc; access: Exclude<VisitAccess, 'none'> }> {
  const doc = await visitRepo(deps.store).record(id)
  if (!doc) throw new AppError('not_found', '没有找到该接待登记')
  const access = stationAccess(actor, { code: doc.stationCode, countyCode: doc.countyCode, township: doc.township })
  if (access === 'none') throw new AppError('not_found', '没有找到该接待登记')
  return { doc, access }
}
