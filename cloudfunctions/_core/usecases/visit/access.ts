/**
 * Who reaches the visit register. Deny by default, and never reveal that a record exists to
 * someone who cannot see it (not_found), as in shared/domain/permissions.ts:
 * - supervisors of a station write its records (登记、补填、办结) and see them in full;
 * - staff reaching the station's township (county staff: the whole county) see them in full,
 *   draw spot checks, record callbacks, keep the problem list;
 * - deputies of the station see its records with the visitor's data masked;
 * - nobody else sees anything.
 * Lists mask the visitor even for full readers; the record itself, the callback work lists
 * (missing fields, spot checks) and exports show them in full to full readers (docs/visit-register.md).
 */
import { SUPERVISION_REFUSAL, VISIT_PERMISSIONS, supervisorOnly as supervisorOnlyText, type RegisterScope } from '@shared/domain/lifecycles/visit-record'
import { grants } from '@shared/domain/permission-table'
import { bindingsOf, staffMayList, type BindingOf, type StaffBinding } from '@shared/domain/scope'
import { visitVisibility, type VisitReadingContext, type VisitRelation } from '@shared/domain/visibility'
import type { Actor } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import type { RecordScope } from '../../repos/visit-repo'

export type SupervisorBinding = BindingOf<'supervisor'>
type DeputyBinding = BindingOf<'deputy'>

export type VisitAccess = 'full' | 'masked' | 'none'

interface StationRef {
  code: string
  countyCode: string
  township: string
}

/** A station (or a record's station) as the visit permission table reads it. */
export const registerScope = (s: StationDoc | StationRef, stationName?: string | null): RegisterScope => ({
  countyCode: s.countyCode,
  township: s.township,
  stationCode: s.code,
  stationName: stationName ?? ('name' in s ? s.name : null),
})

/** The actor's first binding of `role` that the visit table grants `action` at the station. */
function granted<R extends 'supervisor' | 'staff' | 'deputy'>(actor: Actor, role: R, station: StationDoc | StationRef): BindingOf<R> | undefined {
  const scope = registerScope(station)
  return bindingsOf(actor).find((b): b is BindingOf<R> => b.role === role && grants(VISIT_PERMISSIONS, 'view_record', b, actor.openid, scope))
}

export const supervisorOf = (actor: Actor, station: StationRef): SupervisorBinding | undefined => granted(actor, 'supervisor', station)

export const staffOf = (actor: Actor, station: StationRef): StaffBinding | undefined => granted(actor, 'staff', station)

/** Every relation the actor has to one station's register (shared/domain/visibility.ts). */
export function visitRelations(actor: Actor, station: StationDoc | StationRef): VisitRelation[] {
  const out: VisitRelation[] = []
  if (granted(actor, 'supervisor', station)) out.push('station_supervisor')
  if (granted(actor, 'staff', station)) out.push('staff_in_scope')
  if (granted<'deputy'>(actor, 'deputy', station)) out.push('station_deputy')
  return out
}

/** How far the actor reaches into one station's register: the visibility table's record levels, summed up. */
export function stationAccess(actor: Actor, station: StationDoc | StationRef): VisitAccess {
  const relations = visitRelations(actor, station)
  if (relations.length === 0) return 'none'
  return Object.values(visitVisibility(relations, 'record')).every((level) => level === 'whole') ? 'full' : 'masked'
}

/** How one reader sees a record: their relations to its station, and whether it is read in a list. */
export interface VisitReading {
  relations: VisitRelation[]
  context: VisitReadingContext
}

/** The reading of each record for this actor: lists (and masked copies) cap the visitor at masked. */
export const readerOf =
  (actor: Actor, context: VisitReadingContext) =>
  (doc: { stationCode: string; countyCode: string; township: string }): VisitReading => ({
    relations: visitRelations(actor, { code: doc.stationCode, countyCode: doc.countyCode, township: doc.township }),
    context,
  })

export const supervisorOnly = (stationName?: string) => supervisorOnlyText(stationName)

/** Records are written by the station's supervisors only. */
export function requireSupervisor(actor: Actor, station: StationDoc | StationRef, stationName?: string): SupervisorBinding {
  const b = supervisorOf(actor, station)
  if (!b) throw new AppError('forbidden', supervisorOnly(stationName))
  return b
}

/** Supervision (spot checks, callbacks, the problem list) is the staff's. */
export function requireStaffOf(actor: Actor, station: StationDoc | StationRef): StaffBinding {
  const b = staffOf(actor, station)
  if (!b) throw new AppError('forbidden', SUPERVISION_REFUSAL)
  return b
}

export async function stationOrFail(deps: Deps, code: string, field = 'stationCode'): Promise<StationDoc> {
  const station = await directoryRepo(deps.store).station(code)
  if (!station) throw new AppError('station_not_found', undefined, field)
  return station
}

export const actorName = (actor: Actor, fallback: string) => actor.displayName ?? fallback

/**
 * The stations (or the county / township) whose records a list shows the actor:
 * a given station the actor reaches; else the supervisor's or deputy's own stations, or the
 * staff's county or township.
 */
export async function listScopes(
  deps: Deps,
  actor: Actor,
  input: { stationCode?: string; township?: string },
): Promise<{ scopes: RecordScope[]; access: VisitAccess; stations: StationDoc[] }> {
  const directory = directoryRepo(deps.store)
  if (input.stationCode) {
    const station = await stationOrFail(deps, input.stationCode)
    const access = stationAccess(actor, station)
    if (access === 'none') throw new AppError('forbidden', `您不是${station.name}的联络站管理员、代表或本县（乡镇）人大工作人员，不能查看其接待登记`)
    return { scopes: [{ stationCode: station.code }], access, stations: [station] }
  }
  const bindings = bindingsOf(actor)
  const staff = bindings.find((b): b is StaffBinding => b.role === 'staff')
  if (staff) {
    const township = staff.scope === 'township' ? (staff.township ?? null) : (input.township ?? null)
    if (input.township && !staffMayList(staff, { township: input.township })) {
      throw new AppError('forbidden', '乡镇人大工作人员只能查看本乡镇的接待登记')
    }
    const stations = (await directory.stationsOfCounty(staff.countyCode)).filter((s) => !township || s.township === township)
    return { scopes: [{ countyCode: staff.countyCode, township }], access: 'full', stations }
  }
  const own = bindings.find((b): b is SupervisorBinding | DeputyBinding => b.role === 'supervisor' || b.role === 'deputy')
  if (!own) throw new AppError('forbidden', '只有联络站管理员、代表和人大工作人员可以查看接待登记')
  const stations = (await Promise.all(own.stationCodes.map((c) => directory.station(c)))).filter((s): s is StationDoc => !!s)
  return { scopes: stations.map((s) => ({ stationCode: s.code })), access: own.role === 'supervisor' ? 'full' : 'masked', stations }
}
