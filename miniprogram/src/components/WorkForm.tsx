import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { charCount } from '../lib/format'
import './WorkForm.css'

/**
 * Building blocks of the action forms on the item pages: chips for a choice (large, like the
 * category chips of 我要反映), a note with a live count, and a panel with 确认 / 取消. Ids follow one pattern so tests and screen readers find them:
 * `chip-<group>-<value>`, `note-<name>`, `panel-<verb>`, `confirm-<verb>`.
 */

export interface ChipOption<T extends string> {
  value: T
  label: string
  hint?: string
}

export function ChipGroup<T extends string>({
  name,
  options,
  value,
  onChange,
  columns = 3,
}: {
  name: string
  options: ReadonlyArray<ChipOption<T>>
  value: T | readonly T[] | undefined
  onChange: (next: T) => void
  columns?: 1 | 2 | 3 | 4
}) {
  const on = (v: T) => (Array.isArray(value) ? value.includes(v) : value === v)
  return (
    <View className={`chips chips--${columns}`} id={`chips-${name}`}>
      {options.map((o) => (
        <View
          key={o.value}
          id={`chip-${name}-${o.value}`}
          className={`chip ${on(o.value) ? 'chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text className="chip__label">{o.label}</Text>
          {o.hint && <Text className="chip__hint">{o.hint}</Text>}
        </View>
      ))}
    </View>
  )
}

export function FieldLabel({ children, required, extra }: { children: ReactNode; required?: boolean; extra?: ReactNode }) {
  return (
    <View className="field-label">
      <Text>
        {children}
        {required && <Text className="required">*</Text>}
      </Text>
      {extra !== undefined && <Text className="field-label__extra">{extra}</Text>}
    </View>
  )
}

export function FieldError({ message, id }: { message?: string | null; id?: string }) {
  return message ? (
    <View className="field-error" id={id}>
      {message}
    </View>
  ) : null
}

export function NoteField({
  name,
  label,
  value,
  onChange,
  max,
  placeholder,
  required,
  error,
}: {
  name: string
  label: string
  value: string
  onChange: (v: string) => void
  max: number
  placeholder?: string
  required?: boolean
  error?: string
}) {
  const count = charCount(value.trim())
  return (
    <View className="note-field" id={`note-${name}`}>
      <FieldLabel required={required} extra={`${count}/${max}`}>
        {label}
      </FieldLabel>
      <View className="note-field__box">
        <TextArea className="note-field__input" value={value} maxLength={max} autoSize placeholder={placeholder} onChange={onChange} />
      </View>
      <FieldError message={error} id={`error-${name}`} />
    </View>
  )
}

/** A form for one verb, opened in place under the item (no pop-ups: works the same in WeChat and a browser). */
export function VerbPanel({
  verb,
  title,
  hint,
  children,
  busy,
  error,
  confirmText = '确认',
  onConfirm,
  onCancel,
}: {
  verb: string
  title: string
  hint?: ReactNode
  children?: ReactNode
  busy: boolean
  error?: string
  confirmText?: string
  onConfirm: () => void
  /** without it there is no 取消 (a form that stays open, like the resident's 验单) */
  onCancel?: () => void
}) {
  return (
    <View className="card verb-panel" id={`panel-${verb}`}>
      <View className="verb-panel__title">{title}</View>
      {hint && <View className="verb-panel__hint">{hint}</View>}
      {children}
      <FieldError message={error} id={`error-form-${verb}`} />
      <View className="verb-panel__buttons">
        {onCancel && (
          <Button className="verb-panel__cancel" fill="outline" disabled={busy} onClick={onCancel}>
            取消
          </Button>
        )}
        <Button className="verb-panel__confirm" type="primary" loading={busy} disabled={busy} onClick={onConfirm} id={`confirm-${verb}`}>
          {confirmText}
        </Button>
      </View>
    </View>
  )
}
