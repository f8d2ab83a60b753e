import '../../register-api'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ADMIN_DEPUTY_LEVEL_LABELS, PERSON_ROLE_LABELS, STAFF_SCOPE_LABELS, type AdminDirectoryView } from '@shared/api/directory-admin'
import { DEPARTMENT_KIND_LABELS } from '@shared/domain/departments'
import { CATEGORIES, categoryLabel } from '@shared/domain/categories'
import { STATION_KIND_LABELS } from '@shared/domain/stations'
import { call, toApiError } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { failure } from '../../../../lib/errors'
import { formatTime } from '../../../../lib/format'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import { ChipGroup, FieldError } from '../../../../components/WorkForm'
import { Field, TextField, splitList } from '../../lib/fields'
import { LocationField, PhotoField } from '../../lib/media-fields'
import PrivacySheet from '../../../../components/PrivacySheet'
import '../../lib/admin.css'

type Kind = 'county' | 'station' | 'deputy' | 'person' | 'department' | 'focus_group'
const KIND_LABELS: Record<Kind, string> = { county: '本县信息', station: '站点', deputy: '代表', person: '工作人员', department: '承办单位', focus_group: '专题关注组' }
/** The role an invitation for this record binds (a person's is their own). */
const INVITE_ROLE: Partial<Record<Kind, string>> = { deputy: 'deputy', department: 'department' }
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]

type Form = Record<string, string | string[]>

/** The record as the form edits it (texts, choices as codes, lists). */
function formOf(kind: Kind, code: string | undefined, d: AdminDirectoryView): Form {
  const yes = (b: boolean) => (b ? 'yes' : 'no')
  switch (kind) {
    case 'county':
      return { name: d.county.name, prefix: d.county.prefix, townships: d.county.townships.join('、'), categoryCodes: d.county.categoryCodes }
    case 'station': {
      const s = d.stations.find((x) => x.code === code)
      return {
        name: s?.name ?? '',
        kind: s?.kind ?? '',
        township: s?.township ?? '',
        address: s?.address ?? '',
        latitude: s?.location ? String(s.location.latitude) : '',
        longitude: s?.location ? String(s.location.longitude) : '',
        receptionNote: s?.receptionNote ?? '',
        active: yes(s?.active ?? true),
      }
    }
    case 'deputy': {
      const p = d.deputies.find((x) => x.code === code)
      return {
        name: p?.name ?? '',
        level: p?.level ?? '',
        stationCodes: p?.stationCodes ?? [],
        focusGroupCodes: p?.focusGroupCodes ?? [],
        photoUrl: p?.photoUrl ?? '',
        socialPosition: p?.socialPosition ?? '',
        phone: p?.phone ?? '',
        publishContact: yes(p?.publishContact ?? false),
        term: p?.term ?? '',
      }
    }
    case 'person': {
      const p = d.people.find((x) => x.code === code)
      return {
        name: p?.name ?? '',
        role: p?.role ?? '',
        title: p?.title ?? '',
        phone: p?.phone ?? '',
        stationCodes: p?.stationCodes ?? [],
        scope: p?.scope ?? '',
        township: p?.township ?? '',
        active: yes(p?.active ?? true),
      }
    }
    case 'department': {
      const p = d.departments.find((x) => x.code === code)
      return { name: p?.name ?? '', shortName: p?.shortName ?? '', kind: p?.kind ?? '', contact: p?.contact ?? '', active: yes(p?.active ?? true) }
    }
    case 'focus_group': {
      const g = d.focusGroups.find((x) => x.code === code)
      return { name: g?.name ?? '', topics: (g?.topics ?? []).join('、'), active: yes(g?.active ?? true) }
    }
  }
}

const str = (f: Form, k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() : '')
const list = (f: Form, k: string) => (Array.isArray(f[k]) ? (f[k] as string[]) : [])

/** Both coordinates or neither; a half-typed pair is sent as is so the server names what is missing. */
function locationOf(f: Form): { latitude: number; longitude: number } | null | Record<string, unknown> {
  const lat = str(f, 'latitude')
  const lng = str(f, 'longitude')
  if (!lat && !lng) return null
  return { latitude: lat === '' ? undefined : Number(lat), longitude: lng === '' ? undefined : Number(lng) }
}

