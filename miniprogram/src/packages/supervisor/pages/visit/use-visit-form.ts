import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { createVisitInput, type VisitRecordView } from '@shared/api/visit'
import type { CategoryCode } from '@shared/domain/categories'
import type { AssignmentRoute, VisitHandling, VisitOpinion } from '@shared/domain/visits'
import { call, toApiError } from '../../../../api/client'
import type { DraftFields } from '../../../../lib/offline-drafts'
import { useLoad } from '../../../../lib/use-load'
import { draftBox, draftsChanged, syncDrafts, useDrafts } from '../../lib/drafts'
import { cachedToday, loadToday } from '../../lib/today'

export type Errors = Partial<Record<string, string>>

export interface Form {
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
 * The 登记来访 form: a new visitor at a session (or ad hoc), a 草稿 kept on the phone, or a synced
 * record being corrected; its checks with the shared schema, and saving through the draft box.
 */
export function useVisitForm() {
  const { params } = useRouter()
  const stationCode = params.stationCode ?? ''
  const sessionId = params.sessionId || null
  const editingDraft = params.clientId || null
  const editingRecord = params.recordId || null

  // today's sessions and stations: the kept answer at once, the server's when it comes
  const [cached] = useState(() => cachedToday())
  const todayLoad = useLoad('today', async () => (await loadToday()).today)
  const today = todayLoad.data ?? cached
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

  // New form at a session: the deputies on duty are present unless untapped.
  useEffect(() => {
    if (editingDraft || editingRecord) return
    if (session && form.deputyCodes.length === 0 && !form.name && !form.matter) {
      setForm((f) => ({ ...f, deputyCodes: session.deputies.map((d) => d.code) }))
    }
  }, [session]) // eslint-disable-line react-hooks/exhaustive-deps

  // a 草稿 from the phone, or a synced record to correct
  useEffect(() => {
    if (!editingDraft) return
    const d = draftBox.get(editingDraft)
    if (d?.fields) {
      setForm(formOf(d.fields))
      setVisitedAt(d.fields.visitedAt)
    }
  }, [editingDraft])
  const recordLoad = useLoad<VisitRecordView>(editingRecord, async () => {
    const r = await call('visit', 'get', { id: editingRecord as string })
    setForm(formOfRecord(r))
    setVisitedAt(r.visitedAt)
    return r
  })
  const record = recordLoad.data
  useEffect(() => {
    if (recordLoad.error) void Taro.showToast({ title: toApiError(recordLoad.error).message, icon: 'none' })
  }, [recordLoad.error])

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

  return {
    stationCode,
    editingDraft,
    editingRecord,
    record,
    station,
    session,
    deputies,
    form,
    errors,
    saved,
    drafts,
    syncing,
    syncNow,
    set,
    submit,
    keepDraft,
    township,
    locked,
    recent,
  }
}

export type VisitFormApi = ReturnType<typeof useVisitForm>
