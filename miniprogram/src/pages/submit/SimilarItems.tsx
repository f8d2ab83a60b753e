import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { call, toApiError } from '../../api/client'
import { charCount } from '../../lib/format'

interface Similar {
  id: string
  excerpt: string
  stateLabel: string
  followerCount: number
  followed?: boolean
}

/** 相似事项 of the text being written, and 我也关注 on one of them. */
function useSimilar(stationCode: string, content: string) {
  const [similar, setSimilar] = useState<Similar[]>([])
  const similarTicket = useRef(0)

  // 相似事项: once the text says enough, look (debounced) for open items that read alike.
  useEffect(() => {
    const text = content.trim()
    const mine = ++similarTicket.current
    if (!stationCode || charCount(text) < 6) {
      setSimilar((s) => (s.length ? [] : s))
      return
    }
    const timer = setTimeout(() => {
      call('suggestion', 'similar', { stationCode, content: text })
        .then((res) => {
          if (mine !== similarTicket.current) return
          setSimilar((prev) => res.items.slice(0, 3).map((i) => ({ ...i, followed: prev.some((p) => p.id === i.id && p.followed) })))
        })
        .catch(() => {
          /* a hint, not a step: stay quiet when it fails */
        })
    }, 700)
    return () => clearTimeout(timer)
  }, [content, stationCode])

  const follow = async (item: Similar) => {
    try {
      await call('suggestion', 'follow', { id: item.id })
      setSimilar((list) => list.map((i) => (i.id === item.id ? { ...i, followed: true, followerCount: i.followerCount + 1 } : i)))
      void Taro.showToast({ title: '已关注，进展会显示在“我的反映”中', icon: 'none', duration: 2500 })
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' })
    }
  }

  return { similar, follow }
}

/** Open items that read like the text being written: follow one instead of filing it twice. */
export default function SimilarItems({ stationCode, content }: { stationCode: string; content: string }) {
  const { similar, follow } = useSimilar(stationCode, content)
  if (similar.length === 0) return null
  return (
    <View className="card similar" id="similar">
      <View className="similar__title">这些问题可能与您要反映的相同</View>
      <View className="muted">如果是同一件事，点“我也关注”即可跟进办理进度，不必重复提交。</View>
      {similar.map((item) => (
        <View className="similar__item" key={item.id}>
          <View className="similar__text">
            <View className="similar__excerpt">{item.excerpt}</View>
            <View className="muted">
              {item.stateLabel} · {item.followerCount}人关注
            </View>
          </View>
          {item.followed ? (
            <View
              className="similar__button similar__button--done"
              onClick={() => void Taro.navigateTo({ url: `/pages/item/index?id=${encodeURIComponent(item.id)}` })}
            >
              已关注 ›
            </View>
          ) : (
            <View className="similar__button" id={`follow-${item.id}`} onClick={() => void follow(item)}>
              我也关注
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
