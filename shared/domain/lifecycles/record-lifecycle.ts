/**
 * The frame the lifecycles of the register and calendar records share (sessions, visit records,
 * callbacks, problems): anyone signed in may be asked about them (each row says who may act),
 * with the usual role names, and guards only where the record has some.
 */
import { defineLifecycle, type Lifecycle } from '../lifecycle'
import { ROLE_LABELS, ROLES, type Role } from '../roles'

export type RecordLifecycle<S extends string, E extends string, F, G extends string> = Lifecycle<S, E, Role, F, G>

export function defineRecordLifecycle<S extends string, E extends string, F, G extends string = never>(
  def: Omit<RecordLifecycle<S, E, F, G>, 'roles' | 'roleLabels' | 'guards'> & Partial<Pick<RecordLifecycle<S, E, F, G>, 'guards'>>,
): RecordLifecycle<S, E, F, G> {
  const { name, states, events, finalStates, stateLabels, eventLabels, guards = {} as RecordLifecycle<S, E, F, G>['guards'], ...rest } = def
  // the keys in the order the tables have always had them (the docs print them in this order)
  return defineLifecycle<S, E, Role, F, G>({ name, states, events, roles: ROLES, finalStates, stateLabels, eventLabels, roleLabels: ROLE_LABELS, guards, ...rest })
}
