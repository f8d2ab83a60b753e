/**
 * The answer schemas the client checks replies against, registered per cloud function.
 *
 * The main package registers only what the resident path calls (directory, suggestion), so the
 * reception, visit and stats schemas are not bundled into it: each role subpackage registers its
 * own function when its pages load (see `packages/<role>/register-api.ts`). A call whose function
 * nobody registered is a programming error and fails loudly in development.
 */
import type { z } from 'zod'
import type { Api, FunctionName } from '@shared/api'

/** Per function, the actions a package knows (a part: the main package leaves 县级设置 to the admin subpackage). */
type Registry = { [F in FunctionName]?: Partial<Api[F]> }

const registry: Registry = {}

/** Adds a package's actions to what is known of each function (never drops what another package registered). */
export function registerApi(part: Registry): void {
  for (const [fn, actions] of Object.entries(part) as Array<[FunctionName, object]>) {
    registry[fn] = { ...(registry[fn] ?? {}), ...actions } as never
  }
}

export function outputSchemaFor(fn: FunctionName, action: string): z.ZodTypeAny | undefined {
  const actions = registry[fn] as Record<string, { output: z.ZodTypeAny }> | undefined
  return actions?.[action]?.output
}

export function isRegistered(fn: FunctionName): boolean {
  return registry[fn] !== undefined
}
