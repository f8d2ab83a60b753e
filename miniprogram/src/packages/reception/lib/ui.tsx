import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { SessionSummary } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { ErrorState as SharedError, LoadingCards as SharedLoading, type ErrorStateProps } from '../../../components/LoadStates'

/**
 * Small building blocks of the reception pages. Every tap target is at least 88 design px
 * (44 CSS px). Choice chips, field labels and field errors are the item pages' own
 * (components/WorkForm).
 */

export function Hint({ children }: { children: ReactNode }) {
  return <View className="rc-hint">{children}</View>
}

/** A coloured note: info (blue), warn (amber, e.g. 待确认), alert (red), ok (green). */
export function Notice({ tone, children, id }: { tone: 'info' | 'warn' | 'alert' | 'ok'; children: ReactNode; id?: string }) {
  return (
    <View className={`rc-notice rc-notice--${tone}`} id={id}>
      {children}
    </View>
  )
}

export function Badge({ tone, children }: { tone: 'info' | 'warn' | 'alert' | 'ok' | 'plain'; children: ReactNode }) {
  return <Text className={`rc-badge rc-badge--${tone}`}>{children}</Text>
}

/** − n + with large buttons (the number of deputies, reminder days). */
export function Stepper({ name, value, min, max, unit, onChange }: { name: string; value: number; min: number; max: number; unit: string; onChange: (n: number) => void }) {
  return (
    <View className="rc-stepper" id={`stepper-${name}`}>
      <View className={`rc-stepper__button ${value <= min ? 'rc-stepper__button--off' : ''}`} id={`stepper-${name}-minus`} onClick={() => value > min && onChange(value - 1)}>
        −
      </View>
      <Text className="rc-stepper__value" id={`stepper-${name}-value`}>
        {value}
      </Text>
      <View className={`rc-stepper__button ${value >= max ? 'rc-stepper__button--off' : ''}`} id={`stepper-${name}-plus`} onClick={() => value < max && onChange(value + 1)}>
        +
      </View>
      <Text className="rc-stepper__unit">{unit}</Text>
    </View>
  )
}

export function LoadingCards({ id, cards = 2 }: { id?: string; cards?: number }) {
  return <SharedLoading id={id} cards={cards} className="page rc-page" rows={[4, 3]} />
}

export function ErrorState(props: ErrorStateProps) {
  return <SharedError {...props} look="page" pageClass="page rc-page" retryClass="rc-cta-button" />
}

export function dateLine(s: Pick<SessionSummary, 'date' | 'weekdayLabel' | 'startTime' | 'endTime'>): string {
  return `${formatChineseDate(s.date)} ${s.weekdayLabel} ${s.startTime}–${s.endTime}`
}

/** The badges of a session: status, 待确认, 已调整. */
export function SessionBadges({ s }: { s: SessionSummary }) {
  return (
    <>
      {s.status === 'cancelled' && <Badge tone="alert">已取消</Badge>}
      {s.status === 'held' && <Badge tone="ok">已举行</Badge>}
      {s.status === 'planned' && !s.confirmed && <Badge tone="warn">日期待确认</Badge>}
      {s.moved && <Badge tone="info">节假日调整</Badge>}
    </>
  )
}

/** One session in a list: date and time, place, theme, deputies; the whole row opens it. */
export function SessionRow({ s, showStation, onOpen }: { s: SessionSummary; showStation?: boolean; onOpen: () => void }) {
  return (
    <View className={`rc-session ${s.status === 'cancelled' ? 'rc-session--cancelled' : ''}`} id={`session-${s.id}`} onClick={onOpen}>
      <View className="rc-session__head">
        <Text className="rc-session__date">{dateLine(s)}</Text>
        <Text className="rc-session__arrow">›</Text>
      </View>
      <View className="rc-session__badges">
        <Badge tone="plain">{s.kindLabel}</Badge>
        <SessionBadges s={s} />
      </View>
      {showStation && <View className="rc-session__meta">{s.stationName ?? s.place}</View>}
      {s.theme && <View className="rc-session__meta">主题：{s.theme}</View>}
      <View className="rc-session__meta">值班代表：{s.deputyNames.length ? s.deputyNames.join('、') : '未安排'}</View>
      {s.moved && s.moveReason && <View className="rc-session__note">{s.moveReason}</View>}
    </View>
  )
}
