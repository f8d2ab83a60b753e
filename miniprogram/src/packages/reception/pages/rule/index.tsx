import '../../register-api'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { WEEKDAY_LABELS, formatChineseDate } from '@shared/domain/reception/dates'
import { FIRST_WEEK_DEFINITIONS, type FirstWeekDefinition, type ReceptionRule, type ReceptionRuleInput } from '@shared/domain/reception/rules'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { explain } from '../../../../lib/errors'
import { DateField, TimeField } from '../../lib/fields'
import { ErrorState, Hint, LoadingCards, Notice, Stepper } from '../../lib/ui'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'
import '../../lib/reception.css'

type Slot = 'in_person' | 'online'
type Kind = 'weekly' | 'monthly_first_week' | 'online_weekly' | 'online_dates'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: WEEKDAY_LABELS[n] }))
const FIRST_WEEK: Record<FirstWeekDefinition, { label: string; hint: string }> = {
  first_weekday_of_month: { label: '当月第一个该星期几', hint: '即1日至7日之间的那一天（默认）' },
  week_containing_first: { label: '1日所在那一周的该星期几', hint: '1日是周六、周日时，落在上月末，仍算本月的接待日' },
}

interface Form {
  kind: Kind
  weekday: string
  firstWeek: FirstWeekDefinition
  dates: string[]
  deputies: number
  startTime: string
  endTime: string
  note: string
}

function formOf(slot: Slot, rule: ReceptionRule | null): Form {
  const base: Form =
    slot === 'online'
      ? { kind: 'online_weekly', weekday: '3', firstWeek: 'first_weekday_of_month', dates: [], deputies: 1, startTime: '19:00', endTime: '21:00', note: '' }
      : { kind: 'weekly', weekday: '2', firstWeek: 'first_weekday_of_month', dates: [], deputies: 2, startTime: '09:00', endTime: '12:00', note: '' }
  if (!rule) return base
  const common = { deputies: rule.deputiesPerSession, startTime: rule.startTime, endTime: rule.endTime, note: rule.note ?? '' }
  switch (rule.kind) {
    case 'weekly':
      return { ...base, ...common, kind: 'weekly', weekday: String(rule.weekday) }
    case 'monthly_first_week':
      return { ...base, ...common, kind: 'monthly_first_week', weekday: String(rule.weekday), firstWeek: rule.firstWeekDefinition }
    case 'online_window':
      return rule.dates
        ? { ...base, ...common, kind: 'online_dates', dates: [...rule.dates] }
        : { ...base, ...common, kind: 'online_weekly', weekday: String(rule.weekday ?? 3) }
    default:
      return base
  }
}

function ruleOf(f: Form): ReceptionRuleInput {
  const common = { deputiesPerSession: f.deputies, startTime: f.startTime, endTime: f.endTime, ...(f.note.trim() ? { note: f.note.trim() } : {}) }
  switch (f.kind) {
    case 'weekly':
      return { kind: 'weekly', weekday: Number(f.weekday), ...common }
    case 'monthly_first_week':
      return { kind: 'monthly_first_week', weekday: Number(f.weekday), firstWeekDefinition: f.firstWeek, ...common }
    case 'online_weekly':
      return { kind: 'online_window', weekday: Number(f.weekday), ...common }
    case 'online_dates':
      return { kind: 'online_window', dates: [...f.dates].sort(), ...common }
  }
}

