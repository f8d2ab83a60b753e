/**
 * Wrong invitation codes and bootstrap secrets are counted per identity in fixed 15-minute
 * windows: after 5 wrong tries the identity is told to try later (`too_many_attempts`) until the
 * window ends, so an 8-character code cannot be guessed by brute force.
 */
import { AppError } from '@shared/errors'
import type { Deps } from '../../../ports'

export const ATTEMPT_WINDOW_MINUTES = 15
export const ATTEMPT_LIMIT = 5

function windowOf(deps: Deps, openid: string) {
  const ms = ATTEMPT_WINDOW_MINUTES * 60_000
  const start = new Date(Math.floor(deps.clock.now().getTime() / ms) * ms)
  return { id: `${openid}:${start.toISOString()}`, start, end: new Date(start.getTime() + ms) }
}

/** Refuses when this identity has used up its wrong tries for the current window. */
export async function assertMayTry(deps: Deps, openid: string): Promise<void> {
  const w = windowOf(deps, openid)
  const seen = await deps.repos.countyAdmin.attempts(w.id)
  if (seen && seen.count >= ATTEMPT_LIMIT) {
    const minutes = Math.max(1, Math.ceil((w.end.getTime() - deps.clock.now().getTime()) / 60_000))
    throw new AppError('too_many_attempts', `输错次数过多，请${minutes}分钟后再试`)
  }
}

/** Counts one wrong try. */
export async function countWrongTry(deps: Deps, openid: string): Promise<void> {
  const w = windowOf(deps, openid)
  await deps.repos.countyAdmin.countAttempt(w.id, openid, w.start.toISOString())
}
