import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { ownValue } from '@shared/own'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** A malformed escape (`%E0%A4%A`) names no file: the app's page is served, never an error. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path).replace(/\0/g, '')
  } catch {
    return '/'
  }
}

/** Serves the H5 build; the app uses a hash router, so every unknown path gets index.html. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const safe = normalize(decodedPath(urlPath.split('?')[0])).replace(/^([/\\])+/, '')
  let file = join(root, safe)
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 页面尚未构建：请先运行 npm run build:h5')
    return
  }
  const type = ownValue(TYPES, extname(file)) ?? 'application/octet-stream'
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600'
  res.writeHead(200, { 'content-type': type, 'cache-control': cache })
  createReadStream(file).pipe(res)
}
