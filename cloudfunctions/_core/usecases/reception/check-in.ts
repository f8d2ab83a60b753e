/**
 * 代表亮码进站: a deputy scans the station's code on arrival. The scan records attendance at the
 * session happening at that station now (any kind but online windows) — from 30 minutes before
 * its start to 30 minutes after its end, Asia/Shanghai — for a deputy of the station or one on duty. Checking in twice changes
 * nothing. Attendance is what the yearly duty count (at least twice a year) counts.
 */
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { formatChineseDate, shanghaiDateTime } from '@shared/domain/reception/dates'
import { CHECK_IN_GRACE_MINUTES, isWithinWindow } from '@shared/domain/sessions'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { deputyBinding } from './access'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Out<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['output']>

export const checkIn: UseCase<In<'checkIn'>, Out<'checkIn'>> = async (deps, actor, { stationCode }) => {
  const b = deputyBinding(actor)
  if (!b) throw new AppError('forbidden', '只有人大代表可以亮码进站')
  const station = await directoryRepo(deps.store).station(stationCode)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  const now = deps.clock.now()
  const { date: today } = shanghaiDateTime(now)
  const repo = receptionRepo(deps.store)
  const todays = (await repo.atStationOn(station.code, today))
    .filter((s) => s.status !== 'cancelled' && s.kind !== 'online')
    .sort((x, y) => (x.startTime < y.startTime ? -1 : 1))
  const open = todays.filter((s) => isWithinWindow(s, now, CHECK_IN_GRACE_MINUTES))
  if (open.length === 0) {
    const times = todays.map((s) => `${s.startTime}–${s.endTime}`).join('、')
    throw new AppError(
      'validation_failed',
      todays.length === 0
        ? `${station.name}今天（${formatChineseDate(today)}）没有接待安排，无法签到`
        : `现在不在${station.name}的接待时间内：今天的接待时间为${times}，可在开始前${CHECK_IN_GRACE_MINUTES}分钟至结束后${CHECK_IN_GRACE_MINUTES}分钟内签到`,
      'stationCode',
    )
  }
  const ofStation = b.stationCodes.includes(station.code)
  const session = open.find((s) => s.deputyCodes.includes(b.deputyCode)) ?? (ofStation ? open[0] : undefined)
  if (!session || b.countyCode !== station.countyCode) {
    throw new AppError('forbidden', `您不是${station.name}的代表，也未安排在本次接待值班，不能在此签到`)
  }

  const at = now.toISOString()
  const inserted = await repo.addAttendance({
    _id: `${session._id}:${b.deputyCode}`,
    sessionId: session._id,
    deputyCode: b.deputyCode,
    countyCode: session.countyCode,
    stationCode: station.code,
    date: session.date,
    checkedInAt: at,
    source: 'check_in',
    recordedBy: actor.openid,
  })
  const record = inserted ? null : await repo.attendance(session._id, b.deputyCode)
  const year = today.slice(0, 4)
  const days = new Set((await repo.attendanceOf(b.deputyCode, `${year}-01-01`, today)).map((a) => a.date))
  return {
    sessionId: session._id,
    stationCode: station.code,
    stationName: station.name,
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    checkedInAt: record?.checkedInAt ?? at,
    alreadyCheckedIn: !inserted,
    attendedThisYear: days.size,
  }
}
