import type { Actor } from '@shared/domain/roles'
import type { Store } from '../store/port'
import { userRepo } from '../repos/user-repo'

/** Turns a verified OPENID into the actor every use case receives; a fresh identity is a resident. */
export async function loadActor(store: Store, openid: string): Promise<Actor> {
  const user = await userRepo(store).get(openid)
  const bindings = user?.bindings ?? []
  const hasResident = bindings.some((b) => b.role === 'resident')
  return {
    openid,
    displayName: user?.displayName ?? undefined,
    bindings: hasResident ? bindings : [{ role: 'resident' }, ...bindings],
  }
}
