import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { directoryActions } from '@shared/api/directory'
import { call, toApiError } from '../../api/client'
import { formatDate } from '../../lib/format'

type IssueRole = 'deputy' | 'supervisor' | 'staff' | 'department' | 'admin'
type Field = 'role' | 'personCode' | 'stationCodes' | 'township' | 'form'

const ROLES: Array<{ role: IssueRole; label: string; codeLabel?: string; placeholder?: string }> = [
  { role: 'deputy', label: '人大代表', codeLabel: '代表编号', placeholder: '如 XWT02-R1' },
  { role: 'supervisor', label: '联络站管理员', codeLabel: '管理员编号', placeholder: '如 XWT01-M2' },
  { role: 'staff', label: '人大工作人员', codeLabel: '工作人员编号', placeholder: '如 XW-STAFF2' },
  { role: 'department', label: '承办单位', codeLabel: '单位编号', placeholder: '如 XW-D09' },
  { role: 'admin', label: '系统管理员' },
]
const VALID_DAYS = [3, 7, 15, 30]

/** Server-side field paths → the input they belong to. */
function fieldOf(path: string | undefined): Field {
  if (!path) return 'form'
  if (/stationCodes/.test(path)) return 'stationCodes'
  if (/township/.test(path)) return 'township'
  if (/(deputy|supervisor|staff|department)Code/.test(path)) return 'personCode'
  if (path === 'target' || path === 'target.role') return 'role'
  return 'form'
}

interface Issued {
  code: string
  label: string
  expiresAt: string
}

