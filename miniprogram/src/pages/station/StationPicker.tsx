import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { call } from '../../api/client'
import Blank from '../../components/Blank'
import { useLoad } from '../../lib/use-load'
import { stationCodeFromParams } from '../../lib/station-code'
import type { StationListItem } from '@shared/api/directory'

/** Stations grouped by county, counties in the order they first appear. */
function byCounty(items: StationListItem[]): Array<[string, StationListItem[]]> {
  const groups = new Map<string, StationListItem[]>()
  for (const s of items) groups.set(s.countyName, [...(groups.get(s.countyName) ?? []), s])
  return [...groups.entries()]
}

/** Shown when the page was opened without a station: scan a code, or pick from the list. */
export default function StationPicker({ onPick }: { onPick: (code: string) => void }) {
  const { state: list, reload: reload } = useLoad('all', () => call('directory', 'listStations', {}))

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      // A mini-program code gives its page path, e.g. "pages/station/index?scene=XWT01".
      const query = (res.path || res.result || '').split('?')[1] ?? ''
      const params: Record<string, string> = {}
      for (const pair of query.split('&')) {
        const [k, v] = pair.split('=')
        if (k && v) params[k] = v
      }
      const code = stationCodeFromParams(params)
      if (code) onPick(code)
      else void Taro.showToast({ title: '这不是联络站的二维码', icon: 'none' })
    } catch {
      /* cancelled */
    }
  }

  return (
    <View className="page station-page" id="station-picker">
      <View className="card station-hero">
        <View className="station-hero__name">有事找代表</View>
        <View className="station-hero__meta">扫描联络站门口的二维码，或在下面选择您身边的联络站。</View>
        {process.env.TARO_ENV === 'weapp' && (
          <View className="station-hero__cta">
            <Button className="big-button" type="primary" block onClick={() => void scan()}>
              扫一扫联络站二维码
            </Button>
          </View>
        )}
      </View>
      <View className="section-title">
        <Text>全部联络站</Text>
      </View>
      <View className="card station-list">
        {list.status === 'loading' && <Skeleton rows={5} animated />}
        {list.status === 'error' && (
          <View>
            <Blank picture="network" title="暂时无法获取联络站" description={list.error.message} />
            <Button block fill="outline" type="primary" onClick={() => void reload()}>
              重新加载
            </Button>
          </View>
        )}
        {list.status === 'ready' && list.data.items.length === 0 && <View className="muted">暂无联络站</View>}
        {list.status === 'ready' &&
          byCounty(list.data.items).map(([county, stations]) => (
            <View key={county}>
              <View className="station-list__county">{county}</View>
              {stations.map((s) => (
                <View className="station-list__item" key={s.code} onClick={() => onPick(s.code)}>
                  <View className="station-list__name">{s.name}</View>
                  <View className="muted">
                    {s.township} · {s.kindLabel}
                  </View>
                </View>
              ))}
            </View>
          ))}
      </View>
    </View>
  )
}
