/**
 * Calendar rules per station and the county's calendar settings.
 *
 * A station has up to two rules: `in_person` (weekly or monthly “1·1·5”) and `online` (the online
 * reception window). Until staff set or clear the in-person rule, the station's rule from the
 * county's initial data (demo-county.json → StationDoc.receptionRule) applies, parsed with
 * ReceptionRuleSchema. Thematic days are one-off sessions (createSession), not rules.
 */
import type { z } from 'zod'
import type { receptionActions, settingsView, stationRules } from '@shared/api/reception'
import { shanghaiDateTime, addDays } from '@shared/domain/reception/dates'
import { expandRule } from '@shared/domain/reception/expand'
import {
  describeRule,
  HOLIDAY_POLICY_LABELS,
  HolidayPolicySchema,
  ReceptionRuleSchema,
  type HolidayPolicy,
  type ReceptionRule,
} from '@shared/domain/reception/rules'
import { DEFAULT_REMINDER_DAYS } from '@shared/domain/sessions'
import { bindingsOf } from '@shared/domain/permissions'
import type { RoleBinding } from '@shared/domain/roles'
import { AppError } from '@shared/errors'
import type { Deps } from '../../ports'
import type { UseCase } from '../../runtime/define-function'
import type { ReceptionRuleDoc, StationDoc } from '../../model'
import { directoryRepo } from '../../repos/directory-repo'
import { receptionRepo } from '../../repos/reception-repo'
import { countyManaged, requireCalendarManager } from './access'

type In<K extends keyof typeof receptionActions> = z.output<(typeof receptionActions)[K]['input']>
type SettingsView = z.output<typeof settingsView>
type StationRules = z.output<typeof stationRules>

export interface CalendarSettings {
  countyCode: string
  holidayRule: HolidayPolicy
  useAdjustedWorkdays: boolean
  reminderDaysBefore: number
}

export interface RuleEntry {
  rule: ReceptionRule
  source: 'custom' | 'seed'
}

export const todayIn = (deps: Deps) => shanghaiDateTime(deps.clock.now()).date

/** The county's settings; before staff save any, the county's holidayRule and the defaults. */
export async function loadSettings(deps: Deps, countyCode: string): Promise<CalendarSettings> {
  const saved = await receptionRepo(deps.store).settings(countyCode)
  if (saved) {
    return { countyCode, holidayRule: saved.holidayRule, useAdjustedWorkdays: saved.useAdjustedWorkdays, reminderDaysBefore: saved.reminderDaysBefore }
  }
  const county = await directoryRepo(deps.store).county(countyCode)
  const policy = HolidayPolicySchema.safeParse(county?.holidayRule)
  return {
    countyCode,
    holidayRule: policy.success ? policy.data : 'next_workday',
    useAdjustedWorkdays: false,
    reminderDaysBefore: DEFAULT_REMINDER_DAYS,
  }
}

function settingsViewOf(s: CalendarSettings): SettingsView {
  return { ...s, holidayRuleLabel: HOLIDAY_POLICY_LABELS[s.holidayRule] }
}

function seedRule(station: StationDoc): RuleEntry | null {
  if (!station.receptionRule) return null
  const parsed = ReceptionRuleSchema.safeParse(station.receptionRule)
  return parsed.success ? { rule: parsed.data, source: 'seed' } : null
}

function storedRule(doc: ReceptionRuleDoc | null | undefined): RuleEntry | null {
  if (!doc?.rule) return null
  const parsed = ReceptionRuleSchema.safeParse(doc.rule)
  return parsed.success ? { rule: parsed.data, source: 'custom' } : null
}

export interface StationRuleSet {
  inPerson: RuleEntry | null
  online: RuleEntry | null
}

function ruleSetOf(station: StationDoc, inPerson: ReceptionRuleDoc | null | undefined, online: ReceptionRuleDoc | null | undefined): StationRuleSet {
  return {
    // a stored doc, even with rule null (cleared), replaces the seed rule
    inPerson: inPerson ? storedRule(inPerson) : seedRule(station),
    online: storedRule(online),
  }
}

export async function rulesOfStation(deps: Deps, station: StationDoc): Promise<StationRuleSet> {
  const repo = receptionRepo(deps.store)
  const [inPerson, online] = await Promise.all([repo.rule(station.code, 'in_person'), repo.rule(station.code, 'online')])
  return ruleSetOf(station, inPerson, online)
}

/** Rules of many stations of one county with one query. */
export async function rulesOfStations(deps: Deps, countyCode: string, stations: readonly StationDoc[]): Promise<Map<string, StationRuleSet>> {
  const docs = await receptionRepo(deps.store).rulesOfCounty(countyCode)
  const byId = new Map(docs.map((d) => [d._id, d]))
  return new Map(stations.map((s) => [s.code, ruleSetOf(s, byId.get(`${s.code}:in_person`), byId.get(`${s.code}:online`))]))
}

