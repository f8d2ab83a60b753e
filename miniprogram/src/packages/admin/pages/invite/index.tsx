import '../../register-api'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AdminDirectoryView } from '@shared/api/directory-admin'
import { call, toApiError } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { failure } from '../../../../lib/errors'
import { formatDate } from '../../../../lib/format'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import { ChipGroup, FieldError } from '../../../../components/WorkForm'
import { Field } from '../../lib/fields'
import '../../lib/admin.css'

type InviteRole = 'deputy' | 'supervisor' | 'staff' | 'department' | 'admin'
const ROLE_OPTIONS: Array<{ value: InviteRole; label: string }> = [
  { value: 'deputy', label: '人大代表' },
  { value: 'supervisor', label: '联络站管理员' },
  { value: 'staff', label: '人大工作人员' },
  { value: 'department', label: '承办单位' },
  { value: 'admin', label: '系统管理员' },
]
const VALID_DAYS = [3, 7, 15, 30].map((d) => ({ value: String(d), label: `${d}天` }))

interface Candidate {
  code: string
  name: string
  meta: string
}

/** Whom a code of this role may name: the active entries of 县级设置, as the admin reads them. */
function candidates(role: InviteRole, d: AdminDirectoryView): Candidate[] {
  const stationName = new Map(d.stations.map((s) => [s.code, s.name]))
  const stations = (codes: string[]) => codes.map((c) => stationName.get(c) ?? c).join('、')
  switch (role) {
    case 'deputy':
      return d.deputies.filter((p) => p.active).map((p) => ({ code: p.code, name: p.name, meta: `${p.levelLabel} · ${stations(p.stationCodes) || '未分配站点'}${p.bound ? ' · 已绑定微信' : ''}` }))
    case 'supervisor':
    case 'staff':
      return d.people
        .filter((p) => p.active && p.role === role)
        .map((p) => ({ code: p.code, name: p.name, meta: [p.title, role === 'supervisor' ? stations(p.stationCodes) : p.scope === 'township' ? p.township : '全县', p.holders ? '已绑定微信' : ''].filter(Boolean).join(' · ') }))
    case 'department':
      return d.departments.filter((p) => p.active).map((p) => ({ code: p.code, name: p.name, meta: `${p.kindLabel}${p.handlerCount ? ` · ${p.handlerCount}名经办人` : ''}` }))
    case 'admin':
      return []
  }
}

const target = (role: InviteRole, code: string) =>
  role === 'deputy'
    ? { role, deputyCode: code }
    : role === 'supervisor'
      ? { role, supervisorCode: code }
      : role === 'staff'
        ? { role, staffCode: code }
        : role === 'department'
          ? { role, departmentCode: code }
          : { role: 'admin' as const }

const NONE: Record<InviteRole, string> = {
  deputy: '还没有在任的代表，请先在县级设置中新增或导入代表。',
  supervisor: '还没有联络站管理员，请先在县级设置 → 工作人员中新增。',
  staff: '还没有人大工作人员，请先在县级设置 → 工作人员中新增。',
  department: '还没有承办单位，请先在县级设置中新增或导入。',
  admin: '',
}

/**
 * 签发邀请码: the admin picks the role and the person from the county's directory (nobody types a
 * code), reads the one-time code out to them; they enter it on 我的 → 我的身份.
 */
