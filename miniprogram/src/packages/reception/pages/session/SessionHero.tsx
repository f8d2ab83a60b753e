import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { explain } from '../../../../lib/errors'
import { requestReminderCredit } from '../../lib/reminders'
import { Badge, Notice } from '../../lib/ui'

/** 提醒我 of the session on screen (kept by the page, so a reload keeps what it said). */
export function useReminder() {
  const [busy, setBusy] = useState(false)
  const [remindNote, setRemindNote] = useState<{ tone: 'ok' | 'warn' | 'alert'; text: string } | null>(null)
  const [subscribed, setSubscribed] = useState(false)

  // 提醒我: WeChat's subscribe dialog first (it must come straight from the tap), then the record.
  const remind = async (s: SessionView) => {
    if (busy) return
    setBusy(true)
    setRemindNote(null)
    try {
      const grant = await requestReminderCredit()
      if (grant.status !== 'accepted') {
        setRemindNote({ tone: grant.status === 'declined' ? 'warn' : 'alert', text: grant.message })
        return
      }
      await call('reception', 'subscribeSession', { id: s.id })
      setSubscribed(true)
      setRemindNote({
        tone: 'ok',
        text: grant.simulated ? '已预约：活动前一天提醒您（本地演示：提醒写入消息发件箱）' : '已预约：活动前一天会通过微信服务通知提醒您',
      })
    } catch (err) {
      setRemindNote({ tone: 'alert', text: explain(err, { invalid_transition: s.status === 'cancelled' ? '该活动已取消，无需提醒' : '该活动已经结束' }) })
    } finally {
      setBusy(false)
    }
  }

  return { busy, remindNote, subscribed, remind }
}

/** The head of the announcement: kind, state badges, when and where, cancelled / 待确认 / moved notes, 提醒我. */
export default function SessionHero({ s, reminder }: { s: SessionView; reminder: ReturnType<typeof useReminder> }) {
  const { busy, remindNote, subscribed } = reminder
  const isSubscribed = s.subscribed || subscribed
  const canRemind = s.status === 'planned'
  const where = s.stationName ?? s.place

  return (
    <View className="card rc-hero">
      <View className="rc-hero__kind">
        <Badge tone="plain">{s.kindLabel}</Badge>
        {s.status !== 'planned' && <Badge tone={s.status === 'held' ? 'ok' : 'alert'}>{s.statusLabel}</Badge>}
        {s.status === 'planned' && !s.confirmed && <Badge tone="warn">日期待确认</Badge>}
        {s.moved && <Badge tone="info">节假日调整</Badge>}
      </View>
      <View className="rc-hero__title" id="session-title">
        {s.theme ?? `${where}${s.kindLabel}`}
      </View>
      <View className="rc-hero__row">
        <Text className="rc-hero__label">时间</Text>
        <Text className="rc-hero__value rc-hero__value--strong" id="session-when">
          {formatChineseDate(s.date, true)} {s.weekdayLabel} {s.startTime}–{s.endTime}
        </Text>
      </View>
      {s.stationName && (
        <View className="rc-hero__row">
          <Text className="rc-hero__label">站点</Text>
          <Text className="rc-hero__value" id="session-station">
            {s.stationName}
          </Text>
        </View>
      )}
      <View className="rc-hero__row">
        <Text className="rc-hero__label">地点</Text>
        <Text className="rc-hero__value">{s.address}</Text>
      </View>

      {s.status === 'cancelled' && (
        <Notice tone="alert" id="session-cancelled">
          <View className="rc-notice__title">本次活动已取消</View>
          {s.cancelReason && <View>原因：{s.cancelReason}</View>}
        </Notice>
      )}
      {s.status === 'planned' && !s.confirmed && (
        <Notice tone="warn" id="session-unconfirmed">
          <View className="rc-notice__title">日期待确认</View>
          <View>{s.unconfirmedReason ?? '节假日安排公布后，工作人员会确认或调整日期。'}</View>
        </Notice>
      )}
      {s.moved && (
        <Notice tone="info" id="session-moved">
          {s.moveReason ?? `原定${formatChineseDate(s.originalDate)}，已调整至${formatChineseDate(s.date)}`}
        </Notice>
      )}

      {canRemind && (
        <View className="rc-hero__cta">
          {isSubscribed ? (
            <Button className="rc-cta-button" fill="outline" type="primary" disabled id="remind-button">
              已预约提醒
            </Button>
          ) : (
            <Button className="rc-cta-button" type="primary" loading={busy} disabled={busy} onClick={() => void reminder.remind(s)} id="remind-button">
              提醒我
            </Button>
          )}
          {!remindNote && <View className="rc-hero__hint">活动前一天通过微信服务通知提醒您</View>}
          {remindNote && (
            <Notice tone={remindNote.tone} id="remind-result">
              {remindNote.text}
            </Notice>
          )}
        </View>
      )}
    </View>
  )
}
