import '../../register-api'
import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { createVisitInput, type VisitRecordView } from '@shared/api/visit'
import { CATEGORIES, type CategoryCode } from '@shared/domain/categories'
import { VISIT_OPINION_LABELS, VISIT_OPINIONS, townshipGovernmentName, type AssignmentRoute, type VisitHandling, type VisitOpinion } from '@shared/domain/visits'
import { call, toApiError } from '../../../../api/client'
import { charCount } from '../../../../lib/format'
import type { DraftFields } from '../../../../lib/offline-drafts'
import { draftBox, draftsChanged, syncDrafts, useDrafts } from '../../lib/drafts'
import { DraftStateChip, PKG, SyncBanner } from '../../lib/parts'
import { cachedToday, loadToday, type Today } from '../../lib/today'
import '../../supervisor.css'

type Errors = Partial<Record<string, string>>

interface Form {
  name: string
  phone: string
  village: string
  visitorCount: number
  deputyCodes: string[]
  matter: string
  categoryCode: CategoryCode | undefined
  handling: VisitHandling | undefined
  answer: string
  route: AssignmentRoute | undefined
  rating: VisitOpinion | undefined
}

const blank = (deputyCodes: string[]): Form => ({
  name: '',
  phone: '',
  village: '',
  visitorCount: 1,
  deputyCodes,
  matter: '',
  categoryCode: undefined,
  handling: undefined,
  answer: '',
  route: undefined,
  rating: undefined,
})

/** Field path of a zod issue / server error → the key the form shows it under. */
function keyOf(path: string): string {
  if (path.startsWith('visitor.')) return path.slice('visitor.'.length)
  if (path.startsWith('opinion')) return 'rating'
  return path || 'form'
}

function formOf(fields: DraftFields): Form {
  return {
    name: fields.visitor?.name ?? '',
    phone: fields.visitor?.phone ?? '',
    village: fields.visitor?.village ?? '',
    visitorCount: fields.visitorCount ?? 1,
    deputyCodes: fields.deputyCodes ?? [],
    matter: fields.matter ?? '',
    categoryCode: fields.categoryCode,
    handling: fields.handling,
    answer: fields.answer ?? '',
    route: fields.route,
    rating: fields.opinion?.rating,
  }
}

function formOfRecord(r: VisitRecordView): Form {
  return {
    name: r.visitor?.name ?? '',
    phone: r.visitor?.phone ?? '',
    village: r.visitor?.village ?? '',
    visitorCount: r.visitorCount,
    deputyCodes: r.deputies.map((d) => d.code),
    matter: r.matter,
    categoryCode: r.categoryCode as CategoryCode,
    handling: r.handling,
    answer: r.answer ?? '',
    route: r.assignment?.route,
    rating: r.opinion?.rating,
  }
}

/**
 * 登记来访: one visitor, fast with one thumb — large inputs, category and handling chips, the
 * visitor count as a stepper. The matter and the answer are the platform's own textarea: Taro has
 * no voice input in H5, and in WeChat the phone keyboard's microphone key works in any textarea.
 * Saving always writes a draft on the phone first, then syncs; with no signal it stays 待同步.
 */
