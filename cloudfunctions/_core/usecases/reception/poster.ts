/**
 * 海报: the printable A4 poster of a session with the station's code (see views/reception-poster.ts).
 */
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import type { Actor } from '@shared/domain/roles'
import { SESSION_KIND_LABELS } from '@shared/domain/sessions'
import { isoWeekday, WEEKDAY_LABELS } from '@shared/domain/reception/dates'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import { directoryRepo } from '../../repos/directory-repo'
import { posterSvg } from '../../views/reception-poster'
import { isPublicSession, sessionAccess } from './access'
import type { MiniCodePort } from './ports'
import { sessionOrFail } from './view'
import { DEPUTY_LEVEL_LABELS } from '../../views/directory-views'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Out<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['output']>

/**
 * The poster of a session. `actor` null: an anonymous request (the local GET route), which
 * reaches public sessions only.
 */
export async function renderSessionPoster(deps: Deps, actor: Actor | null, id: string, miniCode: MiniCodePort): Promise<{ filename: string; svg: string }> {
  const s = await sessionOrFail(deps, id)
  const visible = actor ? sessionAccess(actor, s) !== 'none' : isPublicSession(s)
  if (!visible) throw new AppError('not_found', '没有找到该接待活动')
  const directory = directoryRepo(deps.store)
  const [county, deputies] = await Promise.all([directory.county(s.countyCode), directory.deputiesByCodes(s.deputyCodes)])
  const notes: string[] = []
  if (s.moveReason) notes.push(s.moveReason)
  if (!s.confirmed && s.unconfirmedReason) notes.push(s.unconfirmedReason)
  const svg = posterSvg({
    title: SESSION_KIND_LABELS[s.kind],
    countyName: county?.name ?? '',
    stationName: s.stationName ?? s.place,
    date: s.date,
    weekdayLabel: WEEKDAY_LABELS[isoWeekday(s.date)],
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place,
    theme: s.theme,
    deputies: deputies.map((d) => ({ name: d.name, position: [DEPUTY_LEVEL_LABELS[d.level], d.socialPosition].filter(Boolean).join('，') })),
    officials: s.invitedOfficials.map((o) => `${o.name}（${o.title}）`),
    announcement: s.announcement,
    notes,
    status: s.status,
    cancelReason: s.cancelReason,
    code: s.stationCode ? await miniCode.stationCode(s.stationCode) : null,
  })
  return { filename: `${s._id}.svg`, svg }
}

/** The `poster` action: the same SVG for CloudBase, where the local GET route does not exist. */
export function posterAction(miniCode: (deps: Deps) => MiniCodePort): UseCase<In<'poster'>, Out<'poster'>> {
  return async (deps, actor, { id }) => {
    const { filename, svg } = await renderSessionPoster(deps, actor, id, miniCode(deps))
    return { filename, contentType: 'image/svg+xml', svg }
  }
}
