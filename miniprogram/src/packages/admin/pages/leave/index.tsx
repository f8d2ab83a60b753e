import '../../register-api'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DeputyLeavePlanView, LeaveCandidate, LeaveItem } from '@shared/api/directory-admin'
import { call, toApiError } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { failure } from '../../../../lib/errors'
import { formatTime } from '../../../../lib/format'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import { ChipGroup, FieldError } from '../../../../components/WorkForm'
import { Field, TextField } from '../../lib/fields'
import '../../lib/admin.css'

/** Who may take over this item: the candidates at its station (or everyone when none is there), and the one chosen. */
function candidatesFor(item: LeaveItem, all: LeaveCandidate[], chosen: string | undefined) {
  const here = all.filter((c) => c.stationNames.includes(item.stationName) || c.code === chosen)
  return (here.length ? here : all).map((c) => ({ value: c.code, label: c.name }))
}

/**
 * 离任与移交 (换届): before a deputy leaves office the admin names who takes over each open item they
 * answer for (首问负责); the resident is told. The deputy leaves the station pages and rosters; their
 * past record stays readable.
 */
export default function DeputyLeave() {
  const { params } = useRouter()
  const code = decodeURIComponent(params.code ?? '')
  const plan = useLoad(code ? `leave:${code}` : null, () => call('directory', 'deputyLeavePlan', { code }))
  const [to, setTo] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [showAll, setShowAll] = useState(false)

  if (!plan.data && plan.state.status === 'error') {
    const f = failure(plan.state.error, '代表离任', { title: '只有本县的管理员可以办理代表离任', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="leave-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void plan.reload() : undefined} />
  }
  if (!plan.data) return <LoadingCards cards={2} rows={[3, 4]} className="page" label="正在加载" />
  const p: DeputyLeavePlanView = plan.data
  const missing = p.items.filter((i) => !to[i.id])
  const near = p.candidates.filter((c) => c.sameStation)
  const everyone = showAll || near.length === 0 || near.length === p.candidates.length

  const setAll = (c: string) => {
    setTo(Object.fromEntries(p.items.map((i) => [i.id, c])))
    setErrors((e) => ({ ...e, items: '', form: '' }))
  }
  const setOne = (itemId: string) => (c: string) => {
    setTo((t) => ({ ...t, [itemId]: c }))
    setErrors((e) => ({ ...e, items: '', form: '' }))
  }

  const submit = async () => {
    if (busy) return
    if (missing.length) return setErrors({ items: `还有${missing.length}件事项未指定接替代表` })
    const ok = await Taro.showModal({
      title: `确认${p.deputy.name}离任？`,
      content: p.items.length ? `${p.items.length}件事项将移交给接替代表，并告知提出建议的群众。` : '离任后不再出现在站点页面和接待排班中。',
      confirmText: '确认离任',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      const r = await call('directory', 'deputyLeave', { code, reason: reason.trim(), handovers: p.items.map((i) => ({ itemId: i.id, toDeputyCode: to[i.id] })) })
      if (r.understaffed) {
        await Taro.showModal({ title: '已办理离任', content: `${r.understaffed}场即将举行的接待日代表人数不足，请通知人大工作人员在接待日管理中补排。`, showCancel: false, confirmText: '知道了' })
        void Taro.navigateBack({ delta: 2 })
        return
      }
      void Taro.showToast({ title: r.handedOver ? `已离任，移交${r.handedOver}件` : '已办理离任', icon: 'success' })
      setTimeout(() => void Taro.navigateBack({ delta: 2 }), 800)
    } catch (err) {
      const e = toApiError(err)
      setErrors({ [e.field?.startsWith('reason') ? 'reason' : 'form']: e.message })
    } finally {
      setBusy(false)
    }
  }

  if (!p.deputy.active)
    return (
      <View className="page" id="leave-page">
        <View className="card" id="leave-done">
          <View className="ad-entry__title">{p.deputy.name}已离任</View>
          <View className="ad-hint">其履职档案仍可在代表名录和事项历史中查阅。</View>
        </View>
      </View>
    )

  return (
    <View className="page" id="leave-page">
      <View className="card">
        <View className="ad-entry__title">{p.deputy.name}</View>
        <View className="ad-row__meta">{p.deputy.levelLabel}</View>
        <View className="ad-hint" id="leave-summary">
          {p.items.length ? `首问负责的未办结事项${p.items.length}件，需逐件指定接替代表。` : '没有未办结的事项。'}
          {p.upcomingDuties ? `将从${p.upcomingDuties}场即将举行的接待日排班中移除。` : ''}
          {p.understaffed ? `其中${p.understaffed}场将少于规定的代表人数，请通知人大工作人员在接待日管理中补排。` : ''}
          离任后不再出现在站点页面上，履职档案保留。
        </View>
      </View>

      {p.items.length > 0 && (
        <>
          <View className="section-title">
            <Text>移交事项</Text>
          </View>
          {p.candidates.length === 0 ? (
            <View className="card muted" id="leave-no-candidates">本县没有其他在任代表可以接替，请先新增代表。</View>
          ) : (
            <View className="card" id="leave-items">
              <Field name="all" label="全部移交给" hint={everyone ? '也可以在下面逐件指定' : '同站点的代表；也可以在下面逐件指定'}>
                <ChipGroup name="leave-all" options={(everyone ? p.candidates : near).map((c) => ({ value: c.code, label: c.name }))} value={undefined} onChange={setAll} columns={3} />
                {!everyone && (
                  <View className="ad-row__action" id="leave-show-all" onClick={() => setShowAll(true)}>
                    显示本县全部{p.candidates.length}名在任代表
                  </View>
                )}
              </Field>
              {p.items.map((i) => (
                <View className="ad-field" key={i.id} id={`leave-item-${i.id}`}>
                  <View className="ad-row__name">
                    {i.number} · {i.categoryLabel}
                    <Text className="ad-tag">{i.stateLabel}</Text>
                  </View>
                  <View className="ad-row__meta">
                    {i.stationName} · {formatTime(i.submittedAt)}提出
                  </View>
                  <ChipGroup name={`leave-to-${i.id}`} options={candidatesFor(i, p.candidates, to[i.id])} value={to[i.id]} onChange={setOne(i.id)} columns={3} />
                </View>
              ))}
              <FieldError message={errors.items} id="leave-items-error" />
            </View>
          )}
        </>
      )}

      <View className="card">
        <TextField name="reason" label="离任原因" required value={reason} onChange={(v) => (setReason(v), setErrors((e) => ({ ...e, reason: '', form: '' })))} placeholder="如 届满、调离本县、辞职" maxlength={60} error={errors.reason} />
        <FieldError message={errors.form} id="leave-form-error" />
      </View>
      <View className="ad-actions">
        <Button className="big-button" type="primary" block id="leave-confirm" loading={busy} aria-disabled={p.items.length > 0 && p.candidates.length === 0}
          disabled={p.items.length > 0 && p.candidates.length === 0} onClick={() => void submit()}>
          确认离任
        </Button>
      </View>
    </View>
  )
}
