import '../../register-api'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton, Switch, TextArea } from '@nutui/nutui-react-taro'
import type { VisitRecordView } from '@shared/api/visit'
import { VISIT_OPINION_LABELS, VISIT_OPINIONS, type VisitOpinion } from '@shared/domain/visits'
import { call, toApiError } from '../../../../api/client'
import { useLoad } from '../../../../lib/use-load'
import { formatTime } from '../../../../lib/format'
import { PKG } from '../../lib/parts'
import '../../../../components/Workbench.css'
import '../../supervisor.css'

/**
 * 登记详情: everything on the form, where the 交办单 stands, the 办理结果 (read from the item until
 * closed), the callback's 选民群众对办理结果的意见 and 办结 once both are there.
 */
export default function RecordPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: record, error, setData: setRecord } = useLoad<VisitRecordView>(`record|${id}`, () => call('visit', 'get', { id }), { refreshOnShow: true })
  const [rating, setRating] = useState<VisitOpinion | undefined>()
  const [note, setNote] = useState('')
  const [reopen, setReopen] = useState(false)
  const [busy, setBusy] = useState(false)

  const act = async (run: () => Promise<VisitRecordView>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      setRecord(await run())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  if (error && !record) return <View className="sv-empty">{error.message}</View>
  if (!record)
    return (
      <View className="card">
        <Skeleton rows={5} animated />
      </View>
    )

  const r = record
  const open = r.status === 'open'
  const canReopen = r.assignment?.state === 'resolved' && rating === 'unsatisfied'
  return (
    <View className="page record-page" id="record-page">
      <View className="sv-head">
        <View className="sv-item__head">
          <Text className="sv-head__title">{r.visitor?.name ?? '（来访人信息已删除）'}</Text>
          <Text className={`sv-state sv-state--${r.status}`}>{r.statusLabel}</Text>
        </View>
        <View className="sv-head__sub">
          {formatTime(r.visitedAt)} · {r.stationName} · {r.session ? r.session.kindLabel : '临时接待'}
        </View>
      </View>

      <View className="card">
        <KV k="手机" v={r.visitor?.phone ?? '—'} onTap={r.visitor && !r.visitorMasked ? () => void Taro.makePhoneCall({ phoneNumber: r.visitor!.phone }).catch(() => {}) : undefined} />
        <KV k="村（社区）" v={r.visitor?.village ?? '—'} />
        <KV k="人数" v={String(r.visitorCount)} />
        <KV k="到场代表" v={r.deputies.map((d) => d.name).join('、') || '—'} />
        <KV k="类别" v={r.categoryLabel} />
        <KV k="办理方式" v={r.handlingLabel} />
        {r.assignment && <KV k="交办单" v={`${r.assignment.suggestionNumber} · ${r.assignment.routeLabel}（${r.assignment.targetName}）`} />}
        {r.assignment && <KV k="办理进度" v={r.assignment.progress} />}
      </View>

      <View className="section-title">
        <Text>反映事项</Text>
      </View>
      <View className="card" id="record-matter">
        {r.matter}
      </View>

      <View className="section-title">
        <Text>办理结果</Text>
      </View>
      <View className="card">
        <View className={`sv-result ${r.result ? '' : 'sv-result--none'}`} id="record-result">
          {r.result ?? (r.assignment ? `尚未办结：${r.assignment.progress}` : '尚无办理结果')}
        </View>
      </View>

      <View className="section-title">
        <Text>选民群众对办理结果的意见</Text>
      </View>
      <View className="card" id="record-opinion">
        {r.opinion ? (
          <View>
            <Text className="sv-state sv-state--closed">{r.opinion.ratingLabel}</Text>
            {r.opinion.note && <View className="sv-item__matter">{r.opinion.note}</View>}
            <View className="sv-item__meta">
              {r.opinion.byName} 登记于 {formatTime(r.opinion.at)}
            </View>
          </View>
        ) : open && r.result ? (
          <View id="opinion-form">
            <View className="sv-field__hint">回访群众后，登记群众对办理结果的意见{r.assignment ? '（同时代群众验单）' : ''}。</View>
            <View className="sv-chips">
              {VISIT_OPINIONS.map((o) => (
                <View key={o} className={`sv-chip ${rating === o ? 'sv-chip--on' : ''}`} id={`opinion-${o}`} onClick={() => setRating(o)}>
                  {VISIT_OPINION_LABELS[o]}
                </View>
              ))}
            </View>
            <TextArea className="sv-textarea" value={note} maxLength={500} autoSize placeholder="群众的原话或补充说明（选填）" onChange={setNote} />
            {canReopen && (
              <View className="sv-row" style={{ marginTop: '16px' }}>
                <Text>要求承办单位重新办理</Text>
                <Switch checked={reopen} onChange={setReopen} />
              </View>
            )}
            <Button
              className="big-button"
              type="primary"
              block
              id="save-opinion"
              disabled={!rating || busy}
              onClick={() =>
                void act(
                  () => call('visit', 'recordOpinion', { id: r.id, expectedVersion: r.version, rating: rating!, note: note.trim() || undefined, reopen: canReopen && reopen }),
                  canReopen && reopen ? '已退回重新办理' : '已登记群众意见',
                )
              }
            >
              登记群众意见
            </Button>
          </View>
        ) : (
          <View className="sv-result sv-result--none">{open ? '有办理结果后再回访群众' : '—'}</View>
        )}
      </View>

      {open && (
        <View className="card">
          {r.missingLabels.length > 0 && <View className="sv-item__missing">办结前还缺：{r.missingLabels.join('、')}</View>}
          <Button
            className="big-button"
            type="primary"
            block
            id="close-record"
            disabled={!r.canClose || busy}
            onClick={() => void act(() => call('visit', 'close', { id: r.id, expectedVersion: r.version }), '已办结')}
          >
            办结
          </Button>
          <View
            className="sv-link"
            style={{ marginTop: '24px', textAlign: 'center' }}
            onClick={() => void Taro.navigateTo({ url: `${PKG}/visit/index?recordId=${r.id}&stationCode=${r.stationCode}` })}
          >
            修改登记
          </View>
        </View>
      )}
      {!open && (
        <View className="work-item__none" style={{ margin: '24px 24px 0' }}>
          {r.closedByName} 于 {r.closedAt ? formatTime(r.closedAt) : ''} 办结。已办结的登记不能再修改。
        </View>
      )}
    </View>
  )
}

function KV({ k, v, onTap }: { k: string; v: string; onTap?: () => void }) {
  return (
    <View className="sv-kv" onClick={onTap}>
      <Text className="sv-kv__key">{k}</Text>
      <Text className={`sv-kv__value ${onTap ? 'sv-link' : ''}`}>{v}</Text>
    </View>
  )
}
