import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { StationView } from '@shared/api/directory'
import { STATION_CODE_PATTERN } from '@shared/domain/stations'
import { SESSION_PAGE } from '@shared/domain/sessions'
import { call } from '../../api/client'
import Blank from '../../components/Blank'
import { LoadingCards } from '../../components/LoadStates'
import { useLoad } from '../../lib/use-load'
import { formatPhone, formatSessionDate } from '../../lib/format'
import { forgetStation, lastStation, rememberStation, stationCodeFromParams } from '../../lib/station-code'
import StationPicker from './StationPicker'
import './index.css'

const FIVE_ORDERS = ['选民点单', '代表接单', '人大派单', '部门销单', '群众验单']

export default function StationPage() {
  const router = useRouter()
  const [code, setCode] = useState<string | null>(() => stationCodeFromParams(router.params) ?? lastStation())

  // H5: the tab page is created once; a link to it with another ?code= only changes the hash.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const onHash = () => {
      const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?')
      if (!path.endsWith('pages/station/index')) return
      const next = stationCodeFromParams(Object.fromEntries(new URLSearchParams(query)))
      if (next) setCode(next)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const { state: station, reload: reload } = useLoad<StationView | null>(code, async () => {
    if (!code || !STATION_CODE_PATTERN.test(code)) return null
    const view = await call('directory', 'getStation', { stationCode: code })
    rememberStation(view.code)
    return view
  })

  useShareAppMessage(() => {
    const view = station.status === 'ready' ? station.data : null
    return view
      ? { title: `${view.name}：有事找代表`, path: `/pages/station/index?code=${view.code}` }
      : { title: '五单通：有事找代表', path: '/pages/station/index' }
  })

  const pick = (next: string) => {
    setCode(next)
  }
  const showAll = () => {
    forgetStation()
    setCode(null)
  }

  if (!code) return <StationPicker onPick={pick} />

  if (station.status === 'loading') return <StationSkeleton />

  const notFound =
    (station.status === 'ready' && station.data === null) ||
    (station.status === 'error' && (station.error.code === 'station_not_found' || station.error.code === 'validation_failed'))
  if (notFound) {
    return (
      <View className="page station-page" id="station-not-found">
        <View className="card state-card">
          <Blank
            picture="station"
            title="站点不存在"
            description={`没有找到编号为“${code}”的联络站。二维码可能已经更换，请向站内工作人员确认，或从全部联络站中选择。`}
          />
          <Button className="big-button" type="primary" block onClick={showAll}>
            查看全部联络站
          </Button>
        </View>
      </View>
    )
  }

  if (station.status === 'error') {
    return (
      <View className="page station-page" id="station-error">
        <View className="card state-card">
          <Blank picture={station.error.code === 'network_error' ? 'network' : 'station'} title="暂时无法打开站点" description={station.error.message} />
          <Button className="big-button" type="primary" block onClick={() => void reload()}>
            重新加载
          </Button>
        </View>
      </View>
    )
  }

  const view = station.data as StationView
  const goSubmit = () => {
    void Taro.navigateTo({
      url: `/pages/submit/index?code=${encodeURIComponent(view.code)}&name=${encodeURIComponent(view.name)}`,
    })
  }

  return (
    <View className="page station-page" id="station-page">
      <View className="card station-hero">
        <View className="station-hero__kind">{view.kindLabel}</View>
        <View className="station-hero__name" id="station-name">
          {view.name}
        </View>
        <View className="station-hero__meta">
          {view.countyName} · {view.township}
        </View>
        <View className="station-hero__row">
          <Text className="station-hero__label">地址</Text>
          <Text className="station-hero__value">{view.address}</Text>
        </View>
        {view.receptionNote && (
          <View className="station-hero__row">
            <Text className="station-hero__label">接待</Text>
            <Text className="station-hero__value" id="station-reception-note">
              {view.receptionNote}
            </Text>
          </View>
        )}
        <View className="station-hero__cta" id="report-entry">
          <Button className="big-button" type="primary" block onClick={goSubmit} id="report-button">
            我要反映
          </Button>
          <View className="station-hero__hint">反映身边的问题和建议，代表接单后全程可查进度</View>
        </View>
      </View>

      <View className="section-title">
        <Text>进站代表</Text>
        <Text className="section-title__extra">{view.deputies.length} 名</Text>
      </View>
      <View className="card deputy-list" id="deputy-list">
        {view.deputies.length === 0 && <View className="muted">本站代表名单即将公布</View>}
        {view.deputies.map((d) => (
          <View className="deputy" key={d.code}>
            {d.photoUrl ? (
              <Image className="deputy__avatar" src={d.photoUrl} mode="aspectFill" />
            ) : (
              <View className="deputy__avatar deputy__avatar--text">{d.name.slice(0, 1)}</View>
            )}
            <View className="deputy__body">
              <View className="deputy__head">
                <Text className="deputy__name">{d.name}</Text>
                <Text className="deputy__level">{d.levelLabel}</Text>
              </View>
              <View className="deputy__position">{d.socialPosition}</View>
              {d.phone && (
                <View className="deputy__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: d.phone as string })}>
                  联系电话 <Text className="deputy__phone-number">{formatPhone(d.phone)}</Text>
                </View>
              )}
            </View>
          </View>
        ))}
      </View>

      <View className="section-title">
        <Text>近期接待日</Text>
      </View>
      <View className="card" id="session-list">
        {view.upcomingSessions.length === 0 ? (
          <View className="sessions-empty">接待日安排即将公布</View>
        ) : (
          view.upcomingSessions.map((s) => (
            <View
              className="session"
              key={s.id}
              onClick={() => void Taro.navigateTo({ url: `/${SESSION_PAGE}?id=${encodeURIComponent(s.id)}` })}
            >
              <View className="session__date">
                <Text>{formatSessionDate(s.date)}</Text>
                {!s.confirmed && (
                  <Tag className="session__tag" type="warning" plain>
                    日期待确认
                  </Tag>
                )}
              </View>
              <View className="session__time">
                {s.startTime}–{s.endTime}　{s.theme ?? '代表接待日'}
              </View>
              {s.deputyNames.length > 0 && <View className="muted">接待代表：{s.deputyNames.join('、')}</View>}
            </View>
          ))
        )}
      </View>

      <View className="section-title">
        <Text>“五单”闭环</Text>
      </View>
      <View className="card five-orders">
        {FIVE_ORDERS.map((step, i) => (
          <View className="five-orders__step" key={step}>
            <View className="five-orders__no">{i + 1}</View>
            <View className="five-orders__text">{step}</View>
          </View>
        ))}
      </View>
      <View className="station-footer" onClick={showAll}>
        查看其他联络站
      </View>
    </View>
  )
}

function StationSkeleton() {
  return <LoadingCards className="page station-page" id="station-loading" cards={2} rows={[4, 3]} />
}