/** One station's in-person rule (每周 / 每月第一周 “1·1·5”) or online window (网上代表接待日). */
export default function RulePage() {
  const router = useRouter()
  const stationCode = (router.params.station ?? '').toUpperCase()
  const slot: Slot = router.params.slot === 'online' ? 'online' : 'in_person'
  const { state: state, reload: reload } = useLoad(stationCode || null, () => call('reception', 'listRules', {}))
  const [form, setForm] = useState<Form | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const station = state.status === 'ready' ? state.data.stations.find((s) => s.stationCode === stationCode) : undefined
  const entry = station ? (slot === 'online' ? station.online : station.inPerson) : null

  useEffect(() => {
    if (station && !form) setForm(formOf(slot, entry?.rule ?? null))
  }, [station, entry, form, slot])

  if (!stationCode) return <ErrorState id="rule-error" title="没有指定站点" message="请从“接待日管理—规则设置”进入。" />
  if (state.status === 'loading' || (station && !form)) return <LoadingCards id="rule-loading" />
  if (state.status === 'error') {
    return <ErrorState id="rule-error" title="暂时无法打开规则" message={explain(state.error, { forbidden: '只有本县人大工作人员或管理员可以设置接待日规则' })} onRetry={() => void reload()} />
  }
  if (!station || !form) return <ErrorState id="rule-error" title="站点不存在" message={`本县（乡镇）没有编号为 ${stationCode} 的站点。`} />

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v })

  const save = async () => {
    if (busy) return
    if (form.kind === 'online_dates' && form.dates.length === 0) {
      setError('请至少添加一个日期')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await call('reception', 'setRule', { stationCode, rule: ruleOf(form) })
      void Taro.showToast({ title: '规则已保存', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (err) {
      setError(explain(err, { forbidden: '只有本县人大工作人员或管理员可以设置接待日规则' }))
    } finally {
      setBusy(false)
    }
  }

  const clear = async () => {
    const ok = await Taro.showModal({
      title: slot === 'online' ? '取消网上接待' : '取消到站接待规则',
      content: '取消后不再按规则生成新的接待日，已生成的不受影响。',
      confirmText: '确定取消',
      cancelText: '保留',
    })
    if (!ok.confirm) return
    setBusy(true)
    setError(null)
    try {
      await call('reception', 'clearRule', { stationCode, slot })
      void Taro.showToast({ title: '已取消该规则', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (err) {
      setError(explain(err))
    } finally {
      setBusy(false)
    }
  }

  const kinds =
    slot === 'online'
      ? [
          { value: 'online_weekly' as Kind, label: '每周固定', hint: '如每周三晚上' },
          { value: 'online_dates' as Kind, label: '指定日期', hint: '逐个添加' },
        ]
      : [
          { value: 'weekly' as Kind, label: '每周一次', hint: '如修武每周二' },
          { value: 'monthly_first_week' as Kind, label: '每月第一周', hint: '如临颍“1·1·5”' },
        ]

  return (
    <View className="page rc-page" id="rule-page">
      <View className="rc-head">
        <View className="rc-head__title">{slot === 'online' ? '网上代表接待日' : '到站接待规则'}</View>
        <View className="rc-head__sub">
          {station.stationName} · {station.township}
        </View>
        {entry && (
          <Notice tone="info">
            现行：{entry.description}（{entry.source === 'seed' ? '初始规则' : '已自定义'}）
          </Notice>
        )}
      </View>

      <View className="card" id="rule-form">
        <FieldLabel>方式</FieldLabel>
        <ChipGroup name="rule-kind" columns={2} options={kinds} value={form.kind} onChange={(v) => set('kind', v)} />

        {form.kind !== 'online_dates' && (
          <>
            <FieldLabel>{form.kind === 'monthly_first_week' ? '第一周的星期几' : '每周星期几'}</FieldLabel>
            <ChipGroup name="rule-weekday" columns={4} options={WEEKDAYS} value={form.weekday} onChange={(v) => set('weekday', v)} />
          </>
        )}
        {form.kind === 'monthly_first_week' && (
          <>
            <FieldLabel>“第一周”指</FieldLabel>
            <ChipGroup
              name="rule-first-week"
              columns={1}
              options={FIRST_WEEK_DEFINITIONS.map((d) => ({ value: d, label: FIRST_WEEK[d].label, hint: FIRST_WEEK[d].hint }))}
              value={form.firstWeek}
              onChange={(v) => set('firstWeek', v)}
            />
          </>
        )}
        {form.kind === 'online_dates' && (
          <>
            <FieldLabel extra={`${form.dates.length} 天`}>接待日期</FieldLabel>
            {form.dates.length > 0 && (
              <ChipGroup
                name="rule-dates"
                columns={2}
                options={[...form.dates].sort().map((d) => ({ value: d, label: formatChineseDate(d, true), hint: '点按移除' }))}
                value={undefined}
                onChange={(d) => set('dates', form.dates.filter((x) => x !== d))}
              />
            )}
            <DateField name="rule-add-date" value="" emptyLabel="＋ 添加日期" onChange={(d) => !form.dates.includes(d) && set('dates', [...form.dates, d])} />
          </>
        )}

        <FieldLabel>每次值班代表</FieldLabel>
        <Stepper name="rule-deputies" value={form.deputies} min={1} max={20} unit="名" onChange={(n) => set('deputies', n)} />
        <Hint>本站现有代表人数须不少于此数。</Hint>

        <View className="rc-row">
          <View className="rc-col">
            <FieldLabel>开始时间</FieldLabel>
            <TimeField name="rule-start" value={form.startTime} onChange={(v) => set('startTime', v)} />
          </View>
          <View className="rc-col">
            <FieldLabel>结束时间</FieldLabel>
            <TimeField name="rule-end" value={form.endTime} onChange={(v) => set('endTime', v)} />
          </View>
        </View>

        <FieldLabel extra="选填">说明</FieldLabel>
        <Input className="rc-input" id="rule-note" value={form.note} maxlength={200} placeholder="如：每周二，2名代表进站接待" onInput={(e) => set('note', e.detail.value)} />
        <Hint>法定节假日按全县设置调整；主题接待日请在“接待安排—新建主题接待日”中安排。</Hint>

        <FieldError message={error} id="rule-error-text" />
        <Button className="rc-block-button" type="primary" loading={busy} disabled={busy} onClick={() => void save()} id="save-rule">
          保存规则
        </Button>
        {entry && (
          <Button className="rc-block-button" fill="outline" disabled={busy} onClick={() => void clear()} id="clear-rule">
            <Text>{slot === 'online' ? '取消网上接待' : '取消到站接待规则'}</Text>
          </Button>
        )}
      </View>
    </View>
  )
}
