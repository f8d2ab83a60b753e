import '../../register-api'
import { useShareAppMessage, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { SESSION_PAGE } from '@shared/domain/sessions'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { ErrorState, LoadingCards } from '../../lib/ui'
import PosterPreview from './PosterPreview'
import SessionBody from './SessionBody'
import SessionHero, { useReminder } from './SessionHero'
import SessionLinks from './SessionLinks'
import { usePoster } from './use-poster'
import '../../lib/reception.css'
import './index.css'

/**
 * 接待公告: station, date, time, theme, deputies on duty (name and position), invited officials
 * (四进站), moved / 待确认 notes, 提醒我, the poster and the calendar. Opened from reminders
 * (SESSION_PAGE), the station page, 我的接待 and the staff calendar.
 */
export default function SessionPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  // back from the edit page: show what changed
  const { state, reload } = useLoad<SessionView>(id || null, () => call('reception', 'getSession', { id }), { refreshOnShow: true })
  const poster = usePoster(id)
  const reminder = useReminder()

  useShareAppMessage(() => {
    const s = state.status === 'ready' ? state.data : null
    return {
      title: s ? `${s.stationName ?? s.place} ${formatChineseDate(s.date)} ${s.kindLabel}` : '代表接待日公告',
      path: `/${SESSION_PAGE}?id=${encodeURIComponent(id)}`,
    }
  })

  if (!id) return <ErrorState id="session-error" title="没有指定接待活动" message="请从联络站页面或提醒消息进入接待公告。" />
  if (state.status === 'loading') return <LoadingCards id="session-loading" cards={3} />
  if (state.status === 'error') {
    const e = state.error
    return (
      <ErrorState
        id="session-error"
        title={e.code === 'not_found' || e.code === 'validation_failed' ? '没有找到该接待活动' : '暂时无法打开公告'}
        message={e.code === 'not_found' || e.code === 'validation_failed' ? '活动可能已被撤销，或链接有误。请回到联络站页面查看最新安排。' : e.message}
        network={e.code === 'network_error'}
        onRetry={e.code === 'not_found' ? undefined : () => void reload()}
      />
    )
  }

  const s = state.data
  return (
    <View className="page rc-page" id="session-page">
      <SessionHero s={s} reminder={reminder} />
      <SessionBody s={s} />
      <SessionLinks s={s} onPoster={() => void poster.generatePoster()} />
      <PosterPreview s={s} p={poster} />
    </View>
  )
}
