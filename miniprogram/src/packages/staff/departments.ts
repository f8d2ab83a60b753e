import type { DepartmentListItem } from '@shared/api/directory'
import { call } from '../../api/client'

/** 承办单位 of a county (directory.listDepartments), for the dispatch form and the board's filter. */
export type Department = DepartmentListItem

// A county's departments change a few times a year: one request per county while the app runs.
const cache = new Map<string, Promise<Department[]>>()

export function loadDepartments(countyCode: string): Promise<Department[]> {
  let pending = cache.get(countyCode)
  if (!pending) {
    pending = call('directory', 'listDepartments', { countyCode }).then((r) => r.items)
    // a failed answer is not kept: the next open asks again
    pending.catch(() => cache.delete(countyCode))
    cache.set(countyCode, pending)
  }
  return pending
}

/** "修武县交通运输局" → "交通运输局" where the county name is obvious from context. */
export function shortName(name: string): string {
  return name.replace(/^.{1,6}?县(?=.)/, '')
}
