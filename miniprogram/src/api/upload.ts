import Taro from '@tarojs/taro'
import { ApiError } from './client'

/**
 * Photo upload, next to the function client so that pages never touch `Taro.cloud` themselves.
 *
 * - weapp: `Taro.cloud.uploadFile` into the CloudBase storage; the answer is a `cloud://` fileID,
 *   which `suggestion.submit` accepts in `photos` and `<Image>` shows directly.
 * - H5 (local server): there is no upload endpoint yet, so photos are not offered there.
 */
export const PHOTO_UPLOAD_AVAILABLE = process.env.TARO_ENV === 'weapp'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

function objectName(localPath: string): string {
  const ext = (/\.(jpe?g|png|gif|webp|heic)$/i.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
  const d = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  let rand = Date.now().toString(36)
  while (rand.length < 20) rand += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `suggestion-photos/${d}/${rand}.${ext}`
}

/** Uploads one local image (from chooseMedia) and resolves with its fileID. */
export async function uploadPhoto(localPath: string): Promise<string> {
  if (!PHOTO_UPLOAD_AVAILABLE) throw new ApiError('internal', '网页版暂不支持上传照片，请在微信小程序中上传')
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: objectName(localPath), filePath: localPath })
    if (!res.fileID) throw new Error('no fileID')
    return res.fileID
  } catch {
    throw new ApiError('network_error', '照片上传失败，请检查网络后重试')
  }
}
