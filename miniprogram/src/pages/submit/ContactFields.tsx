import type { ReactNode } from 'react'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import { Input, Switch } from '@nutui/nutui-react-taro'
import type { SubmitForm } from './use-submit-form'

/** 联系方式: anonymous or not, name, mobile (typed or from WeChat), consent to the department's call. */
export default function ContactFields({ form }: { form: SubmitForm }) {
  return (
    <View className="card contact">
      <View className="contact__row">
        <View className="contact__label-wrap">
          <View className="contact__label">匿名反映</View>
          <View className="muted">匿名后代表无法电话联系您，办理进度仍可在“我的反映”中查看</View>
        </View>
        <Switch
          ariaLabel="匿名反映"
          checked={form.anonymous}
          onChange={(v) => {
            form.setAnonymous(v)
            form.setErrors({})
          }}
        />
      </View>
      {!form.anonymous && (
        <View>
          <ContactRow form={form} field="contactName" label="称呼" maxLength={20} placeholder="如：张先生（选填）" onChange={form.setContactName} />
          {form.errors.contactName && <View className="field-error" id="error-contactName">{form.errors.contactName}</View>}
          <ContactRow
            form={form}
            field="contactPhone"
            label={
              <>
                手机号码<Text className="required">*</Text>
              </>
            }
            type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'}
            maxLength={11}
            placeholder="11位手机号码"
            onChange={form.setContactPhone}
          />
          {process.env.TARO_ENV === 'weapp' && (
            // 手机号快速验证: WeChat shows the privacy guide (PrivacySheet) first if needed, then its own sheet.
            <NativeButton className="contact__wx-phone" id="wx-phone" openType="getPhoneNumber" onGetPhoneNumber={(e) => void form.phoneFromWechat(e.detail)}>
              使用微信绑定的手机号
            </NativeButton>
          )}
          {form.errors.contactPhone && <View className="field-error" id="error-contactPhone">{form.errors.contactPhone}</View>}
          <View className="contact__row">
            <View className="contact__label-wrap">
              <View className="contact__label">同意承办单位直接联系我</View>
              <View className="muted">同意后，办理此事的承办单位能看到您的称呼和完整手机号，每次查看都会留下记录</View>
            </View>
            <Switch ariaLabel="同意承办单位直接联系我" id="contact-consent" checked={form.contactConsent} onChange={(v) => form.setContactConsent(v)} />
          </View>
          <View className="muted contact__privacy">
            您的联系方式仅对处理此事的代表和工作人员可见{form.contactConsent ? '，以及您同意联系的承办单位' : ''}。
          </View>
        </View>
      )}
    </View>
  )
}

/** One typed line of the contact (称呼, 手机号码): typing clears that field's message. */
function ContactRow({
  form,
  field,
  label,
  type,
  maxLength,
  placeholder,
  onChange,
}: {
  form: SubmitForm
  field: 'contactName' | 'contactPhone'
  label: ReactNode
  type?: 'tel' | 'number'
  maxLength: number
  placeholder: string
  onChange: (v: string) => void
}) {
  return (
    <View className="contact__row contact__row--input">
      <View className="contact__label">{label}</View>
      <Input
        className="contact__input"
        {...(type ? { type } : {})}
        value={form[field]}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(v) => {
          onChange(v)
          form.clearError(field)
        }}
      />
    </View>
  )
}
