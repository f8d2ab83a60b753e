import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SessionView } from '@shared/api/reception'
import { STATION_PAGE } from '@shared/domain/sessions'
import { editUrl, go, openServerFile, unixSeconds } from '../../lib/links'

/** Where to go from the announcement: the station, the calendar (ICS or the phone's), 生成海报, and 修改 for staff. */
export default function SessionLinks({ s, onPoster }: { s: SessionView; onPoster: () => void }) {
  const where = s.stationName ?? s.place
  const addToCalendar = async () => {
    if (process.env.TARO_ENV === 'h5') {
      if (s.icsPath) openServerFile(s.icsPath)
      return
    }
    try {
      await Taro.addPhoneCalendar({
        title: `${where}${s.kindLabel}`,
        startTime: unixSeconds(s.date, s.startTime),
        endTime: String(unixSeconds(s.date, s.endTime)),
        description: s.theme ?? s.kindLabel,
        location: s.address,
        alarm: true,
        alarmOffset: 3600,
      })
      void Taro.showToast({ title: '已加入手机日历', icon: 'success' })
    } catch {
      /* cancelled, or no calendar permission: nothing to say */
    }
  }

  return (
    <View className="card rc-links">
      {s.stationCode && (
        <View className="rc-link" id="link-station" onClick={() => go(`/${STATION_PAGE}?code=${encodeURIComponent(s.stationCode as string)}`)}>
          <Text>查看联络站与近期接待日</Text>
          <Text className="rc-link__arrow">›</Text>
        </View>
      )}
      {s.status === 'planned' && (process.env.TARO_ENV !== 'h5' || s.icsPath) && (
        <View className="rc-link" id="link-calendar" onClick={() => void addToCalendar()}>
          <View>
            <Text>{process.env.TARO_ENV === 'h5' ? '订阅本站接待日历' : '加入手机日历'}</Text>
            <Text className="rc-link__hint">{process.env.TARO_ENV === 'h5' ? 'ICS 日历，手机日历可直接订阅' : '提前1小时提醒'}</Text>
          </View>
          <Text className="rc-link__arrow">›</Text>
        </View>
      )}
      {s.status !== 'cancelled' && (
        <View className="rc-link" id="link-poster" onClick={onPoster}>
          <View>
            <Text>生成海报</Text>
            <Text className="rc-link__hint">A4 图片，可打印张贴，含站点二维码</Text>
          </View>
          <Text className="rc-link__arrow">›</Text>
        </View>
      )}
      {s.canManage && (
        <View className="rc-link" id="link-manage" onClick={() => go(editUrl(s.id))}>
          <Text>修改、确认或取消本次活动</Text>
          <Text className="rc-link__arrow">›</Text>
        </View>
      )}
    </View>
  )
}
