/**
 * Every repository, handed to use cases as `deps.repos`. Each is built on first use from the
 * store of the dependencies it belongs to, so a use case never constructs one nor opens a
 * collection itself.
 */
import type { Store } from '../store/port'
import { contactReadRepo } from './contact-read-repo'
import { countyAdminRepo } from './county-admin-repo'
import { directoryRepo } from './directory-repo'
import { followRepo } from './follow-repo'
import { invitationRepo } from './invitation-repo'
import { outboxRepo } from './outbox-repo'
import { receptionRepo } from './reception-repo'
import { statsRepo } from './stats-repo'
import { subscriptionRepo } from './subscription-repo'
import { suggestionRepo } from './suggestion-repo'
import { userRepo } from './user-repo'
import { visitRepo } from './visit-repo'

const FACTORIES = {
  suggestions: suggestionRepo,
  follows: followRepo,
  outbox: outboxRepo,
  subscriptions: subscriptionRepo,
  users: userRepo,
  directory: directoryRepo,
  countyAdmin: countyAdminRepo,
  invitations: invitationRepo,
  contactReads: contactReadRepo,
  stats: statsRepo,
  reception: receptionRepo,
  visits: visitRepo,
}

export type Repos = { readonly [K in keyof typeof FACTORIES]: ReturnType<(typeof FACTORIES)[K]> }

const STORE = Symbol('store')
const built = new WeakMap<Store, Repos>()

/** The repositories over `store` (one set per store). */
export function reposFor(store: Store): Repos {
  const known = built.get(store)
  if (known) return known
  const cache: Partial<Record<keyof Repos, unknown>> = {}
  const repos = { [STORE]: store } as unknown as Repos
  for (const name of Object.keys(FACTORIES) as Array<keyof typeof FACTORIES>) {
    Object.defineProperty(repos, name, {
      enumerable: true,
      get: () => (cache[name] ??= (FACTORIES[name] as (s: Store) => unknown)(store)),
    })
  }
  built.set(store, repos)
  return repos
}

/** Whether `repos` were built over `store` (dependencies copied with another store need new ones). */
export const reposBelongTo = (repos: Repos | undefined, store: Store) => !!repos && (repos as unknown as { [STORE]: Store })[STORE] === store
