import '../../register-api'
import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { formatSessionDate } from '../../../../lib/format'
import { useDrafts } from '../../lib/drafts'
import { exportRegister } from '../../lib/export'
import { monthInBeijing } from '../../../../lib/format'
import { loadToday } from '../../lib/today'
import { PKG, SyncBanner } from '../../lib/parts'
import '../../../../components/Workbench.css'
import '../../supervisor.css'

/** 接待登记 home: today's sessions at my stations (or an ad hoc visit), sync state, and the follow-up lists. */
export default function SupervisorHome() {
  const { drafts, syncing, syncNow } = useDrafts()
  // the last known count of records to complete (kept while offline or when asking fails)
  const lastMissing = useRef<number | null>(null)
  const { data, error } = useLoad(
    'today',
    async () => {
      const { today, cached } = await loadToday()
      if (!cached) {
        try {
          const m = await call('visit', 'missingFields', {})
          lastMissing.current = m.stations.reduce((n, s) => n + s.open - s.readyToClose, 0)
        } catch {
          /* the count stays as it was */
        }
      }
      return { today, offline: cached, missing: lastMissing.current }
    },
    { refreshOnShow: true, pullDownRefresh: true },
  )
  const today = data?.today ?? null
  const offline = data?.offline ?? false
  const missing = data?.missing ?? null

  const go = (url: string) => void Taro.navigateTo({ url })
  const station = today?.stations[0]

  return (
    <View className="page supervisor-home" id="supervisor-home">
      <View className="sv-head">
        <View className="sv-head__title">{station ? station.name : '接待登记'}</View>
        <View className="sv-head__sub">{today ? `${formatSessionDate(today.date)} · 每位来访群众都要登记，办理结果和群众意见要补齐` : '联络站管理员'}</View>
      </View>

      <SyncBanner drafts={drafts} syncing={syncing} onSync={() => void syncNow()} />
      {offline && <View className="work-banner" id="offline-banner">当前没有网络：可以照常登记，登记先保存在手机上，有信号后自动同步。</View>}

      {!today && !error && (
        <View className="card">
          <Skeleton rows={3} animated />
        </View>
      )}
      {error && !today && (
        <View className="sv-empty" id="home-error">
          <View>{error.message}</View>
          <View className="muted">没有信号也可以登记：点下面的“临时接待登记”，有信号后自动同步。</View>
        </View>
      )}

      <View className="section-title">
        <Text>今日接待</Text>
        <Text className="section-title__extra">{today ? `${today.sessions.length}场` : ''}</Text>
      </View>
      {today && today.sessions.length === 0 && <View className="sv-empty">今天本站没有安排接待活动。群众来访请用“临时接待登记”。</View>}
      {today?.sessions.map((s) => (
        <View className="sv-session" key={s.id} id={`session-${s.id}`}>
          <View className="sv-session__time">
            {s.startTime}–{s.endTime} {s.kindLabel}
          </View>
          <View className="sv-session__meta">
            {s.stationName}
            {s.theme ? ` · ${s.theme}` : ''}
          </View>
          <View className="sv-session__meta">值班代表：{s.deputies.map((d) => d.name).join('、') || '未安排'}</View>
          <View className="sv-session__meta">已登记 {s.recordCount} 条</View>
          <View className="sv-session__actions">
            <Button type="primary" className="log-visit" onClick={() => go(`${PKG}/visit/index?stationCode=${s.stationCode}&sessionId=${s.id}`)}>
              登记来访
            </Button>
            <Button fill="outline" type="primary" onClick={() => go(`${PKG}/records/index?sessionId=${s.id}`)}>
              本场情况
            </Button>
          </View>
        </View>
      ))}

      <View className="link-row" id="link-adhoc" onClick={() => station && go(`${PKG}/visit/index?stationCode=${station.code}`)}>
        <Text>临时接待登记（不在接待日）</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <View className="link-row" id="link-records" onClick={() => go(`${PKG}/records/index`)}>
        <Text>登记记录与本机草稿</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <View className="link-row" id="link-missing" onClick={() => go(`${PKG}/missing/index`)}>
        <Text>待补填：办理结果、群众意见{missing ? `（${missing}）` : ''}</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <View className="link-row" id="link-spot-checks" onClick={() => go(`${PKG}/spot-checks/index`)}>
        <Text>抽查回访与问题清单</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
      <View className="link-row" id="link-export" onClick={() => station && void exportRegister({ scope: 'month', month: monthInBeijing(), stationCode: station.code })}>
        <Text>导出本月登记表（Excel）</Text>
        <Text className="link-row__arrow">›</Text>
      </View>
    </View>
  )
}
