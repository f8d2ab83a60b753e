import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ErrorState as SharedError, LoadingCards as SharedLoading, type ErrorStateProps } from '../../../components/LoadStates'

/**
 * Small building blocks of the statistics pages. Tap targets are at least 88 design px (44 CSS
 * px). In H5 the toggles are real <button>s with aria-pressed, so a keyboard and a screen reader
 * can use them; in the mini-program they are views.
 */

export interface Option<T extends string> {
  value: T
  label: string
}

function Toggle({ id, on, className, onTap, children }: { id: string; on: boolean; className: string; onTap: () => void; children: ReactNode }) {
  const cls = `${className} ${on ? `${className}--on` : ''}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type="button" id={id} className={cls} aria-pressed={on} onClick={onTap}>
        {children}
      </button>
    )
  }
  return (
    <View id={id} className={cls} ariaRole="button" ariaLabel={typeof children === 'string' ? children : undefined} onClick={onTap}>
      {children}
    </View>
  )
}

/** A row that opens and closes what follows it (范围 on the dashboard): "label  value  更改". */
export function DisclosureRow({ id, label, value, open, onToggle }: { id: string; label: string; value: string; open: boolean; onToggle: () => void }) {
  const inner = (
    <>
      <Text className="st-disclosure__label">{label}</Text>
      <Text className="st-disclosure__value">{value}</Text>
      <Text className="st-disclosure__action">{open ? '收起' : '更改'}</Text>
    </>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type="button" id={id} className="st-disclosure" aria-expanded={open} onClick={onToggle}>
        {inner}
      </button>
    )
  }
  return (
    <View id={id} className="st-disclosure" ariaRole="button" onClick={onToggle}>
      {inner}
    </View>
  )
}

/** One choice of several (period, township, metric); ids `chip-<name>-<value>`. */
export function Chips<T extends string>({ name, label, options, value, onChange, columns = 3 }: { name: string; label: string; options: ReadonlyArray<Option<T>>; value: T | null; onChange: (v: T) => void; columns?: 2 | 3 | 4 }) {
  const group = (
    <>
      {options.map((o) => (
        <Toggle key={o.value} id={`chip-${name}-${o.value}`} on={value === o.value} className="st-chip" onTap={() => onChange(o.value)}>
          {o.label}
        </Toggle>
      ))}
    </>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className={`st-chips st-chips--${columns}`} id={`chips-${name}`} role="group" aria-label={label}>
        {group}
      </div>
    )
  }
  return (
    <View className={`st-chips st-chips--${columns}`} id={`chips-${name}`}>
      {group}
    </View>
  )
}

export type ChartView = 'chart' | 'table'

/** 图表 / 表格 of one chart card. */
export function ViewSwitch({ name, value, onChange }: { name: string; value: ChartView; onChange: (v: ChartView) => void }) {
  const inner = (
    <>
      <Toggle id={`${name}-show-chart`} on={value === 'chart'} className="st-switch__option" onTap={() => onChange('chart')}>
        图表
      </Toggle>
      <Toggle id={`${name}-show-table`} on={value === 'table'} className="st-switch__option" onTap={() => onChange('table')}>
        表格
      </Toggle>
    </>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className="st-switch" role="group" aria-label="显示方式">
        {inner}
      </div>
    )
  }
  return <View className="st-switch">{inner}</View>
}

export function SectionHead({ title, extra, id }: { title: string; extra?: ReactNode; id?: string }) {
  return (
    <View className="st-section-head" id={id}>
      <Text className="st-section-head__title">{title}</Text>
      {extra}
    </View>
  )
}

export function Tile({ id, value, label, hint, tone }: { id: string; value: string; label: string; hint?: string; tone?: 'accent' | 'alert' }) {
  return (
    <View className={`st-tile ${tone ? `st-tile--${tone}` : ''}`} id={id}>
      <Text className="st-tile__label">{label}</Text>
      <Text className="st-tile__value">{value}</Text>
      {hint && <Text className="st-tile__hint">{hint}</Text>}
    </View>
  )
}

export function Notice({ tone, children, id }: { tone: 'info' | 'warn' | 'alert' | 'ok'; children: ReactNode; id?: string }) {
  return (
    <View className={`st-notice st-notice--${tone}`} id={id}>
      {children}
    </View>
  )
}

export function LoadingCards({ id, cards = 3 }: { id?: string; cards?: number }) {
  return <SharedLoading id={id} cards={cards} className="st-loading" rows={[3, 4]} label="正在加载" />
}

/** A page that could not open: why, and 重新加载 when trying again can help, or 返回我的 when it cannot. */
export function ErrorState(props: ErrorStateProps) {
  return <SharedError {...props} look="card" pageClass="card st-error" />
}

export function Empty({ text, id }: { text: string; id?: string }) {
  return (
    <View className="st-empty" id={id}>
      {text}
    </View>
  )
}
