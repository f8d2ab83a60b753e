/**
 * H5 only: where the server lives (`TARO_APP_API_ORIGIN`, empty = the page's own origin), and a
 * path of it as an absolute URL: `/fn/<name>`, `/upload/photo`, the poster, the ICS feed, exports.
 */
export function apiOrigin(): string {
  return (process.env.TARO_APP_API_ORIGIN || window.location.origin).replace(/\/+$/, '')
}

export function serverUrl(path: string): string {
  return `${apiOrigin()}${path}`
}
