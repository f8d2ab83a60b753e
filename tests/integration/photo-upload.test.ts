/**
 * Photos from the H5 build: the local server stands in for CloudBase storage. A resident uploads
 * the bytes, gets back a path submit accepts, and the people who open the item see the photo.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalServer, LOCAL_IDENTITY_HEADER } from '../../cloudfunctions/_local/server'
import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
let server: Server
let base: string
const uploadsDir = mkdtempSync(join(tmpdir(), 'wdt-uploads-'))

// The smallest real images: a 1×1 PNG and the first bytes of a JPEG (SOI + APP0 marker).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)])

beforeAll(async () => {
  backend = await createTestBackend()
  server = createLocalServer({ deps: backend.deps, uploadsDir })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await backend.close()
})

const upload = (body: Buffer, openid: string | null = 'demo-resident-1', type = 'image/png') =>
  fetch(`${base}/upload/photo`, {
    method: 'POST',
    headers: { 'content-type': type, ...(openid ? { [LOCAL_IDENTITY_HEADER]: openid } : {}) },
    body: new Uint8Array(body),
  })

async function submitWith(photos: string[], openid = 'demo-resident-1') {
  const res = await fetch(`${base}/fn/suggestion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LOCAL_IDENTITY_HEADER]: openid },
    body: JSON.stringify({
      action: 'submit',
      payload: { stationCode: 'XWT01', content: '村口排水沟堵塞，雨天积水', categoryCode: 'environment', anonymous: true, photos, clientRequestId: `req-${Math.random().toString(36).slice(2, 12)}` },
    }),
  })
  return res.json()
}

describe('photo upload on the local server', () => {
  it('keeps an uploaded photo and serves the same bytes back as an image', async () => {
    const res = await upload(PNG)
    const body = await res.json()
    expect(body).toMatchObject({ ok: true })
    expect(body.data.fileID).toMatch(/^\/files\/photos\/\d{4}-\d{2}-\d{2}\/[a-z0-9]{32}\.png$/)
    const back = await fetch(base + body.data.fileID)
    expect(back.status).toBe(200)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('names the file by its content, whatever the browser claims it is', async () => {
    const body = await (await upload(JPEG, 'demo-resident-1', 'application/octet-stream')).json()
    expect(body.data.fileID).toMatch(/\.jpg$/)
  })

  it('a submitted item shows the uploaded photos to the resident and to the station deputy', async () => {
    const fileID = (await (await upload(PNG)).json()).data.fileID
    const submitted = await submitWith([fileID])
    expect(submitted.ok).toBe(true)
    const mine = await backend.call('suggestion', { action: 'get', payload: { id: submitted.data.id } }, 'demo-resident-1')
    expect(mine.ok && (mine.data as { photos: string[] }).photos).toEqual([fileID])
    const deputy = await backend.call('suggestion', { action: 'get', payload: { id: submitted.data.id } }, 'demo-deputy-XWT01-R1')
    expect(deputy.ok && (deputy.data as { photos: string[] }).photos).toEqual([fileID])
  })

  it('refuses a file that is not a photo, in Chinese, and keeps nothing', async () => {
    const before = readdirSync(uploadsDir, { recursive: true }).length
    const res = await upload(Buffer.from('<script>alert(1)</script>'), 'demo-resident-1', 'image/png')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, code: 'validation_failed', message: '只能上传 JPG、PNG、GIF 或 WebP 格式的照片', field: 'photos' })
    expect(readdirSync(uploadsDir, { recursive: true }).length).toBe(before)
  })

  it('refuses a photo over 5 MB with a message saying so', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 1)])
    const res = await upload(big)
    expect(res.status).toBe(413)
    expect((await res.json()).message).toBe('照片不能超过5MB，请压缩后重试')
  })

  it('refuses an upload from nobody', async () => {
    const res = await upload(PNG, null)
    expect(res.status).toBe(401)
    expect((await res.json()).code).toBe('unauthenticated')
  })

  it.each([
    '/files/photos/../../package.json',
    '/files/photos/2026-11-26/..%2F..%2Fpackage.json',
    '/files/photos/2026-11-26/0123456789abcdef0123456789abcdef.png',
  ])('answers 404 for %s, never a file outside the photo folder', async (path) => {
    const res = await fetch(base + path)
    expect(res.status).toBe(404)
    const text = await res.text()
    expect(text).not.toContain('wudantong')
    expect(JSON.parse(text).ok).toBe(false)
  })

  it('submit refuses a photo reference nobody uploaded', async () => {
    const res = await submitWith(['https://example.com/x.jpg'])
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', message: '照片未上传成功，请删除后重新添加' })
  })
})
