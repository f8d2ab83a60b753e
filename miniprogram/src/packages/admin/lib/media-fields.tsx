import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import { toApiError } from '../../../api/client'
import { uploadPhoto } from '../../../api/upload'
import { ensurePrivacyConsent } from '../../../components/privacy-consent'
import { FieldError, FieldLabel } from '../../../components/WorkForm'

/** A deputy's photo on the station page: chosen, uploaded to this system's storage, removable. */
export function PhotoField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState('')
  const pick = async () => {
    if (!(await ensurePrivacyConsent('photos'))) return
    let local: string | undefined
    try {
      local = (await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles[0]?.tempFilePath
    } catch {
      return // cancelled
    }
    if (!local) return
    setBusy(true)
    setFailed('')
    try {
      onChange(await uploadPhoto(local, 'deputy-photos'))
    } catch (err) {
      setFailed(toApiError(err).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="ad-field" id="field-photoUrl">
      <FieldLabel>照片</FieldLabel>
      <View className="ad-photo">
        {value ? <Image className="ad-photo__img" src={value} mode="aspectFill" nativeProps={{ alt: '代表照片' }} /> : <View className="ad-photo__img ad-photo__none">无照片</View>}
        <Text className="ad-row__action" id="photo-pick" onClick={() => void (busy || pick())}>
          {busy ? '正在上传' : value ? '更换' : '上传'}
        </Text>
        {value && !busy && (
          <Text className="ad-row__action ad-row__action--danger" id="photo-remove" onClick={() => onChange('')}>
            移除
          </Text>
        )}
      </View>
      <View className="ad-hint">显示在站点页面的代表介绍中，请使用本人同意公开的正面照。</View>
      <FieldError message={failed || error} id="field-photoUrl-error" />
    </View>
  )
}

/**
 * A station's location (for the map link on its page): picked on the map in the mini-program;
 * typed as latitude and longitude in a browser, which has no map picker here.
 */
export function LocationField({
  latitude,
  longitude,
  onChange,
  error,
}: {
  latitude: string
  longitude: string
  onChange: (lat: string, lng: string, address?: string) => void
  error?: string
}) {
  const pick = async () => {
    if (!(await ensurePrivacyConsent('location'))) return
    try {
      const res = await Taro.chooseLocation({})
      onChange(res.latitude.toFixed(6), res.longitude.toFixed(6), [res.address, res.name].filter(Boolean).join(''))
    } catch {
      /* cancelled or refused: the location stays as it was */
    }
  }
  const set = latitude !== '' && longitude !== ''
  return (
    <View className="ad-field" id="field-location">
      <FieldLabel>位置</FieldLabel>
      {process.env.TARO_ENV === 'h5' ? (
        <View className="ad-latlng">
          <Input className="ad-input" id="field-latitude" value={latitude} placeholder="纬度，如 35.229" nativeProps={{ 'aria-label': '纬度' }} onInput={(e) => onChange(e.detail.value, longitude)} />
          <Input className="ad-input" id="field-longitude" value={longitude} placeholder="经度，如 113.447" nativeProps={{ 'aria-label': '经度' }} onInput={(e) => onChange(latitude, e.detail.value)} />
        </View>
      ) : (
        <View className="ad-photo">
          <View className="ad-row__meta">{set ? `已选位置（${latitude}，${longitude}）` : '未设置'}</View>
          <Text className="ad-row__action" id="location-pick" onClick={() => void pick()}>
            {set ? '重新选择' : '在地图上选择'}
          </Text>
          {set && (
            <Text className="ad-row__action ad-row__action--danger" id="location-clear" onClick={() => onChange('', '')}>
              清除
            </Text>
          )}
        </View>
      )}
      <View className="ad-hint">选填，记在站点资料中（站点页面暂不显示地图）。</View>
      <FieldError message={error} id="field-location-error" />
    </View>
  )
}
