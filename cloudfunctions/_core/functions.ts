import { directoryFunction } from '../directory/function'
import { suggestionFunction } from '../suggestion/function'
import { statsFunction } from '../stats/function'
import { receptionFunction } from '../reception/function'
import { visitFunction } from '../visit/function'
import type { CloudFunction } from './runtime/define-function'
import type { TimerFunction } from './runtime/define-timer'
import { timersFunction } from '../timers/function'

/** Every deployable function by name: the local server and the tests route `POST /fn/<name>` here. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  directory: directoryFunction,
  suggestion: suggestionFunction,
  stats: statsFunction,
  reception: receptionFunction,
  visit: visitFunction,
}

/** Timer-triggered functions by name; the local server fires them at `POST /timer/<name>`. */
export const TIMERS: Record<string, TimerFunction> = {
  timers: timersFunction,
}
