/**
 * 海报: what a session's printable A4 poster says, with the station's code. The picture is drawn
 * where CJK fonts exist — on the phone or in the browser (PNG, miniprogram/src/packages/reception/
 * lib/poster-canvas.ts) — from the same layout the local server renders as SVG
 * (views/reception-poster.ts, GET /poster/<id>.svg).
 */
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import type { Actor } from '@shared/domain/roles'
import { SESSION_KIND_LABELS } from '@shared/domain/sessions'
import { isoWeekday, WEEKDAY_LABELS } from '@shared/domain/reception/dates'
import { layoutPoster, POSTER_HEIGHT, POSTER_WIDTH, posterFilename, type PosterCode, type PosterContent } from '@shared/domain/reception/poster-layout'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import { directoryRepo } from '../../repos/directory-repo'
import { posterSvg } from '../../views/reception-poster'
import { isPublicSession, sessionAccess } from './access'
import type { CodeImage, MiniCodePort } from './ports'
import { sessionOrFail } from './view'
import { DEPUTY_LEVEL_LABELS } from '../../views/directory-views'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type Out<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['output']>

/** The code as the poster draws it: WeChat's mini-program code as an image, a plain QR code as its modules. */
export function posterCode(code: CodeImage): PosterCode {
  if (code.kind === 'image') return { kind: 'image', target: code.target, mime: code.mime, base64: code.base64 }
  return { kind: 'qr', target: code.target, size: code.size, modules: code.modules }
}

/**
 * The content of a session's poster. `actor` null: an anonymous request (the local GET route),
 * which reaches public sessions only.
 */
export async function sessionPosterContent(
  deps: Deps,
  actor: Actor | null,
  id: string,
  miniCode: MiniCodePort,
): Promise<{ id: string; filename: string; content: PosterContent }> {
  const s = await sessionOrFail(deps, id)
  const visible = actor ? sessionAccess(actor, s) !== 'none' : isPublicSession(s)
  if (!visible) throw new AppError('not_found', '没有找到该接待活动')
  const directory = directoryRepo(deps.store)
  const [county, deputies] = await Promise.all([directory.county(s.countyCode), directory.deputiesByCodes(s.deputyCodes)])
  const notes: string[] = []
  if (s.moveReason) notes.push(s.moveReason)
  if (!s.confirmed && s.unconfirmedReason) notes.push(s.unconfirmedReason)
  const stationName = s.stationName ?? s.place
  const online = s.kind === 'online'
  const content: PosterContent = {
    countyName: county?.name ?? '',
    stationName,
    kindLabel: SESSION_KIND_LABELS[s.kind],
    date: s.date,
    weekdayLabel: WEEKDAY_LABELS[isoWeekday(s.date)],
    startTime: s.startTime,
    endTime: s.endTime,
    confirmed: s.confirmed,
    address: s.place,
    theme: s.theme,
    deputies: deputies.map((d) => ({ name: d.name, position: [DEPUTY_LEVEL_LABELS[d.level], d.socialPosition].filter(Boolean).join('，') })),
    officials: s.invitedOfficials.map((o) => `${o.name}（${o.title}）`),
    notes,
    announcement: s.announcement,
    status: s.status,
    cancelReason: s.cancelReason,
    callToAction: '扫码反映问题',
    codeHint: online
      ? `微信扫一扫，进入${stationName}，接待时段内可在线向值班代表反映意见建议，随时查看办理进度。`
      : `微信扫一扫，进入${stationName}，随时向人大代表反映意见建议、查看办理进度。`,
    code: s.stationCode ? posterCode(await miniCode.stationCode(s.stationCode)) : null,
  }
  return { id: s._id, filename: posterFilename(stationName, s.date), content }
}

/** The printable SVG of a session's poster (the local server's GET /poster/<id>.svg). */
export async function renderSessionPoster(deps: Deps, actor: Actor | null, id: string, miniCode: MiniCodePort): Promise<{ filename: string; svg: string }> {
  const poster = await sessionPosterContent(deps, actor, id, miniCode)
  const title = `${poster.content.stationName} ${poster.content.kindLabel}公告 ${poster.content.date}`
  return { filename: `${poster.id}.svg`, svg: posterSvg(layoutPoster(poster.content), title) }
}

/** The `poster` action: the poster's content; the phone or browser draws the PNG. */
export function posterAction(miniCode: (deps: Deps) => MiniCodePort): UseCase<In<'poster'>, Out<'poster'>> {
  return async (deps, actor, { id }) => {
    const { filename, content } = await sessionPosterContent(deps, actor, id, miniCode(deps))
    return { filename, contentType: 'image/png', width: POSTER_WIDTH, height: POSTER_HEIGHT, content }
  }
}