export default function VisitForm() {
  const { params } = useRouter()
  const stationCode = params.stationCode ?? ''
  const sessionId = params.sessionId || null
  const editingDraft = params.clientId || null
  const editingRecord = params.recordId || null

  const [today, setToday] = useState<Today | null>(() => cachedToday())
  const [record, setRecord] = useState<VisitRecordView | null>(null)
  const [clientId, setClientId] = useState<string | null>(editingDraft)
  const [visitedAt, setVisitedAt] = useState(() => new Date().toISOString())
  const [form, setForm] = useState<Form>(() => blank([]))
  const [errors, setErrors] = useState<Errors>({})
  const [saved, setSaved] = useState(0)
  const { drafts, syncing, syncNow } = useDrafts()

  const station = today?.stations.find((s) => s.code === stationCode) ?? null
  const session = today?.sessions.find((s) => s.id === sessionId) ?? null
  const deputies = useMemo(() => {
    const all = [...(session?.deputies ?? []), ...(station?.deputies ?? [])]
    return all.filter((d, i) => all.findIndex((x) => x.code === d.code) === i)
  }, [session, station])

  useEffect(() => {
    loadToday()
      .then(({ today: t }) => setToday(t))
      .catch(() => {})
  }, [])

  // New form at a session: the deputies on duty are present unless untapped.
  useEffect(() => {
    if (editingDraft || editingRecord) return
    if (session && form.deputyCodes.length === 0 && !form.name && !form.matter) {
      setForm((f) => ({ ...f, deputyCodes: session.deputies.map((d) => d.code) }))
    }
  }, [session]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (editingDraft) {
      const d = draftBox.get(editingDraft)
      if (d?.fields) {
        setForm(formOf(d.fields))
        setVisitedAt(d.fields.visitedAt)
      }
    }
    if (editingRecord) {
      call('visit', 'get', { id: editingRecord })
        .then((r) => {
          setRecord(r)
          setForm(formOfRecord(r))
          setVisitedAt(r.visitedAt)
        })
        .catch((err) => void Taro.showToast({ title: toApiError(err).message, icon: 'none' }))
    }
  }, [editingDraft, editingRecord])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key as string] || errors.form) setErrors((e) => ({ ...e, [key]: undefined, form: undefined }))
  }

  const fieldsOf = (): DraftFields => ({
    stationCode: record?.stationCode ?? stationCode,
    sessionId: record ? (record.session?.id ?? null) : sessionId,
    visitedAt,
    deputyCodes: form.deputyCodes,
    visitorCount: form.visitorCount,
    visitor: { name: form.name, phone: form.phone, ...(form.village.trim() ? { village: form.village } : {}) },
    matter: form.matter,
    categoryCode: form.categoryCode as CategoryCode,
    handling: form.handling as VisitHandling,
    ...(form.handling === 'answered_on_spot' ? { answer: form.answer } : {}),
    ...(form.handling === 'assignment_form' ? { route: form.route } : {}),
    ...(form.handling === 'answered_on_spot' && form.rating ? { opinion: { rating: form.rating } } : {}),
  })

  const check = (fields: DraftFields): boolean => {
    const parsed = createVisitInput.safeParse({ ...fields, clientId: 'checkonly0000' })
    if (parsed.success) return true
    const next: Errors = {}
    for (const issue of parsed.error.issues) next[keyOf(issue.path.map(String).join('.'))] ??= issue.message
    setErrors(next)
    void Taro.showToast({ title: Object.values(next)[0] ?? '请检查填写的内容', icon: 'none' })
    return false
  }

  /** Saves and queues for sync; a new form for the next visitor (or back, when editing). */
  const submit = () => {
    const fields = fieldsOf()
    if (!check(fields)) return
    if (record) {
      draftBox.editRecord(record, fields)
    } else {
      draftBox.save(fields, { clientId: clientId ?? undefined, submit: true })
    }
    draftsChanged()
    void syncDrafts()
    if (editingDraft || editingRecord) {
      void Taro.showToast({ title: '已保存，将自动同步', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
      return
    }
    void Taro.showToast({ title: '已保存，可登记下一位', icon: 'success' })
    setSaved((n) => n + 1)
    setClientId(null)
    setErrors({})
    setVisitedAt(new Date().toISOString())
    setForm(blank(form.deputyCodes))
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => {})
  }

  /** Keeps an unfinished form on the phone as a 草稿 (not sent until completed and saved). */
  const keepDraft = () => {
    if (record) return
    const d = draftBox.save(fieldsOf(), { clientId: clientId ?? undefined, submit: false })
    setClientId(d.clientId)
    draftsChanged()
    void Taro.showToast({ title: '已存为草稿', icon: 'none' })
  }

  const township = station?.township ?? record?.township ?? ''
  const locked = record?.handling === 'assignment_form'
  const recent = drafts.filter((d) => Date.parse(d.createdAt) > Date.now() - 12 * 3600_000).slice(0, 6)

  return (
    <View className="page visit-form" id="visit-form">
      <View className="sv-head">
        <View className="sv-head__title">{record ? '修改登记' : '登记来访'}</View>
        <View className="sv-head__sub">
          {(record?.stationName ?? station?.name ?? stationCode) || '联络站'}
          {session ? ` · ${session.startTime}–${session.endTime} ${session.kindLabel}` : record?.session ? ` · ${record.session.kindLabel}` : ' · 临时接待'}
          {saved ? ` · 本次已登记${saved}位` : ''}
        </View>
      </View>

      {!record && <SyncBanner drafts={drafts} syncing={syncing} onSync={() => void syncNow()} />}

      <View className="sv-field">
        <View className="sv-field__label">
          来访人<Text className="sv-required">*</Text>
        </View>
        <View className="sv-row" id="field-name">
          <Text className="sv-row__label">姓名</Text>
          <Input className="sv-input" value={form.name} maxLength={20} placeholder="来访群众姓名" onChange={(v) => set('name', v)} />
        </View>
        {errors.name && <View className="field-error" id="error-name">{errors.name}</View>}
        <View className="sv-row" id="field-phone">
          <Text className="sv-row__label">手机</Text>
          <Input
            className="sv-input"
            type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'}
            value={form.phone}
            maxLength={13}
            placeholder="11位手机号，回访用"
            disabled={locked}
            onChange={(v) => set('phone', v)}
          />
        </View>
        {errors.phone && <View className="field-error" id="error-phone">{errors.phone}</View>}
        <View className="sv-row" id="field-village">
          <Text className="sv-row__label">村/社区</Text>
          <Input className="sv-input" value={form.village} maxLength={40} placeholder="如：东关村（选填）" onChange={(v) => set('village', v)} />
        </View>
        <View className="sv-row" style={{ marginTop: '16px' }}>
          <Text className="sv-row__label">人数</Text>
          <View className="sv-stepper" id="visitor-count">
            <View className="sv-stepper__button" onClick={() => set('visitorCount', Math.max(1, form.visitorCount - 1))}>
              −
            </View>
            <Text className="sv-stepper__value">{form.visitorCount}</Text>
            <View className="sv-stepper__button" onClick={() => set('visitorCount', Math.min(500, form.visitorCount + 1))}>
              ＋
            </View>
          </View>
        </View>
        <View className="sv-field__hint">来访人信息仅本站管理员和人大工作人员可见，列表和导出中默认脱敏。</View>
      </View>

      {deputies.length > 0 && (
        <View className="sv-field">
          <View className="sv-field__label">到场代表</View>
          <View className="sv-chips" id="deputy-chips">
            {deputies.map((d) => {
              const on = form.deputyCodes.includes(d.code)
              return (
                <View
                  key={d.code}
                  className={`sv-chip ${on ? 'sv-chip--on' : ''}`}
                  onClick={() => set('deputyCodes', on ? form.deputyCodes.filter((c) => c !== d.code) : [...form.deputyCodes, d.code])}
                >
                  {d.name}
                </View>
              )
            })}
          </View>
          {errors.deputyCodes && <View className="field-error">{errors.deputyCodes}</View>}
        </View>
      )}

      <View className="sv-field">
        <View className="sv-row">
          <View className="sv-field__label">
            反映事项<Text className="sv-required">*</Text>
          </View>
          <Text className="muted">{charCount(form.matter.trim())}/2000</Text>
        </View>
        <View id="field-matter">
          <TextArea
            className="sv-textarea"
            value={form.matter}
            maxLength={2000}
            autoSize
            disabled={locked}
            placeholder="群众反映的问题和诉求"
            onChange={(v) => set('matter', v)}
          />
        </View>
        <View className="sv-field__hint">可用手机输入法的语音键说话输入。</View>
        {errors.matter && <View className="field-error" id="error-matter">{errors.matter}</View>}
      </View>

      <View className="sv-field">
        <View className="sv-field__label">
          类别<Text className="sv-required">*</Text>
        </View>
        <View className="sv-chips" id="category-chips">
          {CATEGORIES.map((c) => (
            <View key={c.code} className={`sv-chip ${form.categoryCode === c.code ? 'sv-chip--on' : ''}`} onClick={() => !locked && set('categoryCode', c.code)}>
              {c.label}
            </View>
          ))}
        </View>
        {errors.categoryCode && <View className="field-error" id="error-categoryCode">{errors.categoryCode}</View>}
      </View>

      <View className="sv-field">
        <View className="sv-field__label">
          办理方式<Text className="sv-required">*</Text>
        </View>
        <View className="sv-chips sv-chips--two">
          <View
            id="handling-answered_on_spot"
            className={`sv-chip ${form.handling === 'answered_on_spot' ? 'sv-chip--on' : ''}`}
            onClick={() => !locked && set('handling', 'answered_on_spot')}
          >
            当场答复
          </View>
          <View id="handling-assignment_form" className={`sv-chip ${form.handling === 'assignment_form' ? 'sv-chip--on' : ''}`} onClick={() => set('handling', 'assignment_form')}>
            填写交办单
          </View>
        </View>
        {errors.handling && <View className="field-error" id="error-handling">{errors.handling}</View>}

        {form.handling === 'answered_on_spot' && (
          <View>
            <View className="sv-field__label" style={{ marginTop: '16px' }}>
              答复内容<Text className="sv-required">*</Text>
            </View>
            <View id="field-answer">
              <TextArea className="sv-textarea" value={form.answer} maxLength={2000} autoSize placeholder="代表或部门当场怎样答复的" onChange={(v) => set('answer', v)} />
            </View>
            {errors.answer && <View className="field-error" id="error-answer">{errors.answer}</View>}
            <View className="sv-field__label" style={{ marginTop: '16px' }}>
              群众当场意见（选填）
            </View>
            <View className="sv-chips" id="rating-chips">
              {VISIT_OPINIONS.map((r) => (
                <View key={r} className={`sv-chip ${form.rating === r ? 'sv-chip--on' : ''}`} onClick={() => set('rating', form.rating === r ? undefined : r)}>
                  {VISIT_OPINION_LABELS[r]}
                </View>
              ))}
            </View>
          </View>
        )}

        {form.handling === 'assignment_form' && (
          <View>
            <View className="sv-field__label" style={{ marginTop: '16px' }}>
              交办去向（层级划分）<Text className="sv-required">*</Text>
            </View>
            <View className="sv-chips sv-chips--two">
              <View id="route-township" className={`sv-chip ${form.route === 'township' ? 'sv-chip--on' : ''}`} onClick={() => !locked && set('route', 'township')}>
                转交{township ? townshipGovernmentName(township) : '乡镇'}
              </View>
              <View id="route-county" className={`sv-chip ${form.route === 'county' ? 'sv-chip--on' : ''}`} onClick={() => !locked && set('route', 'county')}>
                报县人大代工委
              </View>
            </View>
            <View className="sv-field__hint">职责明确的转交乡镇（街道）办理；无法明确划分的，由代工委汇总梳理后交办。</View>
            {errors.route && <View className="field-error" id="error-route">{errors.route}</View>}
          </View>
        )}
      </View>

      {errors.form && <View className="field-error" style={{ margin: '24px 32px 0' }}>{errors.form}</View>}

      {!record && recent.length > 0 && (
        <View>
          <View className="section-title">
            <Text>刚刚登记</Text>
            <Text className="section-title__extra" onClick={() => void Taro.navigateTo({ url: `${PKG}/records/index?tab=drafts` })}>
              全部 ›
            </Text>
          </View>
          {recent.map((d) => (
            <View className="sv-item recent-draft" key={d.clientId}>
              <View className="sv-item__head">
                <Text className="sv-item__who">{d.summary.visitorName || '（未填姓名）'}</Text>
                <DraftStateChip draft={d} />
              </View>
              <View className="sv-item__meta">{d.summary.matter.slice(0, 40)}</View>
              {d.error && <View className="sv-item__error">{d.error}</View>}
            </View>
          ))}
        </View>
      )}

      <View className="sv-actions">
        <Button className="sv-actions__side" fill="outline" type="primary" id="save-draft" disabled={!!record} onClick={keepDraft}>
          存草稿
        </Button>
        <Button className="sv-actions__main" type="primary" id="save-next" onClick={submit}>
          {editingDraft || editingRecord ? '保存' : '保存，登记下一位'}
        </Button>
      </View>
    </View>
  )
}
