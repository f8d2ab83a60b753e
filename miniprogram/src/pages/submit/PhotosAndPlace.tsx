import { Image, Text, View } from '@tarojs/components'
import { MAX_PHOTOS } from '@shared/domain/photos'
import { PHOTO_UPLOAD_AVAILABLE } from '../../api/upload'
import type { SubmitForm } from './use-submit-form'

/** Location is picked on WeChat's own map; the browser build has no map key. */
export const LOCATION_AVAILABLE = process.env.TARO_ENV === 'weapp'

/** 照片和位置 (both optional): thumbnails with their upload state, 添加照片, the place on WeChat's map. */
export default function PhotosAndPlace({ form }: { form: SubmitForm }) {
  return (
    <View className="card media" id="media">
      {PHOTO_UPLOAD_AVAILABLE ? (
        <View className="photos">
          {form.photos.map((p) => (
            <View className="photo" key={p.local}>
              <Image className="photo__img" src={p.local} mode="aspectFill" />
              {!p.fileID && <View className="photo__state">{p.failed ? '上传失败' : '上传中…'}</View>}
              <View className="photo__remove" onClick={() => form.removePhoto(p.local)}>
                ×
              </View>
            </View>
          ))}
          {form.photos.length < MAX_PHOTOS && (
            <View className="photo photo--add" id="add-photo" onClick={() => void form.addPhotos()}>
              <Text className="photo__plus">+</Text>
              <Text className="photo__hint">添加照片</Text>
            </View>
          )}
        </View>
      ) : (
        <View className="muted">此处暂不支持上传照片，可在文字中写明情况。</View>
      )}
      {form.errors.photos && <View className="field-error" id="error-photos">{form.errors.photos}</View>}
      {LOCATION_AVAILABLE && (
        <View className="place" id="pick-place" onClick={() => void form.pickPlace()}>
          <Text className="place__label">位置</Text>
          <Text className={`place__value ${form.place ? '' : 'muted'}`}>{form.place ? form.place.address || '已选择位置' : '选择问题发生的地点'}</Text>
          {form.place ? (
            <Text
              className="place__clear"
              onClick={(e) => {
                e.stopPropagation()
                form.setPlace(null)
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
  )
}
