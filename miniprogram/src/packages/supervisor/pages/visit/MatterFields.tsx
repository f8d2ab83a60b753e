import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { useCountyCategories } from '../../../../lib/county-categories'
import { charCount } from '../../../../lib/format'
import type { VisitFormApi } from './use-visit-form'

/** 反映事项 (voice input through the phone keyboard) and its 类别. */
export default function MatterFields({ v }: { v: VisitFormApi }) {
  const categories = useCountyCategories()
  return (
    <>
      <View className="sv-field">
        <View className="sv-row">
          <View className="sv-field__label">
            反映事项<Text className="sv-required">*</Text>
          </View>
          <Text className="muted">{charCount(v.form.matter.trim())}/2000</Text>
        </View>
        <View id="field-matter">
          <TextArea
            className="sv-textarea"
            value={v.form.matter}
            maxLength={2000}
            autoSize
            disabled={v.locked}
            placeholder="群众反映的问题和诉求"
            onChange={(value) => v.set('matter', value)}
          />
        </View>
        <View className="sv-field__hint">可用手机输入法的语音键说话输入。</View>
        {v.errors.matter && <View className="field-error" id="error-matter">{v.errors.matter}</View>}
      </View>

      <View className="sv-field">
        <View className="sv-field__label">
          类别<Text className="sv-required">*</Text>
        </View>
        <View className="sv-chips" id="category-chips">
          {categories.map((c) => (
            <View key={c.code} className={`sv-chip ${v.form.categoryCode === c.code ? 'sv-chip--on' : ''}`} onClick={() => !v.locked && v.set('categoryCode', c.code)}>
              {c.label}
            </View>
          ))}
        </View>
        {v.errors.categoryCode && <View className="field-error" id="error-categoryCode">{v.errors.categoryCode}</View>}
      </View>
    </>
  )
}
