import { createHash, timingSafeEqual } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ERROR_MESSAGES, type Result } from '@shared/errors'
import { FUNCTIONS, findFunction, findTimer } from '../_core/functions'
import type { Deps } from '../_core/ports'
import { readLimited } from './http-body'
import { createPhotoUploads } from './photo-uploads'
import { serveStatic } from './static-files'
import { IMPORT_MAX_BASE64 } from '@shared/api/directory-import'
import { receptionRoute } from './reception-routes'
import { visitExportRoute } from './visit-routes'

/** Header that carries the demo identity. Only this local server reads it; CloudBase never does. */
export const LOCAL_IDENTITY_HEADER = 'x-wudantong-openid'
/** Header that carries the timer secret (WDT_TIMER_SECRET) to `POST /timer/<name>`. */
export const TIMER_SECRET_HEADER = 'x-wudantong-timer-secret'
/** The largest call: an Excel import (its base64, IMPORT_MAX_BASE64) with room for the envelope. */
const MAX_BODY_BYTES = IMPORT_MAX_BASE64 + 64 * 1024

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const bytes = await readLimited(req, MAX_BODY_BYTES)
  return bytes === null ? null : bytes.toString('utf8')
}

export interface LocalServerOptions {
  deps: Deps
  /** Folder of the H5 build; omitted in API-only tests. */
  staticDir?: string
  /** Where residents' photos uploaded from the H5 build are kept; a fresh temporary folder when omitted. */
  uploadsDir?: string
  /**
   * The secret `POST /timer/<name>` must carry in the x-wudantong-timer-secret header; defaults to
   * the WDT_TIMER_SECRET environment variable. Without one, timers answer only loopback requests
   * to a server listening on a loopback address (127.0.0.1, ::1), and nothing else.
   */
  timerSecret?: string | null
}

const isLoopback = (address: string | undefined) => !!address && /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(address)

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** Why a timer request is refused, or null when it may run. */
function timerRefusal(req: IncomingMessage, server: Server, secret: string | null): string | null {
  // A timer is the platform acting, never a person: any identity, even a malformed one, is refused.
  if (req.headers[LOCAL_IDENTITY_HEADER] !== undefined) return '定时任务只能由定时触发器调用，不接受用户身份'
  if (secret) {
    const given = req.headers[TIMER_SECRET_HEADER]
    // Compared as digests, in constant time: neither the length nor a prefix of the secret leaks.
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(secret))) return '定时任务密钥不正确'
    return null
  }
  const bound = server.address()
  const local = typeof bound === 'object' && bound !== null && isLoopback(bound.address)
  if (!local || !isLoopback(req.socket.remoteAddress)) return '未设置 WDT_TIMER_SECRET 时，定时任务只接受本机调用'
  return null
}

/**
 * One process that runs every cloud function at `POST /fn/<name>` with the event body that
 * `wx.cloud.callFunction({name, data})` delivers, and serves the H5 build. Used by `npm start`,
 * the end-to-end tests, and counties that self-host without CloudBase.
 */
