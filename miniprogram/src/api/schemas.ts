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

type Registry = { [F in FunctionName]?: Api[F] }

const registry: Registry = {}

export function registerApi(part: Registry): void {
  Object.assign(registry, part)
}

export function outputSchemaFor(fn: FunctionName, action: string): z.ZodTypeAny | undefined {
  const actions = registry[fn] as Record<string, { output: z.ZodTypeAny }> | undefined
  return actions?.[action]?.output
}

export function isRegistered(fn: FunctionName): boolean {
  return registry[fn] !== undefined
}
