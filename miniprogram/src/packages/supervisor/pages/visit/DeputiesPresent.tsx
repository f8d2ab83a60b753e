import { View } from '@tarojs/components'
import type { VisitFormApi } from './use-visit-form'

/** 到场代表: the deputies of the session and the station, tapped on or off. */
export default function DeputiesPresent({ v }: { v: VisitFormApi }) {
  if (v.deputies.length === 0) return null
  return (
    <View className="sv-field">
      <View className="sv-field__label">到场代表</View>
      <View className="sv-chips" id="deputy-chips">
        {v.deputies.map((d) => {
          const on = v.form.deputyCodes.includes(d.code)
          return (
            <View
              key={d.code}
              className={`sv-chip ${on ? 'sv-chip--on' : ''}`}
              onClick={() => v.set('deputyCodes', on ? v.form.deputyCodes.filter((c) => c !== d.code) : [...v.form.deputyCodes, d.code])}
            >
              {d.name}
            </View>
          )
        })}
      </View>
      {v.errors.deputyCodes && <View className="field-error">{v.errors.deputyCodes}</View>}
    </View>
  )
}
