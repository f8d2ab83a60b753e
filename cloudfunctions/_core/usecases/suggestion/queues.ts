import type { QueueItem } from '@shared/api/suggestion-workflow'
import type { queueInputs } from '@shared/api/suggestion-workflow'
import { authorize, bindingFor } from '@shared/domain/permissions'
import { shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { z } from 'zod'
import type { UseCase } from '../../runtime/define-function'
import { queueItem } from '../../views/queue-views'

type QueuePage = { items: QueueItem[]; nextCursor: string | null }
type In<K extends keyof typeof queueInputs> = z.output<(typeof queueInputs)[K]>

/**
 * 站点待办: items at the deputy's (or supervisor's) stations, newest first. Text held for content
 * review stays out of deputies' sight until staff release it.
 */
export const stationQueue: UseCase<In<'stationQueue'>, QueuePage> = async (deps, actor, input) => {
  const binding = bindingFor(actor, 'deputy') ?? bindingFor(actor, 'supervisor')
  if (!binding || !authorize(actor, 'view_station_queue', { stationCode: input.stationCode }).allowed) throw new AppError('forbidden')
  const stations = input.stationCode ? [input.stationCode] : binding.stationCodes
  const page = await deps.repos.suggestions.atStations(stations, input.state, input.limit, input.cursor)
  const today = shanghaiDate(deps.clock.now())
  return { items: page.items.map((d) => queueItem(d, today)), nextCursor: page.nextCursor }
}

/** 派单台: staff's board over their county (or township), with filters. */
export const dispatchBoard: UseCase<In<'dispatchBoard'>, QueuePage> = async (deps, actor, input) => {
  const staff = bindingFor(actor, 'staff')
  const f = input.filters
  if (!staff || !authorize(actor, 'view_dispatch_board', { countyCode: staff.countyCode, township: f.township }).allowed) {
    throw new AppError('forbidden')
  }
  const township = staff.scope === 'township' ? staff.township : f.township
  const page = await deps.repos.suggestions.board(
    {
      countyCode: staff.countyCode,
      township,
      state: f.state,
      overdue: f.overdue,
      categoryCode: f.categoryCode,
      departmentCode: f.departmentCode,
      stationCode: f.stationCode,
      moderation: f.moderation,
      extensionPending: f.extensionPending,
      // Period filters on the filing time; the day is counted in Beijing time.
      createdFrom: f.from ? new Date(`${f.from}T00:00:00+08:00`).toISOString() : undefined,
      createdBefore: f.to ? new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined,
    },
    input.limit,
    input.cursor,
  )
  const today = shanghaiDate(deps.clock.now())
  return { items: page.items.map((d) => queueItem(d, today)), nextCursor: page.nextCursor }
}

/** 承办待办: items dispatched to the caller's department, nearest deadline first. */
export const departmentQueue: UseCase<In<'departmentQueue'>, QueuePage> = async (deps, actor, input) => {
  const department = bindingFor(actor, 'department')
  if (!department || !authorize(actor, 'view_department_queue', { departmentCode: department.departmentCode }).allowed) {
    throw new AppError('forbidden')
  }
  const page = await deps.repos.suggestions.forDepartment(department.departmentCode, input.state, input.limit, input.cursor)
  const today = shanghaiDate(deps.clock.now())
  return { items: page.items.map((d) => queueItem(d, today)), nextCursor: page.nextCursor }
}

/** 我的接单: items the deputy owns (首问负责), most recently changed first. */
export const myHandled: UseCase<In<'myHandled'>, QueuePage> = async (deps, actor, input) => {
  const deputy = bindingFor(actor, 'deputy')
  if (!deputy) throw new AppError('forbidden')
  const page = await deps.repos.suggestions.ownedBy(deputy.deputyCode, input.limit, input.cursor)
  const today = shanghaiDate(deps.clock.now())
  return { items: page.items.map((d) => queueItem(d, today)), nextCursor: page.nextCursor }
}
