import '../../register-api'
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Canvas, Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@shared/api'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { SESSION_PAGE, STATION_PAGE } from '@shared/domain/sessions'
import { call } from '../../../../api/client'
import { useLoadable } from '../../../../lib/use-api'
import { formatTime } from '../../../../lib/format'
import { explain } from '../../lib/errors'
import { editUrl, go, openServerFile, unixSeconds } from '../../lib/links'
import { downloadBlob, posterPngBlob, PosterError, savePosterToAlbum, weappPosterFile } from '../../lib/poster-canvas'
import { requestReminderCredit } from '../../lib/reminders'
import { Badge, ErrorState, LoadingCards, Notice, dateLine } from '../../lib/ui'
import '../../lib/reception.css'
import './index.css'

const H5 = process.env.TARO_ENV === 'h5'
type Poster = ActionOutput<'reception', 'poster'>

/** The weapp canvas the poster is drawn on before it becomes a PNG file. */
const POSTER_CANVAS = 'poster-canvas'

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

/**
 * 接待公告: station, date, time, theme, deputies on duty (name and position), invited officials
 * (四进站), moved / 待确认 notes, 提醒我, the poster and the calendar. Opened from reminders
 * (SESSION_PAGE), the station page, 我的接待 and the staff calendar.
 */
export default function SessionPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  const [state, reload] = useLoadable<SessionView>(id || null, () => call('reception', 'getSession', { id }))
  const [busy, setBusy] = useState(false)
  const [remindNote, setRemindNote] = useState<{ tone: 'ok' | 'warn' | 'alert'; text: string } | null>(null)
  const [subscribed, setSubscribed] = useState(false)
  const [poster, setPoster] = useState<Poster | null>(null)
  /** weapp: the PNG's temp file; H5: an object URL of the PNG blob */
  const [posterImage, setPosterImage] = useState<string | null>(null)
  const [posterBusy, setPosterBusy] = useState(false)
  const [posterError, setPosterError] = useState<string | null>(null)
  const posterBlob = useRef<Blob | null>(null)
  const shown = useRef(false)

  // H5: the preview's object URL lives as long as it is shown
  useEffect(() => {
    if (!H5 || !posterImage) return undefined
    return () => URL.revokeObjectURL(posterImage)
  }, [posterImage])

  // Back from the edit page: show what changed.
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })

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
  const isSubscribed = s.subscribed || subscribed
  const canRemind = s.status === 'planned'
  const where = s.stationName ?? s.place

  // 提醒我: WeChat's subscribe dialog first (it must come straight from the tap), then the record.
  const remind = async () => {
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

  const scrollToPreview = () => {
    try {
      void Promise.resolve(Taro.pageScrollTo({ selector: '#poster-preview', duration: 300 })).catch(() => undefined)
    } catch {
      /* an old base library: the preview is there all the same */
    }
  }

  // 生成海报: the content from the server, drawn here (the phone has the fonts) into a PNG.
  const generatePoster = async () => {
    if (posterBusy) return
    setPosterBusy(true)
    setPosterError(null)
    setPosterImage(null)
    posterBlob.current = null
    Taro.showLoading({ title: '正在生成海报', mask: true })
    try {
      const out = await call('reception', 'poster', { id: s.id })
      setPoster(out)
      if (H5) {
        const blob = await posterPngBlob(out.content)
        posterBlob.current = blob
        setPosterImage(URL.createObjectURL(blob))
      } else {
        // the hidden canvas renders with the preview card
        await new Promise((resolve) => setTimeout(resolve, 60))
        setPosterImage(await weappPosterFile(`#${POSTER_CANVAS}`, out.content))
      }
      Taro.hideLoading()
      scrollToPreview()
    } catch (err) {
      const message = err instanceof PosterError ? err.message : explain(err)
      setPosterError(message)
      Taro.hideLoading()
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setPosterBusy(false)
    }
  }

  // 保存海报: H5 downloads the PNG; WeChat saves it to the photo album (asking for the permission).
  const savePoster = async () => {
    if (!poster || !posterImage) return
    if (H5) {
      if (posterBlob.current) downloadBlob(posterBlob.current, poster.filename)
      return
    }
    try {
      const result = await savePosterToAlbum(posterImage)
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      if (result === 'denied') {
        const answer = await Taro.showModal({
          title: '无法保存到相册',
          content: '保存海报需要“保存到相册”权限。请点“去设置”，打开“添加到相册”后再点保存海报。',
          confirmText: '去设置',
          cancelText: '取消',
        })
        if (answer.confirm) void Taro.openSetting()
      }
    } catch (err) {
      void Taro.showToast({ title: err instanceof PosterError ? err.message : explain(err), icon: 'none' })
    }
  }

  const previewPoster = () => {
    if (H5 || !posterImage) return
    void Taro.previewImage({ urls: [posterImage], current: posterImage })
  }

  return (
    <View className="page rc-page" id="session-page">
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
              <Button className="rc-cta-button" type="primary" loading={busy} disabled={busy} onClick={() => void remind()} id="remind-button">
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
          <View className="rc-link" id="link-poster" onClick={() => void generatePoster()}>
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
      {poster && (
        <View className="card rc-poster-card" id="poster-preview">
          <View className="rc-poster-card__head">
            <Text className="rc-poster-card__title">接待日海报</Text>
            <Text className="rc-poster-card__size">A4 · {poster.width}×{poster.height}</Text>
          </View>
          {posterImage ? (
            <Image className="rc-poster" id="poster-image" src={posterImage} mode="widthFix" showMenuByLongpress onClick={previewPoster} />
          ) : (
            <View className="rc-poster-placeholder" id="poster-status">
              {posterError ?? '正在绘制海报…'}
            </View>
          )}
          <View className="rc-poster-actions">
            <Button className="rc-poster-actions__button" type="primary" id="poster-save" disabled={!posterImage} onClick={() => void savePoster()}>
              保存海报
            </Button>
            {posterError && (
              <Button className="rc-poster-actions__button" fill="outline" type="primary" id="poster-retry" onClick={() => void generatePoster()}>
                重新生成
              </Button>
            )}
            {H5 && s.posterPath && (
              <Button className="rc-poster-actions__button" fill="outline" id="poster-print" onClick={() => openServerFile(s.posterPath as string)}>
                打印版（SVG）
              </Button>
            )}
          </View>
          <View className="rc-hint">
            {H5 ? `保存为 PNG 图片（${poster.filename}），可直接打印张贴。` : '保存到相册后可打印或转发；点海报放大查看，长按可转发给他人。'}
          </View>
          {!H5 && !posterImage && !posterError && (
            // CSS size = pixel size (inline px are not scaled), so canvasToTempFilePath's area means the same in either unit
            <Canvas type="2d" id={POSTER_CANVAS} className="rc-poster-canvas" style={{ width: `${poster.width}px`, height: `${poster.height}px` }} />
          )}
        </View>
      )}
    </View>
  )
}
