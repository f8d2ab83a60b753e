import { Input, View } from '@tarojs/components'
import { FieldError, FieldLabel } from '../../../components/WorkForm'

/** One line of text in a 县级设置 form, with its label, hint and the server's message for it. */
export function TextField({
  name,
  label,
  value,
  onChange,
  placeholder,
  hint,
  required,
  error,
  maxlength = 80,
  type = 'text',
}: {
  name: string
  label: string
  value: string
  onChange: (v: string) => void
  placeholder?: string
  hint?: string
  required?: boolean
  error?: string
  maxlength?: number
  type?: 'text' | 'number'
}) {
  return (
    <View className="ad-field">
      <FieldLabel required={required}>{label}</FieldLabel>
      <Input
        className="ad-input"
        id={`field-${name}`}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
      />
      {hint && <View className="ad-hint">{hint}</View>}
      <FieldError message={error} id={`field-${name}-error`} />
    </View>
  )
}

export function Field({ label, required, hint, error, name, children }: { label: string; required?: boolean; hint?: string; error?: string; name: string; children: React.ReactNode }) {
  return (
    <View className="ad-field" id={`field-${name}`}>
      <FieldLabel required={required}>{label}</FieldLabel>
      {children}
      {hint && <View className="ad-hint">{hint}</View>}
      <FieldError message={error} id={`field-${name}-error`} />
    </View>
  )
}

/** Splits “城关镇、七贤镇 西村乡” into names (any of 、，, ; space or new line between). */
export const splitList = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean)
