import '../../register-api'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@shared/api'
import type { VisitRecordView } from '@shared/api/visit'
import { call, toApiError } from '../../../../api/client'
import { usePagedList } from '../../../../components/usePagedList'
import { formatSessionDate, formatTime } from '../../../../lib/format'
import { draftBox, draftsChanged, useDrafts } from '../../lib/drafts'
import { exportRegister } from '../../lib/export'
import { DraftStateChip, Figure, PKG, RecordCard, SyncBanner } from '../../lib/parts'
import '../../supervisor.css'

type Summary = ActionOutput<'visit', 'sessionSummary'>

/**
 * 登记记录: the drafts on this phone with their sync state (草稿 / 待同步 / 已同步 / 失败 + 原因),
 * and the records on the server (visitor masked in the list). With ?sessionId= it is one session:
 * its summary (visitors, matters, answered on the spot, 交办单, deputies' attendance) and records.
 */
export default function RecordsPage() {
  const { params } = useRouter()
  const sessionId = params.sessionId || undefined
  const [tab, setTab] = useState<'records' | 'drafts'>(params.tab === 'drafts' ? 'drafts' : 'records')
  const [summary, setSummary] = useState<Summary | null>(null)
  const { drafts, syncing, syncNow, refresh: refreshDrafts } = useDrafts()
  const list = usePagedList<VisitRecordView>(`records:${sessionId ?? ''}`, (cursor) => call('visit', 'list', { sessionId, cursor, limit: 20 }))

  useEffect(() => {
    if (!sessionId) return
    call('visit', 'sessionSummary', { sessionId })
      .then(setSummary)
      .catch(() => {})
  }, [sessionId, drafts.filter((d) => d.state === 'synced').length])

  // A sync just finished: the server list has new rows.
  const syncedCount = drafts.filter((d) => d.state === 'synced').length
  useEffect(() => {
    void list.refresh(true)
  }, [syncedCount]) // eslint-disable-line react-hooks/exhaustive-deps

  const open = (id: string) => void Taro.navigateTo({ url: `${PKG}/record/index?id=${encodeURIComponent(id)}` })

  return (
    <View className="page records-page" id="records-page">
      {summary && (
        <View className="sv-head" id="session-summary">
          <View className="sv-head__title">
            {formatSessionDate(summary.session.date)} {summary.session.startTime}–{summary.session.endTime}
          </View>
          <View className="sv-head__sub">
            {summary.session.stationName} · {summary.session.kindLabel}
          </View>
          <View className="sv-figures">
            <Figure label="接待人次" value={summary.visitors} />
            <Figure label="意见建议" value={summary.matters} />
            <Figure label="当场答复" value={summary.answeredOnSpot} />
            <Figure label="交办单" value={summary.assignmentForms} />
            <Figure label="缺办理结果" value={summary.missingResult} />
            <Figure label="缺群众意见" value={summary.missingOpinion} />
          </View>
          <View className="sv-field__hint">
            代表到场：
            {summary.deputies.map((d) => `${d.name}${d.attended ? '（已到，今年' + d.attendedThisYear + '次）' : '（未到）'}`).join('、') || '无'}
          </View>
          <View className="sv-link" style={{ marginTop: '12px' }} onClick={() => void exportRegister({ scope: 'session', sessionId: summary.session.id })}>
            导出本场登记表（Excel）
          </View>
        </View>
      )}

      <SyncBanner drafts={drafts} syncing={syncing} onSync={() => void syncNow()} />

      <View className="sv-tabs">
        <View className={`sv-tab ${tab === 'records' ? 'sv-tab--on' : ''}`} id="tab-records" onClick={() => setTab('records')}>
          已登记
        </View>
        <View className={`sv-tab ${tab === 'drafts' ? 'sv-tab--on' : ''}`} id="tab-drafts" onClick={() => setTab('drafts')}>
          本机草稿（{drafts.filter((d) => d.state !== 'synced').length}）
        </View>
      </View>

      {tab === 'drafts' && (
        <View id="draft-list">
          {drafts.length === 0 && <View className="sv-empty">本机没有草稿。没有信号时登记的内容会先保存在这里。</View>}
          {drafts.map((d) => (
            <View className="sv-item draft-card" key={d.clientId}>
              <View className="sv-item__head">
                <Text className="sv-item__who">{d.summary.visitorName || '（未填姓名）'}</Text>
                <DraftStateChip draft={d} />
              </View>
              <View className="sv-item__matter">{d.summary.matter || '（未填反映事项）'}</View>
              <View className="sv-item__meta">
                {formatTime(d.summary.visitedAt)} · {d.summary.handling === 'assignment_form' ? '交办单' : d.summary.handling === 'answered_on_spot' ? '当场答复' : '未选办理方式'}
                {d.attempts ? ` · 已尝试${d.attempts}次` : ''}
              </View>
              {d.error && <View className="sv-item__error">{d.state === 'failed' ? `失败：${d.error}` : d.error}</View>}
              <View className="sv-item__buttons">
                {d.fields && d.state !== 'synced' && (
                  <Text className="sv-link" onClick={() => void Taro.navigateTo({ url: `${PKG}/visit/index?stationCode=${d.summary.stationCode}&clientId=${d.clientId}${d.fields?.sessionId ? `&sessionId=${d.fields.sessionId}` : ''}` })}>
                    {d.state === 'failed' ? '修改后重试' : '继续编辑'}
                  </Text>
                )}
                {d.state === 'failed' && d.errorCode === 'conflict' && d.recordId && (
                  <Text className="sv-link" onClick={() => open(d.recordId!)}>
                    查看服务器上的登记
                  </Text>
                )}
                {d.recordId && d.state === 'synced' && (
                  <Text className="sv-link" onClick={() => open(d.recordId!)}>
                    查看登记
                  </Text>
                )}
                {d.state !== 'synced' && d.state !== 'pending' && (
                  <Text
                    className="sv-link"
                    onClick={() =>
                      void Taro.showModal({ title: '放弃这条草稿？', content: d.recordId ? '服务器上的登记保持不变。' : '这条登记还没有同步，放弃后无法找回。' }).then((r) => {
                        if (!r.confirm) return
                        draftBox.discard(d.clientId)
                        draftsChanged()
                        refreshDrafts()
                      })
                    }
                  >
                    放弃
                  </Text>
                )}
              </View>
            </View>
          ))}
        </View>
      )}

      {tab === 'records' && (
        <View id="record-list">
          {list.state.loading && (
            <View className="card">
              <Skeleton rows={3} animated />
            </View>
          )}
          {!list.state.loading && list.state.error && list.state.items.length === 0 && (
            <View className="sv-empty">
              {toApiError(list.state.error).message}
              <View className="sv-link" onClick={() => void list.refresh(false)}>
                重新加载
              </View>
            </View>
          )}
          {!list.state.loading && !list.state.error && list.state.items.length === 0 && <View className="sv-empty">还没有登记。</View>}
          {list.state.items.map((r) => (
            <RecordCard key={r.id} record={r} onOpen={() => open(r.id)} />
          ))}
          {list.state.nextCursor && (
            <View className="sv-empty sv-link" onClick={() => void list.loadMore()}>
              {list.state.loadingMore ? '正在加载…' : '加载更多'}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
