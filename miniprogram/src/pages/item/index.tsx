import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { FINAL_STATES, STATE_RESIDENT_TEXT } from '@shared/domain/states'
import { workbenchFor } from '@shared/domain/verbs'
import Blank from '../../components/Blank'
import { ItemUnavailable, LoadingCards } from '../../components/LoadStates'
import { HandlingCard, ItemSummary, Timeline } from '../../components/ItemDetail'
import RatingForm from '../../components/RatingForm'
import { useVerb } from '../../components/work'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import './index.css'

/** Where the resident's item page sends a role holder who opened the item from a message (which workbench: shared/domain/verbs.ts). */
const WORKBENCH_LINKS = {
  deputy: { label: '到代表工作台办理', url: '/packages/deputy/item/index' },
  staff: { label: '到派单台办理', url: '/packages/staff/item/index' },
  department: { label: '到承办工作台办理', url: '/packages/department/item/index' },
} as const

export default function ItemPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : null
  const created = router.params.created === '1'

  // loaded on open, again when the page shows after another page (the item may have moved on) and
  // on pull-down; `data` is the last load or the answer of a verb (no second request)
  const { state: loaded, reload, data, setData } = useLoad(id, () => call('suggestion', 'get', { id: id as string }), { refreshOnShow: true, pullDownRefresh: true })
  const { busy, run } = useVerb((next) => setData(next))

  useEffect(() => {
    if (created) void Taro.showToast({ title: '提交成功', icon: 'success', duration: 2000 })
  }, [created])

  if (!id) {
    return (
      <View className="page item-page">
        <View className="card">
          <Blank picture="mine" title="没有找到这条反映" />
        </View>
      </View>
    )
  }

  if (!data && loaded.status !== 'error') {
    return <LoadingCards className="page item-page" id="item-loading" cards={2} rows={[5, 3]} />
  }

  if (!data && loaded.status === 'error') {
    return <ItemUnavailable id="item-error" className="page item-page" cardClass="card item-state" error={loaded.error} notFound="没有找到这条反映" onRetry={() => void reload()} />
  }

  if (!data) return null
  const d = data
  const can = (verb: string) => d.allowedActions.includes(verb)
  const open = !FINAL_STATES.includes(d.state)
  const bench = workbenchFor(d.allowedActions)
  const workbench = bench ? WORKBENCH_LINKS[bench] : null

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '撤回这条反映？',
      content: '撤回后代表将不再办理此事，如需反映请重新提交。',
      confirmText: '撤回',
      confirmColor: '#c8161d',
      cancelText: '再想想',
    })
    if (answer.confirm) void run('withdraw', { id: d.id }, '已撤回')
  }

  return (
    <View className="page item-page" id="item-page">
      {created && (
        <View className="item-created" id="item-created">
          已提交给{d.stationName}。代表接单后，每一步进展都会显示在下方。
        </View>
      )}
      <ItemSummary d={d} />
      <View className="item-hint" id="item-hint">
        {STATE_RESIDENT_TEXT[d.state]}
      </View>

      <HandlingCard d={d} />
      {can('rate') && (
        <View id="item-rate">
          <View className="section-title">
            <View>请您验单</View>
          </View>
          <RatingForm item={d} verb="rate" onDone={setData} />
        </View>
      )}

      <Timeline d={d} />

      {(can('withdraw') || (open && !d.following) || workbench) && (
        <View className="item-actions">
          {open && !d.following && (
            <Button
              className="big-button"
              type="primary"
              block
              loading={busy === 'follow'}
              onClick={() => void run('follow', { id: d.id }, '已关注，可在“我的反映”查看进度')}
              id="follow-button"
            >
              我也关注
            </Button>
          )}
          {workbench && (
            <Button
              className="big-button"
              type="primary"
              block
              onClick={() => void Taro.navigateTo({ url: `${workbench.url}?id=${encodeURIComponent(d.id)}` })}
              id="workbench-button"
            >
              {workbench.label}
            </Button>
          )}
          {can('withdraw') && (
            <View className="item-withdraw" onClick={() => busy !== 'withdraw' && void withdraw()} id="withdraw-button">
              {busy === 'withdraw' ? '正在撤回…' : '撤回反映'}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