export function createLocalServer({ deps, staticDir, uploadsDir, timerSecret }: LocalServerOptions): Server {
  const photos = createPhotoUploads(uploadsDir ?? mkdtempSync(join(tmpdir(), 'wdt-photos-')), () => deps.clock.now())
  const secret = (timerSecret === undefined ? process.env.WDT_TIMER_SECRET : timerSecret) || null
  const server: Server = createServer(async (req, res) => {
    try {
      const url = requestUrl(req.url)
      if (!url) {
        sendJson(res, 400, { ok: false, code: 'validation_failed', message: '请求地址格式不正确' })
        return
      }
      if (url.pathname === '/healthz') {
        sendJson(res, 200, { ok: true, data: { status: 'ok' } })
        return
      }
      const timer = /^\/timer\/([^/]*)$/.exec(url.pathname)
      if (timer && req.method === 'POST') {
        // Fires a timer-triggered function on demand, as its cron trigger would in CloudBase.
        const refusal = timerRefusal(req, server, secret)
        if (refusal) {
          sendJson(res, 403, { ok: false, code: 'forbidden', message: refusal })
          return
        }
        const run = findTimer(timer[1])
        if (!run) {
          sendJson(res, 404, { ok: false, code: 'not_found', message: '定时任务不存在' })
          return
        }
        sendJson(res, 200, await run(deps))
        return
      }
      const match = /^\/fn\/([a-z][a-zA-Z0-9_-]*)$/.exec(url.pathname)
      if (match) {
        if (req.method !== 'POST') {
          sendJson(res, 405, { ok: false, code: 'validation_failed', message: '请使用 POST 调用云函数' })
          return
        }
        const fn = findFunction(match[1])
        if (!fn) {
          sendJson(res, 404, { ok: false, code: 'not_found', message: '云函数不存在' })
          return
        }
        const raw = await readBody(req)
        if (raw === null) {
          res.setHeader('connection', 'close')
          sendJson(res, 413, { ok: false, code: 'validation_failed', message: '请求内容过大', field: 'payload' })
          return
        }
        let event: unknown
        try {
          event = raw ? JSON.parse(raw) : {}
        } catch {
          sendJson(res, 400, { ok: false, code: 'validation_failed', message: '请求内容不是有效的 JSON', field: 'body' })
          return
        }
        sendJson(res, 200, await fn(event, localIdentity(req), deps))
        return
      }
      if (await photos.route(req, res, url, localIdentity(req))) return
      if ((req.method === 'GET' || req.method === 'HEAD') && (await receptionRoute(deps, req, res, url))) return
      // stats (issue 7): the evaluation workbook, and the Open311 GeoReport v2 read-only export
      const evaluationXlsx = /^\/export\/evaluation\/([A-Za-z0-9_-]{1,32})\/(\d{4})\.xlsx$/.exec(url.pathname)
      if (evaluationXlsx && req.method === 'GET') {
        const result = await FUNCTIONS.stats(
          { action: 'evaluationExport', payload: { countyCode: evaluationXlsx[1], year: Number(evaluationXlsx[2]) } },
          localIdentity(req),
          deps,
        )
        if (!result.ok) {
          sendJson(res, result.code === 'forbidden' || result.code === 'unauthenticated' ? 403 : 400, result)
          return
        }
        const file = result.data as { filename: string; contentType: string; base64: string }
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
        })
        res.end(Buffer.from(file.base64, 'base64'))
        return
      }
      const open311 = /^\/open311\/v2\/(requests|services)\.json$/.exec(url.pathname)
      if (open311 && req.method === 'GET') {
        await serveOpen311(open311[1] as 'requests' | 'services', url, deps, res)
        return
      }
      if (await visitExportRoute(deps, req, res, url, localIdentity(req))) return // visit register (issue 6): GET /export/visits.xlsx
      if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
        serveStatic(staticDir, url.pathname, res)
        return
      }
      sendJson(res, 404, { ok: false, code: 'not_found', message: ERROR_MESSAGES.not_found })
    } catch (error) {
      console.error('[local-server]', error)
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'internal', message: ERROR_MESSAGES.internal })
    }
  })
  return server
}

/**
 * The request's URL. A path is always read as a path: `//host/x` is not another host's URL, and
 * a target no URL parser accepts is answered 400, never a 500.
 */
function requestUrl(target: string | undefined): URL | null {
  const raw = target ?? '/'
  try {
    return new URL(raw.startsWith('/') ? `http://local${raw}` : raw, 'http://local')
  } catch {
    return null
  }
}

/**
 * The demo identity of a request, or null. Percent-encoded, because browsers send header values
 * as Latin-1 and some demo identities carry a township's name (demo-staff-XW-STAFF-城关镇).
 */
function localIdentity(req: IncomingMessage): string | null {
  const header = req.headers[LOCAL_IDENTITY_HEADER]
  if (typeof header !== 'string') return null
  let openid: string
  try {
    openid = decodeURIComponent(header)
  } catch {
    return null
  }
  return /^[\p{L}\p{N}_-]{1,64}$/u.test(openid) ? openid : null
}

/**
 * GeoReport v2: `requests.json?jurisdiction_id=<county>&status=open|closed&page_size=&page_token=`
 * answers a JSON array (the next page is in the `Link` header, rel="next"); `services.json` the
 * categories. Errors use Open311's `[{code, description}]`.
 */
async function serveOpen311(kind: 'requests' | 'services', url: URL, deps: Deps, res: ServerResponse): Promise<void> {
  const q = url.searchParams
  const sendOpen311 = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', ...headers })
    res.end(JSON.stringify(body))
  }
  const payload: Record<string, unknown> = {}
  if (q.get('jurisdiction_id')) payload.countyCode = q.get('jurisdiction_id')
  if (kind === 'requests') {
    if (!payload.countyCode) {
      sendOpen311(400, [{ code: 400, description: '缺少 jurisdiction_id（县代码）' }])
      return
    }
    if (q.get('status')) payload.status = q.get('status')
    if (q.get('page_size')) payload.pageSize = Number(q.get('page_size'))
    if (q.get('page_token')) payload.pageToken = q.get('page_token')
  }
  const action = kind === 'requests' ? 'open311Requests' : 'open311Services'
  // Open311 readers are anonymous platforms; the export is public and holds no personal data.
  const result = await FUNCTIONS.stats({ action, payload }, null, deps)
  if (!result.ok) {
    const status = result.code === 'not_found' ? 404 : 400
    sendOpen311(status, [{ code: status, description: result.message }])
    return
  }
  const data = result.data as { items: unknown[]; nextPageToken?: string | null }
  const headers: Record<string, string> = {}
  if (data.nextPageToken) {
    const next = new URL(url.toString())
    next.searchParams.set('page_token', data.nextPageToken)
    headers.link = `<${next.pathname}${next.search}>; rel="next"`
  }
  sendOpen311(200, data.items, headers)
}
