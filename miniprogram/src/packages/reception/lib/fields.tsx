import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { formatChineseDate } from '@shared/domain/reception/dates'

export interface StationChoice {
  stationCode: string
  stationName: string
  township: string
}

/**
 * A station chooser that works the same in WeChat and a browser: a row that opens the county's
 * stations grouped by township (a county has 20–30 of them, too many for chips).
 */
export function StationSelect({
  name,
  stations,
  value,
  onChange,
  allLabel,
}: {
  name: string
  stations: readonly StationChoice[]
  value: string | null
  onChange: (code: string | null) => void
  /** When given, the first option is “all stations” (value null). */
  allLabel?: string
}) {
  const [open, setOpen] = useState(false)
  const current = stations.find((s) => s.stationCode === value)
  const townships = [...new Set(stations.map((s) => s.township))]
  const pick = (code: string | null) => {
    onChange(code)
    setOpen(false)
  }
  return (
    <View id={`select-${name}`}>
      <View className={`rc-select ${open ? 'rc-select--open' : ''}`} id={`select-${name}-toggle`} onClick={() => setOpen((v) => !v)}>
        <Text>{current ? current.stationName : (allLabel ?? '请选择联络站')}</Text>
        <Text className="rc-pick__arrow">{open ? '▴' : '▾'}</Text>
      </View>
      {open && (
        <View className="rc-options" id={`select-${name}-options`}>
          {allLabel && (
            <View className={`rc-option ${value === null ? 'rc-option--on' : ''}`} id={`option-${name}-all`} onClick={() => pick(null)}>
              {allLabel}
            </View>
          )}
          {townships.map((t) => (
            <View key={t}>
              {townships.length > 1 && <View className="rc-options__group">{t}</View>}
              {stations
                .filter((s) => s.township === t)
                .map((s) => (
                  <View
                    key={s.stationCode}
                    className={`rc-option ${value === s.stationCode ? 'rc-option--on' : ''}`}
                    id={`option-${name}-${s.stationCode}`}
                    onClick={() => pick(s.stationCode)}
                  >
                    {s.stationName}
                  </View>
                ))}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** A date ('YYYY-MM-DD') through the platform's date picker; `emptyLabel` when none is set. */
export function DateField({ name, value, onChange, emptyLabel = '请选择日期', start }: { name: string; value: string; onChange: (v: string) => void; emptyLabel?: string; start?: string }) {
  return (
    <Picker mode="date" value={value || start || ''} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="rc-pick" id={`date-${name}`}>
        <Text>{value ? formatChineseDate(value, true) : emptyLabel}</Text>
        <Text className="rc-pick__arrow">▾</Text>
      </View>
    </Picker>
  )
}

/** A time ('HH:mm') through the platform's time picker. */
export function TimeField({ name, value, onChange }: { name: string; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode="time" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="rc-pick" id={`time-${name}`}>
        <Text>{value || '请选择时间'}</Text>
        <Text className="rc-pick__arrow">▾</Text>
      </View>
    </Picker>
  )
}
