import '../../register-api'
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DeputyCard } from '@shared/api/directory'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { OFFICIAL_KINDS, OFFICIAL_KIND_LABELS, type OfficialKind } from '@shared/domain/sessions'
import { ApiError, call } from '../../../../api/client'
import { charCount } from '../../../../lib/format'
import { newClientRequestId } from '../../../../lib/request-id'
import { SESSION_ERRORS, explain } from '../../lib/errors'
import { DateField, StationSelect, TimeField, type StationChoice } from '../../lib/fields'
import { go, sessionUrl } from '../../lib/links'
import { Badge, ErrorState, Hint, LoadingCards, Notice, dateLine } from '../../lib/ui'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'
import '../../lib/reception.css'

interface Official {
  name: string
  title: string
  kind: OfficialKind
}

interface Form {
  stationCode: string | null
  date: string
  startTime: string
  endTime: string
  theme: string
  deputyCodes: string[]
  officials: Official[]
  announcement: string
}

type Loaded =
  | { mode: 'edit'; session: SessionView; deputies: DeputyCard[] }
  | { mode: 'create'; stations: StationChoice[] }

const EMPTY_OFFICIAL: Official = { name: '', title: '', kind: 'department_head' }

function formOf(s: SessionView): Form {
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
 * One session for staff: edit the date, time, theme, deputies on duty, invited officials (四进站)
 * and the announcement; confirm a 待确认 date; mark it held (who attended); cancel with a reason.
 * With `?new=thematic[&station=]` it creates a thematic day (主题接待日) instead.
 */
export default function EditPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  const creating = !id && router.params.new === 'thematic'
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
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

  const load = async () => {
    setLoadError(null)
    try {
      if (creating) {
        const rules = await call('reception', 'listRules', {})
        const stations = rules.stations.map((s) => ({ stationCode: s.stationCode, stationName: s.stationName, township: s.township }))
        const wanted = (router.params.station ?? '').toUpperCase()
        const stationCode = stations.some((s) => s.stationCode === wanted) ? wanted : null
        setLoaded({ mode: 'create', stations })
        setForm({ stationCode, date: '', startTime: '09:00', endTime: '12:00', theme: '', deputyCodes: [], officials: [], announcement: '' })
        return
      }
      const session = await call('reception', 'getSession', { id })
      const station = session.stationCode ? await call('directory', 'getStation', { stationCode: session.stationCode }).catch(() => null) : null
      setLoaded({ mode: 'edit', session, deputies: station?.deputies ?? [] })
      setDeputyOptions(station?.deputies ?? [])
      setForm(formOf(session))
      setAttended(session.attendance.length ? session.attendance.map((a) => a.deputyCode) : session.deputies.map((d) => d.code))
      setHeldNotes(session.notes ?? '')
    } catch (err) {
      setLoadError(explain(err, { not_found: '没有找到该接待活动，可能已被删除', forbidden: '只有人大工作人员可以管理接待活动' }))
    }
  }

  useEffect(() => {
    void load()
  }, [])

  // Creating: the chosen station's deputies are the ones who can be put on duty.
  const stationForDeputies = creating ? form?.stationCode : null
  useEffect(() => {
    if (!stationForDeputies) return
    call('directory', 'getStation', { stationCode: stationForDeputies })
      .then((st) => setDeputyOptions(st.deputies))
      .catch(() => setDeputyOptions([]))
  }, [stationForDeputies])

  if (!id && !creating) return <ErrorState id="edit-error" title="没有指定接待活动" message="请从“接待日管理”进入。" />
  if (loadError) return <ErrorState id="edit-error" title="暂时无法打开" message={loadError} onRetry={() => void load()} />
  if (!loaded || !form) return <LoadingCards id="edit-loading" cards={3} />

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v })
  const toggleDeputy = (code: string) =>
    set('deputyCodes', form.deputyCodes.includes(code) ? form.deputyCodes.filter((c) => c !== code) : [...form.deputyCodes, code])
  const addOfficial = () => {
    if (!official.name.trim() || !official.title.trim()) {
      setOfficialError('请填写受邀人员的姓名和职务')
      return
    }
    setOfficialError(null)
    set('officials', [...form.officials, { ...official, name: official.name.trim(), title: official.title.trim() }])
    setOfficial(EMPTY_OFFICIAL)
  }

  const session = loaded.mode === 'edit' ? loaded.session : null
  const planned = !session || session.status === 'planned'
  const editable = planned
  // deputies of the station, plus anyone already on duty from elsewhere
  const options: Array<{ code: string; name: string; hint?: string }> = [
    ...deputyOptions.map((d) => ({ code: d.code, name: d.name, hint: d.socialPosition })),
    ...(session?.deputies ?? []).filter((d) => !deputyOptions.some((o) => o.code === d.code)).map((d) => ({ code: d.code, name: d.name, hint: d.socialPosition })),
  ]

  const run = async (what: string, fn: () => Promise<SessionView | void>, message: string, invalid?: string) => {
    if (busy) return
    setBusy(what)
    setError(null)
    setDone(null)
    try {
      const next = await fn()
      if (next) {
        setLoaded({ mode: 'edit', session: next, deputies: deputyOptions })
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
          if (!form.stationCode) throw new Error('请选择联络站')
          const created = await call('reception', 'createSession', {
            clientRequestId: requestId.current,
            kind: 'thematic',
            stationCode: form.stationCode,
            date: form.date,
            startTime: form.startTime,
            endTime: form.endTime,
            theme: form.theme.trim() || undefined,
            deputyCodes: form.deputyCodes,
            invitedOfficials: form.officials,
            announcement: form.announcement.trim() || undefined,
          })
          void Taro.redirectTo({ url: sessionUrl(created.id) })
          return
        }
        const before = formOf(session)
        const changes = {
          ...(form.date !== before.date ? { date: form.date } : {}),
          ...(form.startTime !== before.startTime ? { startTime: form.startTime } : {}),
          ...(form.endTime !== before.endTime ? { endTime: form.endTime } : {}),
          ...(form.theme.trim() !== before.theme ? { theme: form.theme.trim() || null } : {}),
          ...(!sameList(form.deputyCodes, before.deputyCodes) ? { deputyCodes: form.deputyCodes } : {}),
          ...(!sameList(form.officials, before.officials) ? { invitedOfficials: form.officials } : {}),
          ...(form.announcement.trim() !== before.announcement ? { announcement: form.announcement.trim() || null } : {}),
        }
        if (Object.keys(changes).length === 0) throw new Error('没有要保存的修改')
        return call('reception', 'updateSession', { id: session.id, expectedVersion: session.version, ...changes })
      },
      '修改已保存，值班代表和预约群众看到的公告已更新',
      '已取消的活动不能修改；已举行的活动只能补充记录',
    )

  // errors thrown inside `run` for local checks are plain Errors: show their text
  const saveChecked = async () => {
    if (!session && !form.stationCode) return setError('请选择联络站')
    if (!session && !form.date) return setError('请选择日期')
    if (!session && !form.theme.trim()) return setError('主题接待日须填写主题')
    if (session && form.deputyCodes.length < session.minDeputies) return setError(`至少安排 ${session.minDeputies} 名值班代表`)
    if (form.deputyCodes.length === 0) return setError('请至少安排1名代表')
    const before = session ? formOf(session) : null
    if (before && JSON.stringify({ ...form, theme: form.theme.trim(), announcement: form.announcement.trim() }) === JSON.stringify(before)) return setError('没有要保存的修改')
    await save()
  }

  const heading = session ? (session.theme ?? `${session.stationName ?? session.place}${session.kindLabel}`) : '新建主题接待日'

  return (
    <View className="page rc-page" id="edit-page">
      <View className="rc-head">
        <View className="rc-head__title" id="edit-title">
          {heading}
        </View>
        {session && (
          <>
            <View className="rc-head__sub">
              {session.stationName ?? session.place} · {dateLine(session)}
            </View>
            <View className="rc-session__badges">
              <Badge tone="plain">{session.kindLabel}</Badge>
              <Badge tone={session.status === 'planned' ? 'info' : session.status === 'held' ? 'ok' : 'alert'}>{session.statusLabel}</Badge>
              {session.status === 'planned' && !session.confirmed && <Badge tone="warn">日期待确认</Badge>}
              {session.moved && <Badge tone="info">节假日调整</Badge>}
            </View>
            {session.moved && session.moveReason && <Notice tone="info">{session.moveReason}</Notice>}
            {session.status === 'planned' && !session.confirmed && (
              <Notice tone="warn" id="edit-unconfirmed">
                {session.unconfirmedReason ?? '日期待确认'}。核对后请点“确认日期”，或直接修改日期（修改即视为确认）。
              </Notice>
            )}
            {session.status === 'cancelled' && <Notice tone="alert">已取消{session.cancelReason ? `：${session.cancelReason}` : ''}</Notice>}
          </>
        )}
        {!session && <View className="rc-head__sub">一次性的主题接待（如乡村振兴、企业家、基层治理），不占用站点规则</View>}
      </View>

      {done && (
        <Notice tone="ok" id="edit-done">
          {done}
        </Notice>
      )}

      {session && planned && (
        <View className="card" id="edit-actions">
          {!session.confirmed && (
            <Button className="rc-block-button" type="primary" loading={busy === 'confirm'} disabled={!!busy} id="confirm-session"
              onClick={() => void run('confirm', () => call('reception', 'confirmSession', { id: session.id }), `已确认：${formatChineseDate(session.date)}举行`, '只有计划中的活动可以确认日期')}>
              确认日期
            </Button>
          )}
          <FieldError message={errorAt('confirm')} id="confirm-error" />
          <View className="rc-buttons">
            <Button fill="outline" type="primary" disabled={!!busy} onClick={() => setPanel(panel === 'held' ? null : 'held')} id="open-held">
              标记已举行
            </Button>
            <Button fill="outline" disabled={!!busy} onClick={() => setPanel(panel === 'cancel' ? null : 'cancel')} id="open-cancel">
              取消活动
            </Button>
          </View>
          {panel === 'held' && (
            <View className="rc-panel" id="panel-held">
              <FieldLabel extra={`${attended.length} 名`}>到场代表</FieldLabel>
              <Hint>已亮码签到的代表已选中；补记的到场计入全年到站次数。</Hint>
              <ChipGroup
                name="attended"
                columns={3}
                options={options.map((o) => ({ value: o.code, label: o.name }))}
                value={attended}
                onChange={(c) => setAttended(attended.includes(c) ? attended.filter((x) => x !== c) : [...attended, c])}
              />
              <FieldLabel extra="选填">接待记录</FieldLabel>
              <Textarea className="rc-textarea" value={heldNotes} maxlength={2000} placeholder="接待人数、主要问题、现场答复情况" onInput={(e) => setHeldNotes(e.detail.value)} />
              <Button className="rc-block-button" type="primary" loading={busy === 'held'} disabled={!!busy} id="confirm-held"
                onClick={() =>
                  void run(
                    'held',
                    () => call('reception', 'markHeld', { id: session.id, attendedDeputyCodes: attended, ...(heldNotes.trim() ? { notes: heldNotes.trim() } : {}) }),
                    '已标记为已举行，到场代表计入全年次数',
                    `活动日期（${formatChineseDate(session.date)}）未到，不能标记为已举行`,
                  )
                }>
                确认已举行
              </Button>
              <FieldError message={errorAt('held')} id="held-error" />
            </View>
          )}
          {panel === 'cancel' && (
            <View className="rc-panel" id="panel-cancel">
              <FieldLabel required extra={`${charCount(reason.trim())}/200`}>取消原因</FieldLabel>
              <Textarea className="rc-textarea" value={reason} maxlength={200} placeholder="如：因暴雨预警暂停，改期另行通知" onInput={(e) => setReason(e.detail.value)} id="cancel-reason" />
              <Hint>取消后会通知值班代表和预约提醒的群众，公告显示取消原因。</Hint>
              <FieldError message={errorAt('cancel')} id="cancel-error" />
              <Button className="rc-block-button" type="primary" loading={busy === 'cancel'} disabled={!!busy} id="confirm-cancel"
                onClick={() => {
                  if (charCount(reason.trim()) < 2) return setError('请填写取消原因（至少2个字）', 'cancel')
                  void run('cancel', () => call('reception', 'cancelSession', { id: session.id, reason: reason.trim() }), '活动已取消，已通知值班代表和预约的群众', '已举行或已取消的活动不能再取消')
                }}>
                确认取消活动
              </Button>
            </View>
          )}
        </View>
      )}

      {editable && (
        <View className="card" id="edit-form">
          {loaded.mode === 'create' && (
            <>
              <FieldLabel required>联络站</FieldLabel>
              <StationSelect name="new-station" stations={loaded.stations} value={form.stationCode} onChange={(c) => setForm({ ...form, stationCode: c, deputyCodes: [] })} />
            </>
          )}
          <FieldLabel required>日期</FieldLabel>
          <DateField name="session-date" value={form.date} onChange={(v) => set('date', v)} />
          <View className="rc-row">
            <View className="rc-col">
              <FieldLabel>开始</FieldLabel>
              <TimeField name="session-start" value={form.startTime} onChange={(v) => set('startTime', v)} />
            </View>
            <View className="rc-col">
              <FieldLabel>结束</FieldLabel>
              <TimeField name="session-end" value={form.endTime} onChange={(v) => set('endTime', v)} />
            </View>
          </View>

          <FieldLabel required={!session || session.kind === 'thematic'} extra={`${charCount(form.theme.trim())}/60`}>
            主题
          </FieldLabel>
          <Input className="rc-input" id="session-theme" value={form.theme} maxlength={60} placeholder="如：乡村振兴专题接待" onInput={(e) => set('theme', e.detail.value)} />

          <FieldLabel required extra={session ? `至少 ${session.minDeputies} 名，已选 ${form.deputyCodes.length} 名` : `已选 ${form.deputyCodes.length} 名`}>
            值班代表
          </FieldLabel>
          {options.length === 0 ? (
            <Hint>{form.stationCode ? '该站点还没有代表' : '请先选择联络站'}</Hint>
          ) : (
            <ChipGroup name="deputies" columns={2} options={options.map((o) => ({ value: o.code, label: o.name, hint: o.hint }))} value={form.deputyCodes} onChange={toggleDeputy} />
          )}

          <FieldLabel extra="部门负责人、法官、检察官进站">受邀人员（四进站）</FieldLabel>
          {form.officials.map((o, i) => (
            <View className="rc-person" key={`${o.name}-${i}`} id={`official-${i}`}>
              <View className="rc-person__body">
                <View className="rc-person__name">
                  {o.name}
                  <Text className="rc-person__tag">{OFFICIAL_KIND_LABELS[o.kind]}</Text>
                </View>
                <View className="rc-person__position">{o.title}</View>
              </View>
              <View className="rc-person__action" onClick={() => set('officials', form.officials.filter((_, j) => j !== i))}>
                移除
              </View>
            </View>
          ))}
          <Hint>添加：选类别，填姓名和职务，再点“添加受邀人员”。</Hint>
          <ChipGroup
            name="official-kind"
            columns={2}
            options={OFFICIAL_KINDS.map((k) => ({ value: k, label: OFFICIAL_KIND_LABELS[k] }))}
            value={official.kind}
            onChange={(kind) => setOfficial({ ...official, kind })}
          />
          <Input className="rc-input" id="official-name" value={official.name} maxlength={20} placeholder="姓名" onInput={(e) => setOfficial({ ...official, name: e.detail.value })} />
          <Input className="rc-input" id="official-title" value={official.title} maxlength={40} placeholder="职务，如县交通运输局局长" onInput={(e) => setOfficial({ ...official, title: e.detail.value })} />
          <FieldError message={officialError} />
          <Button className="rc-block-button" fill="outline" type="primary" onClick={addOfficial} id="add-official">
            添加受邀人员
          </Button>

          <FieldLabel extra={`${charCount(form.announcement.trim())}/500`}>公告</FieldLabel>
          <Textarea
            className="rc-textarea"
            id="session-announcement-input"
            value={form.announcement}
            maxlength={500}
            placeholder="不填则按日期、地点和值班代表自动生成公告"
            onInput={(e) => set('announcement', e.detail.value)}
          />

          <FieldError message={errorAt('save')} id="edit-error-text" />
          <Button className="rc-cta-button" type="primary" loading={busy === 'save'} disabled={!!busy} onClick={() => void saveChecked()} id="save-session">
            {session ? '保存修改' : '创建并发布公告'}
          </Button>
        </View>
      )}
      {session && session.status === 'held' && (
        <View className="card" id="held-notes">
          <FieldLabel extra={`${charCount(heldNotes.trim())}/2000`}>接待记录</FieldLabel>
          <Hint>已举行的活动可补充记录；到场代表为：{session.attendance.map((a) => a.name).join('、') || '未记录'}。</Hint>
          <Textarea className="rc-textarea" value={heldNotes} maxlength={2000} placeholder="接待人数、主要问题、现场答复情况" onInput={(e) => setHeldNotes(e.detail.value)} />
          <FieldError message={errorAt('notes')} id="notes-error" />
          <Button className="rc-block-button" type="primary" loading={busy === 'notes'} disabled={!!busy} id="save-notes"
            onClick={() =>
              void run(
                'notes',
                () => call('reception', 'updateSession', { id: session.id, expectedVersion: session.version, notes: heldNotes.trim() || null }),
                '接待记录已保存',
              )
            }>
            保存记录
          </Button>
        </View>
      )}
      {session && session.status === 'cancelled' && error && <FieldError message={error.text} id="edit-error-text" />}

      {session && (
        <View className="card rc-links">
          <View className="rc-link" id="link-announcement" onClick={() => go(sessionUrl(session.id))}>
            <Text>查看公告（群众看到的页面）</Text>
            <Text className="rc-link__arrow">›</Text>
          </View>
        </View>
      )}
    </View>
  )
}
