import type { ErrorCode } from '@shared/errors'
import { toApiError, type ApiError } from '../api/client'

/**
 * The Chinese text for a failed call. The client keeps the server's field-specific text only for
 * validation failures; for the other codes a page may say more precisely what went wrong.
 */
export function explain(err: unknown, overrides: Partial<Record<ErrorCode, string>> = {}): string {
  const e = toApiError(err)
  if (e.code === 'validation_failed') return e.message
  return overrides[e.code] ?? e.message
}

export interface Failure {
  title: string
  message: string
  network: boolean
  /** worth a 重新加载 button (not for a refusal) */
  retry: boolean
}

/** A page that could not load: what to say, and whether trying again can help. */
export function failure(err: ApiError, page: string, forbidden: { title: string; message: string }): Failure {
  if (err.code === 'forbidden' || err.code === 'unauthenticated') return { ...forbidden, network: false, retry: false }
  if (err.code === 'network_error') return { title: `暂时无法打开${page}`, message: '网络连接失败，请检查网络后下拉刷新或点“重新加载”。', network: true, retry: true }
  if (err.code === 'not_found') return { title: `没有找到${page}`, message: err.message, network: false, retry: false }
  return { title: `暂时无法打开${page}`, message: explain(err), network: false, retry: true }
}
