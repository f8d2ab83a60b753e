import '../../register-api'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AdminDirectoryView } from '@shared/api/directory-admin'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { failure } from '../../../../lib/errors'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import { ChipGroup } from '../../../../components/WorkForm'
import SetupSteps from './SetupSteps'
import '../../lib/admin.css'

type Tab = 'station' | 'deputy' | 'person' | 'department' | 'focus_group'
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'station', label: '站点' },
  { value: 'deputy', label: '代表' },
  { value: 'person', label: '工作人员' },
  { value: 'department', label: '承办单位' },
  { value: 'focus_group', label: '关注组' },
]
const NEW_LABEL: Record<Tab, string> = { station: '新增站点', deputy: '新增代表', person: '新增工作人员', department: '新增承办单位', focus_group: '新增关注组' }

const edit = (kind: Tab | 'county', code?: string) =>
  void Taro.navigateTo({ url: `/packages/admin/pages/edit/index?kind=${kind}${code ? `&code=${encodeURIComponent(code)}` : ''}` })

interface Row {
  code: string
  name: string
  meta: string
  active: boolean
}

function rowsOf(tab: Tab, d: AdminDirectoryView): Row[] {
  const stationName = new Map(d.stations.map((s) => [s.code, s.name]))
  switch (tab) {
    case 'station':
      return d.stations.map((s) => ({ code: s.code, name: s.name, active: s.active, meta: `${s.kindLabel} · ${s.township} · ${s.deputyCodes.length}名代表 · ${s.code}` }))
    case 'deputy':
      return d.deputies.map((p) => ({
        code: p.code,
        name: p.name,
        active: p.active,
        meta: `${p.levelLabel} · ${p.stationCodes.map((c) => stationName.get(c) ?? c).join('、') || '未分配站点'}${p.bound ? '' : ' · 未绑定微信'}`,
      }))
    case 'person':
      return d.people.map((p) => ({
        code: p.code,
        name: p.name,
        active: p.active,
        meta: [
          p.roleLabel,
          p.role === 'supervisor' ? p.stationCodes.map((c) => stationName.get(c) ?? c).join('、') : p.scope === 'township' ? p.township : '全县',
          p.holders ? '已绑定微信' : '未绑定微信',
        ]
          .filter(Boolean)
          .join(' · '),
      }))
    case 'department':
      return d.departments.map((p) => ({ code: p.code, name: p.name, active: p.active, meta: `${p.kindLabel} · ${p.handlerCount}名经办人 · ${p.code}` }))
    case 'focus_group':
      return d.focusGroups.map((g) => ({ code: g.code, name: g.name, active: g.active, meta: `${g.memberCodes.length}名成员${g.topics.length ? ` · ${g.topics.join('、')}` : ''}` }))
  }
}

/** 县级设置 (管理员): the county, its directory by kind, and the ways to roles, invitations and the history. */
export default function AdminHome() {
  const { state, data, reload } = useLoad('adminDirectory', () => call('directory', 'adminDirectory', {}), { refreshOnShow: true, pullDownRefresh: true })
  const [tab, setTab] = useState<Tab>('station')

  if (!data && state.status === 'loading') return <LoadingCards cards={3} rows={[2, 4]} className="page" label="正在加载县级设置" />
  if (!data && state.status === 'error') {
    const f = failure(state.error, '县级设置', { title: '只有本县的管理员可以打开县级设置', message: '如需管理本县的站点、代表和承办单位，请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="admin-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
  }
  if (!data) return null
  const rows = rowsOf(tab, data)
  const unnamed = !data.county.name

  return (
    <View className="page" id="admin-home">
      <SetupSteps d={data} />
      <View className="card ad-entry" id="admin-county" onClick={() => edit('county')}>
        <View>
          <View className="ad-entry__title">{data.county.name || '本县尚未设置'}</View>
          <View className="ad-entry__hint">
            {unnamed ? '请先填写县（区）名称和乡镇（街道），再添加站点' : `${data.county.townships.length}个乡镇（街道） · 事项编号前缀 ${data.county.prefix}`}
          </View>
        </View>
        <Text className="ad-row__action">{unnamed ? '去设置' : '编辑'}</Text>
      </View>

      <View className="card ad-entry" id="admin-roles" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/roles/index' })}>
        <View>
          <View className="ad-entry__title">角色与邀请码</View>
          <View className="ad-entry__hint">谁持有什么角色、解除角色、作废未使用的邀请码</View>
        </View>
        <Text className="ad-row__action">›</Text>
      </View>
      <View className="card ad-entry" id="admin-import" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/import/index' })}>
        <View>
          <View className="ad-entry__title">从Excel导入</View>
          <View className="ad-entry__hint">下载站点、代表、承办单位模板，填好后预览再导入</View>
        </View>
        <Text className="ad-row__action">›</Text>
      </View>
      <View className="card ad-entry" id="admin-codes" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/codes/index' })}>
        <View>
          <View className="ad-entry__title">站点码</View>
          <View className="ad-entry__hint">打印全部站点的二维码，或逐个下载张贴</View>
        </View>
        <Text className="ad-row__action">›</Text>
      </View>
      <View className="card ad-entry" id="admin-history" onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/history/index' })}>
        <View>
          <View className="ad-entry__title">变更历史</View>
          <View className="ad-entry__hint">谁在何时改了什么（修改前 → 修改后）</View>
        </View>
        <Text className="ad-row__action">›</Text>
      </View>

      <View className="section-title">
        <Text>本县名录</Text>
        <Text className="section-title__extra">停用的也在此列出</Text>
      </View>
      <View className="card">
        <ChipGroup name="admin-tab" options={TABS} value={tab} onChange={setTab} columns={3} />
        {rows.length === 0 && <View className="muted" id="admin-list-empty">还没有记录</View>}
        <View id={`admin-list-${tab}`}>
          {rows.map((r) => (
            <View className="ad-row" key={r.code} id={`admin-row-${r.code}`} onClick={() => edit(tab, r.code)}>
              <View className="ad-row__main">
                <View className="ad-row__name">
                  {r.name}
                  {!r.active && <Text className="ad-tag ad-tag--off">{tab === 'deputy' ? '已离任' : '已停用'}</Text>}
                </View>
                <View className="ad-row__meta">{r.meta}</View>
              </View>
              <Text className="ad-row__action">编辑</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="ad-actions">
        <Button className="big-button" type="primary" block id={`admin-new-${tab}`} disabled={unnamed} onClick={() => edit(tab)}>
          {NEW_LABEL[tab]}
        </Button>
      </View>
    </View>
  )
}
