import { STATE_LABELS } from '@shared/domain/states'
import { bigrams, dice } from '@shared/domain/similarity'
import {
  CLUSTER_SIMILARITY_THRESHOLD,
  UNCATEGORIZED,
  categoryName,
  clusterAdvice,
  clusterAdviceText,
} from '@shared/domain/stats'
import type { z } from 'zod'
import type { clusterView } from '@shared/api/stats'
import type { UseCase } from '../../runtime/define-function'
import type { SuggestionDoc } from '../../model'
import { excerpt } from '../../views/suggestion-views'
import { OPEN_STATES } from '@shared/domain/states'
import { staffScope } from './scope'

/** Newest open items read per state, and compared per category: the work is bounded whatever the county's size. */
export const CLUSTER_ITEMS_PER_STATE = 200
export const CLUSTER_ITEMS_PER_CATEGORY = 150
const MAX_CLUSTERS = 30
const ITEMS_SHOWN = 20

type Cluster = z.infer<typeof clusterView>

/** Groups of items whose texts read alike (single link: each is similar to at least one other). */
function group(items: SuggestionDoc[], threshold: number): SuggestionDoc[][] {
  const parent = items.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const grams = items.map((d) => bigrams(d.content))
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (find(i) !== find(j) && dice(grams[i], grams[j]) >= threshold) parent[find(j)] = find(i)
    }
  }
  const groups = new Map<number, SuggestionDoc[]>()
  items.forEach((d, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), d]))
  return [...groups.values()]
}

/**
 * 专题聚类: open items of the county (or township), grouped by category and by how alike their
 * texts read, across stations. Each group of at least `minSize` comes with advice: items from two
 * or more townships → deputies file a joint 建议; within one township → a thematic reception day.
 */
export const clusters: UseCase<{ countyCode?: string; township?: string; minSize: number }, { scanned: number; clusters: Cluster[] }> = async (
  deps,
  actor,
  input,
) => {
  const { county, township } = await staffScope(deps, actor, input)
  const repo = deps.repos.stats
  const pages = await Promise.all(
    OPEN_STATES.map((state) => repo.releasedItemsInState(county.code, township, state, CLUSTER_ITEMS_PER_STATE, null)),
  )
  const open = pages.flatMap((p) => p.items)
  const byCategory = new Map<string, SuggestionDoc[]>()
  for (const d of open) {
    const key = d.categoryCode ?? UNCATEGORIZED
    byCategory.set(key, [...(byCategory.get(key) ?? []), d])
  }
  const out: Cluster[] = []
  for (const [category, docs] of byCategory) {
    const newest = docs.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, CLUSTER_ITEMS_PER_CATEGORY)
    for (const g of group(newest, CLUSTER_SIMILARITY_THRESHOLD)) {
      if (g.length < input.minSize) continue
      const stationCounts = new Map<string, { code: string; name: string; count: number }>()
      for (const d of g) {
        const s = stationCounts.get(d.stationCode) ?? { code: d.stationCode, name: d.stationName, count: 0 }
        s.count++
        stationCounts.set(d.stationCode, s)
      }
      const stations = [...stationCounts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      const townships = [...new Set(g.map((d) => d.township))].sort()
      const advice = clusterAdvice(townships)
      const topic = categoryName(category)
      const place = advice === 'joint_suggestion' ? `${county.name}${townships.length}个乡镇` : stations[0].name
      out.push({
        categoryCode: category,
        categoryLabel: topic,
        size: g.length,
        townships,
        stations,
        items: g.slice(0, ITEMS_SHOWN).map((d) => ({
          id: d._id,
          number: d.number,
          excerpt: excerpt(d.content),
          stationName: d.stationName,
          stateLabel: STATE_LABELS[d.state],
          createdAt: d.createdAt,
        })),
        advice,
        adviceText: clusterAdviceText(advice, topic, g.length, place),
      })
    }
  }
  out.sort((a, b) => b.size - a.size || a.categoryCode.localeCompare(b.categoryCode))
  return { scanned: open.length, clusters: out.slice(0, MAX_CLUSTERS) }
}
