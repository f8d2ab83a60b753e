import type { Result } from '@shared/errors'
import { withRepos, type Deps } from '../ports'

export type TimerTask = (deps: Deps) => Promise<unknown>

/** A timer-triggered function: runs its tasks in order; one failing task does not stop the rest. */
export function defineTimer(name: string, tasks: Record<string, TimerTask>) {
  return async (given: Deps): Promise<Result<Record<string, unknown>>> => {
    const deps = withRepos(given)
    const report: Record<string, unknown> = {}
    for (const [task, run] of Object.entries(tasks)) {
      try {
        report[task] = await run(deps)
      } catch (error) {
        console.error(`[${name}] task ${task} failed`, error)
        report[task] = { error: 'failed' }
      }
    }
    return { ok: true, data: report }
  }
}
export type TimerFunction = ReturnType<typeof defineTimer>
