/**
 * 接待日提醒 (timer task): before each planned session, reminds
 * - the deputies on duty N days before (county setting, default 3) and again 1 day before,
 * - invited officials whose department has bound identities, at the same times,
 * - residents who tapped “提醒我”, 1 day before.
 * The reminder due is the nearest offset not yet passed: a session planned two days ahead gets
 * its N-day reminder now and its 1-day reminder tomorrow; one planned for tomorrow only the latter.
 * Each reminder has the key rr:(session):(date):(role):(recipient):d(offset) (messages/reception.ts),
 * so firing the timer twice queues it once; a moved session (new date) is reminded again. Each queued reminder spends
 * one subscribe-message credit; without one it is recorded as no_credit (see ../reception/notify.ts).
 */
import { addDays, shanghaiDateTime, toDayNumber } from '@shared/domain/reception/dates'
import type { Deps } from '../../ports'
import type { ReceptionSessionDoc } from '../../model'
import type { Page } from '../../store/port'
import { composeFor, receptionReminderDeputy, receptionReminderOfficial, receptionReminderResident, type ComposedMessage } from '../../messages'
import { loadSettings, type CalendarSettings } from '../reception/calendar'
import { queueWithCredit, type QueueOutcome } from '../reception/notify'

/** The longest lead time a county may set (setCountySettings caps reminderDaysBefore at 14). */
const MAX_LEAD_DAYS = 14

/** The offset whose reminder is due `daysUntil` days before the session, or null. */
export function dueOffset(daysUntil: number, leadDays: number): number | null {
  if (daysUntil < 1) return null
  const offsets = [...new Set([1, leadDays])].sort((a, b) => a - b)
  return offsets.find((o) => daysUntil <= o) ?? null
}

export async function remindReceptions(deps: Deps): Promise<{ queued: number; noCredit: number }> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const today = shanghaiDateTime(now).date
  const { reception: repo, directory } = deps.repos
  const settings = new Map<string, CalendarSettings>()
  const result = { queued: 0, noCredit: 0 }
  const count = (o: QueueOutcome) => {
    if (o === 'queued') result.queued++
    if (o === 'no_credit') result.noCredit++
  }

  let cursor: string | null = null
  do {
    const page: Page<ReceptionSessionDoc> = await repo.pagePlannedBetween(addDays(today, 1), addDays(today, MAX_LEAD_DAYS), 200, cursor)
    for (const s of page.items) {
      let county = settings.get(s.countyCode)
      if (!county) {
        county = await loadSettings(deps, s.countyCode)
        settings.set(s.countyCode, county)
      }
      const offset = dueOffset(toDayNumber(s.date) - toDayNumber(today), county.reminderDaysBefore)
      if (offset === null) continue
      const data = { session: s, offset }
      const queue = async (messages: ComposedMessage[]) => {
        for (const m of messages) count(await queueWithCredit(deps, m, at))
      }
      const deputies = (await directory.deputiesByCodes(s.deputyCodes)).flatMap((d) => (d.openid ? [d.openid] : []))
      await queue(composeFor(receptionReminderDeputy, data, { deputies, officials: [], residents: [] }))
      for (const official of s.invitedOfficials) {
        if (!official.departmentCode) continue
        const department = await directory.department(official.departmentCode)
        await queue(composeFor(receptionReminderOfficial, data, { deputies: [], officials: department?.openids ?? [], residents: [] }))
      }
      if (offset === 1) {
        for await (const openid of repo.subscribersOf(s._id)) {
          await queue(composeFor(receptionReminderResident, data, { deputies: [], officials: [], residents: [openid] }))
        }
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return result
}
