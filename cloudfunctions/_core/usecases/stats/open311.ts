import type { Open311Request } from '@shared/api/stats'
import { CATEGORIES } from '@shared/domain/categories'
import { STATE_LABELS } from '@shared/domain/states'
import {
  OPEN311_CLOSED_STATES,
  OPEN311_OPEN_STATES,
  UNCATEGORIZED,
  categoryName,
  open311Status,
} from '@shared/domain/stats'
import { RESOLUTION_OUTCOME_LABELS } from '@shared/domain/transitions'
import { AppError } from '@shared/errors'
import type { UseCase } from '../../runtime/define-function'
import type { SuggestionDoc } from '../../model'

/** W3C date-time in Beijing time, as Open311 examples write it (2010-04-14T06:37:38-08:00). */
export function w3c(iso: string): string {
  const t = Date.parse(iso)
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
}

function statusNotes(d: SuggestionDoc): string {
  const label = STATE_LABELS[d.state]
  if (d.state === 'merged') return `${label}：与其他群众反映的同一问题合并办理`
  if (d.resolution && (d.state === 'resolved' || d.state === 'verified')) return `${label}：${RESOLUTION_OUTCOME_LABELS[d.resolution.outcome]}`
  if (d.state === 'answered' || (d.state === 'verified' && d.answer)) return `${label}：代表已当场答复`
  if (d.state === 'escalated') return `${label}：${d.escalationTarget === 'township' ? '已提交乡镇人大主席团' : '已提交县人大常委会'}`
  return label
}

/**
 * One item in GeoReport v2 terms. Personal data never leaves: no content text (it may name
 * people), no submitter, contact, photos or the resident's own location — `address` is the
 * liaison station where the concern was filed. The id is the public item number.
 */
export function open311View(d: SuggestionDoc, stationAddress: string | null): Open311Request {
  const status = open311Status(d.state)
  return {
    service_request_id: d.number,
    status,
    status_notes: statusNotes(d),
    service_name: categoryName(d.categoryCode ?? UNCATEGORIZED),
    service_code: d.categoryCode ?? UNCATEGORIZED,
    agency_responsible: d.departmentName ?? d.stationName,
    service_notice: null,
    requested_datetime: w3c(d.createdAt),
    updated_datetime: w3c(d.updatedAt),
    expected_datetime: status === 'open' && d.deadline ? `${d.deadline}T23:59:59+08:00` : null,
    address: stationAddress ? `${d.stationName}（${stationAddress}）` : d.stationName,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  }
}

type Token = { s: number; c: string | null }

const encodeToken = (t: Token) => Buffer.from(JSON.stringify(t), 'utf8').toString('base64url')
function decodeToken(raw: string | undefined, states: number): Token {
  if (!raw) return { s: 0, c: null }
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Token
    if (Number.isInteger(t.s) && t.s >= 0 && t.s < states && (t.c === null || typeof t.c === 'string')) return t
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'page_token 无效', 'pageToken')
}

/**
 * GeoReport v2 `GET requests.json`, read-only and public: items of a county that passed content
 * review, open or closed, newest change first within each state. Pages with an opaque token
 * (the state being read and the store's keyset cursor); withdrawn items and individual legal
 * matters (转法定途径) are never exported.
 */
export const open311Requests: UseCase<
  { countyCode: string; status?: 'open' | 'closed'; pageSize: number; pageToken?: string },
  { items: Open311Request[]; nextPageToken: string | null }
> = async (deps, _actor, input) => {
  const county = await deps.repos.directory.county(input.countyCode)
  if (!county) throw new AppError('not_found', '县（区）不存在', 'countyCode')
  const states =
    input.status === 'open' ? OPEN311_OPEN_STATES : input.status === 'closed' ? OPEN311_CLOSED_STATES : [...OPEN311_OPEN_STATES, ...OPEN311_CLOSED_STATES]
  const repo = deps.repos.stats
  let token = decodeToken(input.pageToken, states.length)
  const docs: SuggestionDoc[] = []
  let next: string | null = null
  while (docs.length < input.pageSize) {
    const page = await repo.releasedItemsInState(county.code, null, states[token.s], input.pageSize - docs.length, token.c)
    docs.push(...page.items)
    if (page.nextCursor) token = { s: token.s, c: page.nextCursor }
    else if (token.s + 1 < states.length) token = { s: token.s + 1, c: null }
    else {
      token = { s: states.length, c: null }
      break
    }
  }
  if (token.s < states.length) next = encodeToken(token)
  const stations = await repo.stations([...new Set(docs.map((d) => d.stationCode))])
  const addresses = new Map(stations.map((s) => [s.code, s.address]))
  return { items: docs.map((d) => open311View(d, addresses.get(d.stationCode) ?? null)), nextPageToken: next }
}

/** GeoReport v2 `GET services.json`: the categories items are filed under. */
export const open311Services: UseCase<{ countyCode?: string }, { items: Array<{ service_code: string; service_name: string; description: string; metadata: boolean; type: 'realtime'; keywords: string; group: string }> }> =
  async () => ({
    items: [...CATEGORIES.map((c) => ({ code: c.code as string, label: c.label as string })), { code: UNCATEGORIZED, label: '未分类' }].map((c) => ({
      service_code: c.code,
      service_name: c.label,
      description: c.code === UNCATEGORIZED ? '尚未由代表分类的意见建议' : `群众向人大代表联络站反映的“${c.label}”方面的意见建议`,
      metadata: false,
      type: 'realtime' as const,
      keywords: c.label,
      group: '人大代表联络站意见建议',
    })),
  })
