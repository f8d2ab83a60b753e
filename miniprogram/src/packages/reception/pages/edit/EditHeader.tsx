import { View } from '@tarojs/components'
import type { SessionView } from '@shared/api/reception'
import { Badge, Notice, dateLine } from '../../lib/ui'

/** The session's name, when and where, its badges and notes (moved, 待确认, cancelled); creating: what a thematic day is. */
export default function EditHeader({ session }: { session: SessionView | null }) {
  const heading = session ? (session.theme ?? `${session.stationName ?? session.place}${session.kindLabel}`) : '新建主题接待日'
  return (
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
  )
}
