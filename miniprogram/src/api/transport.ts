import type { CallEvent } from '@shared/api'
import type { ErrorCode } from '@shared/errors'

/** Sends one function call and resolves with whatever the function returned (the envelope). */
export interface Transport {
  init(): void
  send(fn: string, event: CallEvent): Promise<unknown>
}

/** The call never reached the function, or its answer never came back. */
export class TransportError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, detail: string) {
    super(detail)
    this.name = 'TransportError'
    this.code = code
  }
}
