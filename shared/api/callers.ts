/**
 * Who may call each action at all, checked by the function entry before the payload is parsed
 * (cloudfunctions/_core/runtime/define-function.ts): a caller without one of these roles gets
 * `forbidden` and learns nothing about the payload the action expects. Whether the caller
 * reaches the particular item, station, township or county is decided afterwards, by the use
 * case (shared/domain/permissions.ts and the scope checks of each function).
 *
 * Every identity is a resident, so an action open to `resident` is open to every identity.
 * `anonymous` actions also answer a request without any identity (public pages, feeds, Open311).
 */
import type { Actor, Role, RoleBinding } from '../domain/roles'
import { bindingsOf, rolesFor, type PermissionAction } from '../domain/permissions'
import { ownValue } from '../own'
import type { Api, FunctionName } from './index'

/** A role, or `county_staff`: staff of the county standing committee (not a township presidium). */
export type CallerRole = Role | 'county_staff'

export interface CallerRule {
  roles: readonly CallerRole[]
  anonymous?: true
  /**
   * How a caller without those roles is refused, when not with `forbidden`: reads of one record by
   * id answer `not_found`, as they do to anyone who cannot see the record (existence never leaks).
   */
  refusal?: { code: 'not_found'; message: string }
}

const ANYONE: CallerRule = { roles: ['resident'] }
const PUBLIC: CallerRule = { roles: ['resident'], anonymous: true }
const only = (...roles: CallerRole[]): CallerRule => ({ roles })
/** The roles the permission table could ever grant these item actions (one source for both). */
const byPermission = (...actions: PermissionAction[]): CallerRule => ({ roles: [...new Set(actions.flatMap(rolesFor))] })

type CallerTable = { [F in FunctionName]: { [A in keyof Api[F] & string]: CallerRule } }

