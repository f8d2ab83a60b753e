/**
 * 交办单: a matter that could not be answered on the spot becomes a five-order item (channel
 * reception_day, viaAssignmentForm), filed by the supervisor for the visitor with the visitor's
 * phone as contact. It starts in 已提交人大 (escalated): no deputy is to accept it — it waits in
 * the 派单台's 待派单 of the county (or, by 层级划分, the township) staff, never in a deputy's 待接单.
 *
 * 层级划分 (临颍): by responsibility to the township — the township government handles it and the
 * township presidium dispatches — or, when it cannot be placed, to the county congress office
 * (代工委), which consolidates it and decides where it goes. The route is kept on the item as its
 * escalation target, so the dispatch board shows who is to decide.
 *
 * Idempotent: the item's id is derived from the supervisor and the draft's clientId, so a draft
 * synced twice (or a crash between the item and the record) never files two items.
 */
import { createHash } from 'node:crypto'
import type { Actor } from '@shared/domain/roles'
import { ASSIGNMENT_ROUTE_LABELS, townshipGovernmentCode, townshipGovernmentName, type AssignmentRoute } from '@shared/domain/visits'
import type { Deps } from '../../ports'
import type { DepartmentDoc, StationDoc, SuggestionDoc, VisitRecordDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { followRepo } from '../../repos/follow-repo'
import { suggestionRepo } from '../../repos/suggestion-repo'
import { suggestionIdFor } from '../suggestion/submit'
import { submittedWrites } from '../stats/record'
import { newSuggestionDoc } from '../suggestion/new-item'

function itemNumber(prefix: string, at: Date, id: string): string {
  const ymd = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `${prefix}${ymd}-${id.slice(0, 5).toUpperCase()}`
}

/** The five-order item of the 交办单 of a draft (same id on every retry). */
export const assignmentItemId = (openid: string, clientId: string) => suggestionIdFor(openid, `visit:${clientId}`)

/** The record's id: derived from the supervisor and the draft's client id, like submit does for items. */
export function visitIdFor(openid: string, clientId: string): string {
  return createHash('sha256').update(`visit\u0000${openid}\u0000${clientId}`).digest('hex').slice(0, 24)
}

/** The township's government in the directory: by its stable code, else by name. */
export async function townshipGovernment(deps: Deps, station: StationDoc): Promise<DepartmentDoc | null> {
  const directory = directoryRepo(deps.store)
  const county = await directory.county(station.countyCode)
  if (!county) return null
  const code = townshipGovernmentCode(county.prefix, county.townships, station.township)
  const byCode = code ? await directory.department(code) : null
  if (byCode && byCode.countyCode === station.countyCode) return byCode
  return null
}

export interface AssignmentRequest {
  clientId: string
  station: StationDoc
  route: AssignmentRoute
  matter: string
  categoryCode: string
  visitor: { name: string; phone: string }
  supervisorName: string
}

/** Files (or finds again) the item of a 交办单 and answers the record's `assignment`. */
export async function fileAssignment(deps: Deps, actor: Actor, req: AssignmentRequest): Promise<NonNullable<VisitRecordDoc['assignment']>> {
  const items = suggestionRepo(deps.store)
  const id = assignmentItemId(actor.openid, req.clientId)
  const government = req.route === 'township' ? await townshipGovernment(deps, req.station) : null
  const targetName = req.route === 'township' ? (government?.name ?? townshipGovernmentName(req.station.township)) : '县人大常委会代工委'
  const existing = await items.get(id)
  if (existing) {
    await followRepo(deps.store).add(id, actor.openid, existing.createdAt)
    return { route: req.route, targetName, departmentCode: government?.code ?? null, suggestionId: id, suggestionNumber: existing.number, issuedAt: existing.createdAt }
  }
  const county = await directoryRepo(deps.store).county(req.station.countyCode)
  // The supervisor writes down what the visitor said: nothing is refused, doubtful text waits for a human.
  const verdict = await deps.contentCheck.checkText(req.matter, actor.openid)
  const now = deps.clock.now()
  const at = now.toISOString()
  const routeNote =
    req.route === 'township'
      ? `接待登记交办单：按层级划分转交${targetName}办理，由${req.station.township}人大主席团派单`
      : '接待登记交办单：无法明确划分，报县人大常委会代工委汇总梳理后交办'
  const doc = newSuggestionDoc(
    {
      _id: id,
      number: itemNumber(county?.prefix ?? 'WD', now, id),
      countyCode: req.station.countyCode,
      township: req.station.township,
      stationCode: req.station.code,
      stationName: req.station.name,
      channel: 'reception_day',
      content: req.matter,
      categoryCode: req.categoryCode,
      photos: [],
      location: null,
      anonymous: false,
      submitterOpenid: actor.openid,
      contactName: req.visitor.name,
      contactPhone: req.visitor.phone,
      // The register records no consent to be called by a department: staff relay.
      contactConsent: false,
      clientRequestId: `visit:${req.clientId}`,
      moderation: verdict === 'pass' ? 'pass' : 'held',
      escalationTarget: req.route,
      viaAssignmentForm: true,
    },
    at,
    {
      actorOpenid: actor.openid,
      actorName: `${req.supervisorName}（联络站管理员代来访群众登记）`,
      role: 'supervisor',
      note: `${routeNote}（${ASSIGNMENT_ROUTE_LABELS[req.route]}）`,
    },
  )
  // 已提交人大 from the start (no escalatedAt milestone: no deputy escalated it, and the counters
  // count its first dispatch as the response, usecases/stats/record.ts)
  doc.state = 'escalated'
  doc.history = doc.history.map((h) => ({ ...h, to: 'escalated' }))
  // the item, the supervisor's follow record and the counters in one transaction (as submit.ts)
  const inserted = await deps.store.commit([items.insertWrite(doc), followRepo(deps.store).addWrite(id, actor.openid, at), ...(await submittedWrites(deps, doc))])
  const saved = inserted ? doc : ((await items.get(id)) ?? doc)
  return { route: req.route, targetName, departmentCode: government?.code ?? null, suggestionId: id, suggestionNumber: saved.number, issuedAt: saved.createdAt }
}

/** Loads the items (and their merge targets) linked to records, by id. */
export async function linkedItems(deps: Deps, docs: readonly VisitRecordDoc[]): Promise<Map<string, SuggestionDoc>> {
  const items = suggestionRepo(deps.store)
  const ids = [...new Set(docs.flatMap((d) => (d.assignment ? [d.assignment.suggestionId] : [])))]
  const out = new Map<string, SuggestionDoc>()
  for (let i = 0; i < ids.length; i += 100) for (const s of await items.getMany(ids.slice(i, i + 100))) out.set(s._id, s)
  const targets = [...new Set([...out.values()].flatMap((s) => (s.mergedIntoId && !out.has(s.mergedIntoId) ? [s.mergedIntoId] : [])))]
  for (let i = 0; i < targets.length; i += 100) for (const s of await items.getMany(targets.slice(i, i + 100))) out.set(s._id, s)
  return out
}
