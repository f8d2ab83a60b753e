import Taro from '@tarojs/taro'
import { ApiError } from './client'
import { serverUrl } from './origin'
import { demoIdentityHeaders } from '../lib/demo-identity'
import { todayInBeijing } from '../lib/format'

/**
 * Photo upload, next to the function client so that pages never touch storage themselves.
 *
 * - weapp: `Taro.cloud.uploadFile` into the CloudBase storage; the answer is a `cloud://` fileID,
 *   which `suggestion.submit` accepts in `photos` and `<Image>` shows directly.
 * - H5 (local server): the picked file's bytes are POSTed to `/upload/photo`, which answers with a
 *   `/files/photos/…` path that submit accepts and `<Image>` shows.
 */
export const PHOTO_UPLOAD_AVAILABLE = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'h5'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

function objectName(localPath: string, folder: string): string {
  const ext = (/\.(jpe?g|png|gif|webp|heic)$/i.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
  const d = todayInBeijing()
  let rand = Date.now().toString(36)
  while (rand.length < 20) rand += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `${folder}/${d}/${rand}.${ext}`
}

async function uploadToLocalServer(localPath: string): Promise<string> {
  // chooseMedia in H5 hands back a blob: URL of the picked file.
  const blob = await (await fetch(localPath)).blob()
  const headers: Record<string, string> = { 'content-type': blob.type || 'application/octet-stream', ...demoIdentityHeaders() }
  const res = await fetch(serverUrl('/upload/photo'), { method: 'POST', headers, body: blob })
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { fileID?: string }; message?: string } | null
  if (body?.ok && body.data?.fileID) return body.data.fileID
  throw new ApiError('validation_failed', body?.message || '照片上传失败，请检查网络后重试', 'photos')
}

/** Uploads one local image (from chooseMedia) and resolves with the reference submit (or a deputy's card) accepts. */
export async function uploadPhoto(localPath: string, folder: 'suggestion-photos' | 'deputy-photos' = 'suggestion-photos'): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'h5') return await uploadToLocalServer(localPath)
    const res = await Taro.cloud.uploadFile({ cloudPath: objectName(localPath, folder), filePath: localPath })
    if (!res.fileID) throw new Error('no fileID')
    return res.fileID
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError('network_error', '照片上传失败，请检查网络后重试')
  }
}