export const CALLERS: CallerTable = {
  directory: {
    getStation: PUBLIC,
    listStations: PUBLIC,
    listDepartments: only('deputy', 'supervisor', 'staff', 'department', 'admin'),
    countyCategories: only('deputy', 'supervisor', 'staff', 'department', 'admin'),
    whoami: ANYONE,
    phoneFromCode: ANYONE,
    myMessages: ANYONE,
    issueInvitation: only('admin'),
    redeemInvitation: ANYONE,
    // 县级设置 (shared/api/directory-admin.ts): admins, of their own county (the directory permission table)
    adminDirectory: only('admin'),
    saveCounty: only('admin'),
    saveStation: only('admin'),
    saveDeputy: only('admin'),
    saveDepartment: only('admin'),
    saveFocusGroup: only('admin'),
    savePerson: only('admin'),
    directoryHistory: only('admin'),
    listRoles: only('admin'),
    revokeRole: only('admin'),
    listInvitations: only('admin'),
    cancelInvitation: only('admin'),
    deputyLeavePlan: only('admin'),
    deputyLeave: only('admin'),
    // 从Excel导入 (shared/api/directory-import.ts)
    importTemplate: only('admin'),
    importPreview: only('admin'),
    importApply: only('admin'),
    // 站点二维码 (shared/api/directory-codes.ts)
    stationCodes: only('admin'),
    /** The secret is the credential: any identity may try it (wrong secrets count as wrong codes). */
    bootstrapAdmin: ANYONE,
  },
  suggestion: {
    submit: ANYONE,
    listMine: ANYONE,
    get: byPermission('view_item'),
    similar: ANYONE,
    withdraw: byPermission('withdraw'),
    follow: byPermission('follow'),
    accept: byPermission('accept'),
    answer: byPermission('answer'),
    escalate: byPermission('escalate'),
    dispatch: byPermission('dispatch'),
    acknowledge: byPermission('acknowledge'),
    progress: byPermission('progress'),
    requestExtension: byPermission('request_extension'),
    decideExtension: byPermission('decide_extension'),
    resolve: byPermission('resolve'),
    sendBack: byPermission('send_back'),
    rate: byPermission('verify', 'reopen'),
    deputyRate: byPermission('deputy_rate'),
    merge: byPermission('merge'),
    refer: byPermission('refer'),
    supervise: byPermission('supervise'),
    release: only('staff'),
    contactReads: only('staff'),
    stationQueue: only('deputy', 'supervisor'),
    dispatchBoard: byPermission('view_dispatch_board'),
    departmentQueue: byPermission('view_department_queue'),
    myHandled: only('deputy'),
  },
  reception: {
    listRules: only('staff', 'admin'),
    setRule: only('staff', 'admin'),
    clearRule: only('staff', 'admin'),
    setCountySettings: only('county_staff', 'admin'),
    generateSessions: only('staff'),
    createSession: only('staff'),
    updateSession: only('staff'),
    confirmSession: only('staff'),
    cancelSession: only('staff'),
    markHeld: only('staff'),
    listSessions: PUBLIC,
    getSession: PUBLIC,
    myDuty: only('deputy'),
    dutyCompliance: only('staff'),
    subscribeSession: ANYONE,
    recordSubscription: ANYONE,
    checkIn: only('deputy'),
    currentOnlineWindow: PUBLIC,
    icsFeed: PUBLIC,
    poster: PUBLIC,
  },
  stats: {
    overview: only('staff'),
    breakdown: only('staff'),
    receptionFigures: only('staff'),
    evaluation: only('county_staff'),
    evaluationExport: only('county_staff'),
    freezeYear: only('county_staff'),
    reconcileCounters: only('county_staff'),
    deputyRecord: only('deputy', 'staff'),
    clusters: only('staff'),
    open311Requests: PUBLIC,
    open311Services: PUBLIC,
  },
  visit: {
    today: only('supervisor'),
    create: only('supervisor'),
    update: only('supervisor'),
    get: { roles: ['supervisor', 'deputy', 'staff'], refusal: { code: 'not_found', message: '没有找到该接待登记' } },
    list: only('supervisor', 'deputy', 'staff'),
    recordOpinion: only('supervisor'),
    close: only('supervisor'),
    missingFields: only('supervisor', 'deputy', 'staff'),
    sessionSummary: only('supervisor', 'deputy', 'staff'),
    spotCheck: only('staff'),
    listSpotChecks: only('staff', 'supervisor'),
    recordCallback: only('staff'),
    createProblem: only('staff'),
    resolveProblem: only('staff'),
    listProblems: only('staff', 'supervisor'),
    exportRegister: only('supervisor', 'deputy', 'staff'),
    settings: only('supervisor', 'deputy', 'staff', 'admin'),
    setRetention: only('county_staff', 'admin'),
    applyRetention: only('county_staff', 'admin'),
  },
}

function holds(binding: RoleBinding, role: CallerRole): boolean {
  if (role === 'county_staff') return binding.role === 'staff' && binding.scope === 'county'
  return binding.role === role
}

/** The rule of an action, found only among the table's own entries (never Object.prototype's). */
export function callerRule(fn: string, action: string): CallerRule | undefined {
  const actions = ownValue(CALLERS as Record<string, Record<string, CallerRule>>, fn)
  return actions ? ownValue(actions, action) : undefined
}

/** May this actor call the action at all? (every identity holds the resident role) */
export function mayCall(actor: Actor, rule: CallerRule): boolean {
  return bindingsOf(actor).some((b) => rule.roles.some((r) => holds(b, r)))
}

/** The refusal's text when the caller holds none of the roles: who may, never what the payload should be. */
export function refusalText(rule: CallerRule): string {
  return `只有${rule.roles.map((r) => CALLER_ROLE_LABELS[r]).join('、')}可以进行此操作`
}

export const CALLER_ROLE_LABELS: Record<CallerRole, string> = {
  resident: '任何人',
  deputy: '人大代表',
  supervisor: '联络站管理员',
  staff: '人大工作人员',
  county_staff: '县人大常委会工作人员',
  department: '承办单位',
  admin: '管理员',
}
