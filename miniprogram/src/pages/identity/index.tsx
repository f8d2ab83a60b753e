import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Skeleton } from '@nutui/nutui-react-taro'
import { directoryActions, type Whoami } from '@shared/api/directory'
import { ROLE_LABELS, type Role } from '@shared/domain/roles'
import { call, toApiError } from '../../api/client'
import Blank from '../../components/Blank'
import { useLoad } from '../../lib/use-load'
import Bootstrap from './Bootstrap'
import './index.css'

// Local demo only, spelled out inline so webpack drops it (and its styles) from every other build.
const DemoIdentity: typeof import('../../components/DemoIdentity').default | null =
  process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL_MODE === '1'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('../../components/DemoIdentity').default
    : null

/** What people type: "abcd efgh", "ABCD-EFGH" → "ABCDEFGH". */
function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8)
}

const ROLE_HINTS: Partial<Record<Role, string>> = {
  deputy: '可以接单、即时答复、提交人大，查看接待安排',
  supervisor: '可以登记接待、填写交办单',
  staff: '可以审核派单、督办、查看统计',
  department: '可以签收、反馈进展、办结销单',
  admin: '可以签发邀请码，维护站点和人员',
}

export default function IdentityPage() {
  const { state: who, reload: reload } = useLoad<Whoami>('whoami', () => call('directory', 'whoami', {}))
  /** The answer of a successful redeem (newer than the last load). */
  const [fresh, setFresh] = useState<Whoami | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [bound, setBound] = useState<Role[] | null>(null)

  const firstShow = useRef(true)
  useDidShow(() => {
    // Roles may have changed elsewhere (another phone bound, the demo switcher): look again.
    if (firstShow.current) {
      firstShow.current = false
      return
    }
    setFresh(null)
    void reload()
  })

  const me = fresh ?? (who.status === 'ready' ? who.data : null)

  const redeem = async () => {
    if (busy) return
    setFormError(null)
    setBound(null)
    // The shared schema: 请输入邀请码 / 邀请码为8位字母或数字.
    const checked = directoryActions.redeemInvitation.input.safeParse({ code: code || undefined })
    if (!checked.success) {
      setCodeError(checked.error.issues[0]?.message ?? '邀请码为8位字母或数字')
      return
    }
    setCodeError(null)
    setBusy(true)
    const before = me?.roles ?? []
    try {
      const next = await call('directory', 'redeemInvitation', { code: checked.data.code })
      setFresh(next)
      setBound(next.roles.filter((r) => !before.includes(r)))
      setCode('')
    } catch (err) {
      const e = toApiError(err)
      if (e.code === 'invitation_invalid' || (e.code === 'validation_failed' && e.field === 'code')) setCodeError(e.message)
      else setFormError(e.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page identity-page" id="identity-page">
      {DemoIdentity && (
        <DemoIdentity
          onChange={() => {
            setFresh(null)
            setBound(null)
            void reload()
          }}
        />
      )}

      <View className="section-title">
        <Text>当前身份</Text>
      </View>
      <View className="card" id="identity-current">
        {who.status === 'loading' && !me && <Skeleton rows={2} animated />}
        {who.status === 'error' && !me && (
          <View>
            <Blank picture={who.error.code === 'network_error' ? 'network' : 'mine'} title="暂时无法获取身份" description={who.error.message} />
            <Button className="big-button" type="primary" fill="outline" block onClick={() => void reload()}>
              重新加载
            </Button>
          </View>
        )}
        {me && (
          <View>
            <View className="identity-name" id="identity-name">
              {me.displayName ?? '微信用户'}
            </View>
            <View className="identity-roles" id="identity-roles">
              {me.roles.map((r) => (
                <Text key={r} className={`identity-role ${r === 'resident' ? '' : 'identity-role--duty'}`}>
                  {ROLE_LABELS[r]}
                </Text>
              ))}
            </View>
            <View className="muted identity-note">
              {me.roles.length > 1 ? '您的身份由管理员通过邀请码绑定在本微信上。' : '每位微信用户都可以作为群众反映问题、查看进度。代表、工作人员等身份需要邀请码绑定。'}
            </View>
          </View>
        )}
      </View>

      {bound && (
        <View className="identity-bound" id="identity-bound">
          <View className="identity-bound__title">绑定成功</View>
          {bound.length > 0 ? (
            bound.map((r) => (
              <View key={r} className="identity-bound__row">
                您现在是{ROLE_LABELS[r]}，{ROLE_HINTS[r] ?? '可以使用相应功能'}。
              </View>
            ))
          ) : (
            <View className="identity-bound__row">这个身份之前已经绑定在本微信上。</View>
          )}
        </View>
      )}

      <View className="section-title">
        <Text>输入邀请码</Text>
        <Text className="section-title__extra">8位字母或数字</Text>
      </View>
      <View className="card" id="identity-redeem">
        <View className="muted">代表、联络站管理员、人大工作人员和承办单位，请输入管理员给您的一次性邀请码。</View>
        <View className="identity-code" id="identity-code-input">
          <Input
            className="identity-code__input"
            value={code}
            maxLength={9}
            placeholder="如 ABCD2345"
            onChange={(v) => {
              setCode(normaliseCode(v))
              setCodeError(null)
              setFormError(null)
            }}
            onConfirm={() => void redeem()}
          />
        </View>
        {codeError && (
          <View className="field-error" id="error-code">
            {codeError}
          </View>
        )}
        {formError && (
          <View className="field-error" id="error-identity-form">
            {formError}
          </View>
        )}
        <Button className="big-button identity-submit" type="primary" block loading={busy} disabled={busy} id="redeem-button" onClick={() => void redeem()}>
          {busy ? '正在绑定' : '绑定身份'}
        </Button>
      </View>

      {me && me.roles.every((r) => r === 'resident') && <Bootstrap onDone={setFresh} />}
      {me?.roles.includes('admin') && (
        // issuing codes lives with the directory it names people from (县级设置 subpackage)
        <View className="card identity-admin-link" id="identity-admin-invite" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/invite/index' })}>
          <Text>签发邀请码（县级设置 → 角色与邀请码）</Text>
          <Text className="identity-admin-link__go">›</Text>
        </View>
      )}
    </View>
  )
}
