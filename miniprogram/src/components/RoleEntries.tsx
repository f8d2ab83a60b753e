import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Role } from '@shared/domain/roles'
import { call } from '../api/client'
import { useLoad } from '../lib/use-load'
import './RoleEntries.css'

/**
 * The workbench of each role, in its own subpackage (loaded only when opened; 我的 preloads them on
 * Wi-Fi), followed by the role's other pages (统计看板, 评议通报, 履职档案 in packages/stats).
 */
const WORKBENCHES: Array<{ role: Role; id: string; title: string; hint: string; url: string }> = [
  { role: 'deputy', id: 'workbench-deputy', title: '代表工作台', hint: '接单、即时答复、提交人大、评价办理结果', url: '/packages/deputy/home/index' },
  { role: 'deputy', id: 'entry-reception-duty', title: '我的接待', hint: '接待日值班安排、提醒订阅、亮码进站', url: '/packages/reception/pages/duty/index' },
  { role: 'deputy', id: 'entry-deputy-record', title: '履职档案', hint: '本人接单、答复、提交人大和接待日值班情况', url: '/packages/stats/deputy-record/index' },
  { role: 'staff', id: 'workbench-staff', title: '人大派单台', hint: '派单、督办、延期审批、并案与转办', url: '/packages/staff/board/index' },
  { role: 'staff', id: 'entry-reception-calendar', title: '接待日管理', hint: '生成接待日、排班规则、各站接待情况', url: '/packages/reception/pages/calendar/index' },
  { role: 'staff', id: 'entry-stats-dashboard', title: '统计看板', hint: '五单漏斗、三率、承办单位排名、接待活动', url: '/packages/stats/dashboard/index' },
  { role: 'staff', id: 'entry-stats-evaluation', title: '评议通报', hint: '年度承办单位评议、导出与打印、冻结年度', url: '/packages/stats/evaluation/index' },
  { role: 'department', id: 'workbench-department', title: '承办工作台', hint: '签收、报告进展、申请延期、销单', url: '/packages/department/queue/index' },
  { role: 'admin', id: 'workbench-admin', title: '县级设置', hint: '站点、代表、承办单位、角色与邀请码、变更历史', url: '/packages/admin/pages/home/index' },
  { role: 'supervisor', id: 'workbench-supervisor', title: '接待登记', hint: '接待日登记、交办单、办理结果回访', url: '/packages/supervisor/pages/home/index' },
]

/**
 * 工作台 entries on 我的, for the roles this WeChat identity holds (directory.whoami). A resident
 * sees nothing here. `version` changes when the local demo identity is switched.
 */
export default function RoleEntries({ version = 0 }: { version?: number }) {
  // roles may have been bound meanwhile (我的身份): asked again when 我的 shows again; without an
  // answer the view stays as it is
  const { data: me, reload } = useLoad('whoami', () => call('directory', 'whoami', {}), { refreshOnShow: true })
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else void reload()
  }, [version, reload])
  const roles: Role[] = me?.roles ?? []
  const name = me?.displayName ?? null

  const mine = WORKBENCHES.filter((w) => roles.includes(w.role))
  if (mine.length === 0) return null
  return (
    <View id="role-entries">
      <View className="section-title">
        <Text>我的工作台</Text>
        {name && <Text className="section-title__extra">{name}</Text>}
      </View>
      {mine.map((w) => (
        <View className="card role-entry" key={w.id} id={w.id} onClick={() => void Taro.navigateTo({ url: w.url })}>
          <View className="role-entry__text">
            <View className="role-entry__title">{w.title}</View>
            <View className="role-entry__hint">{w.hint}</View>
          </View>
          <Text className="role-entry__arrow">›</Text>
        </View>
      ))}
    </View>
  )
}
