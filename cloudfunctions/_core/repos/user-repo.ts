import type { Store } from '../store/port'
import type { UserDoc } from '../model'

export function userRepo(store: Store) {
  const users = store.collection<UserDoc>('users')
  return {
    get: (openid: string) => users.get(openid),
    put: (user: UserDoc) => users.put(user),
  }
}
