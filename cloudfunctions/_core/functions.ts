import { ownValue } from '@shared/own'
import { directoryFunction } from '../directory/function'
import { suggestionFunction } from '../suggestion/function'
import { statsFunction } from '../stats/function'
import { receptionFunction } from '../reception/function'
import { visitFunction } from '../visit/function'
import type { CloudFunction } from './runtime/define-function'
import type { TimerFunction } from './runtime/define-timer'
import { timersFunction } from '../timers/function'

/** Every deployable function by name: the local server and the tests route `POST /fn/<name>` here. */
export const FUNCTIONS = Object.freeze({
  directory: directoryFunction,
  suggestion: suggestionFunction,
  stats: statsFunction,
  reception: receptionFunction,
  visit: visitFunction,
}) satisfies Readonly<Record<string, CloudFunction>>

/** Timer-triggered functions by name; the local server fires them at `POST /timer/<name>`. */
export const TIMERS = Object.freeze({
  timers: timersFunction,
}) satisfies Readonly<Record<string, TimerFunction>>

/**
 * The function a request names, or undefined. Only the registry's own entries are found, so
 * `/fn/constructor` or `/fn/valueOf` name nothing (not what every object inherits).
 */
export function findFunction(name: unknown): CloudFunction | undefined {
  return ownValue<CloudFunction>(FUNCTIONS, name)
}

/** The timer a request names, or undefined (own entries only, as for functions). */
export function findTimer(name: unknown): TimerFunction | undefined {
  return ownValue<TimerFunction>(TIMERS, name)
}
