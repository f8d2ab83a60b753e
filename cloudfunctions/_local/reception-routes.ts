/**
 * The reception calendar's GET routes on the local server, for things a calendar app or a browser
 * fetches without a WeChat identity:
 *   GET /ics/station/<code>.ics   ICS feed of a station's public sessions
 *   GET /ics/deputy/<code>.ics    ICS feed of a deputy's public duty
 *   GET /poster/<sessionId>.svg   printable A4 poster (SVG) with the station page's QR code
 * In CloudBase the same content comes from the `reception` actions `icsFeed` and `poster`; the PNG
 * poster is drawn by the mini-program or the H5 page from the `poster` action's content (the server
 * has no CJK fonts to rasterise with), so GET /poster/<id>.png answers with where to find it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AppError, ERROR_MESSAGES } from '@shared/errors'
import { createH5LinkCode } from '../_core/adapters/h5-link-code'
import type { Deps } from '../_core/ports'
import { buildIcsFeed } from '../_core/usecases/reception/ics-feed'
import { renderSessionPoster } from '../_core/usecases/reception/poster'

const ICS = /^\/ics\/(station|deputy)\/([A-Za-z0-9-]{2,40})\.ics$/
const POSTER = /^\/poster\/([A-Za-z0-9_-]{6,64})\.(svg|png)$/

function baseUrlOf(req: IncomingMessage): string {
  if (process.env.PUBLIC_BASE_URL) return process.env.PUBLIC_BASE_URL
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host) ? req.headers.host : '127.0.0.1'
  return `http://${host}`
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string, filename?: string): void {
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' }
  if (filename) headers['content-disposition'] = `inline; filename="${filename}"`
  res.writeHead(status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

function fail(res: ServerResponse, req: IncomingMessage, status: number, code: string, message: string): void {
  send(res, req, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, code, message }))
}

/** Answers the request when it is one of the routes above; false otherwise. */
export async function receptionRoute(deps: Deps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const ics = ICS.exec(url.pathname)
  const poster = ics ? null : POSTER.exec(url.pathname)
  if (!ics && !poster) return false
  try {
    if (ics) {
      const feed = await buildIcsFeed(deps, ics[1] as 'station' | 'deputy', ics[2], { includeInternal: false, baseUrl: baseUrlOf(req) })
      send(res, req, 200, 'text/calendar; charset=utf-8', feed.text, feed.filename)
      return true
    }
    if (poster![2] === 'png') {
      fail(res, req, 404, 'not_found', `海报图片（PNG）请在接待公告页点“生成海报”保存；可直接打印的 SVG 版：/poster/${poster![1]}.svg`)
      return true
    }
    const out = await renderSessionPoster(deps, null, poster![1], createH5LinkCode(baseUrlOf(req)))
    send(res, req, 200, 'image/svg+xml; charset=utf-8', out.svg, out.filename)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const status = error.code === 'not_found' || error.code === 'station_not_found' ? 404 : 400
    fail(res, req, status, error.code, error.message || ERROR_MESSAGES[error.code])
  }
  return true
}
