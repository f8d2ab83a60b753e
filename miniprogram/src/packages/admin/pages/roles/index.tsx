import '../../register-api'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { explain, failure } from '../../../../lib/errors'
import { formatDate, formatTime } from '../../../../lib/format'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import '../../lib/admin.css'

async function confirm(title: string, content: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消', confirmColor: '#c8161d' })
  return res.confirm
}

/** 角色与邀请码 (管理员): who holds which role now (identities masked), and codes nobody used yet. */
export default function AdminRoles() {
  const roles = useLoad('listRoles', () => call('directory', 'listRoles', {}), { refreshOnShow: true, pullDownRefresh: true })
  const invitations = useLoad('listInvitations', () => call('directory', 'listInvitations', {}), { refreshOnShow: true, pullDownRefresh: true })
  const [busy, setBusy] = useState<string | null>(null)

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'success' })
      await Promise.all([roles.reload(), invitations.reload()])
    } catch (err) {
      void Taro.showModal({ title: '没有完成', content: explain(err), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  if (!roles.data && roles.state.status === 'loading') return <LoadingCards cards={2} rows={[4, 3]} className="page" label="正在加载角色" />
  if (!roles.data && roles.state.status === 'error') {
    const f = failure(roles.state.error, '角色与邀请码', { title: '只有本县的管理员可以查看角色', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="roles-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void roles.reload() : undefined} />
  }
  const held = roles.data?.items ?? []
  const open = invitations.data?.items ?? []

  return (
    <View className="page" id="admin-roles-page">
      <View className="ad-actions">
        <Button className="big-button" type="primary" block id="roles-issue" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/invite/index' })}>
          签发邀请码
        </Button>
      </View>

      <View className="section-title">
        <Text>未使用的邀请码</Text>
        <Text className="section-title__extra">{open.length}个</Text>
      </View>
      <View className="card" id="invitation-list">
        {open.length === 0 && <View className="muted">没有未使用的邀请码</View>}
        {open.map((i) => (
          <View className="ad-row" key={i.code} id={`invitation-${i.code}`}>
            <View className="ad-row__main">
              <View className="ad-row__name">
                {i.label}
                {i.expired && <Text className="ad-tag ad-tag--off">已过期</Text>}
              </View>
              <View className="ad-row__meta">
                {i.code.slice(0, 4)} {i.code.slice(4)} · {i.issuedByName}签发 · 有效期至{formatDate(i.expiresAt)}
              </View>
            </View>
            <Text
              className="ad-row__action ad-row__action--danger"
              id={`cancel-${i.code}`}
              onClick={() =>
                void confirm('作废邀请码', `作废后“${i.label}”的邀请码不能再使用。`).then((yes) => void (yes && act(i.code, () => call('directory', 'cancelInvitation', { code: i.code }), '已作废')))
              }
            >
              {busy === i.code ? '正在作废' : '作废'}
            </Text>
          </View>
        ))}
      </View>

      <View className="section-title">
        <Text>本县的角色</Text>
        <Text className="section-title__extra">{held.length}项</Text>
      </View>
      <View className="card" id="role-list">
        {held.map((r) => (
          <View className="ad-row" key={r.grantId} id={`role-${r.grantId}`}>
            <View className="ad-row__main">
              <View className="ad-row__name">
                {r.label}
                {r.self && <Text className="ad-tag">本人</Text>}
              </View>
              <View className="ad-row__meta">
                {r.roleLabel} · 微信身份 {r.identity}
                {r.grantedAt ? ` · ${formatTime(r.grantedAt)}起` : ''}
              </View>
            </View>
            <Text
              className="ad-row__action ad-row__action--danger"
              id={`revoke-${r.grantId}`}
              onClick={() =>
                void confirm('解除角色', `解除后，${r.label}下次打开小程序时将不再有“${r.roleLabel}”的权限。${r.self ? '这是您本人的角色。' : ''}`).then(
                  (yes) => void (yes && act(r.grantId, () => call('directory', 'revokeRole', { grantId: r.grantId }), '已解除')),
                )
              }
            >
              {busy === r.grantId ? '正在解除' : '解除'}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
