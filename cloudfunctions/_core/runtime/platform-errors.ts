/**
 * Failures of the platform rather than of the request: CloudBase busy or slow (its documented codes,
 * docs.cloudbase.net/error-code), the SDK's own "cloud timed out / over quota" codes, and sockets
 * that broke. Trying again shortly can work, so the caller is told that, not "system error".
 */
const CLOUDBASE_CODES = new Set(['SYS_ERR', 'SERVER_TIMEOUT', 'EXCEED_RATELIMIT', 'DATABASE_TIMEOUT', 'STORAGE_DATABASE_TIMEOUT', 'RequestLimitExceeded', 'LimitExceeded'])
/** wx-server-sdk / node-sdk: cloud response timed out, over the request or concurrency quota. */
const SDK_CODES = new Set([-501002, -501003, -501004, -501015, -501016])
const SOCKET_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE'])

export function isRetryablePlatformError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const e = error as { code?: unknown; errCode?: unknown }
  if (typeof e.code === 'string' && (CLOUDBASE_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true
  return typeof e.errCode === 'number' && SDK_CODES.has(e.errCode)
}

export const PLATFORM_BUSY_MESSAGE = '云服务繁忙，请稍后重试'
