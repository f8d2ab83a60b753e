import type { ErrorCode } from '@shared/errors'

/** What most reception write calls can fail with, said for the calendar. */
export const SESSION_ERRORS: Partial<Record<ErrorCode, string>> = {
  forbidden: '只有本县（本乡镇）人大工作人员可以修改接待活动',
  not_found: '没有找到该接待活动，可能已被删除',
  invalid_transition: '该活动已取消或已举行，不能再进行此操作',
  conflict: '该活动刚刚被他人修改，请返回刷新后再改',
}
