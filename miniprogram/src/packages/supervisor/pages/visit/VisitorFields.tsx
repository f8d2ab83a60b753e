import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { VisitFormApi } from './use-visit-form'

/** 来访人: name, mobile (for the callback), village, how many came. */
export default function VisitorFields({ v }: { v: VisitFormApi }) {
  return (
    <View className="sv-field">
      <View className="sv-field__label">
        来访人<Text className="sv-required">*</Text>
      </View>
      <View className="sv-row" id="field-name">
        <Text className="sv-row__label">姓名</Text>
        <Input className="sv-input" value={v.form.name} maxLength={20} placeholder="来访群众姓名" onChange={(value) => v.set('name', value)} />
      </View>
      {v.errors.name && <View className="field-error" id="error-name">{v.errors.name}</View>}
      <View className="sv-row" id="field-phone">
        <Text className="sv-row__label">手机</Text>
        <Input
          className="sv-input"
          type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'}
          value={v.form.phone}
          maxLength={13}
          placeholder="11位手机号，回访用"
          disabled={v.locked}
          onChange={(value) => v.set('phone', value)}
        />
      </View>
      {v.errors.phone && <View className="field-error" id="error-phone">{v.errors.phone}</View>}
      <View className="sv-row" id="field-village">
        <Text className="sv-row__label">村/社区</Text>
        <Input className="sv-input" value={v.form.village} maxLength={40} placeholder="如：东关村（选填）" onChange={(value) => v.set('village', value)} />
      </View>
      <View className="sv-row" style={{ marginTop: '16px' }}>
        <Text className="sv-row__label">人数</Text>
        <View className="sv-stepper" id="visitor-count">
          <View className="sv-stepper__button" onClick={() => v.set('visitorCount', Math.max(1, v.form.visitorCount - 1))}>
            −
          </View>
          <Text className="sv-stepper__value">{v.form.visitorCount}</Text>
          <View className="sv-stepper__button" onClick={() => v.set('visitorCount', Math.min(500, v.form.visitorCount + 1))}>
            ＋
          </View>
        </View>
      </View>
      <View className="sv-field__hint">来访人信息仅本站管理员和人大工作人员可见，列表和导出中默认脱敏。</View>
    </View>
  )
}
