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
import type { PanelApi } from './WorkItemShell'

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

  const clear = () => setErrors({})
  /** A field's setter that also clears the messages (the person is correcting the form). */
  const clearing =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      clear()
    }
  return { busy, errors, setErrors, run, clear, clearing }
}

/**
 * One verb's form on a workbench item page: the step is taken on this item, and VerbPanel's
 * verb, busy, form error and 取消 come from here (`<VerbPanel {...panel} …>`).
 */
export function usePanelVerb(api: PanelApi, verb: Verb) {
  const { busy, errors, run, ...rest } = useVerb(api.done)
  const submit = (payload: Record<string, unknown>, success: string) => void run(verb, { id: api.item.id, ...payload }, success)
  return { ...rest, errors, submit, panel: { verb, busy: busy === verb, error: errors.form, onCancel: api.cancel } }
}
