import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { CONTENT_MAX } from '@shared/api/suggestion'
import { CATEGORIES } from '@shared/domain/categories'
import { PHOTO_UPLOAD_AVAILABLE } from '../../api/upload'
import PrivacySheet from '../../components/PrivacySheet'
import { charCount } from '../../lib/format'
import { safeDecode, stationCodeFromParams } from '../../lib/station-code'
import ContactFields from './ContactFields'
import PhotosAndPlace, { LOCATION_AVAILABLE } from './PhotosAndPlace'
import SimilarItems from './SimilarItems'
import { useSubmitForm } from './use-submit-form'
import './index.css'

/** 我要反映: what happened, similar open items, category, photos and place, contact; then 提交. */
export default function SubmitPage() {
  const router = useRouter()
  const stationCode = stationCodeFromParams(router.params) ?? ''
  const stationName = safeDecode(router.params.name) || stationCode
  const form = useSubmitForm(stationCode)
  const { category, setCategory, content, setContent, errors, clearError, submitting, submit } = form
  const count = charCount(content.trim())

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

      <SimilarItems stationCode={stationCode} content={content} />

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
        <Text>照片和位置</Text>
        <Text className="section-title__extra">选填</Text>
      </View>
      <PhotosAndPlace form={form} />

      <View className="section-title">
        <Text>联系方式</Text>
      </View>
      <ContactFields form={form} />

      {errors.form && <View className="field-error submit-form-error" id="error-form">{errors.form}</View>}

      <View className="submit-actions">
        <Button className="big-button" type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()} id="submit-button">
          {submitting ? '正在提交' : '提交'}
        </Button>
      </View>
      {(PHOTO_UPLOAD_AVAILABLE || LOCATION_AVAILABLE) && <PrivacySheet />}
    </View>
  )
}
