/**
 * 代表离任（换届）: a deputy leaves office. The admin first sees every open item the deputy owns
 * (首问负责) and names a successor for each; then, in this order:
 *
 * 1. each item is handed over through the item's lifecycle (event `handover`: the item, its
 *    history entry and the notices to the resident, followers and the new deputy in one commit);
 * 2. the deputy is deactivated in one commit with its directory history entry: off every
 *    station's deputy list (so off the station pages), their deputy role revoked (effective on
 *    their next request), the WeChat identity unhooked from the entry;
 * 3. they are taken off the rosters of coming reception sessions (each session as staff's own
 *    roster edit writes it).
 *
 * A run cut short is finished by running it again: handed-over items are no longer the deputy's,
 * the deputy stays active until step 2, and step 3 only removes. Past items keep the deputy as
 * the one who handled them, so the 履职档案 (stats.deputyRecord) stays as it was.
 */
import type { ActionName, ActionOutput, ActionParsed } from '@shared/api'
import { categoryLabel } from '@shared/domain/categories'
import { STATE_LABELS } from '@shared/domain/states'
import { HANDOVER_STATES } from '@shared/domain/transitions'
import { shanghaiDate } from '@shared/domain/workdays'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../../runtime/define-function'
import type { Deps } from '../../../ports'
import type { DeputyDoc, SuggestionDoc } from '../../../model'
import type { Write } from '../../../store/port'
import { runHandover } from '../../suggestion/run-transition'
import { adminCounty, changeEntry } from './change-log'
import { deputyAdminView } from './records'
import { entryRevocations } from './roles'
import { entryKey } from '@shared/domain/binding-entry'

type In<A extends ActionName<'directory'>> = ActionParsed<'directory', A>
type Out<A extends ActionName<'directory'>> = ActionOutput<'directory', A>

async function leavingDeputy(deps: Deps, countyCode: string, code: string): Promise<DeputyDoc> {
  const deputy = await deps.repos.directory.deputy(code)
  if (!deputy || deputy.countyCode !== countyCode) throw new AppError('not_found', '没有找到该代表')
  return deputy
}

