import type { Whoami } from '@shared/api/directory'
import type { Role } from '@shared/domain/roles'
import type { UseCase } from '../../runtime/define-function'

export const whoami: UseCase<Record<string, never>, Whoami> = async (deps, actor) => {
  const roles = [...new Set(actor.bindings.map((b) => b.role))] as Role[]
  return { displayName: actor.displayName ?? null, roles, localMode: deps.localMode }
}
