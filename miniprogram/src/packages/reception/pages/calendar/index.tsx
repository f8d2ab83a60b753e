import '../../register-api'
import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import type { StationChoice } from '../../lib/fields'
import { ErrorState, LoadingCards } from '../../lib/ui'
import ComplianceTab from './ComplianceTab'
import GenerateTab from './GenerateTab'
import RulesTab, { type RulesData } from './RulesTab'
import SessionsTab, { type SessionFilter } from './SessionsTab'
import '../../lib/reception.css'

type Tab = 'sessions' | 'generate' | 'rules' | 'compliance'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'sessions', label: '接待安排' },
  { key: 'generate', label: '生成' },
  { key: 'rules', label: '规则设置' },
  { key: 'compliance', label: '履职情况' },
]

/**
 * 接待日管理 (人大工作人员): the county's (or township's) sessions by station and month with edit,
 * generating a horizon from the rules with its report, per-station rules and county settings, and
 * who is behind on the two station days a year.
 */
export default function CalendarPage() {
  const [tab, setTab] = useState<Tab>('sessions')
  const [filter, setFilter] = useState<SessionFilter>({ stationCode: null, month: null })
  // bumped when the page shows again (back from an edit) or is pulled down: the tabs reload
  const [version, setVersion] = useState(0)
  const { state: rules, reload: reloadRules } = useLoad<RulesData>('rules', () => call('reception', 'listRules', {}))
  const shown = useRef(false)

  useDidShow(() => {
    if (shown.current) {
      setVersion((v) => v + 1)
      void reloadRules()
    }
    shown.current = true
  })
  usePullDownRefresh(() => {
    setVersion((v) => v + 1)
    void reloadRules().finally(() => Taro.stopPullDownRefresh())
  })

  if (rules.status === 'loading') return <LoadingCards id="calendar-loading" cards={3} />
  if (rules.status === 'error') {
    const e = rules.error
    return (
      <ErrorState
        id="calendar-error"
        title={e.code === 'forbidden' ? '只有人大工作人员可以管理接待日' : '暂时无法打开接待日管理'}
        message={e.code === 'forbidden' ? '接待日的规则、排班和履职情况由县（乡镇）人大工作人员管理。' : e.message}
        network={e.code === 'network_error'}
        onRetry={e.code === 'forbidden' ? undefined : () => void reloadRules()}
      />
    )
  }
  const data = rules.data
  const stations: StationChoice[] = data.stations.map((s) => ({ stationCode: s.stationCode, stationName: s.stationName, township: s.township }))
  const townships = [...new Set(stations.map((s) => s.township))]
  const scope = townships.length === 1 ? townships[0] : `${townships.length}个乡镇`

  return (
    <View className="page rc-page" id="calendar-page">
      <View className="rc-head">
        <View className="rc-head__title">接待日管理</View>
        <View className="rc-head__sub">
          {scope} · {stations.length}个站点 · 节假日{data.settings.holidayRuleLabel}
        </View>
      </View>
      <View className="rc-tabs" id="calendar-tabs">
        {TABS.map((t) => (
          <View key={t.key} className={`rc-tab ${tab === t.key ? 'rc-tab--on' : ''}`} id={`tab-${t.key}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {tab === 'sessions' && <SessionsTab stations={stations} filter={filter} onFilter={setFilter} />}
      {tab === 'generate' && (
        <GenerateTab
          stations={stations}
          onShow={(stationCode) => {
            setFilter({ stationCode, month: null })
            setTab('sessions')
          }}
        />
      )}
      {tab === 'rules' && <RulesTab data={data} onChanged={() => void reloadRules()} />}
      {tab === 'compliance' && <ComplianceTab version={version} />}
    </View>
  )
}
