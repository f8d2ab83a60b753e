import { systemClock, withRepos, type Clock, type Deps } from '../_core/ports'
import { createWordListContentCheck } from '../_core/adapters/wordlist-content-check'
import type { Store } from '../_core/store/port'
import { outboxOnlySender } from '../_core/adapters/outbox-only-sender'

/** Dependencies of the local server and the tests: embedded store, word-list content check. */
export function localDeps(store: Store, clock: Clock = systemClock): Deps {
  return withRepos({ store, clock, contentCheck: createWordListContentCheck(), sender: outboxOnlySender, localMode: true })
}