/** Saves the form with the action of its kind; the server answers every field's mistakes in Chinese. */
function save(kind: Kind, code: string | undefined, f: Form, reactivate = false) {
  const keep = code ? { code } : {}
  switch (kind) {
    case 'county':
      return call('directory', 'saveCounty', {
        name: str(f, 'name'),
        prefix: str(f, 'prefix') || undefined,
        townships: splitList(str(f, 'townships')),
        categoryCodes: list(f, 'categoryCodes') as never,
      })
    case 'station':
      return call('directory', 'saveStation', {
        ...keep,
        name: str(f, 'name'),
        kind: str(f, 'kind') as never,
        township: str(f, 'township'),
        address: str(f, 'address'),
        location: locationOf(f) as never,
        receptionNote: str(f, 'receptionNote') || null,
        active: f.active !== 'no',
      })
    case 'deputy':
      return call('directory', 'saveDeputy', {
        ...keep,
        name: str(f, 'name'),
        level: str(f, 'level') as never,
        stationCodes: list(f, 'stationCodes'),
        focusGroupCodes: list(f, 'focusGroupCodes'),
        photoUrl: str(f, 'photoUrl') || null,
        socialPosition: str(f, 'socialPosition'),
        phone: str(f, 'phone'),
        publishContact: f.publishContact === 'yes',
        term: str(f, 'term') || null,
        ...(reactivate ? { reactivate: true as const } : {}),
      })
    case 'person':
      return call('directory', 'savePerson', {
        ...keep,
        name: str(f, 'name'),
        role: str(f, 'role') as never,
        title: str(f, 'title') || null,
        phone: str(f, 'phone') || null,
        stationCodes: str(f, 'role') === 'supervisor' ? list(f, 'stationCodes') : [],
        scope: str(f, 'role') === 'staff' ? ((str(f, 'scope') || null) as never) : null,
        township: str(f, 'role') === 'staff' && str(f, 'scope') === 'township' ? str(f, 'township') || null : null,
        active: f.active !== 'no',
      })
    case 'department':
      return call('directory', 'saveDepartment', {
        ...keep,
        name: str(f, 'name'),
        shortName: str(f, 'shortName') || null,
        kind: str(f, 'kind') as never,
        contact: str(f, 'contact') || null,
        active: f.active !== 'no',
      })
    case 'focus_group':
      return call('directory', 'saveFocusGroup', { ...keep, name: str(f, 'name'), topics: splitList(str(f, 'topics')), active: f.active !== 'no' })
  }
}

/** An invitation names an entry that is in use. */
function inviteable(kind: Kind, code: string, d: AdminDirectoryView): boolean {
  const entry = kind === 'deputy' ? d.deputies.find((x) => x.code === code) : kind === 'person' ? d.people.find((x) => x.code === code) : d.departments.find((x) => x.code === code)
  return !!entry?.active
}

/** A field path of the server's message → the form field it is about (“stationCodes.0” → stationCodes). */
const fieldOf = (path: string | undefined) => (path ?? 'form').split('.')[0]

