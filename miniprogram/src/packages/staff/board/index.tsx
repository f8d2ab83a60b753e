import '../register-api'
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StationListItem } from '@shared/api/directory'
import type { QueueItem, queueInputs } from '@shared/api/suggestion-workflow'
import { CATEGORIES, type CategoryCode } from '@shared/domain/categories'
import type { z } from 'zod'
import { call } from '../../../api/client'
import QueueList, { FilterChips } from '../../../components/QueueList'
import { usePagedList } from '../../../components/usePagedList'
import { ChipGroup, FieldLabel } from '../../../components/WorkForm'
import '../../../components/Workbench.css'
import { openItem } from '../../../components/workbench'
import { type Department, loadDepartments, shortName } from '../departments'
import './index.css'
import { monthInBeijing } from '../../../lib/format'

type Filters = NonNullable<z.input<(typeof queueInputs)['dispatchBoard']>['filters']>
type ViewKey = 'escalated' | 'held' | 'overdue' | 'extension' | 'dispatched' | 'in_progress' | 'resolved' | 'all'

/** The board's quick views; each is one set of dispatchBoard filters. */
const VIEWS: Record<ViewKey, { label: string; filters: Filters; empty: string }> = {
  escalated: { label: '待派单', filters: { state: 'escalated' }, empty: '没有待派单的事项' },
  held: { label: '待审核', filters: { moderation: 'held' }, empty: '没有待审核的内容' },
  overdue: { label: '超期督办', filters: { overdue: true }, empty: '没有超期的事项' },
  extension: { label: '延期审批', filters: { extensionPending: true }, empty: '没有待审批的延期申请' },
  dispatched: { label: '已派单', filters: { state: 'dispatched' }, empty: '没有已派单待签收的事项' },
  in_progress: { label: '办理中', filters: { state: 'in_progress' }, empty: '没有办理中的事项' },
  resolved: { label: '已销单', filters: { state: 'resolved' }, empty: '没有待验单的事项' },
  all: { label: '全部', filters: {}, empty: '还没有事项' },
}
const ORDER: ViewKey[] = ['escalated', 'held', 'overdue', 'extension', 'dispatched', 'in_progress', 'resolved', 'all']

interface Extra {
  categoryCode?: CategoryCode
  departmentCode?: string
  township?: string
  stationCode?: string
}

interface Scope {
  countyCode: string
  countyName: string
  /** township staff see only their township */
  township: string | null
  overdueNow: number
}


/**
 * 派单台: the county's (or township's) items by quick view — 待派单, 待审核, 超期督办, 延期审批 … —
 * narrowed further by category, department, township and station.
 */
export default function StaffBoard() {
  const [view, setView] = useState<ViewKey>('escalated')
  const [extra, setExtra] = useState<Extra>({})
  const [showFilters, setShowFilters] = useState(false)
  const [scope, setScope] = useState<Scope | null>(null)
  const [stations, setStations] = useState<StationListItem[]>([])
  const [departments, setDepartments] = useState<Department[]>([])

  useEffect(() => {
    // The staff member's county and scope (and the overdue count) come with the month's overview.
    const month = monthInBeijing()
    call('stats', 'overview', { from: month, to: month })
      .then((o) => {
        setScope({ countyCode: o.countyCode, countyName: o.countyName, township: o.township, overdueNow: o.overdueNow })
        void loadDepartments(o.countyCode).then(setDepartments, () => setDepartments([]))
        return call('directory', 'listStations', { countyCode: o.countyCode })
      })
      .then((res) => setStations(res.items))
      .catch(() => {
        /* filters by place stay hidden; the board itself still works */
      })
  }, [])

  const key = `${view}|${JSON.stringify(extra)}`
  const list = usePagedList<QueueItem>(key, async (cursor) => {
    const filters: Filters = { ...VIEWS[view].filters, ...extra }
    return call('suggestion', 'dispatchBoard', { filters, cursor, limit: 20 })
  })

  const townships = [...new Set(stations.map((s) => s.township))]
  const active = Object.values(extra).filter(Boolean).length
  const toggle = <K extends keyof Extra>(k: K, v: Extra[K]) => setExtra((e) => ({ ...e, [k]: e[k] === v ? undefined : v }))

  return (
    <View className="page staff-board" id="staff-board">
      <View className="work-head">
        <View className="work-head__title">派单台</View>
        <View className="work-head__sub">
          {scope ? `${scope.countyName}${scope.township ? ` · ${scope.township}` : ''}` : '人大常委会代表工作委员会'}
          {scope && scope.overdueNow > 0 ? ` · 当前超期 ${scope.overdueNow} 件` : ''}
        </View>
        <View className="board-links">
          <Text className="board-link" id="link-dashboard" onClick={() => void Taro.navigateTo({ url: '/packages/stats/dashboard/index' })}>
            统计看板 ›
          </Text>
          <Text className="board-link" id="link-evaluation" onClick={() => void Taro.navigateTo({ url: '/packages/stats/evaluation/index' })}>
            年度评议通报 ›
          </Text>
        </View>
      </View>

      <FilterChips
        name="view"
        options={ORDER.map((k) => ({ value: k, label: VIEWS[k].label, count: k === 'overdue' ? scope?.overdueNow : undefined }))}
        value={view}
        onChange={setView}
      />

      <View className="board-filter-bar">
        <View className="board-filter-toggle" id="filter-toggle" onClick={() => setShowFilters((v) => !v)}>
          {showFilters ? '收起筛选' : '更多筛选'}
          {active > 0 && <Text className="filter-chip__count">{active}</Text>}
        </View>
        {active > 0 && (
          <View className="board-filter-clear" id="filter-clear" onClick={() => setExtra({})}>
            清除筛选
          </View>
        )}
      </View>

      {showFilters && (
        <View className="card board-filters" id="board-filters">
          <FieldLabel>类别</FieldLabel>
          <ChipGroup name="f-category" options={CATEGORIES.map((c) => ({ value: c.code, label: c.label }))} value={extra.categoryCode} onChange={(v) => toggle('categoryCode', v)} />
          {departments.length > 0 && (
            <View>
              <FieldLabel>承办单位</FieldLabel>
              <ChipGroup
                name="f-department"
                columns={2}
                options={departments.map((d) => ({ value: d.code, label: shortName(d.name) }))}
                value={extra.departmentCode}
                onChange={(v) => toggle('departmentCode', v)}
              />
            </View>
          )}
          {!scope?.township && townships.length > 1 && (
            <View>
              <FieldLabel>乡镇</FieldLabel>
              <ChipGroup name="f-township" options={townships.map((t) => ({ value: t, label: t }))} value={extra.township} onChange={(v) => toggle('township', v)} />
            </View>
          )}
          {stations.length > 0 && (
            <View>
              <FieldLabel>联络站</FieldLabel>
              <ChipGroup
                name="f-station"
                columns={2}
                options={stations
                  .filter((s) => !extra.township || s.township === extra.township)
                  .map((s) => ({ value: s.code, label: s.name }))}
                value={extra.stationCode}
                onChange={(v) => toggle('stationCode', v)}
              />
            </View>
          )}
        </View>
      )}

      <QueueList
        state={list.state}
        onOpen={(item) => openItem('/packages/staff/item/index', item.id)}
        onRetry={() => void list.refresh(false)}
        onMore={() => void list.loadMore()}
        empty={{ title: VIEWS[view].empty, description: active > 0 ? '可清除筛选条件后再看' : '下拉可刷新' }}
      />
    </View>
  )
}
