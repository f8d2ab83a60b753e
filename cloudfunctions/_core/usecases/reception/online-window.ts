/**
 * 网上代表接待日: online windows are sessions of kind `online` at a station. During one, residents
 * reach the duty deputies online; suggestion.submit with channel `online_reception` is accepted
 * only then (call `assertOnlineReceptionOpen` there).
 */
import type { z } from 'zod'
import type { onlineWindowView, receptionActions } from '@shared/api/reception'
import { addDays, formatChineseDate, shanghaiDateTime } from '@shared/domain/reception/dates'
import { hasEnded, isWithinWindow } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { ReceptionSessionDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { sessionSummary } from '../../views/reception-views'
import { deputyIndexFor } from './view'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type WindowView = z.output<typeof onlineWindowView>

/** How far ahead the next window is looked for. */
const LOOKAHEAD_DAYS = 62

export interface OnlineWindowState {
  current: ReceptionSessionDoc | null
  next: ReceptionSessionDoc | null
}

/** The station's online window open now (start…end inclusive, Shanghai time), and the next one. */
export async function onlineWindowState(deps: Deps, stationCode: string): Promise<OnlineWindowState> {
  const now = deps.clock.now()
  const today = shanghaiDateTime(now).date
  const sessions = (await receptionRepo(deps.store).atStationBetween(stationCode, today, addDays(today, LOOKAHEAD_DAYS)))
    .filter((s) => s.kind === 'online' && s.status !== 'cancelled')
    .sort((x, y) => (x.date + x.startTime < y.date + y.startTime ? -1 : 1))
  const current = sessions.find((s) => isWithinWindow(s, now)) ?? null
  const next = sessions.find((s) => s !== current && !hasEnded(s, now) && !isWithinWindow(s, now)) ?? null
  return { current, next }
}

function closedMessage(next: ReceptionSessionDoc | null): string {
  return next
    ? `网上代表接待日未开放，下次为${formatChineseDate(next.date)} ${next.startTime}–${next.endTime}`
    : '该站点近期没有安排网上代表接待日，您可以通过扫码点单反映意见建议'
}

/**
 * For suggestion.submit: refuses `online_reception` outside an open window of the station.
 * Call it after the idempotency check (a retry of an accepted submission must still succeed):
 *   if (input.channel === 'online_reception') await assertOnlineReceptionOpen(deps, station.code)
 */
export async function assertOnlineReceptionOpen(deps: Deps, stationCode: string): Promise<ReceptionSessionDoc> {
  const { current, next } = await onlineWindowState(deps, stationCode)
  if (!current) throw new AppError('validation_failed', closedMessage(next), 'channel')
  return current
}

/** 网上接待: whether the station's online window is open now, and when the next one is. */
export const currentOnlineWindow: UseCase<In<'currentOnlineWindow'>, WindowView> = async (deps, _actor, { stationCode }) => {
  const station = await directoryRepo(deps.store).station(stationCode)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  const { current, next } = await onlineWindowState(deps, station.code)
  const index = await deputyIndexFor(deps, [current, next].filter((s): s is ReceptionSessionDoc => !!s))
  return {
    open: current !== null,
    current: current ? sessionSummary(current, index) : null,
    next: next ? sessionSummary(next, index) : null,
    message: current ? `网上代表接待进行中（${current.startTime}–${current.endTime}），值班代表：${current.deputyCodes.map((c) => index.get(c)?.name ?? c).join('、')}` : closedMessage(next),
  }
}
