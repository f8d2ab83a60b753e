import { addWorkdaysDetailed, shanghaiDate } from '@shared/domain/workdays'
import { formatDate } from '../../lib/format'

/** "10个工作日 → 2026年12月10日（已跳过节假日）": the deadline as the function will set it. */
export function deadlinePreview(workdays: number, now = new Date()): string {
  const { date, confirmed } = addWorkdaysDetailed(shanghaiDate(now), workdays)
  const note = confirmed ? '已跳过节假日' : '该年度节假日安排尚未公布，暂按周一至周五计算'
  return `${workdays}个工作日 → ${formatDate(date)}（${note}）`
}

