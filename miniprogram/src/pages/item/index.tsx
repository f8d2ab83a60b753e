import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { ROLE_LABELS, ROLES, type Role } from '@shared/domain/roles'
import { FINAL_STATES, STATE_LABELS } from '@shared/domain/states'
import { call } from '../../api/client'
import Blank from '../../components/Blank'
import StateChip from '../../components/StateChip'
import { formatDate, formatTime } from '../../lib/format'
import { useLoadable } from '../../lib/use-api'
import './index.css'

function roleLabel(role: string): string {
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role
}

export default function ItemPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : null
  const created = router.params.created === '1'

  const [item, reload] = useLoadable<SuggestionDetail>(id, () => call('suggestion', 'get', { id: id as string }))

  useEffect(() => {
    if (created) void Taro.showToast({ title: '提交成功', icon: 'success', duration: 2000 })
  }, [created])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!id) {
    return (
      <View className="page item-page">
        <View className="card">
          <Blank picture="mine" title="没有找到这条反映" />
        </View>
      </View>
    )
  }

  if (item.status === 'loading') {
    return (
      <View className="page item-page" id="item-loading">
        <View className="card">
          <Skeleton rows={5} animated />
        </View>
      </View>
    )
  }

  if (item.status === 'error') {
    const missing = item.error.code === 'not_found' || item.error.code === 'forbidden' || item.error.code === 'validation_failed'
    return (
      <View className="page item-page" id="item-error">
        <View className="card item-state">
          <Blank
            picture={item.error.code === 'network_error' ? 'network' : 'mine'}
            title={missing ? '没有找到这条反映' : '暂时无法打开'}
            description={item.error.message}
          />
          {!missing && (
            <Button className="big-button" type="primary" block onClick={() => void reload()}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    )
  }

  const d = item.data
  // Newest first: what happened last is what people look for.
  const history = [...d.history].reverse()
  const finished = FINAL_STATES.includes(d.state)
  // What the resident most wants to know, once it exists: who owns it, who handles it, what came of it.
  const handling = (
    [
      ['负责代表', d.ownerDeputyName],
      ['即时答复', d.answer],
      ['承办单位', d.departmentName ? [d.departmentName, ...d.coDepartmentNames].join('、') : null],
      ['办理时限', d.deadline ? `${formatDate(d.deadline)}前${d.overdue ? '（已超期）' : ''}` : null],
      ['办理结果', d.resolution ? `${d.resolution.outcomeLabel}：${d.resolution.reply}` : null],
      ['承诺时间', d.resolution?.promisedDate ? formatDate(d.resolution.promisedDate) : null],
      ['我的评价', d.residentRating ? d.residentRating.ratingLabel : null],
    ] as Array<[string, string | null]>
  ).filter((row): row is [string, string] => Boolean(row[1]))

  return (
    <View className="page item-page" id="item-page">
      {created && (
        <View className="item-created" id="item-created">
          已提交给{d.stationName}。代表接单后，每一步进展都会显示在下方。
        </View>
      )}
      <View className="card">
        <View className="item-head">
          <Text className="item-number">{d.number}</Text>
          <StateChip state={d.state} />
        </View>
        <View className="item-content" id="item-content">
          {d.content}
        </View>
        <View className="item-facts">
          <Fact label="联络站" value={d.stationName} />
          <Fact label="类别" value={d.categoryLabel} />
          <Fact label="渠道" value={d.channelLabel} />
          <Fact label="提交时间" value={formatTime(d.createdAt)} />
          <Fact label="联系人" value={d.anonymous ? '匿名反映' : [d.contactName, d.contactPhone].filter(Boolean).join(' ') || '未留'} />
        </View>
      </View>

      {handling.length > 0 && (
        <View>
          <View className="section-title">
            <Text>办理情况</Text>
          </View>
          <View className="card item-handling" id="item-handling">
            {handling.map(([label, value]) => (
              <Fact key={label} label={label} value={value} />
            ))}
          </View>
        </View>
      )}

      <View className="section-title">
        <Text>办理进度</Text>
        <Text className="section-title__extra">{finished ? '已办结' : '办理中随时更新'}</Text>
      </View>
      <View className="card timeline" id="item-timeline">
        {history.length === 0 && <View className="muted">暂无进展</View>}
        {history.map((h, i) => (
          <View className={`timeline__entry ${i === 0 ? 'timeline__entry--latest' : ''}`} key={`${h.at}-${i}`}>
            <View className="timeline__rail">
              <View className="timeline__dot" />
              {i < history.length - 1 && <View className="timeline__line" />}
            </View>
            <View className="timeline__body">
              <View className="timeline__title">
                <Text>{h.eventLabel}</Text>
                <Text className="timeline__state">{STATE_LABELS[h.to]}</Text>
              </View>
              <View className="timeline__who">
                {h.actorName}
                {h.role ? `（${roleLabel(h.role)}）` : ''}
              </View>
              {h.note && <View className="timeline__note">{h.note}</View>}
              <View className="timeline__time">{formatTime(h.at)}</View>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="fact">
      <Text className="fact__label">{label}</Text>
      <Text className="fact__value">{value}</Text>
    </View>
  )
}
