import '../../register-api'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@shared/api'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { Figure, PKG, RecordCard } from '../../lib/parts'
import '../../supervisor.css'

type Missing = ActionOutput<'visit', 'missingFields'>

/**
 * 待补填: open records still missing 办理结果 or 选民群众对办理结果的意见 (the two fields 代工委
 * checks), per station, oldest first, with the visitor's number for the callback; and those
 * with both fields that only need closing.
 */
export default function MissingPage() {
  const { data, error } = useLoad<Missing>('missing', () => call('visit', 'missingFields', {}), { refreshOnShow: true, pullDownRefresh: true })

  const open = (id: string) => void Taro.navigateTo({ url: `${PKG}/record/index?id=${encodeURIComponent(id)}` })

  if (error && !data) return <View className="sv-empty">{error.message}</View>
  if (!data)
    return (
      <View className="card">
        <Skeleton rows={4} animated />
      </View>
    )
  return (
    <View className="page missing-page" id="missing-page">
      {data.stations.map((s) => (
        <View className="sv-head" key={s.stationCode}>
          <View className="sv-head__title">{s.stationName}</View>
          <View className="sv-figures">
            <Figure label="在办" value={s.open} />
            <Figure label="缺办理结果" value={s.missingResult} />
            <Figure label="缺群众意见" value={s.missingOpinion} />
          </View>
        </View>
      ))}
      {data.stations.length === 0 && <View className="sv-empty">所有登记都已办结。</View>}

      {data.readyToClose.length > 0 && (
        <View>
          <View className="section-title">
            <Text>两项已齐，待办结（{data.readyToClose.length}）</Text>
          </View>
          {data.readyToClose.map((r) => (
            <RecordCard key={r.id} record={r} onOpen={() => open(r.id)} />
          ))}
        </View>
      )}

      {data.items.length > 0 && (
        <View>
          <View className="section-title">
            <Text>待补填（{data.items.length}）</Text>
            <Text className="section-title__extra">最早的在前</Text>
          </View>
          {data.items.map((r) => (
            <RecordCard key={r.id} record={r} onOpen={() => open(r.id)} showPhone />
          ))}
        </View>
      )}
      {data.truncated && <View className="sv-empty">仅显示最早的200条。</View>}
    </View>
  )
}