export default function Invite() {
  const { params } = useRouter()
  const preset = ROLE_OPTIONS.find((r) => r.value === params.role)?.value ?? null
  const dir = useLoad('adminDirectory', () => call('directory', 'adminDirectory', {}))
  const [role, setRole] = useState<InviteRole | null>(preset)
  const [person, setPerson] = useState(params.code ? decodeURIComponent(params.code) : '')
  const [filter, setFilter] = useState('')
  const [days, setDays] = useState('7')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<{ code: string; label: string; expiresAt: string } | null>(null)

  if (!dir.data && dir.state.status === 'error') {
    const f = failure(dir.state.error, '签发邀请码', { title: '只有本县的管理员可以签发邀请码', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="invite-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void dir.reload() : undefined} />
  }
  if (!dir.data) return <LoadingCards cards={2} rows={[3, 5]} className="page" label="正在加载" />

  const all = role ? candidates(role, dir.data) : []
  const q = filter.trim()
  const shown = q ? all.filter((c) => c.name.includes(q) || c.code.includes(q.toUpperCase()) || c.meta.includes(q)) : all

  const issue = async () => {
    if (busy) return
    if (!role) return setErrors({ role: '请选择要绑定的角色' })
    if (role !== 'admin' && !person) return setErrors({ person: `请选择${ROLE_OPTIONS.find((r) => r.value === role)?.label}` })
    setBusy(true)
    setErrors({})
    try {
      const r = await call('directory', 'issueInvitation', { target: target(role, person), validDays: Number(days) })
      setIssued({ code: r.code, label: r.label, expiresAt: r.expiresAt })
    } catch (err) {
      const e = toApiError(err)
      setErrors({ [e.field?.startsWith('target.') && e.field !== 'target.role' ? 'person' : 'form']: e.message })
    } finally {
      setBusy(false)
    }
  }

  if (issued)
    return (
      <View className="page" id="invite-page">
        <View className="card ad-issued" id="issue-result">
          <View className="ad-hint">请把邀请码告诉对方，在“我的 → 我的身份”中输入</View>
          <View className="ad-issued__code" id="issued-code">
            {issued.code.slice(0, 4)} {issued.code.slice(4)}
          </View>
          <View className="ad-row__name" id="issued-label">
            {issued.label}
          </View>
          <View className="ad-hint">有效期至{formatDate(issued.expiresAt)}，只能使用一次；未使用前可在“角色与邀请码”中作废。</View>
        </View>
        <View className="ad-actions ad-buttons">
          <Button className="big-button" type="primary" block id="issued-copy" onClick={() => void Taro.setClipboardData({ data: issued.code })}>
            复制邀请码
          </Button>
          <Button
            className="big-button"
            block
            id="issue-again"
            onClick={() => {
              setIssued(null)
              setPerson('')
            }}
          >
            再签发一个
          </Button>
        </View>
      </View>
    )

  return (
    <View className="page" id="invite-page">
      <View className="card" id="issue-form">
        <Field name="role" label="绑定的角色" required error={errors.role}>
          <ChipGroup
            name="invite-role"
            options={ROLE_OPTIONS}
            value={role ?? undefined}
            onChange={(r) => {
              setRole(r)
              setPerson('')
              setFilter('')
              setErrors({})
            }}
            columns={3}
          />
        </Field>
        {role === 'admin' && <View className="ad-hint">新的管理员可以修改本县的全部设置；签发后本县其他管理员会收到通知。</View>}
        {role && role !== 'admin' && (
          <Field name="person" label={`选择${ROLE_OPTIONS.find((r) => r.value === role)?.label}`} required error={errors.person}>
            {all.length > 8 && (
              <Input
                className="ad-input"
                id="invite-filter"
                value={filter}
                placeholder="输入姓名或编号筛选"
                nativeProps={{ 'aria-label': '按姓名或编号筛选' }}
                onInput={(e) => setFilter(e.detail.value)}
              />
            )}
            {all.length === 0 && <View className="muted" id="invite-none">{NONE[role]}</View>}
            <View id="invite-people">
              {shown.map((c) => (
                <View
                  key={c.code}
                  className={`ad-row ad-pick ${person === c.code ? 'ad-pick--on' : ''}`}
                  id={`invite-person-${c.code}`}
                  onClick={() => {
                    setPerson(c.code)
                    setErrors({})
                  }}
                >
                  <View className="ad-row__main">
                    <View className="ad-row__name">{c.name}</View>
                    <View className="ad-row__meta">{c.meta}</View>
                  </View>
                  <Text className="ad-pick__mark">{person === c.code ? '✓' : ''}</Text>
                </View>
              ))}
            </View>
          </Field>
        )}
        <Field name="days" label="有效期">
          <ChipGroup name="invite-days" options={VALID_DAYS} value={days} onChange={setDays} columns={4} />
        </Field>
        <FieldError message={errors.form} id="invite-form-error" />
      </View>
      <View className="ad-actions">
        <Button className="big-button" type="primary" block id="issue-button" loading={busy} onClick={() => void issue()}>
          签发邀请码
        </Button>
      </View>
    </View>
  )
}