const entryView = (e: RuleEntry | null) => (e ? { rule: e.rule, description: describeRule(e.rule), source: e.source } : null)

function stationRulesView(station: StationDoc, set: StationRuleSet): StationRules {
  return { stationCode: station.code, stationName: station.name, township: station.township, inPerson: entryView(set.inPerson), online: entryView(set.online) }
}

async function stationOrFail(deps: Deps, code: string): Promise<StationDoc> {
  const station = await directoryRepo(deps.store).station(code)
  if (!station) throw new AppError('station_not_found', undefined, 'stationCode')
  return station
}

/** 接待日规则: every station of the county with its rules, and the county settings. */
export const listRules: UseCase<In<'listRules'>, { settings: SettingsView; stations: StationRules[] }> = async (deps, actor, input) => {
  const manager = bindingsOf(actor).find(
    (b): b is Extract<RoleBinding, { role: 'staff' | 'admin' }> =>
      (b.role === 'staff' || b.role === 'admin') && (!input.countyCode || b.countyCode === input.countyCode),
  )
  if (!manager) throw new AppError('forbidden', '只有本县人大工作人员或管理员可以查看接待日规则')
  const countyCode = manager.countyCode
  const township = manager.role === 'staff' && manager.scope === 'township' ? manager.township : undefined
  const stations = (await directoryRepo(deps.store).stationsOfCounty(countyCode)).filter((s) => !township || s.township === township)
  const sets = await rulesOfStations(deps, countyCode, stations)
  return {
    settings: settingsViewOf(await loadSettings(deps, countyCode)),
    stations: stations.map((s) => stationRulesView(s, sets.get(s.code)!)),
  }
}

/** Sets or replaces a station's in-person or online rule; refuses a rule with no day in the coming year. */
export const setRule: UseCase<In<'setRule'>, StationRules> = async (deps, actor, input) => {
  const station = await stationOrFail(deps, input.stationCode)
  requireCalendarManager(actor, { countyCode: station.countyCode, township: station.township })
  const rule = input.rule
  if (rule.kind === 'thematic') {
    throw new AppError('validation_failed', '主题接待日是一次性活动，请通过“新建接待活动”安排，不作为站点规则', 'rule.kind')
  }
  const settings = await loadSettings(deps, station.countyCode)
  const today = todayIn(deps)
  const year = expandRule(rule, { from: today, to: addDays(today, 365), holidayPolicy: settings.holidayRule, useAdjustedWorkdays: settings.useAdjustedWorkdays })
  if (!year.ok) throw new AppError('validation_failed', year.message, 'rule')
  if (year.data.length === 0) throw new AppError('validation_failed', '该规则在今后一年内没有任何接待日，请调整规则', 'rule')
  if (station.deputyCodes.length < rule.deputiesPerSession) {
    throw new AppError(
      'validation_failed',
      `${station.name}仅有${station.deputyCodes.length}名代表，少于每次接待所需的${rule.deputiesPerSession}名`,
      'rule.deputiesPerSession',
    )
  }
  const slot = rule.kind === 'online_window' ? 'online' : 'in_person'
  await receptionRepo(deps.store).putRule({
    _id: `${station.code}:${slot}`,
    stationCode: station.code,
    countyCode: station.countyCode,
    township: station.township,
    slot,
    rule: rule as unknown as Record<string, unknown>,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.openid,
  })
  return stationRulesView(station, await rulesOfStation(deps, station))
}

/** Removes a station's in-person or online rule (the seed rule no longer applies either). */
export const clearRule: UseCase<In<'clearRule'>, StationRules> = async (deps, actor, input) => {
  const station = await stationOrFail(deps, input.stationCode)
  requireCalendarManager(actor, { countyCode: station.countyCode, township: station.township })
  await receptionRepo(deps.store).putRule({
    _id: `${station.code}:${input.slot}`,
    stationCode: station.code,
    countyCode: station.countyCode,
    township: station.township,
    slot: input.slot,
    rule: null,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.openid,
  })
  return stationRulesView(station, await rulesOfStation(deps, station))
}

/** 全县设置: holiday policy, 调休 working weekends, reminder lead time. */
export const setCountySettings: UseCase<In<'setCountySettings'>, SettingsView> = async (deps, actor, input) => {
  const countyCode = countyManaged(actor)
  const current = await loadSettings(deps, countyCode)
  const next: CalendarSettings = {
    countyCode,
    holidayRule: input.holidayRule ?? current.holidayRule,
    useAdjustedWorkdays: input.useAdjustedWorkdays ?? current.useAdjustedWorkdays,
    reminderDaysBefore: input.reminderDaysBefore ?? current.reminderDaysBefore,
  }
  await receptionRepo(deps.store).putSettings({ _id: countyCode, ...next, updatedAt: deps.clock.now().toISOString(), updatedBy: actor.openid })
  return settingsViewOf(next)
}
