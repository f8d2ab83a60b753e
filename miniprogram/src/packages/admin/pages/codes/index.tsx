import '../../register-api'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StationCodeCard } from '@shared/api/directory-codes'
import { call } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { failure } from '../../../../lib/errors'
import { ErrorState, LoadingCards } from '../../../../components/LoadStates'
import { codeImageSrc, saveCodeCard } from '../../lib/code-card'
import '../../lib/admin.css'
import './codes.css'

const H5 = process.env.TARO_ENV === 'h5'

/**
 * 站点码: every active station's standing code with its name, kind and address under it: a sheet to
 * print (H5: the browser's print, two to a row) or one card at a time to download and post.
 */
export default function StationCodes() {
  const { state, data, reload } = useLoad('stationCodes', () => call('directory', 'stationCodes', {}), { pullDownRefresh: true })
  const [saving, setSaving] = useState('')

  if (!data && state.status === 'error') {
    const f = failure(state.error, '站点码', { title: '只有本县的管理员可以打开站点码', message: '请向现任管理员索取管理员邀请码。' })
    return <ErrorState look="page" pageClass="page" id="codes-error" title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
  }
  if (!data) return <LoadingCards cards={2} rows={[4, 4]} className="page" label="正在生成站点码" />

  const save = async (c: StationCodeCard) => {
    setSaving(c.code)
    try {
      await saveCodeCard(c)
    } catch (err) {
      void Taro.showModal({ title: '没能保存', content: err instanceof Error ? err.message : '请稍后再试', showCancel: false })
    } finally {
      setSaving('')
    }
  }

  return (
    <View className="page" id="codes-page">
      <View className="card codes-noprint">
        <View className="ad-entry__title">{data.countyName}站点码</View>
        <View className="ad-hint">
          {data.stations.length
            ? `共${data.stations.length}个在用站点。群众扫码即进入该站点页面，可提建议、看接待日安排。`
            : '还没有在用的站点，请先在县级设置中新增站点。'}
          {H5 ? '打印时每页两列，站名和地址印在码下方。' : '点“保存”后长按图片可存入相册或转发；整页打印请在电脑浏览器中打开县级设置。'}
        </View>
        {H5 && data.stations.length > 0 && (
          <View className="ad-buttons">
            <Button type="primary" block id="codes-print" onClick={() => window.print()}>
              打印全部站点码
            </Button>
          </View>
        )}
      </View>

      <View className="codes-sheet" id="codes-sheet">
        {data.stations.map((c) => (
          <View className="codes-card" key={c.code} id={`code-${c.code}`}>
            <Image className="codes-card__image" src={codeImageSrc(c)} mode="scaleToFill" showMenuByLongpress nativeProps={{ alt: `${c.name}的站点码` }} />
            <View className="codes-card__name">{c.name}</View>
            <View className="codes-card__meta">
              {c.kindLabel} · {c.township}
            </View>
            <View className="codes-card__meta">{c.address}</View>
            <View className="codes-card__save codes-noprint" id={`code-save-${c.code}`} onClick={() => void save(c)}>
              <Text>{saving === c.code ? '正在保存…' : H5 ? '下载图片' : '保存'}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