export default function AdminEdit() {
  const { params } = useRouter()
  const kind = (Object.keys(KIND_LABELS).includes(params.kind ?? '') ? params.kind : 'station') as Kind
  const code = params.code ? decodeURIComponent(params.code) : undefined
  const dir = useLoad('adminDirectory', () => call('directory', 'adminDirectory', {}))
  // this record's history (a new record has none); the county's code comes with the directory
  const recordCode = kind === 'county' ? dir.data?.county.code : code
  const history = useLoad(recordCode ? `history:${kind}:${recordCode}` : null, () => call('directory', 'directoryHistory', { kind, code: recordCode, limit: 10 }))
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (dir.data && !form) setForm(formOf(kind, code, dir.data))
  }, [dir.data, form, kind, code])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: `${code || kind === 'county' ? '编辑' : '新增'}${KIND_LABELS[kind]}` })
  }, [kind, code])

  if (!dir.data && dir.state.status === 'error') {
    const f = failure(dir.state.error, '县级设置', { title: '只有本县的管理员可以编辑', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="admin-edit-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void dir.reload() : undefined} />
  }
  if (!dir.data || !form) return <LoadingCards cards={2} rows={[4, 3]} className="page" label="正在加载" />
  const d = dir.data

  const set = (k: string) => (v: string) => {
    setForm((f) => ({ ...(f as Form), [k]: v }))
    setErrors((e) => (e[k] || e.form ? { ...e, [k]: '', form: '' } : e))
  }
  const toggle = (k: string) => (v: string) => {
    const now = list(form, k)
    set(k)(now.includes(v) ? (now.filter((x) => x !== v) as never) : ([...now, v] as never))
  }

  const submit = async (reactivate = false) => {
    if (busy) return
    setBusy(true)
    try {
      await save(kind, code, form, reactivate)
      void Taro.showToast({ title: reactivate ? '已恢复在任' : '已保存', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (err) {
      const e = toApiError(err)
      const field = e.code === 'validation_failed' ? fieldOf(e.field) : 'form'
      setErrors({ [field in form ? field : 'form']: e.message })
    } finally {
      setBusy(false)
    }
  }

  const text = (k: string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={k} label={label} value={typeof form[k] === 'string' ? (form[k] as string) : ''} onChange={set(k)} error={errors[k]} {...extra} />
  )
  const choice = (k: string, label: string, opts: Array<{ value: string; label: string }>, columns: 1 | 2 | 3 | 4 = 2, required = true) => (
    <Field name={k} label={label} required={required} error={errors[k]}>
      <ChipGroup name={k} options={opts} value={str(form, k)} onChange={set(k)} columns={columns} />
    </Field>
  )
  const many = (k: string, label: string, opts: Array<{ value: string; label: string }>, hint?: string) => (
    <Field name={k} label={label} error={errors[k]} hint={hint}>
      <ChipGroup name={k} options={opts} value={list(form, k)} onChange={toggle(k)} columns={2} />
    </Field>
  )

  return (
    <View className="page" id="admin-edit">
      {/* photos and the map picker ask for consent to the 隐私说明 first */}
      {(kind === 'deputy' || kind === 'station') && <PrivacySheet />}
      <View className="card" id={`admin-form-${kind}`}>
        {code && <View className="muted">编号 {code}</View>}
        {kind === 'county' && (
          <>
            {text('name', '县（区）名称', { required: true, placeholder: '如 修武县', maxlength: 20 })}
            {text('prefix', '事项编号前缀', { placeholder: '2至4位大写字母，如 XW', hint: '事项编号形如 XW-2026-0001', maxlength: 4 })}
            {text('townships', '乡镇（街道）', { required: true, placeholder: '如 城关镇、七贤镇、西村乡', hint: '用顿号或空格分隔；仍有站点的乡镇不能删除', maxlength: 800 })}
            {many(
              'categoryCodes',
              '议题类别',
              CATEGORIES.map((c) => ({ value: c.code, label: c.label })),
              `代表接单时按此顺序选择：${list(form, 'categoryCodes').map(categoryLabel).join('、') || '（未选）'}。按点选的先后排序，“其他”总会提供；县里自己的议题请建专题关注组。`,
            )}
          </>
        )}
        {kind === 'station' && (
          <>
            {text('name', '站点名称', { required: true, placeholder: '如 城关镇人大代表联络站', maxlength: 40 })}
            {choice('kind', '类型', options(STATION_KIND_LABELS))}
            {choice('township', '所在乡镇（街道）', d.county.townships.map((t) => ({ value: t, label: t })), 3)}
            {text('address', '地址', { required: true, maxlength: 80 })}
            <LocationField
              latitude={str(form, 'latitude')}
              longitude={str(form, 'longitude')}
              error={errors.location}
              onChange={(lat, lng, address) => {
                setForm((f) => ({ ...(f as Form), latitude: lat, longitude: lng, ...(address && !str(f as Form, 'address') ? { address: address.slice(0, 80) } : {}) }))
                setErrors((e) => ({ ...e, location: '', form: '' }))
              }}
            />
            {text('receptionNote', '接待说明', { placeholder: '如 每月第一周周二上午', hint: '显示在站点页面上', maxlength: 200 })}
            {choice('active', '启用', YES_NO, 2)}
          </>
        )}
        {kind === 'deputy' && (
          <>
            {text('name', '姓名', { required: true, maxlength: 20 })}
            {choice('level', '层级', options(ADMIN_DEPUTY_LEVEL_LABELS))}
            {many('stationCodes', '所在站点', d.stations.filter((s) => s.active).map((s) => ({ value: s.code, label: s.name })), '可多选；代表会出现在所选站点的页面上')}
            {d.focusGroups.length > 0 && many('focusGroupCodes', '专题关注组', d.focusGroups.filter((g) => g.active).map((g) => ({ value: g.code, label: g.name })))}
            <PhotoField value={str(form, 'photoUrl')} error={errors.photoUrl} onChange={set('photoUrl')} />
            {text('socialPosition', '工作单位及职务', { required: true, maxlength: 60 })}
            {text('phone', '手机号', { required: true, type: 'number', maxlength: 11, hint: '用于接待日提醒；是否在站点页面公开，见下一项' })}
            {choice('publishContact', '在站点页面公开电话', YES_NO, 2)}
            {text('term', '届次', { placeholder: '如 第十七届（2021—2026）', maxlength: 30 })}
            {code && (d.deputies.find((x) => x.code === code)?.active ?? true) && (
              <View className="ad-row" id="admin-deputy-leave" onClick={() => void Taro.navigateTo({ url: `/packages/admin/pages/leave/index?code=${encodeURIComponent(code)}` })}>
                <View className="ad-row__main">
                  <View className="ad-row__name">离任与移交</View>
                  <View className="ad-row__meta">换届、调离或辞职：指定接替代表，移交未办结事项</View>
                </View>
                <Text className="ad-row__action ad-row__action--danger">办理</Text>
              </View>
            )}
            {code && d.deputies.find((x) => x.code === code)?.active === false && (
              <View className="ad-row" id="admin-deputy-left">
                <View className="ad-row__main">
                  <View className="ad-row__name">该代表已离任</View>
                  <View className="ad-row__meta">履职档案保留。连任或重新当选时，选好所在站点后恢复在任；其微信身份需重新签发邀请码绑定。</View>
                </View>
                <Text className="ad-row__action" id="admin-deputy-reactivate" onClick={() => void submit(true)}>
                  恢复在任
                </Text>
              </View>
            )}
          </>
        )}
        {kind === 'person' && (
          <>
            {text('name', '姓名', { required: true, maxlength: 20 })}
            {code ? (
              <View className="ad-field">
                <View className="ad-row__meta">类别：{PERSON_ROLE_LABELS[str(form, 'role') as 'supervisor' | 'staff']}</View>
              </View>
            ) : (
              choice('role', '类别', options(PERSON_ROLE_LABELS))
            )}
            {text('title', '职务', { placeholder: str(form, 'role') === 'staff' ? '如 县人大常委会代表工作委员会主任' : '如 联络员', maxlength: 40 })}
            {text('phone', '手机号', { type: 'number', maxlength: 11, hint: '选填，仅管理员可见' })}
            {str(form, 'role') === 'supervisor' &&
              many('stationCodes', '管理的站点', d.stations.filter((s) => s.active).map((s) => ({ value: s.code, label: s.name })), '可多选；在这些站点登记接待、处理站点事务')}
            {str(form, 'role') === 'staff' && choice('scope', '工作范围', options(STAFF_SCOPE_LABELS))}
            {str(form, 'role') === 'staff' && str(form, 'scope') === 'township' && choice('township', '乡镇（街道）', d.county.townships.map((t) => ({ value: t, label: t })), 3)}
            {choice('active', '在职', YES_NO, 2)}
            {code && <View className="ad-hint">停用后其微信身份随即失去该角色；历史记录保留。</View>}
          </>
        )}
        {kind === 'department' && (
          <>
            {text('name', '单位名称', { required: true, maxlength: 40 })}
            {text('shortName', '简称', { maxlength: 12 })}
            {choice('kind', '类型', options(DEPARTMENT_KIND_LABELS))}
            {text('contact', '联系方式', { placeholder: '如 办公室 0391-7123456', maxlength: 60 })}
            {choice('active', '启用', YES_NO, 2)}
            {code && <View className="ad-hint">停用后不再出现在派单列表中，该单位经办人的身份一并解除；已派的事项保留。</View>}
          </>
        )}
        {kind === 'focus_group' && (
          <>
            {text('name', '关注组名称', { required: true, maxlength: 40 })}
            {text('topics', '关注议题', { placeholder: '如 古镇保护、民宿发展', hint: '用顿号分隔；成员在“代表”中选择', maxlength: 600 })}
            {choice('active', '启用', YES_NO, 2)}
          </>
        )}
        <FieldError message={errors.form} id="admin-form-error" />
      </View>
      <View className="ad-actions">
        <Button className="big-button" type="primary" block id="admin-save" loading={busy} onClick={() => void submit()}>
          保存
        </Button>
      </View>

      {code && (INVITE_ROLE[kind] || kind === 'person') && d && inviteable(kind, code, d) && (
        <View
          className="card ad-entry"
          id="admin-record-invite"
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/admin/pages/invite/index?role=${INVITE_ROLE[kind] ?? str(form, 'role')}&code=${encodeURIComponent(code)}` })
          }
        >
          <View>
            <View className="ad-entry__title">签发邀请码</View>
            <View className="ad-entry__hint">给本人一个一次性邀请码，绑定其微信身份</View>
          </View>
          <Text className="ad-row__action">›</Text>
        </View>
      )}

      {history.data && history.data.items.length > 0 && (
        <>
          <View className="section-title">
            <Text>变更历史</Text>
          </View>
          <View className="card" id="admin-record-history">
            {history.data.items.map((e) => (
              <View className="ad-row" key={e.id}>
                <View className="ad-row__main">
                  <View className="ad-row__meta">
                    {formatTime(e.at)} · {e.actorName}
                  </View>
                  <View className="ad-change">{e.summary}</View>
                </View>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