/** 签发邀请码 — admins only: pick the role and the person, read the code out to them. */
export default function IssueInvitation() {
  const [role, setRole] = useState<IssueRole | null>(null)
  const [personCode, setPersonCode] = useState('')
  const [stations, setStations] = useState('')
  const [scope, setScope] = useState<'county' | 'township'>('county')
  const [township, setTownship] = useState('')
  const [validDays, setValidDays] = useState(7)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<Issued | null>(null)

  const spec = ROLES.find((r) => r.role === role)

  const clear = (field: Field) => setErrors((e) => (e[field] || e.form ? { ...e, [field]: undefined, form: undefined } : e))

  const issue = async () => {
    if (busy) return
    const next: Partial<Record<Field, string>> = {}
    const code = personCode.trim().toUpperCase()
    const stationCodes = stations
      .split(/[\s,，、;；]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean)
    if (!role) next.role = '请选择要绑定的角色'
    else if (role !== 'admin' && !code) next.personCode = `请填写${spec?.codeLabel ?? '人员编号'}`
    if (role === 'supervisor' && stationCodes.length === 0) next.stationCodes = '请填写管理的联络站编号'
    if (role === 'staff' && scope === 'township' && !township.trim()) next.township = '请填写乡镇名称'
    if (Object.keys(next).length > 0) {
      setErrors(next)
      return
    }
    const target =
      role === 'deputy'
        ? { role, deputyCode: code }
        : role === 'supervisor'
          ? { role, supervisorCode: code, stationCodes }
          : role === 'staff'
            ? { role, staffCode: code, scope, ...(scope === 'township' ? { township: township.trim() } : {}) }
            : role === 'department'
              ? { role, departmentCode: code }
              : { role: 'admin' as const }
    // The shared schema checks lengths; its messages are not all Chinese, so say it plainly.
    const checked = directoryActions.issueInvitation.input.safeParse({ target, validDays })
    if (!checked.success) {
      const issue = checked.error.issues[0]
      const field = fieldOf(issue?.path.join('.'))
      setErrors({ [field]: field === 'stationCodes' ? '联络站编号有误，最多10个' : field === 'role' ? '请选择要绑定的角色' : '编号有误，请核对' })
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const res = await call('directory', 'issueInvitation', checked.data)
      setIssued({ code: res.code, label: res.label, expiresAt: res.expiresAt })
    } catch (err) {
      const e = toApiError(err)
      setErrors({ [e.code === 'validation_failed' ? fieldOf(e.field) : 'form']: e.message })
    } finally {
      setBusy(false)
    }
  }

  const again = () => {
    setIssued(null)
    setPersonCode('')
    setStations('')
    setTownship('')
  }

  return (
    <View>
      <View className="section-title">
        <Text>签发邀请码</Text>
        <Text className="section-title__extra">管理员</Text>
      </View>
      {issued ? (
        <View className="card issue-result" id="issue-result">
          <View className="muted">请把邀请码告诉对方，在“我的身份”中输入</View>
          <View className="issue-result__code" id="issued-code">
            {issued.code.slice(0, 4)} {issued.code.slice(4)}
          </View>
          <View className="issue-result__label" id="issued-label">
            {issued.label}
          </View>
          <View className="muted issue-result__hint">有效期至{formatDate(issued.expiresAt)}，只能使用一次</View>
          <View className="issue-actions">
            <Button className="big-button" type="primary" block id="issued-copy" onClick={() => void Taro.setClipboardData({ data: issued.code })}>
              复制邀请码
            </Button>
            <Button className="big-button" fill="outline" block id="issue-again" onClick={again}>
              再签发一个
            </Button>
          </View>
        </View>
      ) : (
        <View className="card" id="issue-form">
          <View className="issue-label">绑定的角色</View>
          <View className="issue-chips" id="issue-roles">
            {ROLES.map((r) => (
              <View
                key={r.role}
                className={`issue-chip ${role === r.role ? 'issue-chip--on' : ''}`}
                onClick={() => {
                  setRole(r.role)
                  setErrors({})
                }}
              >
                {r.label}
              </View>
            ))}
          </View>
          {errors.role && (
            <View className="field-error" id="error-issue-role">
              {errors.role}
            </View>
          )}

          {spec?.codeLabel && (
            <View>
              <View className="issue-label">{spec.codeLabel}</View>
              <View className="issue-field" id="issue-person">
                <Input
                  value={personCode}
                  maxLength={40}
                  placeholder={spec.placeholder}
                  onChange={(v) => {
                    setPersonCode(v)
                    clear('personCode')
                  }}
                />
              </View>
              {errors.personCode && (
                <View className="field-error" id="error-issue-person">
                  {errors.personCode}
                </View>
              )}
            </View>
          )}

          {role === 'supervisor' && (
            <View>
              <View className="issue-label">管理的联络站编号</View>
              <View className="issue-field" id="issue-stations">
                <Input
                  value={stations}
                  maxLength={120}
                  placeholder="如 XWT01，多个用逗号分开"
                  onChange={(v) => {
                    setStations(v)
                    clear('stationCodes')
                  }}
                />
              </View>
              {errors.stationCodes && (
                <View className="field-error" id="error-issue-stations">
                  {errors.stationCodes}
                </View>
              )}
            </View>
          )}

          {role === 'staff' && (
            <View>
              <View className="issue-label">工作范围</View>
              <View className="issue-chips">
                {(['county', 'township'] as const).map((s) => (
                  <View
                    key={s}
                    className={`issue-chip ${scope === s ? 'issue-chip--on' : ''}`}
                    onClick={() => {
                      setScope(s)
                      clear('township')
                    }}
                  >
                    {s === 'county' ? '全县' : '一个乡镇'}
                  </View>
                ))}
              </View>
              {scope === 'township' && (
                <View className="issue-field" id="issue-township">
                  <Input
                    value={township}
                    maxLength={20}
                    placeholder="乡镇名称，如 城关镇"
                    onChange={(v) => {
                      setTownship(v)
                      clear('township')
                    }}
                  />
                </View>
              )}
              {errors.township && (
                <View className="field-error" id="error-issue-township">
                  {errors.township}
                </View>
              )}
            </View>
          )}

          <View className="issue-label">有效期</View>
          <View className="issue-chips">
            {VALID_DAYS.map((d) => (
              <View key={d} className={`issue-chip ${validDays === d ? 'issue-chip--on' : ''}`} onClick={() => setValidDays(d)}>
                {d}天
              </View>
            ))}
          </View>

          {errors.form && (
            <View className="field-error" id="error-issue-form">
              {errors.form}
            </View>
          )}
          <View className="issue-actions">
            <Button className="big-button" type="primary" block loading={busy} disabled={busy} id="issue-button" onClick={() => void issue()}>
              {busy ? '正在签发' : '签发邀请码'}
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
