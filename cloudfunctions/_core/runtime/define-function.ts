import { isRetryablePlatformError, PLATFORM_BUSY_MESSAGE } from './platform-errors'
import type { z } from 'zod'
import { api, type ActionName, type ActionOutput, type ActionParsed, type FunctionName } from '@shared/api'
import { callerRule, mayCall, refusalText } from '@shared/api/callers'
import type { Actor } from '@shared/domain/roles'
import { AppError, ERROR_MESSAGES, type Result } from '@shared/errors'
import { ownValue } from '@shared/own'
import { withRepos, type Deps } from '../ports'
import { loadActor } from './actor'

export type UseCase<I, O> = (deps: Deps, actor: Actor, input: I) => Promise<O>

export type ActionTable<F extends FunctionName> = {
  [A in ActionName<F>]: UseCase<ActionParsed<F, A>, ActionOutput<F, A>>
}

/** A deployable function body: the caller's OPENID comes from the platform, never from `event`. */
export type CloudFunction = (event: unknown, openid: string | null, deps: Deps) => Promise<Result<unknown>>

/**
 * Who calls a public action without any identity (a station page opened from a link, a calendar
 * app fetching a feed): a resident with no OPENID, so nothing is ever looked up or stored for them.
 */
export const ANONYMOUS: Actor = Object.freeze({ openid: '', bindings: [] }) as Actor

function fail(code: keyof typeof ERROR_MESSAGES, message?: string, field?: string): Result<never> {
  return field ? { ok: false, code, message: message ?? ERROR_MESSAGES[code], field } : { ok: false, code, message: message ?? ERROR_MESSAGES[code] }
}

function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || 'payload'
  return { field, message: issue?.message ?? ERROR_MESSAGES.validation_failed }
}

const actionText = (action: unknown) => (typeof action === 'string' && action ? `不支持的操作：${[...action].slice(0, 40).join('')}` : '缺少操作名称')

/**
 * The thin entry every function shares: route on `action` (own entries only) → the caller's
 * identity → may this caller call this action at all (shared/api/callers.ts) → zod parse → one
 * use case → envelope. Authorization comes before validation, so someone who may not call an
 * action learns nothing about its payload. Unknown errors are logged here and never leave as a
 * stack trace.
 */
/**
 * A refusal that can say which station the caller is not responsible for. It sees the raw
 * payload, may only read, and must not describe what the payload lacks.
 */
export type RefusalText = (deps: Deps, payload: unknown) => Promise<string | undefined>

export interface FunctionOptions<F extends FunctionName> {
  refusals?: Partial<Record<ActionName<F>, RefusalText>>
}

export function defineFunction<F extends FunctionName>(name: F, table: ActionTable<F>, options: FunctionOptions<F> = {}): CloudFunction {
  const schemas = api[name] as Record<string, { input: z.ZodTypeAny }>
  const useCases = table as Record<string, UseCase<unknown, unknown>>
  const refusals = (options.refusals ?? {}) as Record<string, RefusalText>
  return async (event, openid, given) => {
    try {
      const deps = withRepos(given)
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('validation_failed', '请求格式不正确', 'action')
      const action = (event as { action?: unknown }).action
      const useCase = ownValue(useCases, action)
      const schema = ownValue(schemas, action)
      const rule = useCase && schema ? callerRule(name, action as string) : undefined
      if (typeof action !== 'string' || !action) return fail('validation_failed', actionText(action), 'action')
      // An unknown name, inherited ones like "constructor" included, is simply not there.
      if (!useCase || !schema || !rule) return fail('not_found', actionText(action), 'action')
      if (!openid && !rule.anonymous) return fail('unauthenticated')
      const actor = openid ? await loadActor(deps.store, openid) : ANONYMOUS
      const payload = (event as { payload?: unknown }).payload ?? {}
      if (!mayCall(actor, rule)) {
        if (rule.refusal) return fail(rule.refusal.code, rule.refusal.message)
        const specific = ownValue(refusals, action)
        return fail('forbidden', (specific && (await specific(deps, payload))) || refusalText(rule))
      }
      const parsed = schema.input.safeParse(payload)
      if (!parsed.success) {
        const { field, message } = firstIssue(parsed.error)
        return fail('validation_failed', message, field)
      }
      const data = await useCase(deps, actor, parsed.data)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.field)
      // CloudBase busy or slow: nothing was decided, so the person is asked to try again, not told it broke
      if (isRetryablePlatformError(error)) {
        console.error(`[${name}] platform busy`, error)
        return fail('network_error', PLATFORM_BUSY_MESSAGE)
      }
      console.error(`[${name}] unexpected error`, error)
      return fail('internal')
    }
  }
}
