/**
 * 站点二维码: the standing code of every active station of the admin's county, to print.
 *
 * Cost: in CloudBase each code is one wxacode.getUnlimited call (a few hundred ms, and WeChat
 * rate-limits it). A station's code never changes (scene = station code, page = the station page),
 * so `cachedMiniCode` keeps each image for the life of the function instance and asks WeChat for
 * at most CODE_CONCURRENCY codes at a time; a county of 30 stations costs 30 calls once per warm
 * instance, then none. The local QR code is computed in microseconds and needs no cache.
 */
import type { ActionOutput } from '@shared/api'
import { STATION_KIND_LABELS } from '@shared/domain/stations'
import type { Deps } from '../../../ports'
import type { UseCase } from '../../../runtime/define-function'
import type { CodeImage, MiniCodePort } from '../../reception/ports'
import { mapLimit } from '@shared/map-limit'
import { adminCounty } from './change-log'

/** WeChat codes asked for at once. */
export const CODE_CONCURRENCY = 4

/** The port with each station's image remembered (a failed call is not remembered). */
export function cachedMiniCode(port: MiniCodePort): MiniCodePort {
  const cache = new Map<string, Promise<CodeImage>>()
  return {
    stationCode(code) {
      let hit = cache.get(code)
      if (!hit) {
        hit = port.stationCode(code)
        cache.set(code, hit)
        hit.catch(() => cache.delete(code))
      }
      return hit
    },
  }
}

/** The `stationCodes` action; `miniCode` as the reception function's poster gets it. */
export function stationCodes(miniCode: (deps: Deps) => MiniCodePort): UseCase<Record<string, never>, ActionOutput<'directory', 'stationCodes'>> {
  return async (deps, actor) => {
    const countyCode = adminCounty(actor, 'view_directory')
    const [county, stations] = await Promise.all([deps.repos.directory.county(countyCode), deps.repos.countyAdmin.stationsOf(countyCode)])
    const active = stations.filter((s) => s.active !== false).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    const port = miniCode(deps)
    const cards = await mapLimit(active, CODE_CONCURRENCY, async (s) => ({
      code: s.code,
      name: s.name,
      kindLabel: STATION_KIND_LABELS[s.kind],
      township: s.township,
      address: s.address,
      image: await port.stationCode(s.code),
    }))
    return { countyName: county?.name ?? '', stations: cards }
  }
}
