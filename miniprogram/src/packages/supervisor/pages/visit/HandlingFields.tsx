import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { VISIT_OPINION_LABELS, VISIT_OPINIONS, townshipGovernmentName } from '@shared/domain/visits'
import type { VisitFormApi } from './use-visit-form'

/** 办理方式: 当场答复 (the answer, the visitor's opinion) or 交办单 (to the township or the county). */
export default function HandlingFields({ v }: { v: VisitFormApi }) {
  return (
    <View className="sv-field">
      <View className="sv-field__label">
        办理方式<Text className="sv-required">*</Text>
      </View>
      <View className="sv-chips sv-chips--two">
        <View
          id="handling-answered_on_spot"
          className={`sv-chip ${v.form.handling === 'answered_on_spot' ? 'sv-chip--on' : ''}`}
          onClick={() => !v.locked && v.set('handling', 'answered_on_spot')}
        >
          当场答复
        </View>
        <View id="handling-assignment_form" className={`sv-chip ${v.form.handling === 'assignment_form' ? 'sv-chip--on' : ''}`} onClick={() => v.set('handling', 'assignment_form')}>
          填写交办单
        </View>
      </View>
      {v.errors.handling && <View className="field-error" id="error-handling">{v.errors.handling}</View>}

      {v.form.handling === 'answered_on_spot' && (
        <View>
          <View className="sv-field__label" style={{ marginTop: '16px' }}>
            答复内容<Text className="sv-required">*</Text>
          </View>
          <View id="field-answer">
            <TextArea className="sv-textarea" value={v.form.answer} maxLength={2000} autoSize placeholder="代表或部门当场怎样答复的" onChange={(value) => v.set('answer', value)} />
          </View>
          {v.errors.answer && <View className="field-error" id="error-answer">{v.errors.answer}</View>}
          <View className="sv-field__label" style={{ marginTop: '16px' }}>
            群众当场意见（选填）
          </View>
          <View className="sv-chips" id="rating-chips">
            {VISIT_OPINIONS.map((r) => (
              <View key={r} className={`sv-chip ${v.form.rating === r ? 'sv-chip--on' : ''}`} onClick={() => v.set('rating', v.form.rating === r ? undefined : r)}>
                {VISIT_OPINION_LABELS[r]}
              </View>
            ))}
          </View>
        </View>
      )}

      {v.form.handling === 'assignment_form' && (
        <View>
          <View className="sv-field__label" style={{ marginTop: '16px' }}>
            交办去向（层级划分）<Text className="sv-required">*</Text>
          </View>
          <View className="sv-chips sv-chips--two">
            <View id="route-township" className={`sv-chip ${v.form.route === 'township' ? 'sv-chip--on' : ''}`} onClick={() => !v.locked && v.set('route', 'township')}>
              转交{v.township ? townshipGovernmentName(v.township) : '乡镇'}
            </View>
            <View id="route-county" className={`sv-chip ${v.form.route === 'county' ? 'sv-chip--on' : ''}`} onClick={() => !v.locked && v.set('route', 'county')}>
              报县人大代工委
            </View>
          </View>
          <View className="sv-field__hint">职责明确的转交乡镇（街道）办理；无法明确划分的，由代工委汇总梳理后交办。</View>
          {v.errors.route && <View className="field-error" id="error-route">{v.errors.route}</View>}
        </View>
      )}
    </View>
  )
}
