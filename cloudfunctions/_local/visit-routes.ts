/**
 * The visit register's download on the local server (issue 6):
 *   GET /export/visits.xlsx?scope=session&sessionId=…
 *   GET /export/visits.xlsx?scope=month&month=2026-11[&stationCode=XWT01]
 *   GET /export/visits.xlsx?scope=station&stationCode=XWT01[&year=2026]
 *   (each may add &masked=1)
 * The caller is the same demo identity as for POST /fn/<name> (request header); the workbook is
 * the `visit.exportRegister` action's, so the same rules mask phones. In CloudBase the page calls
 * that action and opens the file itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Result } from '@shared/errors'
import { FUNCTIONS } from '../_core/functions'
import type { Deps } from '../_core/ports'

const PATH = '/export/visits.xlsx'

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** Answers the request when it is the export route; false otherwise. */
export async function visitExportRoute(deps: Deps, req: IncomingMessage, res: ServerResponse, url: URL, openid: string | null): Promise<boolean> {
  if (url.pathname !== PATH || req.method !== 'GET') return false
  const q = url.searchParams
  const payload: Record<string, unknown> = { scope: q.get('scope') ?? undefined, masked: q.get('masked') === '1' || q.get('masked') === 'true' }
  for (const key of ['sessionId', 'month', 'stationCode'] as const) if (q.get(key)) payload[key] = q.get(key)
  if (q.get('year')) payload.year = Number(q.get('year'))
  const result = await FUNCTIONS.visit({ action: 'exportRegister', payload }, openid, deps)
  if (!result.ok) {
    const status = result.code === 'unauthenticated' || result.code === 'forbidden' ? 403 : result.code === 'not_found' || result.code === 'station_not_found' ? 404 : 400
    sendJson(res, status, result)
    return true
  }
  const file = result.data as { filename: string; contentType: string; base64: string; masked: boolean }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="visits.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'cache-control': 'no-store',
    'x-wudantong-masked': file.masked ? '1' : '0',
  })
  res.end(Buffer.from(file.base64, 'base64'))
  return true
}
