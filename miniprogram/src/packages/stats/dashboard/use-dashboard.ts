import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { BreakdownView, OverviewView } from '@shared/api/stats'
import { call } from '../../../api/client'
import { useLoad } from '../../../lib/use-load'
import type { DepartmentMetric } from '../lib/chart-options'
import { beijingYear, periodProblem, recentMonths, yearPeriod, type Period } from '../lib/period'
import type { Cluster } from './ClustersCard'

export type PeriodKey = `y${number}` | 'm3' | 'm12' | 'custom'

export interface DashboardData {
  overview: OverviewView
  months: BreakdownView
  categories: BreakdownView
  departments: BreakdownView
  deputies: BreakdownView
}

function periodOf(key: PeriodKey, custom: Period): Period {
  if (key === 'm3') return recentMonths(3)
  if (key === 'm12') return recentMonths(12)
  if (key === 'custom') return custom
  return yearPeriod(Number(key.slice(1)))
}

/**
 * What the dashboard shows and for which period and scope: the figures of the period (overview and
 * four breakdowns), the county's townships (county staff only), the topic clusters; pull-down
 * reloads the figures and the clusters.
 */
export function useDashboard() {
  const router = useRouter()
  const thisYear = beijingYear()
  const [periodKey, setPeriodKey] = useState<PeriodKey>(`y${Number(router.params.year) || thisYear}`)
  const [custom, setCustom] = useState<Period>(recentMonths(3))
  const [township, setTownship] = useState<string | null>(router.params.township ? decodeURIComponent(router.params.township) : null)
  const [metric, setMetric] = useState<DepartmentMetric>('resolutionRate')

  const period = periodOf(periodKey, custom)
  const problem = periodProblem(period)
  const scopeArgs = township ? { township } : {}
  const key = problem ? null : `${period.from}|${period.to}|${township ?? '*'}`

  const { state, reload } = useLoad<DashboardData>(key, async () => {
    const args = { from: period.from, to: period.to, ...scopeArgs }
    const [overview, months, categories, departments, deputies] = await Promise.all([
      call('stats', 'overview', args),
      call('stats', 'breakdown', { ...args, dimension: 'month' }),
      call('stats', 'breakdown', { ...args, dimension: 'category' }),
      call('stats', 'breakdown', { ...args, dimension: 'department' }),
      call('stats', 'breakdown', { ...args, dimension: 'deputy' }),
    ])
    return { overview, months, categories, departments, deputies }
  })
  // the county's townships (county staff only: township staff are held to their own)
  const { state: townships } = useLoad<string[]>('townships', async () => {
    const y = yearPeriod(thisYear)
    const b = await call('stats', 'breakdown', { from: y.from, to: y.to, dimension: 'township' })
    return b.township ? [] : b.rows.map((r) => r.key)
  })
  const { state: clusters, reload: reloadClusters } = useLoad<{ scanned: number; clusters: Cluster[] }>(`clusters|${township ?? '*'}`, () =>
    call('stats', 'clusters', { ...scopeArgs, minSize: 2 }),
  )

  usePullDownRefresh(() => {
    void Promise.all([reload(), reloadClusters()]).finally(() => Taro.stopPullDownRefresh())
  })

  return { periodKey, setPeriodKey, custom, setCustom, township, setTownship, metric, setMetric, period, problem, state, reload, townships, clusters, reloadClusters }
}
