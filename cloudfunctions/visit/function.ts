import { stationCode } from '@shared/api/common'
import type { Deps } from '../_core/ports'
import { directoryRepo } from '../_core/repos/directory-repo'
import { defineFunction } from '../_core/runtime/define-function'
import { supervisorOnly } from '../_core/usecases/visit/access'
import { exportRegister } from '../_core/usecases/visit/export'
import { closeVisit, missingFieldsList, recordOpinion } from '../_core/usecases/visit/follow-up'
import { createVisit, getVisit, listVisits, updateVisit } from '../_core/usecases/visit/records'
import { applyRetention, setRetention, visitSettings } from '../_core/usecases/visit/retention'
import { sessionSummary, today } from '../_core/usecases/visit/sessions'
import { createProblem, listProblems, listSpotChecks, recordCallback, resolveProblem, spotCheck } from '../_core/usecases/visit/supervision'

/**
 * 接待登记: supervisors log every visitor at a reception (also from offline drafts, synced once),
 * turn matters into 交办单, fill 办理结果 and 选民群众对办理结果的意见 and close; staff spot-check
 * with callbacks and keep the problem list; everyone concerned exports the 登记表.
 */
/** A non-supervisor filing a record learns which station's supervisors may (the station page says as much). */
async function notTheSupervisor(deps: Deps, payload: unknown): Promise<string | undefined> {
  const code = stationCode.safeParse((payload as { stationCode?: unknown } | null)?.stationCode)
  const station = code.success ? await directoryRepo(deps.store).station(code.data) : null
  return station ? supervisorOnly(station.name) : undefined
}

export const visitFunction = defineFunction('visit', {
  today,
  create: createVisit,
  update: updateVisit,
  get: getVisit,
  list: listVisits,
  recordOpinion,
  close: closeVisit,
  missingFields: missingFieldsList,
  sessionSummary,
  spotCheck,
  listSpotChecks,
  recordCallback,
  createProblem,
  resolveProblem,
  listProblems,
  exportRegister,
  settings: visitSettings,
  setRetention,
  applyRetention,
}, { refusals: { create: notTheSupervisor } })
