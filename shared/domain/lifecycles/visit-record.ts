/**
 * 接待登记 (visit records): who reaches a station's register, and how a record moves:
 * open → closed (办结) by the station's supervisor, only once both 办理结果 and 选民群众对办理结果的意见
 * are there. docs/visit-register.md explains the register; shared/domain/visibility.ts how much of
 * the visitor each reader sees.
 */
import { definePermissions, type PermissionTable, type RoleRules } from '../permission-table'
import { defineRecordLifecycle } from './record-lifecycle'
import { atOwnStation, staffReaches } from '../scope'
import { MISSING_FIELD_LABELS, VISIT_STATUSES, VISIT_STATUS_LABELS, type MissingField, type VisitStatus } from '../visits'

export const VISIT_EVENTS = ['close'] as const
export type VisitEvent = (typeof VISIT_EVENTS)[number]
export const VISIT_EVENT_LABELS: Record<VisitEvent, string> = { close: '办结' }

/** What the record's guard looks at: which of the two checked fields are still empty. */
export interface VisitFacts {
  missing: readonly MissingField[]
}

export type VisitGuard = 'complete'

export const VISIT_RECORD_LIFECYCLE = defineRecordLifecycle<VisitStatus, VisitEvent, VisitFacts, VisitGuard>({
  name: '接待登记',
  states: VISIT_STATUSES,
  events: VISIT_EVENTS,
  finalStates: ['closed'],
  stateLabels: VISIT_STATUS_LABELS,
  eventLabels: VISIT_EVENT_LABELS,
  guards: {
    complete: {
      phase: 'allows',
      label: '须有办理结果和选民群众对办理结果的意见',
      holds: (f) => f.missing.length === 0,
      refusal: (f) => ({
        code: 'validation_failed',
        message: `还缺少${f.missing.map((m) => `“${MISSING_FIELD_LABELS[m]}”`).join('和')}，不能办结`,
        field: f.missing[0],
      }),
    },
  },
  rows: [{ from: 'open', event: 'close', to: 'closed', roles: ['supervisor'], guards: ['complete'] }],
  notApplicable: () => '该登记已办结，不能再修改（以服务器上的登记为准）；如有新情况请另行登记',
})

/** The fields of a station's register (a record, a callback, a problem) the rules look at. */
export interface RegisterScope {
  countyCode: string
  township: string | null
  /** null: a problem of a township or the county, at no station. */
  stationCode: string | null
  /** For the refusal's words only. */
  stationName?: string | null
}

export const VISIT_ACTIONS = ['view_record', 'write_record', 'close', 'supervise'] as const
export type VisitAction = (typeof VISIT_ACTIONS)[number]

export const supervisorOnly = (stationName?: string | null) => `只有${stationName ?? '本站'}的联络站管理员可以登记或修改接待登记`
export const SUPERVISION_REFUSAL = '只有本县（本乡镇）人大工作人员可以进行抽查回访和问题清单管理'

/** Who sees a station's register and what hangs off it: its supervisors, staff in reach, its deputies. */
export const SEES_REGISTER: RoleRules<RegisterScope> = { supervisor: atOwnStation, staff: staffReaches, deputy: atOwnStation }

/**
 * The table of an entry of the register that only staff in reach act on (a spot check's callback,
 * a problem of the list), from its two actions [see, act]: seen by everyone who sees the register.
 */
export function staffEntryPermissions<V extends string, A extends string>(
  [view, act]: readonly [V, A],
  words: { name: string; refusal: string; notFound: string },
): PermissionTable<V | A, RegisterScope> {
  const rules = { [view]: SEES_REGISTER, [act]: { staff: staffReaches } } as Record<V | A, RoleRules<RegisterScope>>
  const refusals = { [act]: words.refusal } as Partial<Record<V | A, string>>
  return definePermissions<V | A, RegisterScope>({ name: words.name, view, rules, refusals, notFound: words.notFound })
}

/**
 * - supervisors of a station write its records (登记、补填、办结) and see them in full;
 * - staff reaching the station's township (county staff: the whole county) see them in full and
 *   supervise (spot checks, callbacks, the problem list);
 * - deputies of the station see its records (the visitor masked);
 * - nobody else sees anything.
 */
export const VISIT_PERMISSIONS = definePermissions<VisitAction, RegisterScope>({
  name: '接待登记',
  view: 'view_record',
  rules: {
    view_record: SEES_REGISTER,
    write_record: { supervisor: atOwnStation },
    close: { supervisor: atOwnStation },
    supervise: { staff: staffReaches },
  },
  refusals: { write_record: (t) => supervisorOnly(t.stationName), close: (t) => supervisorOnly(t.stationName), supervise: SUPERVISION_REFUSAL },
  notFound: '没有找到该接待登记',
})
