import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Result } from '@shared/errors'
import { readLimited } from './http-body'
import { LOCAL_PHOTO_PATH, LOCAL_PHOTO_PREFIX } from '@shared/domain/photos'
import { shanghaiDate } from '@shared/domain/workdays'

/**
 * The local stand-in for CloudBase storage, for the H5 build on the local server: a resident's
 * photo is POSTed as raw bytes to `/upload/photo` and comes back as a path under `/files/photos/`
 * that `suggestion.submit` accepts and `<Image>` shows. In the mini-program the photo goes to
 * CloudBase storage (`wx.cloud.uploadFile`) and never passes through here.
 *
 * Names are long random strings, like CloudBase's temporary links: whoever has the item's detail
 * has the link, nobody can list or guess the others.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

const KINDS: Array<{ ext: string; type: string; sniff: (b: Buffer) => boolean }> = [
  { ext: 'jpg', type: 'image/jpeg', sniff: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'png', type: 'image/png', sniff: (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: 'gif', type: 'image/gif', sniff: (b) => b.length > 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
  { ext: 'webp', type: 'image/webp', sniff: (b) => b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
]

export interface PhotoUploads {
  /** Handles `POST /upload/photo` and `GET /files/photos/...`; false when the path is neither. */
  route(req: IncomingMessage, res: ServerResponse, url: URL, openid: string | null): Promise<boolean>
}

function send(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export function createPhotoUploads(dir: string, now: () => Date): PhotoUploads {
  return {
    async route(req, res, url, openid) {
      if (url.pathname === '/upload/photo') {
        if (req.method !== 'POST') {
          send(res, 405, { ok: false, code: 'validation_failed', message: '请使用 POST 上传照片' })
          return true
        }
        if (!openid) {
          send(res, 401, { ok: false, code: 'unauthenticated', message: '请先登录后再上传照片' })
          return true
        }
        const bytes = await readLimited(req, MAX_PHOTO_BYTES)
        if (bytes === null) {
          res.setHeader('connection', 'close')
          send(res, 413, { ok: false, code: 'validation_failed', message: '照片不能超过5MB，请压缩后重试', field: 'photos' })
          return true
        }
        const kind = KINDS.find((k) => k.sniff(bytes))
        if (!kind) {
          send(res, 400, { ok: false, code: 'validation_failed', message: '只能上传 JPG、PNG、GIF 或 WebP 格式的照片', field: 'photos' })
          return true
        }
        const day = shanghaiDate(now())
        const name = `${randomBytes(16).toString('hex')}.${kind.ext}`
        mkdirSync(join(dir, day), { recursive: true })
        writeFileSync(join(dir, day, name), bytes, { flag: 'wx' })
        send(res, 200, { ok: true, data: { fileID: `${LOCAL_PHOTO_PREFIX}${day}/${name}` } })
        return true
      }
      if (!url.pathname.startsWith(LOCAL_PHOTO_PREFIX)) return false
      const m = LOCAL_PHOTO_PATH.exec(url.pathname)
      const file = m ? join(dir, m[1], `${m[2]}.${m[3]}`) : null
      if (!file || !existsSync(file) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        send(res, 404, { ok: false, code: 'not_found', message: '照片不存在或已删除' })
        return true
      }
      const type = KINDS.find((k) => k.ext === m![3])!.type
      res.writeHead(200, { 'content-type': type, 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' })
      res.end(req.method === 'HEAD' ? undefined : readFileSync(file))
      return true
    },
  }
}
