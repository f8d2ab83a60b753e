import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button as NativeButton, Image, Text, View } from '@tarojs/components'
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { CONTENT_MAX, submitInput, type SubmitInput } from '@shared/api/suggestion'
import { CATEGORIES, type CategoryCode } from '@shared/domain/categories'
import { ApiError, call, toApiError } from '../../api/client'
import { PHOTO_UPLOAD_AVAILABLE, uploadPhoto } from '../../api/upload'
import { MAX_PHOTOS } from '@shared/domain/photos'
import PrivacySheet from '../../components/PrivacySheet'
import { ensurePrivacyConsent } from '../../components/privacy-consent'
import { charCount } from '../../lib/format'
import { newClientRequestId } from '../../lib/request-id'
import { stationCodeFromParams } from '../../lib/station-code'
import './index.css'

type FieldErrors = Partial<Record<'content' | 'categoryCode' | 'contactName' | 'contactPhone' | 'photos' | 'form', string>>

const FIELD_NAMES = ['content', 'categoryCode', 'contactName', 'contactPhone', 'photos'] as const
/** Location is picked on WeChat's own map; the browser build has no map key. */
const LOCATION_AVAILABLE = process.env.TARO_ENV === 'weapp'

interface Photo {
  local: string
  fileID: string | null
  failed: boolean
}
interface Similar {
  id: string
  excerpt: string
  stateLabel: string
  followerCount: number
  followed?: boolean
}
interface Place {
  latitude: number
  longitude: number
  address: string
}

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
  const [contactConsent, setContactConsent] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [photos, setPhotos] = useState<Photo[]>([])
  const [place, setPlace] = useState<Place | null>(null)
  const [similar, setSimilar] = useState<Similar[]>([])
  const similarTicket = useRef(0)

  // 相似事项: once the text says enough, look (debounced) for open items that read alike.
  useEffect(() => {
    const text = content.trim()
    const mine = ++similarTicket.current
    if (!stationCode || charCount(text) < 6) {
      setSimilar((s) => (s.length ? [] : s))
      return
    }
    const timer = setTimeout(() => {
      call('suggestion', 'similar', { stationCode, content: text })
        .then((res) => {
          if (mine !== similarTicket.current) return
          setSimilar((prev) => res.items.slice(0, 3).map((i) => ({ ...i, followed: prev.some((p) => p.id === i.id && p.followed) })))
        })
        .catch(() => {
          /* a hint, not a step: stay quiet when it fails */
        })
    }, 700)
    return () => clearTimeout(timer)
  }, [content, stationCode])

  const follow = async (item: Similar) => {
    try {
      await call('suggestion', 'follow', { id: item.id })
      setSimilar((list) => list.map((i) => (i.id === item.id ? { ...i, followed: true, followerCount: i.followerCount + 1 } : i)))
      void Taro.showToast({ title: '已关注，进展会显示在“我的反映”中', icon: 'none', duration: 2500 })
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' })
    }
  }

  const addPhotos = async () => {
    const room = MAX_PHOTOS - photos.length
    if (room <= 0) return
    if (!(await ensurePrivacyConsent('photos'))) return
    let picked: string[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      picked = res.tempFiles.map((f) => f.tempFilePath).slice(0, room)
    } catch {
      return // cancelled
    }
    setPhotos((list) => [...list, ...picked.map((local) => ({ local, fileID: null, failed: false }))])
    clearError('photos')
    await Promise.all(
      picked.map(async (local) => {
        let fileID: string | null = null
        try {
          fileID = await uploadPhoto(local)
        } catch (err) {
          // the thumbnail says 上传失败; the reason (format, size, network) goes under the photos
          setErrors((e) => ({ ...e, photos: toApiError(err).message }))
        }
        setPhotos((list) => list.map((p) => (p.local === local ? { ...p, fileID, failed: !fileID } : p)))
      }),
    )
  }

  const useWechatPhone = async (detail: { code?: string; errMsg?: string }) => {
    if (!detail.code) return // refused in WeChat's sheet: the field stays for typing
    try {
      const { phone } = await call('directory', 'phoneFromCode', { code: detail.code })
      setContactPhone(phone)
      clearError('contactPhone')
    } catch (err) {
      setErrors((e) => ({ ...e, contactPhone: toApiError(err).message }))
    }
  }

  const pickPlace = async () => {
    if (!(await ensurePrivacyConsent('location'))) return
    try {
      const res = await Taro.chooseLocation({})
      const address = [res.name, res.address].filter(Boolean).join(' · ').slice(0, 200)
      setPlace({ latitude: res.latitude, longitude: res.longitude, address })
    } catch {
      /* cancelled, or no permission: location stays optional */
    }
  }

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
      contactConsent: !anonymous && contactConsent,
      photos: photos.map((p) => p.fileID).filter((f): f is string => Boolean(f)),
      location: place ?? undefined,
    }
    if (photos.some((p) => !p.fileID)) {
      const uploading = photos.some((p) => !p.fileID && !p.failed)
      const message = uploading ? '照片还在上传，请稍候' : '有照片上传失败，请删除后重新添加'
      setErrors({ photos: message })
      void Taro.showToast({ title: message, icon: 'none' })
      return
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

      {similar.length > 0 && (
        <View className="card similar" id="similar">
          <View className="similar__title">这些问题可能与您要反映的相同</View>
          <View className="muted">如果是同一件事，点“我也关注”即可跟进办理进度，不必重复提交。</View>
          {similar.map((item) => (
            <View className="similar__item" key={item.id}>
              <View className="similar__text">
                <View className="similar__excerpt">{item.excerpt}</View>
                <View className="muted">
                  {item.stateLabel} · {item.followerCount}人关注
                </View>
              </View>
              {item.followed ? (
                <View
                  className="similar__button similar__button--done"
                  onClick={() => void Taro.navigateTo({ url: `/pages/item/index?id=${encodeURIComponent(item.id)}` })}
                >
                  已关注 ›
                </View>
              ) : (
                <View className="similar__button" id={`follow-${item.id}`} onClick={() => void follow(item)}>
                  我也关注
                </View>
              )}
            </View>
          ))}
        </View>
      )}

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
      <View className="card media" id="media">
        {PHOTO_UPLOAD_AVAILABLE ? (
          <View className="photos">
            {photos.map((p) => (
              <View className="photo" key={p.local}>
                <Image className="photo__img" src={p.local} mode="aspectFill" />
                {!p.fileID && <View className="photo__state">{p.failed ? '上传失败' : '上传中…'}</View>}
                <View className="photo__remove" onClick={() => setPhotos((list) => list.filter((x) => x.local !== p.local))}>
                  ×
                </View>
              </View>
            ))}
            {photos.length < MAX_PHOTOS && (
              <View className="photo photo--add" id="add-photo" onClick={() => void addPhotos()}>
                <Text className="photo__plus">+</Text>
                <Text className="photo__hint">添加照片</Text>
              </View>
            )}
          </View>
        ) : (
          <View className="muted">此处暂不支持上传照片，可在文字中写明情况。</View>
        )}
        {errors.photos && <View className="field-error" id="error-photos">{errors.photos}</View>}
        {LOCATION_AVAILABLE && (
          <View className="place" id="pick-place" onClick={() => void pickPlace()}>
            <Text className="place__label">位置</Text>
            <Text className={`place__value ${place ? '' : 'muted'}`}>{place ? place.address || '已选择位置' : '选择问题发生的地点'}</Text>
            {place ? (
              <Text
                className="place__clear"
                onClick={(e) => {
                  e.stopPropagation()
                  setPlace(null)
                }}
              >
                清除
              </Text>
            ) : (
              <Text className="place__arrow">›</Text>
            )}
          </View>
        )}
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
            ariaLabel="匿名反映"
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
            {process.env.TARO_ENV === 'weapp' && (
              // 手机号快速验证: WeChat shows the privacy guide (PrivacySheet) first if needed, then its own sheet.
              <NativeButton className="contact__wx-phone" id="wx-phone" openType="getPhoneNumber" onGetPhoneNumber={(e) => void useWechatPhone(e.detail)}>
                使用微信绑定的手机号
              </NativeButton>
            )}
            {errors.contactPhone && <View className="field-error" id="error-contactPhone">{errors.contactPhone}</View>}
            <View className="contact__row">
              <View className="contact__label-wrap">
                <View className="contact__label">同意承办单位直接联系我</View>
                <View className="muted">同意后，办理此事的承办单位能看到您的称呼和完整手机号，每次查看都会留下记录</View>
              </View>
              <Switch ariaLabel="同意承办单位直接联系我" id="contact-consent" checked={contactConsent} onChange={(v) => setContactConsent(v)} />
            </View>
            <View className="muted contact__privacy">
              您的联系方式仅对处理此事的代表和工作人员可见{contactConsent ? '，以及您同意联系的承办单位' : ''}。
            </View>
          </View>
        )}
      </View>

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

function safeDecode(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}
