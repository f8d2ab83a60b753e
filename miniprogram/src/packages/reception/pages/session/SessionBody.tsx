import { Text, View } from '@tarojs/components'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { formatTime } from '../../../../lib/format'

/** The text residents read when staff wrote no announcement of their own. */
function defaultAnnouncement(s: SessionView): string {
  const names = s.deputies.map((d) => d.name).join('、')
  const where = s.stationName ?? s.place
  const who = names ? `${names}等代表` : '人大代表'
  if (s.kind === 'online') {
    return `${formatChineseDate(s.date)} ${s.startTime}–${s.endTime}，${who}在线接待选民群众。届时可在小程序“${where}”页面点“我要反映”，意见建议将直接交给值班代表。`
  }
  return `${formatChineseDate(s.date)}（${s.weekdayLabel}）${s.startTime}–${s.endTime}，${who}在${where}接待选民群众，听取意见和建议。欢迎您前来反映身边的问题和诉求，也可以扫描联络站二维码随时“点单”。`
}

/** The announcement and who is there: deputies on duty, invited officials (四进站), topics, attendance and notes (staff and deputies concerned). */
export default function SessionBody({ s }: { s: SessionView }) {
  return (
    <>
      <View className="section-title">
        <Text>公告</Text>
      </View>
      <View className="card">
        <View className="rc-text" id="session-announcement">
          {s.announcement ?? defaultAnnouncement(s)}
        </View>
      </View>

      <View className="section-title">
        <Text>{s.kind === 'online' ? '在线值班代表' : '接待代表'}</Text>
        <Text className="section-title__extra">{s.deputies.length} 名</Text>
      </View>
      <View className="card" id="session-deputies">
        {s.deputies.length === 0 && <View className="rc-empty">值班代表安排后将在此公布</View>}
        {s.deputies.map((d) => (
          <View className="rc-person" key={d.code}>
            <View className="rc-person__avatar">{d.name.slice(0, 1)}</View>
            <View className="rc-person__body">
              <View className="rc-person__name">
                {d.name}
                {d.levelLabel && <Text className="rc-person__tag">{d.levelLabel}</Text>}
              </View>
              {d.socialPosition && <View className="rc-person__position">{d.socialPosition}</View>}
            </View>
          </View>
        ))}
      </View>

      {s.invitedOfficials.length > 0 && (
        <>
          <View className="section-title">
            <Text>受邀人员</Text>
            <Text className="section-title__extra">“四进站”</Text>
          </View>
          <View className="card" id="session-officials">
            {s.invitedOfficials.map((o, i) => (
              <View className="rc-person" key={`${o.name}-${i}`}>
                <View className="rc-person__avatar">{o.name.slice(0, 1)}</View>
                <View className="rc-person__body">
                  <View className="rc-person__name">
                    {o.name}
                    <Text className="rc-person__tag">{o.kindLabel}</Text>
                  </View>
                  <View className="rc-person__position">{o.title}</View>
                </View>
              </View>
            ))}
          </View>
        </>
      )}

      {s.topics.length > 0 && (
        <>
          <View className="section-title">
            <Text>议题</Text>
          </View>
          <View className="card">
            {s.topics.map((t, i) => (
              <View className="rc-text" key={i}>
                {i + 1}. {t}
              </View>
            ))}
          </View>
        </>
      )}

      {(s.canManage || s.attendance.length > 0 || s.notes) && (
        <>
          <View className="section-title">
            <Text>到场与记录</Text>
            <Text className="section-title__extra">仅工作人员和相关代表可见</Text>
          </View>
          <View className="card" id="session-internal">
            {s.attendance.length === 0 ? (
              <View className="rc-empty">还没有代表签到</View>
            ) : (
              s.attendance.map((a) => (
                <View className="rc-report-row" key={a.deputyCode}>
                  <View className="rc-report-row__name">{a.name}</View>
                  <View className="rc-report-row__line">
                    {a.source === 'check_in' ? '亮码签到' : '工作人员补记'} · {formatTime(a.checkedInAt)}
                  </View>
                </View>
              ))
            )}
            {s.notes && <View className="rc-text">记录：{s.notes}</View>}
          </View>
        </>
      )}
    </>
  )
}
