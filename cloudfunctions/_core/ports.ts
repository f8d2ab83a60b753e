import type { Store } from './store/port'
import { reposBelongTo, reposFor, type Repos } from './repos'

/** Time comes through a port so tests and timers can fix "now". */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * Content security (内容安全). Production: WeChat security.msgSecCheck v2, whose errcode is 0 even
 * for risky text, so adapters must read `result.suggest`. Locally: a configurable word list.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky'
export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>
}

/**
 * Delivers one queued message. Production: WeChat subscribe message (one-time templates need a
 * credit per user accept; errcode 43101 means none left or refused). Locally: recorded only.
 */
export type SendOutcome = { status: 'sent' } | { status: 'no_credit'; error: string } | { status: 'failed'; error: string }
export interface MessageSender {
  send(message: { toOpenid: string; kind: string; title: string; body: string; page: string | null }): Promise<SendOutcome>
}

/** Everything a use case may touch besides its input. */
export interface Deps {
  store: Store
  /** The repositories over `store` (repos/index.ts): the only way a use case reads or writes records. */
  repos: Repos
  clock: Clock
  contentCheck: ContentCheck
  sender: MessageSender
  /** true only on the local server (demo identities, outbox visible in the UI). */
  localMode: boolean
}

/** Dependencies with their repositories over `store`; `repos` is rebuilt when a copy changed the store. */
export function withRepos<D extends Omit<Deps, 'repos'> & { repos?: Repos }>(deps: D): D & Deps {
  return reposBelongTo(deps.repos, deps.store) ? (deps as D & Deps) : { ...deps, repos: reposFor(deps.store) }
}