/** The open items the deputy owns, oldest first (they have waited longest). */
async function openOwnedItems(deps: Deps, deputyCode: string): Promise<SuggestionDoc[]> {
  const open = new Set<string>(HANDOVER_STATES)
  const out: SuggestionDoc[] = []
  let cursor: string | null = null
  do {
    const page = await deps.repos.suggestions.ownedBy(deputyCode, 500, cursor)
    out.push(...page.items.filter((i) => open.has(i.state)))
    cursor = page.nextCursor
  } while (cursor)
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

const today = (deps: Deps) => shanghaiDate(deps.clock.now())

export const deputyLeavePlan: UseCase<In<'deputyLeavePlan'>, Out<'deputyLeavePlan'>> = async (deps, actor, { code }) => {
  const countyCode = adminCounty(actor, 'view_directory')
  const deputy = await leavingDeputy(deps, countyCode, code)
  const { countyAdmin, reception } = deps.repos
  const [items, stations, deputies, duties] = await Promise.all([
    openOwnedItems(deps, code),
    countyAdmin.stationsOf(countyCode),
    countyAdmin.deputiesOf(countyCode),
    reception.dutiesOf(code, today(deps), '9999-12-31'),
  ])
  const stationName = new Map(stations.map((s) => [s.code, s.name]))
  // coming sessions that would be short of their minimum without this deputy: staff must add someone
  let understaffed = 0
  for (const duty of duties) {
    const session = await reception.session(duty.sessionId)
    if (session?.status === 'planned' && session.deputyCodes.includes(code) && session.deputyCodes.length - 1 < session.minDeputies) understaffed++
  }
  const candidates = deputies
    .filter((d) => d.code !== code && d.active !== false)
    .map((d) => ({
      code: d.code,
      name: d.name,
      stationNames: d.stationCodes.map((s) => stationName.get(s) ?? s),
      sameStation: d.stationCodes.some((s) => deputy.stationCodes.includes(s)),
    }))
    .sort((a, b) => Number(b.sameStation) - Number(a.sameStation) || a.code.localeCompare(b.code))
  return {
    deputy: deputyAdminView(deputy),
    items: items.map((i) => ({
      id: i._id,
      number: i.number,
      state: i.state,
      stateLabel: STATE_LABELS[i.state],
      stationCode: i.stationCode,
      stationName: stationName.get(i.stationCode) ?? i.stationCode,
      categoryLabel: i.categoryCode ? categoryLabel(i.categoryCode) : '未分类',
      submittedAt: i.createdAt,
    })),
    candidates,
    upcomingDuties: duties.length,
    understaffed,
  }
}

export const deputyLeave: UseCase<In<'deputyLeave'>, Out<'deputyLeave'>> = async (deps, actor, input) => {
  const countyCode = adminCounty(actor)
  const deputy = await leavingDeputy(deps, countyCode, input.code)
  if (deputy.active === false) throw new AppError('invalid_transition', `${deputy.name}已离任`)
  const { directory, countyAdmin, reception } = deps.repos

  // every open item needs its successor, named before anything is written
  const items = await openOwnedItems(deps, deputy.code)
  const chosen = new Map(input.handovers.map((h) => [h.itemId, h.toDeputyCode]))
  const missing = items.filter((i) => !chosen.has(i._id))
  if (missing.length) throw new AppError('validation_failed', `还有${missing.length}件事项没有选择接替的代表（${missing[0].number}等）`, 'handovers')
  const successors = new Map<string, DeputyDoc>()
  for (const toCode of new Set(items.map((i) => chosen.get(i._id)!))) {
    const to = await directory.deputy(toCode)
    if (!to || to.countyCode !== countyCode || to.active === false || to.code === deputy.code) {
      throw new AppError('validation_failed', `接替的代表须是本县在任的其他代表：${toCode}`, 'handovers')
    }
    successors.set(toCode, to)
  }

  // 1. the items, one lifecycle step each
  const note = `${deputy.name}代表离任（${input.reason}），首问负责移交`
  for (const item of items) {
    const to = successors.get(chosen.get(item._id)!)!
    await runHandover(deps, actor, item, { code: to.code, name: to.name }, note)
  }

  // 2. the deputy leaves: directory entry, station lists, role, history — one commit
  const after: DeputyDoc = { ...deputy, active: false, openid: null }
  const stationWrites: Write[] = []
  for (const s of await countyAdmin.stationsOf(countyCode)) {
    if (s.deputyCodes.includes(deputy.code)) stationWrites.push(countyAdmin.putWrite('stations', { ...s, deputyCodes: s.deputyCodes.filter((c) => c !== deputy.code) }))
  }
  const revocations = deputy.openid ? await entryRevocations(deps, actor, entryKey('deputy', deputy.code), [deputy.openid]) : []
  const handed = [...new Set(items.map((i) => successors.get(chosen.get(i._id)!)!.name))]
  const entry = changeEntry(deps, actor, {
    countyCode,
    kind: 'deputy',
    code: deputy.code,
    name: deputy.name,
    action: 'deactivate',
    changes: [
      { field: 'active', label: '在任', before: '是', after: '否' },
      { field: 'reason', label: '离任原因', before: null, after: input.reason },
      ...(items.length ? [{ field: 'handover', label: '首问负责移交', before: null, after: `${items.length}件，由${handed.join('、')}接替` }] : []),
    ],
  })
  const ok = await deps.store.commit([countyAdmin.putWrite('deputies', after), ...stationWrites, ...revocations, countyAdmin.historyWrite(entry)])
  if (!ok) throw new AppError('conflict')

  // 3. coming rosters (a session someone edits meanwhile keeps its version check: that one is left to staff)
  let rosterRemoved = 0
  let understaffed = 0
  for (const duty of await reception.dutiesOf(deputy.code, today(deps), '9999-12-31')) {
    const session = await reception.session(duty.sessionId)
    if (!session || session.status !== 'planned' || !session.deputyCodes.includes(deputy.code)) continue
    const deputyCodes = session.deputyCodes.filter((c) => c !== deputy.code)
    if (await reception.updateSession(session, { deputyCodes, edited: true, updatedAt: deps.clock.now().toISOString() })) {
      await reception.syncDuties({ ...session, deputyCodes }, session.deputyCodes)
      rosterRemoved++
      if (deputyCodes.length < session.minDeputies) understaffed++
    }
  }
  return { deputy: deputyAdminView(after), handedOver: items.length, rosterRemoved, understaffed }
}
