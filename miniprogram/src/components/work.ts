/**
 * Taking one step of the loop from a form, for the resident's item page and every workbench:
 * client-side checks with the shared zod schemas, then the call. (Workbench-only helpers live in
 * ./workbench.ts so that the main package does not carry them.)
 */
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { workflowInputs } from '@shared/api/suggestion-workflow'
import { ApiError, call, toApiError } from '../api/client'

export type Verb = keyof typeof workflowInputs
export type FieldErrors = Partial<Record<string, string>>

/** zod issues → one message per field (the first), `form` for anything without a path. */
export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form')
    out[key] ??= issue.message
  }
  return out
}

/**
 * One verb of the loop from a form: checks the payload with the shared schema first (messages
 * next to the fields, nothing sent), then calls the function; the answer is the updated item.
 */
export function useVerb(onDone: (item: SuggestionDetail, verb: Verb) => void) {
  const [busy, setBusy] = useState<Verb | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const running = useRef(false)

  const run = useCallback(
    async (verb: Verb, payload: Record<string, unknown>, success?: string): Promise<boolean> => {
      if (running.current) return false
      const checked = workflowInputs[verb].safeParse(payload)
      if (!checked.success) {
        const next = issuesToErrors(checked.error.issues)
        setErrors(next)
        void Taro.showToast({ title: Object.values(next)[0] ?? '请检查填写的内容', icon: 'none' })
        return false
      }
      running.current = true
      setBusy(verb)
      setErrors({})
      try {
        const item = await (call as (fn: 'suggestion', action: Verb, p: unknown) => Promise<SuggestionDetail>)('suggestion', verb, payload)
        void Taro.showToast({ title: success ?? '已提交', icon: 'success' })
        onDone(item, verb)
        return true
      } catch (err) {
        const e: ApiError = toApiError(err)
        setErrors(e.code === 'validation_failed' && e.field ? { [e.field]: e.message } : { form: e.message })
        void Taro.showToast({ title: e.message, icon: 'none', duration: 2500 })
        return false
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [onDone],
  )

  return { busy, errors, setErrors, run, clear: () => setErrors({}) }
}
