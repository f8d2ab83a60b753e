/**
 * The one way pages talk to the backend: `call('suggestion', 'submit', payload)`.
 *
 * - Typed from shared/api: the payload is the action's input, the result its validated output.
 * - The transport is picked here, at module level, from the compile-time TARO_ENV, so each bundle
 *   carries only its own (weapp: wx.cloud.callFunction; H5: POST /fn/<name>).
 * - Every failure becomes an ApiError with Chinese text: the server's sentence, or shared/errors.ts.
 */
import { z } from 'zod'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@shared/api'
import { directoryActions } from '@shared/api/directory'
import { allSuggestionActions } from '@shared/api/suggestion-actions'
import { failureSchema } from '@shared/api/common'
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@shared/errors'
import type { Transport } from './transport'
import { TransportError } from './transport'
import { outputSchemaFor, registerApi } from './schemas'

export { registerApi }

// The resident path's functions; role subpackages register the rest when they load.
registerApi({ directory: directoryActions, suggestion: allSuggestionActions })

const transport: Transport =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      (require('./http') as typeof import('./http')).httpTransport
    : // eslint-disable-next-line @typescript-eslint/no-var-requires
      (require('./cloud') as typeof import('./cloud')).cloudTransport

// Mini-programs forbid `new Function`; zod must not even probe for it there.
if (process.env.TARO_ENV !== 'h5') z.config({ jitless: true })

export class ApiError extends Error {
  readonly code: ErrorCode
  /** For validation_failed: the input field the message is about (e.g. "contactPhone"). */
  readonly field?: string
  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message || ERROR_MESSAGES[code])
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

/** Call once before the first request (the app does). */
export function initTransport(): void {
  transport.init()
}

const HAN = /[\u4e00-\u9fff]/

/**
 * The Chinese text shown for a failure. The server's own Chinese sentence is kept (it says which
 * field, which state, who was faster); the table's text is the fallback for anything else.
 */
function messageFor(code: ErrorCode, serverMessage: string | undefined): string {
  if (code !== 'internal' && serverMessage && HAN.test(serverMessage)) return serverMessage
  return ERROR_MESSAGES[code]
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof TransportError) return new ApiError(err.code)
  return new ApiError('internal')
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  // Checked before sending: a write must not go out when its answer could not be read back.
  const output = outputSchemaFor(fn, action)
  if (!output) {
    console.error(`[api] ${fn}.${action}: no answer schema registered (import the subpackage's register-api)`)
    throw new ApiError('internal')
  }
  let envelope: unknown
  try {
    envelope = await transport.send(fn, { action, payload })
  } catch (err) {
    throw toApiError(err)
  }
  if (envelope && typeof envelope === 'object' && (envelope as { ok?: unknown }).ok === true) {
    const parsed = output.safeParse((envelope as { data?: unknown }).data)
    if (!parsed.success) {
      console.error(`[api] ${fn}.${action}: answer does not match its schema`, parsed.error.issues)
      throw new ApiError('internal')
    }
    return parsed.data as ActionOutput<F, A>
  }
  const failure = failureSchema.safeParse(envelope)
  if (failure.success) {
    const { code, message, field } = failure.data
    if (isErrorCode(code)) throw new ApiError(code, messageFor(code, message), field)
    console.error(`[api] ${fn}.${action}: unknown error code ${code}`)
    throw new ApiError('internal')
  }
  console.error(`[api] ${fn}.${action}: not an envelope`, envelope)
  throw new ApiError('internal')
}
