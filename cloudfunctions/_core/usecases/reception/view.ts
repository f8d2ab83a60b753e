import type { SessionView } from '@shared/api/reception'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { ReceptionSessionDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { indexDeputies, sessionView, type DeputyIndex } from '../../views/reception-views'
import { sessionAccess, type SessionAccess } from './access'
import { sessionVisibility, type SessionRelation } from '@shared/domain/visibility'

export async function deputyIndexFor(deps: Deps, sessions: readonly ReceptionSessionDoc[], extra: readonly string[] = []): Promise<DeputyIndex> {
  const codes = [...new Set([...sessions.flatMap((s) => s.deputyCodes), ...extra])]
  return indexDeputies(await directoryRepo(deps.store).deputiesByCodes(codes))
}

/** The visibility table's relation for each way of reaching a session. */
const SESSION_RELATION_OF = { manage: 'managing_staff', internal: 'concerned', public: 'public' } as const satisfies Record<Exclude<SessionAccess, 'none'>, SessionRelation>

/** A session as this actor may see it; not_found when they may not see it at all. */
export async function viewFor(deps: Deps, actor: Actor, doc: ReceptionSessionDoc): Promise<SessionView> {
  const access = sessionAccess(actor, doc)
  if (access === 'none') throw new AppError('not_found', '没有找到该接待活动')
  const repo = receptionRepo(deps.store)
  const relation = SESSION_RELATION_OF[access]
  const internal = sessionVisibility(relation).attendance === 'whole'
  const [attendance, subscribed] = await Promise.all([
    internal ? repo.attendanceOfSession(doc._id) : Promise.resolve([]),
    repo.isSubscribed(doc._id, actor.openid),
  ])
  const deputies = await deputyIndexFor(deps, [doc], attendance.map((a) => a.deputyCode))
  return sessionView(doc, { deputies, relation, canManage: access === 'manage', subscribed, attendance })
}

export async function sessionOrFail(deps: Deps, id: string): Promise<ReceptionSessionDoc> {
  const doc = await receptionRepo(deps.store).session(id)
  if (!doc) throw new AppError('not_found', '没有找到该接待活动')
  return doc
}

/** The session, if the actor may manage it: not_found when they cannot see it, else forbidden. */
export async function managedSession(deps: Deps, actor: Actor, id: string): Promise<ReceptionSessionDoc> {
  const doc = await sessionOrFail(deps, id)
  const access = sessionAccess(actor, doc)
  if (access === 'none') throw new AppError('not_found', '没有找到该接待活动')
  if (access !== 'manage') throw new AppError('forbidden', '只有本县（本乡镇）人大工作人员可以修改接待活动')
  return doc
}
