import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { explain } from '../../../../lib/errors'
import { Badge, Hint } from '../../lib/ui'
import { ChipGroup } from '../../../../components/WorkForm'

type Compliance = z.output<(typeof receptionActions)['dutyCompliance']['output']>

/** 履职情况: every deputy's station days this year against the minimum; who is behind first. */
export default function ComplianceTab({ version }: { version: number }) {
  const { state: state, reload: reload } = useLoad<Compliance>(`compliance|${version}`, () => call('reception', 'dutyCompliance', {}))
  const [show, setShow] = useState<'behind' | 'all'>('behind')

  if (state.status === 'loading') {
    return (
      <View className="card" id="compliance-loading">
        <Skeleton rows={6} animated />
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="card" id="compliance-error">
        <View className="field-error">{explain(state.error, { forbidden: '履职情况只有人大工作人员可以查看' })}</View>
        <Button className="rc-block-button" type="primary" onClick={() => void reload()}>
          重新加载
        </Button>
      </View>
    )
  }
  const c = state.data
  const behind = c.items.filter((r) => r.behind)
  const short = c.items.filter((r) => r.remainingSessionsNeeded > 0)
  const rows = show === 'behind' ? behind : c.items

  return (
    <View id="compliance-tab">
      <View className="card">
        <View className="rc-tiles rc-tiles--3">
          <View className={`rc-tile ${behind.length ? 'rc-tile--accent' : ''}`} id="compliance-behind">
            <Text className="rc-tile__count">{behind.length}</Text>
            <Text className="rc-tile__label">落后于进度</Text>
          </View>
          <View className={`rc-tile ${short.length ? 'rc-tile--warn' : ''}`}>
            <Text className="rc-tile__count">{short.length}</Text>
            <Text className="rc-tile__label">未满{c.minimumPerYear}次</Text>
          </View>
          <View className="rc-tile">
            <Text className="rc-tile__count">{c.items.length}</Text>
            <Text className="rc-tile__label">代表总数</Text>
          </View>
        </View>
        <Hint>
          {c.year}年，截至{formatChineseDate(c.today)}。每位代表每年到站接待不少于{c.minimumPerYear}次，以亮码签到或工作人员补记为准；“落后”指少于按全年进度应有的次数。
        </Hint>
        <ChipGroup
          name="compliance-show"
          columns={2}
          options={[
            { value: 'behind', label: `只看落后（${behind.length}）` },
            { value: 'all', label: `全部代表（${c.items.length}）` },
          ]}
          value={show}
          onChange={setShow}
        />
      </View>
      {rows.length === 0 ? (
        <View className="card" id="compliance-empty">
          <View className="rc-empty">{show === 'behind' ? '目前没有落后于进度的代表。' : '本县（乡镇）还没有代表。'}</View>
        </View>
      ) : (
        <View className="card" id="compliance-list">
          {rows.map((r) => (
            <View className="rc-report-row" key={r.deputyCode} id={`compliance-${r.deputyCode}`}>
              <View className="rc-row">
                <Text className="rc-report-row__name">
                  {r.name}
                  {r.behind && <Badge tone="alert">落后</Badge>}
                </Text>
                <Text className={`rc-count ${r.behind ? 'rc-count--behind' : ''}`}>
                  {r.count} / {c.minimumPerYear} 次
                </Text>
              </View>
              <View className="rc-report-row__line">{r.stationNames.join('、') || '未分配站点'}</View>
              <View className="rc-report-row__line">
                {r.remainingSessionsNeeded > 0 ? `还需到站 ${r.remainingSessionsNeeded} 次` : '已完成全年次数'} · 今年还有 {r.upcomingDuties} 次值班安排
                {r.remainingSessionsNeeded > r.upcomingDuties ? '（安排不足，请增排）' : ''}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
