import { useState } from 'react'
import type { PanelApi } from './WorkItemShell'
import { NoteField, VerbPanel } from './WorkForm'
import { verbOf } from '@shared/domain/verbs'
import { type Verb, useVerb } from './work'

/**
 * A verb whose only input is one text: 即时答复 (answer), 报告进展 / 督办 / 签收 (note),
 * 转法定途径 / 退回 (reason). Whether it may be empty is the verb registry's (the transition
 * table's noteRequired); the shared schema checks it again.
 */
export default function NotePanel({
  api,
  verb,
  title,
  hint,
  field,
  label,
  max,
  required = verbOf(verb)?.needsNote ?? true,
  placeholder,
  confirmText,
  initial = '',
  extra,
}: {
  api: PanelApi
  verb: Verb
  title: string
  hint?: string
  field: 'note' | 'reason' | 'answer'
  label: string
  max: number
  required?: boolean
  placeholder?: string
  confirmText?: string
  initial?: string
  extra?: Record<string, unknown>
}) {
  const [text, setText] = useState(initial)
  const { busy, errors, run, clear } = useVerb(api.done)
  const submit = () => {
    const value = text.trim()
    void run(verb, { id: api.item.id, ...extra, [field]: value || (required ? '' : undefined) }, `已${title}`)
  }
  return (
    <VerbPanel verb={verb} title={title} hint={hint} busy={busy === verb} error={errors.form} confirmText={confirmText} onConfirm={submit} onCancel={api.cancel}>
      <NoteField
        name={field}
        label={label}
        required={required}
        value={text}
        max={max}
        placeholder={placeholder}
        error={errors[field]}
        onChange={(v) => {
          setText(v)
          if (errors[field]) clear()
        }}
      />
    </VerbPanel>
  )
}
