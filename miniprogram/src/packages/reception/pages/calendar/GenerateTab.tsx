import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { generateReport } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { explain } from '../../../../lib/errors'
import { DateField, StationSelect, type StationChoice } from '../../lib/fields'
import { Hint, Notice } from '../../lib/ui'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'

type Report = z.output<typeof generateReport>
type Months = '1' | '3' | '6' | '12'

/** 生成接待日: expand the rules over 1–12 months on real holidays and show what happened. */
export default function GenerateTab({ stations, onShow }: { stations: StationChoice[]; onShow: (stationCode: string | null) => void }) {
  const [stationCode, setStationCode] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [months, setMonths] = useState<Months>('3')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<(Report & { stationCode: string | null }) | null>(null)

  const generate = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const out = await call('reception', 'generateSessions', {
        ...(stationCode ? { stationCode } : {}),
        ...(from ? { from } : {}),
        months: Number(months),
      })
      setReport({ ...out, stationCode })
    } catch (err) {
      setError(explain(err, { forbidden: '只有本县（本乡镇）人大工作人员可以生成接待日', station_not_found: '站点不存在，请重新选择' }))
    } finally {
      setBusy(false)
    }
  }

  const notable = report ? report.stations.filter((s) => s.created || s.refreshed || s.removed || s.unconfirmed || s.notes.length || s.skipped) : []
  const quiet = report ? report.stations.length - notable.length : 0

  return (
    <View id="generate-tab">
      <View className="card">
        <FieldLabel>站点</FieldLabel>
        <StationSelect name="gen-station" stations={stations} value={stationCode} allLabel="全部站点" onChange={setStationCode} />
        <FieldLabel>开始日期</FieldLabel>
        <DateField name="gen-from" value={from} onChange={setFrom} emptyLabel="从今天起" />
        <FieldLabel>生成时段</FieldLabel>
        <ChipGroup
          name="gen-months"
          columns={4}
          options={[
            { value: '1', label: '1个月' },
            { value: '3', label: '3个月' },
            { value: '6', label: '6个月' },
            { value: '12', label: '12个月' },
          ]}
          value={months}
          onChange={setMonths}
        />
        <Hint>按各站规则和真实节假日（含调休）排定日期并轮流安排代表。重复生成不会产生重复活动，工作人员改过的活动不会被覆盖。</Hint>
        <FieldError message={error} id="generate-error" />
        <Button className="rc-block-button" type="primary" loading={busy} disabled={busy} onClick={() => void generate()} id="generate-button">
          生成接待日
        </Button>
      </View>

      {report && (
        <View className="card" id="generate-report">
          <FieldLabel>生成结果</FieldLabel>
          <View className="rc-hint">
            {formatChineseDate(report.from, true)} 至 {formatChineseDate(report.to, true)}
          </View>
          <View className="rc-tiles rc-tiles--3">
            <View className="rc-tile rc-tile--accent" id="report-created">
              <Text className="rc-tile__count">{report.created}</Text>
              <Text className="rc-tile__label">新增</Text>
            </View>
            <View className="rc-tile">
              <Text className="rc-tile__count">{report.existing}</Text>
              <Text className="rc-tile__label">已有</Text>
            </View>
            <View className={`rc-tile ${report.unconfirmed ? 'rc-tile--warn' : ''}`} id="report-unconfirmed">
              <Text className="rc-tile__count">{report.unconfirmed}</Text>
              <Text className="rc-tile__label">待确认</Text>
            </View>
            <View className="rc-tile">
              <Text className="rc-tile__count">{report.refreshed}</Text>
              <Text className="rc-tile__label">日期调整</Text>
            </View>
            <View className="rc-tile">
              <Text className="rc-tile__count">{report.removed}</Text>
              <Text className="rc-tile__label">规则变化移除</Text>
            </View>
            <View className={`rc-tile ${report.stations.some((s) => s.skipped) ? 'rc-tile--warn' : ''}`}>
              <Text className="rc-tile__count">{report.stations.filter((s) => s.skipped).length}</Text>
              <Text className="rc-tile__label">未能排班站点</Text>
            </View>
          </View>
          {report.unconfirmed > 0 && <Notice tone="warn">有 {report.unconfirmed} 场所在年份的节假日安排尚未公布，日期待确认；公布后请在接待安排中确认或调整。</Notice>}
          <View id="report-stations">
            {notable.map((s) => (
              <View className="rc-report-row" key={s.stationCode} id={`report-${s.stationCode}`}>
                <View className="rc-report-row__name">{s.stationName}</View>
                {s.skipped ? (
                  <View className="rc-report-row__skip">未生成：{s.skipped}</View>
                ) : (
                  <View className="rc-report-row__line">
                    新增 {s.created} 场 · 已有 {s.existing} 场
                    {s.refreshed ? ` · 调整 ${s.refreshed} 场` : ''}
                    {s.removed ? ` · 移除 ${s.removed} 场` : ''}
                    {s.unconfirmed ? ` · 待确认 ${s.unconfirmed} 场` : ''}
                  </View>
                )}
                {s.notes.map((n, i) => (
                  <View className="rc-report-row__note" key={i}>
                    {n}
                  </View>
                ))}
              </View>
            ))}
            {quiet > 0 && <View className="rc-report-row__line">其余 {quiet} 个站点的安排已是最新，没有变化。</View>}
          </View>
          <Button className="rc-block-button" fill="outline" type="primary" onClick={() => onShow(report.stationCode)} id="report-show">
            查看接待安排
          </Button>
        </View>
      )}
    </View>
  )
}
