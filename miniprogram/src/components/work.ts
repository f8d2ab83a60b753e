/**
 * Small helpers shared by the item pages of every role: labels of the verbs a page may offer,
 * client-side checks with the shared zod schemas, and Beijing-time dates without any library.
 */
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { workflowInputs } from '@shared/api/suggestion-workflow'
import { EVENT_LABELS } from '@shared/domain/transitions'
import { ApiError, call, toApiError } from '../api/client'

export type Verb = keyof typeof workflowInputs
export type FieldErrors = Partial<Record<string, string>>

/** Button text of each verb (allowedActions uses the function's action names). */
export const VERB_LABELS: Record<string, string> = {
  accept: EVENT_LABELS.accept,
  answer: EVENT_LABELS.answer,
  escalate: EVENT_LABELS.escalate,
  dispatch: EVENT_LABELS.dispatch,
  acknowledge: EVENT_LABELS.acknowledge,
  progress: EVENT_LABELS.progress,
  requestExtension: EVENT_LABELS.request_extension,
  decideExtension: EVENT_LABELS.decide_extension,
  resolve: EVENT_LABELS.resolve,
  sendBack: EVENT_LABELS.send_back,
  rate: EVENT_LABELS.verify,
  deputyRate: '评价办理结果',
  supervise: EVENT_LABELS.supervise,
  merge: EVENT_LABELS.merge,
  refer: EVENT_LABELS.refer,
  withdraw: EVENT_LABELS.withdraw,
  release: '审核放行',
}

/** zod issues → one message per field (the first), `form` for anything without a path. */
export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form')
    out[key] ??= issue.message
  }
  return out
}

/** Today in Asia/Shanghai as YYYY-MM-DD (deadlines are whole Beijing days). */
export function todayInBeijing(now = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/** Calendar days from today to a YYYY-MM-DD date (negative when past). */
export function daysUntil(date: string, now = Date.now()): number {
  const a = Date.parse(`${todayInBeijing(now)}T00:00:00Z`)
  const b = Date.parse(`${date}T00:00:00Z`)
  return Math.round((b - a) / 86_400_000)
}

/** "12月10日前" / "今天到期" / "已超期" — the deadline as a badge text. */
export function deadlineText(deadline: string, overdue: boolean): string {
  if (overdue) return '已超期'
  const left = daysUntil(deadline)
  if (left < 0) return '已超期'
  if (left === 0) return '今天到期'
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(deadline)
  return m ? `${Number(m[1])}月${Number(m[2])}日前` : `${deadline}前`
}

export function vibrateShort(): void {
  try {
    void Taro.vibrateShort?.({ type: 'light' })
  } catch {
    /* not on every device */
  }
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
        void Taro.showToast({ title: success ?? `已${VERB_LABELS[verb] ?? '提交'}`, icon: 'success' })
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
