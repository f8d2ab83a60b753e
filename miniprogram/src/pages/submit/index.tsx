import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { CONTENT_MAX, submitInput, type SubmitInput } from '@shared/api/suggestion'
import { CATEGORIES, type CategoryCode } from '@shared/domain/categories'
import { ApiError, call } from '../../api/client'
import { charCount } from '../../lib/format'
import { newClientRequestId } from '../../lib/request-id'
import { stationCodeFromParams } from '../../lib/station-code'
import './index.css'

type FieldErrors = Partial<Record<'content' | 'categoryCode' | 'contactName' | 'contactPhone' | 'form', string>>

const FIELD_NAMES = ['content', 'categoryCode', 'contactName', 'contactPhone'] as const

function fieldOf(path: string | undefined): keyof FieldErrors {
  return (FIELD_NAMES as readonly string[]).includes(path ?? '') ? (path as keyof FieldErrors) : 'form'
}

export default function SubmitPage() {
  const router = useRouter()
  const stationCode = stationCodeFromParams(router.params) ?? ''
  const stationName = safeDecode(router.params.name) || stationCode

  // One id per form: a retry after a lost answer finds the item the first attempt created.
  const requestId = useRef(newClientRequestId())

  const [category, setCategory] = useState<CategoryCode | undefined>()
  const [content, setContent] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)

  const count = charCount(content.trim())

  const clearError = (field: keyof FieldErrors) => {
    if (errors[field] || errors.form) setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  const submit = async () => {
    if (submitting) return
    const payload: SubmitInput = {
      clientRequestId: requestId.current,
      stationCode,
      content,
      categoryCode: category,
      channel: 'qr_code',
      anonymous,
      contactName: anonymous || !contactName.trim() ? undefined : contactName,
      contactPhone: anonymous || !contactPhone.trim() ? undefined : contactPhone,
    }
    const checked = submitInput.safeParse(payload)
    if (!checked.success) {
      const next: FieldErrors = {}
      for (const issue of checked.error.issues) {
        const field = fieldOf(String(issue.path[0] ?? ''))
        next[field] ??= issue.message
      }
      setErrors(next)
      void Taro.showToast({ title: Object.values(next)[0] ?? '请检查填写的内容', icon: 'none' })
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      const item = await call('suggestion', 'submit', payload)
      void Taro.redirectTo({ url: `/pages/item/index?id=${encodeURIComponent(item.id)}&created=1` })
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError('internal')
      if (e.code === 'validation_failed') setErrors({ [fieldOf(e.field)]: e.message })
      else setErrors({ form: e.message })
      void Taro.showToast({ title: e.message, icon: 'none', duration: 2500 })
    } finally {
      setSubmitting(false)
    }
  }

  if (!stationCode) {
    return (
      <View className="page submit-page">
        <View className="card">
          <View className="submit-title">请先选择联络站</View>
          <View className="muted">从联络站页面点“我要反映”，您的意见会交给该站的代表。</View>
          <Button className="big-button submit-gap" type="primary" block onClick={() => void Taro.switchTab({ url: '/pages/station/index' })}>
            去选择联络站
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className="page submit-page" id="submit-page">
      <View className="submit-banner">
        <Text className="muted">反映给</Text>
        <Text className="submit-banner__station">{stationName}</Text>
      </View>

      <View className="section-title">
        <Text>
          反映内容<Text className="required">*</Text>
        </Text>
        <Text className={`section-title__extra ${count > CONTENT_MAX ? 'over' : ''}`} id="content-count">
          {count}/{CONTENT_MAX}
        </Text>
      </View>
      <View className="card">
        <TextArea
          className="submit-textarea"
          value={content}
          maxLength={CONTENT_MAX}
          autoSize
          placeholder="请写清楚事情发生的地点、经过和您的诉求，例如：某村某路段路灯损坏已一个月，晚上出行不便，希望尽快修复。"
          onChange={(v) => {
            setContent(v)
            clearError('content')
          }}
        />
        {errors.content && <View className="field-error" id="error-content">{errors.content}</View>}
      </View>

      <View className="section-title">
        <Text>问题类别</Text>
        <Text className="section-title__extra">选填</Text>
      </View>
      <View className="card category-grid" id="category-grid">
        {CATEGORIES.map((c) => (
          <View
            key={c.code}
            className={`category-chip ${category === c.code ? 'category-chip--on' : ''}`}
            onClick={() => {
              setCategory(category === c.code ? undefined : c.code)
              clearError('categoryCode')
            }}
          >
            {c.label}
          </View>
        ))}
        {errors.categoryCode && <View className="field-error">{errors.categoryCode}</View>}
      </View>

      <View className="section-title">
        <Text>联系方式</Text>
      </View>
      <View className="card contact">
        <View className="contact__row">
          <View className="contact__label-wrap">
            <View className="contact__label">匿名反映</View>
            <View className="muted">匿名后代表无法电话联系您，办理进度仍可在“我的反映”中查看</View>
          </View>
          <Switch
            checked={anonymous}
            onChange={(v) => {
              setAnonymous(v)
              setErrors({})
            }}
          />
        </View>
        {!anonymous && (
          <View>
            <View className="contact__row contact__row--input">
              <View className="contact__label">称呼</View>
              <Input
                className="contact__input"
                value={contactName}
                maxLength={20}
                placeholder="如：张先生（选填）"
                onChange={(v) => {
                  setContactName(v)
                  clearError('contactName')
                }}
              />
            </View>
            {errors.contactName && <View className="field-error" id="error-contactName">{errors.contactName}</View>}
            <View className="contact__row contact__row--input">
              <View className="contact__label">
                手机号码<Text className="required">*</Text>
              </View>
              <Input
                className="contact__input"
                type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'}
                value={contactPhone}
                maxLength={11}
                placeholder="11位手机号码"
                onChange={(v) => {
                  setContactPhone(v)
                  clearError('contactPhone')
                }}
              />
            </View>
            {errors.contactPhone && <View className="field-error" id="error-contactPhone">{errors.contactPhone}</View>}
            <View className="muted contact__privacy">您的联系方式仅对处理此事的代表和工作人员可见。</View>
          </View>
        )}
      </View>

      {errors.form && <View className="field-error submit-form-error" id="error-form">{errors.form}</View>}

      <View className="submit-actions">
        <Button className="big-button" type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()} id="submit-button">
          {submitting ? '正在提交' : '提交'}
        </Button>
      </View>
    </View>
  )
}

function safeDecode(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}
