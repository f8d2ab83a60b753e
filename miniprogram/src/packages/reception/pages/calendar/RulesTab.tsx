import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { HOLIDAY_POLICIES, HOLIDAY_POLICY_LABELS, type HolidayPolicy } from '@shared/domain/reception/rules'
import { call } from '../../../../api/client'
import { explain } from '../../../../lib/errors'
import { PKG, go } from '../../lib/links'
import { Hint, Notice, Stepper } from '../../lib/ui'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'

export type RulesData = z.output<(typeof receptionActions)['listRules']['output']>
type Entry = RulesData['stations'][number]['inPerson']

const HOLIDAY_HINTS: Record<HolidayPolicy, string> = {
  next_workday: '如国庆假期内的接待日改到节后第一个工作日',
  previous_workday: '改到节前最后一个工作日',
  skip: '这一次不补，下次照常',
}

/** 规则设置: the county settings and each station's in-person and online rules. */
export default function RulesTab({ data, onChanged }: { data: RulesData; onChanged: () => void }) {
  const [holidayRule, setHolidayRule] = useState<HolidayPolicy>(data.settings.holidayRule)
  const [adjusted, setAdjusted] = useState(data.settings.useAdjustedWorkdays)
  const [days, setDays] = useState(data.settings.reminderDaysBefore)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    setHolidayRule(data.settings.holidayRule)
    setAdjusted(data.settings.useAdjustedWorkdays)
    setDays(data.settings.reminderDaysBefore)
  }, [data.settings])

  const dirty = holidayRule !== data.settings.holidayRule || adjusted !== data.settings.useAdjustedWorkdays || days !== data.settings.reminderDaysBefore

  const save = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      await call('reception', 'setCountySettings', { holidayRule, useAdjustedWorkdays: adjusted, reminderDaysBefore: days })
      setSaved(true)
      onChanged()
    } catch (err) {
      setError(explain(err, { forbidden: '全县设置只有县人大工作人员或管理员可以修改' }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id="rules-tab">
      <View className="section-title">
        <Text>全县设置</Text>
      </View>
      <View className="card" id="county-settings">
        <FieldLabel>接待日遇法定节假日</FieldLabel>
        <ChipGroup
          name="holiday-rule"
          columns={1}
          options={HOLIDAY_POLICIES.map((p) => ({ value: p, label: HOLIDAY_POLICY_LABELS[p], hint: HOLIDAY_HINTS[p] }))}
          value={holidayRule}
          onChange={setHolidayRule}
        />
        <FieldLabel>调休上班的周末</FieldLabel>
        <ChipGroup
          name="adjusted"
          columns={2}
          options={[
            { value: 'no', label: '不安排接待' },
            { value: 'yes', label: '可安排接待' },
          ]}
          value={adjusted ? 'yes' : 'no'}
          onChange={(v) => setAdjusted(v === 'yes')}
        />
        <FieldLabel>提前提醒代表</FieldLabel>
        <Stepper name="reminder-days" value={days} min={1} max={14} unit="天（另在前1天再提醒）" onChange={setDays} />
        <Hint>修改节假日规则后，请到“生成”重新生成：未经人工修改的将来接待日会随之调整。</Hint>
        <FieldError message={error} id="settings-error" />
        {saved && !dirty && <Notice tone="ok">全县设置已保存</Notice>}
        <Button className="rc-block-button" type="primary" disabled={!dirty || busy} loading={busy} onClick={() => void save()} id="save-settings">
          保存全县设置
        </Button>
      </View>

      <View className="section-title">
        <Text>各站点规则</Text>
        <Text className="section-title__extra">{data.stations.length} 个站点</Text>
      </View>
      {data.stations.map((s) => (
        <View className="card" key={s.stationCode} id={`rules-${s.stationCode}`}>
          <View className="rc-report-row__name">{s.stationName}</View>
          <View className="rc-hint">
            {s.township} · {s.stationCode}
          </View>
          <RuleRow title="到站接待" entry={s.inPerson} empty="未设置，不生成到站接待日" onEdit={() => go(`${PKG}/rule/index?station=${s.stationCode}&slot=in_person`)} id={`edit-${s.stationCode}-in_person`} />
          <RuleRow title="网上接待" entry={s.online} empty="未开设网上代表接待日" onEdit={() => go(`${PKG}/rule/index?station=${s.stationCode}&slot=online`)} id={`edit-${s.stationCode}-online`} />
        </View>
      ))}
    </View>
  )
}

function RuleRow({ title, entry, empty, onEdit, id }: { title: string; entry: Entry; empty: string; onEdit: () => void; id: string }) {
  return (
    <View className="rc-rule-row">
      <View className="rc-rule-row__text">
        <Text className="rc-rule-row__kind">
          {title}
          {entry && ` · ${entry.source === 'seed' ? '初始规则' : '已自定义'}`}
        </Text>
        {entry ? <Text>{entry.description}</Text> : <Text className="rc-empty">{empty}</Text>}
      </View>
      <View className="rc-rule-row__edit" id={id} onClick={onEdit}>
        {entry ? '修改' : '设置'}
      </View>
    </View>
  )
}

