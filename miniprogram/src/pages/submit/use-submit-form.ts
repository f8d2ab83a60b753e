import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { submitInput, type SubmitInput } from '@shared/api/suggestion'
import type { CategoryCode } from '@shared/domain/categories'
import { MAX_PHOTOS } from '@shared/domain/photos'
import { ApiError, call, toApiError } from '../../api/client'
import { uploadPhoto } from '../../api/upload'
import { ensurePrivacyConsent } from '../../components/privacy-consent'
import { newClientRequestId } from '../../lib/request-id'

export type FieldErrors = Partial<Record<'content' | 'categoryCode' | 'contactName' | 'contactPhone' | 'photos' | 'form', string>>

const FIELD_NAMES = ['content', 'categoryCode', 'contactName', 'contactPhone', 'photos'] as const

export interface Photo {
  local: string
  fileID: string | null
  failed: boolean
}
export interface Place {
  latitude: number
  longitude: number
  address: string
}

function fieldOf(path: string | undefined): keyof FieldErrors {
  return (FIELD_NAMES as readonly string[]).includes(path ?? '') ? (path as keyof FieldErrors) : 'form'
}

/**
 * The 我要反映 form: its fields, photos (uploaded as soon as they are picked), place, the phone
 * from WeChat, the checks of the shared schema before sending, and the submit itself.
 */
export function useSubmitForm(stationCode: string) {
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

  const phoneFromWechat = async (detail: { code?: string; errMsg?: string }) => {
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

  const removePhoto = (local: string) => setPhotos((list) => list.filter((x) => x.local !== local))

  return {
    category,
    setCategory,
    content,
    setContent,
    anonymous,
    setAnonymous,
    contactName,
    setContactName,
    contactPhone,
    setContactPhone,
    contactConsent,
    setContactConsent,
    errors,
    setErrors,
    clearError,
    photos,
    addPhotos,
    removePhoto,
    place,
    setPlace,
    pickPlace,
    phoneFromWechat,
    submitting,
    submit,
  }
}

export type SubmitForm = ReturnType<typeof useSubmitForm>
