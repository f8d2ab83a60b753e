import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AdminDirectoryView } from '@shared/api/directory-admin'

interface Step {
  id: string
  title: string
  hint: string
  done: boolean
  url: string
}

/** What a county needs before residents can use it, in order; each step opens where it is done. */
export function setupSteps(d: AdminDirectoryView): Step[] {
  const named = !!d.county.name
  return [
    { id: 'county', title: '填写本县信息', hint: '县（区）名称、乡镇（街道）', done: named, url: '/packages/admin/pages/edit/index?kind=county' },
    { id: 'stations', title: '添加站点', hint: '逐个新增，或用Excel模板批量导入', done: d.stations.some((s) => s.active), url: '/packages/admin/pages/import/index' },
    { id: 'deputies', title: '添加代表', hint: '填写所在站点；可用Excel导入', done: d.deputies.some((p) => p.active), url: '/packages/admin/pages/import/index' },
    { id: 'departments', title: '添加承办单位', hint: '一府两院、乡镇政府等，派单时选择', done: d.departments.some((p) => p.active), url: '/packages/admin/pages/import/index' },
    { id: 'invite', title: '签发邀请码', hint: '代表、站点管理员、工作人员、承办单位各自绑定', done: d.deputies.some((p) => p.bound), url: '/packages/admin/pages/roles/index' },
    { id: 'codes', title: '打印站点码', hint: '张贴在各站点，群众扫码提建议', done: false, url: '/packages/admin/pages/codes/index' },
  ]
}

/** 开通步骤: shown until the county has its directory and its first bound deputy. */
export default function SetupSteps({ d }: { d: AdminDirectoryView }) {
  const steps = setupSteps(d)
  if (steps.slice(0, 5).every((s) => s.done)) return null
  const next = steps.find((s) => !s.done)
  return (
    <View className="card" id="setup-steps">
      <View className="ad-entry__title">开通步骤</View>
      {steps.map((s, i) => {
        const blocked = i > 0 && !steps[0].done
        return (
          <View
            key={s.id}
            className={`ad-step ${s.done ? 'ad-step--done' : ''} ${s === next ? 'ad-step--next' : ''}`}
            id={`setup-${s.id}`}
            onClick={() => !blocked && void Taro.navigateTo({ url: s.url })}
          >
            <Text className="ad-step__n">{s.done ? '✓' : i + 1}</Text>
            <View className="ad-row__main">
              <View className="ad-row__name">{s.title}</View>
              <View className="ad-row__meta">{blocked ? '请先填写本县信息' : s.hint}</View>
            </View>
          </View>
        )
      })}
    </View>
  )
}
