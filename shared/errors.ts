import { isOwnKey } from './own'

/**
 * The one list of error codes. Functions return `{ok: false, code, message}` with one of these;
 * the client shows the Chinese text. New codes are added here first, never invented inline.
 */
export const ERROR_MESSAGES = {
  validation_failed: '提交的内容不符合要求',
  unauthenticated: '无法确认您的身份，请重新进入小程序',
  forbidden: '您没有权限进行此操作',
  not_found: '没有找到相应的内容',
  station_not_found: '站点不存在',
  invalid_transition: '当前状态下不能进行此操作',
  conflict: '该事项刚刚已被他人处理，请刷新后查看',
  content_risky: '内容含有不宜发布的信息，请修改后再提交',
  content_held: '内容已提交，需人工审核后才能公开',
  reopen_limit: '该事项重新办理次数已达上限',
  invitation_invalid: '邀请码无效、已使用或已过期',
  too_many_attempts: '输错次数过多，请稍后再试',
  last_admin: '不能解除本县最后一位管理员',
  network_error: '网络连接失败，请检查网络后重试',
  internal: '系统繁忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]

export function isErrorCode(value: unknown): value is ErrorCode {
  return isOwnKey(ERROR_MESSAGES, value)
}

/** Thrown by use cases; the function entry turns it into `{ok: false, ...}`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly field?: string
  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.field = field
  }
}

export type Failure = { ok: false; code: ErrorCode; message: string; field?: string }
export type Success<T> = { ok: true; data: T }
export type Result<T> = Success<T> | Failure
