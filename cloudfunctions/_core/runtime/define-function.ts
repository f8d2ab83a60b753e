import type { z } from 'zod'
import { api, type ActionName, type ActionOutput, type ActionParsed, type FunctionName } from '@shared/api'
import type { Actor } from '@shared/domain/roles'
import { AppError, ERROR_MESSAGES, type Result } from '@shared/errors'
import type { Deps } from '../ports'
import { loadActor } from './actor'

export type UseCase<I, O> = (deps: Deps, actor: Actor, input: I) => Promise<O>

export type ActionTable<F extends FunctionName> = {
  [A in ActionName<F>]: UseCase<ActionParsed<F, A>, ActionOutput<F, A>>
}

/** A deployable function body: the caller's OPENID comes from the platform, never from `event`. */
export type CloudFunction = (event: unknown, openid: string | null, deps: Deps) => Promise<Result<unknown>>

function fail(code: keyof typeof ERROR_MESSAGES, message?: string, field?: string): Result<never> {
  return field ? { ok: false, code, message: message ?? ERROR_MESSAGES[code], field } : { ok: false, code, message: message ?? ERROR_MESSAGES[code] }
}

function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || 'payload'
  return { field, message: issue?.message ?? ERROR_MESSAGES.validation_failed }
}

/**
 * The thin entry every function shares: route on `action` → zod parse → load the actor →
 * one use case → envelope. Unknown errors are logged here and never leave as a stack trace.
 */
export function defineFunction<F extends FunctionName>(name: F, table: ActionTable<F>): CloudFunction {
  const schemas = api[name] as Record<string, { input: z.ZodTypeAny }>
  return async (event, openid, deps) => {
    try {
      if (typeof event !== 'object' || event === null) return fail('validation_failed', '请求格式不正确', 'action')
      const { action, payload } = event as { action?: unknown; payload?: unknown }
      if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(table, action)) {
        return fail('validation_failed', `不支持的操作：${String(action ?? '（空）').slice(0, 40)}`, 'action')
      }
      const parsed = schemas[action].input.safeParse(payload ?? {})
      if (!parsed.success) {
        const { field, message } = firstIssue(parsed.error)
        return fail('validation_failed', message, field)
      }
      if (!openid) return fail('unauthenticated')
      const actor = await loadActor(deps.store, openid)
      const useCase = table[action as ActionName<F>] as UseCase<unknown, unknown>
      const data = await useCase(deps, actor, parsed.data)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.field)
      console.error(`[${name}] unexpected error`, error)
      return fail('internal')
    }
  }
}
