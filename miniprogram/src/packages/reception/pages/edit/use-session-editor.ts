import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import type { DeputyCard } from '@shared/api/directory'
import type { SessionView } from '@shared/api/reception'
import type { OfficialKind } from '@shared/domain/sessions'
import { ApiError, call } from '../../../../api/client'
import { newClientRequestId } from '../../../../lib/request-id'
import { explain } from '../../../../lib/errors'
import { useLoad } from '../../../../lib/use-load'
import { SESSION_ERRORS } from '../../lib/errors'
import type { StationChoice } from '../../lib/fields'
import { sessionUrl } from '../../lib/links'

export interface Official {
  name: string
  title: string
  kind: OfficialKind
}

export interface Form {
  stationCode: string | null
  date: string
  startTime: string
  endTime: string
  theme: string
  deputyCodes: string[]
  officials: Official[]
  announcement: string
}

export type Loaded =
  | { mode: 'edit'; session: SessionView; deputies: DeputyCard[] }
  | { mode: 'create'; stations: StationChoice[] }

export const EMPTY_OFFICIAL: Official = { name: '', title: '', kind: 'department_head' }

export function formOf(s: SessionView): Form {
  return {
    stationCode: s.stationCode,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    theme: s.theme ?? '',
    deputyCodes: s.deputies.map((d) => d.code),
    officials: s.invitedOfficials.map((o) => ({ name: o.name, title: o.title, kind: o.kind })),
    announcement: s.announcement ?? '',
  }
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The state of the edit page: the session (or, creating, the stations), the form, the deputies
 * who may be put on duty, the 已举行 / 取消 panels, and every write with its message.
 */
export function useSessionEditor() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  const creating = !id && router.params.new === 'thematic'
  const [form, setForm] = useState<Form | null>(null)
  const [deputyOptions, setDeputyOptions] = useState<DeputyCard[]>([])
  const [official, setOfficial] = useState<Official>(EMPTY_OFFICIAL)
  const [officialError, setOfficialError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setErrorState] = useState<{ at: string; text: string } | null>(null)
  const setError = (text: string | null, at = 'save') => setErrorState(text ? { at, text } : null)
  const errorAt = (at: string) => (error?.at === at ? error.text : null)
  const [done, setDone] = useState<string | null>(null)
  const [panel, setPanel] = useState<'cancel' | 'held' | null>(null)
  const [reason, setReason] = useState('')
  const [attended, setAttended] = useState<string[]>([])
  const [heldNotes, setHeldNotes] = useState('')
  const requestId = useRef(newClientRequestId())

  // the loaded session seeds the form, the deputies, the attendance and the notes
  const load = useLoad<Loaded>(id || creating ? `edit|${id}|${creating}` : null, async () => {
    if (creating) {
      const rules = await call('reception', 'listRules', {})
      const stations = rules.stations.map((s) => ({ stationCode: s.stationCode, stationName: s.stationName, township: s.township }))
      const wanted = (router.params.station ?? '').toUpperCase()
      const stationCode = stations.some((s) => s.stationCode === wanted) ? wanted : null
      setForm({ stationCode, date: '', startTime: '09:00', endTime: '12:00', theme: '', deputyCodes: [], officials: [], announcement: '' })
      return { mode: 'create', stations }
    }
    const session = await call('reception', 'getSession', { id })
    const station = session.stationCode ? await call('directory', 'getStation', { stationCode: session.stationCode }).catch(() => null) : null
    setDeputyOptions(station?.deputies ?? [])
    setForm(formOf(session))
    setAttended(session.attendance.length ? session.attendance.map((a) => a.deputyCode) : session.deputies.map((d) => d.code))
    setHeldNotes(session.notes ?? '')
    return { mode: 'edit', session, deputies: station?.deputies ?? [] }
  })
  const loaded = load.data
  const loadError = load.error
    ? explain(load.error, { not_found: '没有找到该接待活动，可能已被删除', forbidden: '只有人大工作人员可以管理接待活动' })
    : null

  // Creating: the chosen station's deputies are the ones who can be put on duty.
  const stationForDeputies = creating ? form?.stationCode : null
  useLoad(stationForDeputies ?? null, () =>
    call('directory', 'getStation', { stationCode: stationForDeputies as string })
      .then((st) => setDeputyOptions(st.deputies))
      .catch(() => setDeputyOptions([])),
  )

  const session = loaded?.mode === 'edit' ? loaded.session : null
  const planned = !session || session.status === 'planned'
  // deputies of the station, plus anyone already on duty from elsewhere
  const options: Array<{ code: string; name: string; hint?: string }> = [
    ...deputyOptions.map((d) => ({ code: d.code, name: d.name, hint: d.socialPosition })),
    ...(session?.deputies ?? []).filter((d) => !deputyOptions.some((o) => o.code === d.code)).map((d) => ({ code: d.code, name: d.name, hint: d.socialPosition })),
  ]

  // the form is there whenever these are used (the page shows them only then)
  const f = form as Form
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...f, [k]: v })
  const toggleDeputy = (code: string) => set('deputyCodes', f.deputyCodes.includes(code) ? f.deputyCodes.filter((c) => c !== code) : [...f.deputyCodes, code])
  const addOfficial = () => {
    if (!official.name.trim() || !official.title.trim()) {
      setOfficialError('请填写受邀人员的姓名和职务')
      return
    }
    setOfficialError(null)
    set('officials', [...f.officials, { ...official, name: official.name.trim(), title: official.title.trim() }])
    setOfficial(EMPTY_OFFICIAL)
  }

  const run = async (what: string, fn: () => Promise<SessionView | void>, message: string, invalid?: string) => {
    if (busy) return
    setBusy(what)
    setError(null)
    setDone(null)
    try {
      const next = await fn()
      if (next) {
        load.setData({ mode: 'edit', session: next, deputies: deputyOptions })
        setForm(formOf(next))
        setPanel(null)
      }
      setDone(message)
    } catch (err) {
      const overrides = invalid ? { ...SESSION_ERRORS, invalid_transition: invalid } : SESSION_ERRORS
      setError(err instanceof ApiError ? explain(err, overrides) : (err as Error).message, what)
    } finally {
      setBusy(null)
    }
  }

  const save = () =>
    run(
      'save',
      async () => {
        if (!session) {
          if (!f.stationCode) throw new Error('请选择联络站')
          const created = await call('reception', 'createSession', {
            clientRequestId: requestId.current,
            kind: 'thematic',
            stationCode: f.stationCode,
            date: f.date,
            startTime: f.startTime,
            endTime: f.endTime,
            theme: f.theme.trim() || undefined,
            deputyCodes: f.deputyCodes,
            invitedOfficials: f.officials,
            announcement: f.announcement.trim() || undefined,
          })
          void Taro.redirectTo({ url: sessionUrl(created.id) })
          return
        }
        const before = formOf(session)
        const changes = {
          ...(f.date !== before.date ? { date: f.date } : {}),
          ...(f.startTime !== before.startTime ? { startTime: f.startTime } : {}),
          ...(f.endTime !== before.endTime ? { endTime: f.endTime } : {}),
          ...(f.theme.trim() !== before.theme ? { theme: f.theme.trim() || null } : {}),
          ...(!sameList(f.deputyCodes, before.deputyCodes) ? { deputyCodes: f.deputyCodes } : {}),
          ...(!sameList(f.officials, before.officials) ? { invitedOfficials: f.officials } : {}),
          ...(f.announcement.trim() !== before.announcement ? { announcement: f.announcement.trim() || null } : {}),
        }
        if (Object.keys(changes).length === 0) throw new Error('没有要保存的修改')
        return call('reception', 'updateSession', { id: session.id, expectedVersion: session.version, ...changes })
      },
      '修改已保存，值班代表和预约群众看到的公告已更新',
      '已取消的活动不能修改；已举行的活动只能补充记录',
    )

  // errors thrown inside `run` for local checks are plain Errors: show their text
  const saveChecked = async () => {
    if (!session && !f.stationCode) return setError('请选择联络站')
    if (!session && !f.date) return setError('请选择日期')
    if (!session && !f.theme.trim()) return setError('主题接待日须填写主题')
    if (session && f.deputyCodes.length < session.minDeputies) return setError(`至少安排 ${session.minDeputies} 名值班代表`)
    if (f.deputyCodes.length === 0) return setError('请至少安排1名代表')
    const before = session ? formOf(session) : null
    if (before && JSON.stringify({ ...f, theme: f.theme.trim(), announcement: f.announcement.trim() }) === JSON.stringify(before)) return setError('没有要保存的修改')
    await save()
  }

  return {
    id,
    creating,
    load,
    loaded,
    loadError,
    form,
    setForm,
    set,
    toggleDeputy,
    official,
    setOfficial,
    officialError,
    addOfficial,
    busy,
    error,
    setError,
    errorAt,
    done,
    panel,
    setPanel,
    reason,
    setReason,
    attended,
    setAttended,
    heldNotes,
    setHeldNotes,
    session,
    planned,
    options,
    run,
    saveChecked,
  }
}

export type SessionEditor = ReturnType<typeof useSessionEditor>
