import '../../register-api'
import '../../../../components/WorkForm.css'
import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { receptionActions } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { formatTime } from '../../../../lib/format'
import { explain } from '../../../../lib/errors'
import { go, openServerFile, sessionUrl, stationFromScan } from '../../lib/links'
import { requestReminderCredit } from '../../lib/reminders'
import { ErrorState, LoadingCards, Notice, SessionRow } from '../../lib/ui'
import '../../lib/reception.css'

type Duty = z.output<(typeof receptionActions)['myDuty']['output']>
type CheckIn = z.output<(typeof receptionActions)['checkIn']['output']>
type Note = { tone: 'ok' | 'warn' | 'alert'; text: string }

const CHECK_IN_ERRORS = {
  forbidden: '您不是该联络站的代表，也未安排在本次接待值班，不能在此签到',
  station_not_found: '没有这个联络站：请核对站点编号，或直接扫描联络站的二维码',
} as const

/**
 * 我的接待 (deputies): coming duty, this year's station days against the minimum of two, the
 * reminder subscription (one WeChat accept = one reminder) and 亮码进站 check-in.
 */
export default function DutyPage() {
  const { state: state, reload: reload } = useLoad<Duty>('duty', () => call('reception', 'myDuty', {}))
  const [subscribing, setSubscribing] = useState(false)
  const [subNote, setSubNote] = useState<Note | null>(null)
  const [code, setCode] = useState('')
  const [checking, setChecking] = useState(false)
  const [checkError, setCheckError] = useState<string | null>(null)
  const [checked, setChecked] = useState<CheckIn | null>(null)
  const shown = useRef(false)

  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <LoadingCards id="duty-loading" cards={3} />
  if (state.status === 'error') {
    const e = state.error
    return (
      <ErrorState
        id="duty-error"
        title={e.code === 'forbidden' ? '只有人大代表可以查看' : '暂时无法打开我的接待'}
        message={e.code === 'forbidden' ? '“我的接待”列出代表的值班安排。如果您是人大代表，请先在“我的—我的身份”中用邀请码绑定代表身份。' : e.message}
        network={e.code === 'network_error'}
        onRetry={e.code === 'forbidden' ? undefined : () => void reload()}
      />
    )
  }
  const d = state.data

  // 订阅提醒: WeChat's dialog has to open straight from this tap.
  const subscribe = async () => {
    if (subscribing) return
    setSubscribing(true)
    setSubNote(null)
    try {
      const grant = await requestReminderCredit()
      if (grant.status !== 'accepted') {
        setSubNote({ tone: grant.status === 'declined' ? 'warn' : 'alert', text: grant.message })
        return
      }
      setSubNote({
        tone: 'ok',
        text: grant.longTerm
          ? '已订阅：今后的值班提醒都会发给您'
          : `已订阅：可再收到 ${grant.credits} 次值班提醒${grant.simulated ? '（本地演示：提醒写入消息发件箱）' : ''}`,
      })
      await reload()
    } catch (err) {
      setSubNote({ tone: 'alert', text: explain(err) })
    } finally {
      setSubscribing(false)
    }
  }

  const checkIn = async (stationCode: string) => {
    if (checking) return
    const normalised = stationCode.trim().toUpperCase()
    if (!/^[A-Z0-9-]{2,40}$/.test(normalised)) {
      setCheckError('请输入联络站编号，如 XWT01')
      return
    }
    setChecking(true)
    setCheckError(null)
    setChecked(null)
    try {
      setChecked(await call('reception', 'checkIn', { stationCode: normalised }))
      void reload()
    } catch (err) {
      setCheckError(explain(err, CHECK_IN_ERRORS))
    } finally {
      setChecking(false)
    }
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true })
      const station = stationFromScan(res)
      if (station) await checkIn(station)
      else setCheckError('这不是联络站的二维码，请扫描联络站门口的站点码')
    } catch {
      /* cancelled */
    }
  }

  const myStations = [...new Map(d.upcoming.filter((s) => s.stationCode).map((s) => [s.stationCode as string, s.stationName ?? s.stationCode])).entries()]
  const credits = d.longTermReminders ? '长期' : `${d.reminderCredits} 次`

  return (
    <View className="page rc-page" id="duty-page">
      <View className="rc-head">
        <View className="rc-head__title">我的接待</View>
        <View className="rc-head__sub">
          {d.deputyName} · {d.year}年到站接待不少于 {d.minimumPerYear} 次
        </View>
        <View className="rc-tiles rc-tiles--3">
          <View className={`rc-tile ${d.behind ? 'rc-tile--accent' : ''}`} id="duty-count">
            <Text className="rc-tile__count">
              {d.attendedThisYear}
              <Text className="rc-tile__unit">/ {d.minimumPerYear}</Text>
            </Text>
            <Text className="rc-tile__label">今年已到站</Text>
          </View>
          <View className={`rc-tile ${d.remainingSessionsNeeded > 0 ? 'rc-tile--warn' : ''}`}>
            <Text className="rc-tile__count">{d.remainingSessionsNeeded}</Text>
            <Text className="rc-tile__label">还需到站</Text>
          </View>
          <View className="rc-tile">
            <Text className="rc-tile__count">{d.upcoming.length}</Text>
            <Text className="rc-tile__label">待值班</Text>
          </View>
        </View>
        {d.behind ? (
          <Notice tone="alert" id="duty-behind">
            按全年进度您应已到站接待，目前落后。请按值班安排到站，到站后“亮码进站”签到才计入次数。
          </Notice>
        ) : d.remainingSessionsNeeded === 0 ? (
          <Notice tone="ok">今年已完成不少于 {d.minimumPerYear} 次的到站接待，感谢您的履职。</Notice>
        ) : null}
      </View>

      <View className="section-title">
        <Text>值班提醒</Text>
        <Text className="section-title__extra">剩余 {credits}</Text>
      </View>
      <View className="card" id="reminder-card">
        {d.needsResubscribe ? (
          <Notice tone="alert" id="needs-resubscribe">
            <View className="rc-notice__title">提醒次数已用完</View>
            <View>微信每次“允许”只能发送一次提醒。不订阅将收不到值班提醒，请点下方按钮订阅。</View>
          </Notice>
        ) : (
          <View className="rc-hint">
            值班前几天（县里设定，默认3天）和前1天各提醒一次，每次提醒用掉一次订阅。{d.longTermReminders ? '您已开启长期提醒。' : '次数不多时请再订阅几次。'}
          </View>
        )}
        <Button
          className="rc-block-button"
          type="primary"
          fill={d.needsResubscribe ? undefined : 'outline'}
          loading={subscribing}
          disabled={subscribing}
          onClick={() => void subscribe()}
          id="subscribe-button"
        >
          订阅提醒
        </Button>
        {subNote && (
          <Notice tone={subNote.tone} id="subscribe-result">
            {subNote.text}
          </Notice>
        )}
      </View>

      <View className="section-title">
        <Text>亮码进站</Text>
      </View>
      <View className="card" id="check-in-card">
        <View className="rc-hint">到站后扫描联络站的二维码签到（开始前30分钟至结束后30分钟），签到后计入今年到站次数。</View>
        {process.env.TARO_ENV === 'h5' ? (
          <View>
            <Input
              className="rc-input"
              id="check-in-code"
              value={code}
              placeholder="联络站编号，如 XWT01"
              maxlength={40}
              onInput={(e) => setCode(e.detail.value.toUpperCase())}
            />
            {myStations.length > 0 && (
              <View className="chips chips--2">
                {myStations.map(([c, name]) => (
                  <View key={c} className={`chip ${code === c ? 'chip--on' : ''}`} id={`check-in-station-${c}`} onClick={() => setCode(c)}>
                    <Text className="chip__label">{name}</Text>
                  </View>
                ))}
              </View>
            )}
            <Button className="rc-block-button" type="primary" loading={checking} disabled={checking} onClick={() => void checkIn(code)} id="check-in-button">
              签到
            </Button>
          </View>
        ) : (
          <Button className="rc-block-button" type="primary" loading={checking} disabled={checking} onClick={() => void scan()} id="check-in-button">
            扫码签到
          </Button>
        )}
        {checked && (
          <Notice tone="ok" id="check-in-result">
            <View className="rc-notice__title">{checked.alreadyCheckedIn ? '您已签到过' : '签到成功'}</View>
            <View>
              {checked.stationName} · {formatChineseDate(checked.date)} {checked.startTime}–{checked.endTime}
            </View>
            <View>
              签到时间 {formatTime(checked.checkedInAt)} · 今年已到站 {checked.attendedThisYear} 次
            </View>
          </Notice>
        )}
        {checkError && (
          <Notice tone="alert" id="check-in-error">
            <View className="rc-notice__title">未能签到</View>
            <View>{checkError}</View>
          </Notice>
        )}
      </View>

      <View className="section-title">
        <Text>我的值班安排</Text>
        <Text className="section-title__extra">{d.upcoming.length} 场</Text>
      </View>
      {d.upcoming.length === 0 ? (
        <View className="card" id="duty-empty">
          <View className="rc-empty">今后一年暂无值班安排。县人大工作人员排班后会在这里显示，并按订阅提醒您。</View>
        </View>
      ) : (
        <View id="duty-list">
          {d.upcoming.map((s) => (
            <SessionRow key={s.id} s={s} showStation onOpen={() => go(sessionUrl(s.id))} />
          ))}
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <View className="card rc-links">
          <View className="rc-link" id="duty-ics" onClick={() => openServerFile(`/ics/deputy/${encodeURIComponent(d.deputyCode)}.ics`)}>
            <View>
              <Text>订阅我的值班日历</Text>
              <Text className="rc-link__hint">ICS 日历，手机日历可直接订阅，排班变动自动更新</Text>
            </View>
            <Text className="rc-link__arrow">›</Text>
          </View>
        </View>
      )}
    </View>
  )
}
