import { useState } from 'react'
import type { PanelApi } from './WorkItemShell'
import { NoteField, VerbPanel } from './WorkForm'
import { verbOf } from '@shared/domain/verbs'
import { type Verb, usePanelVerb } from './work'

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
  const { errors, clear, submit, panel } = usePanelVerb(api, verb)
  const confirm = () => submit({ ...extra, [field]: text.trim() || (required ? '' : undefined) }, `已${title}`)
  return (
    <VerbPanel {...panel} title={title} hint={hint} confirmText={confirmText} onConfirm={confirm}>
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
