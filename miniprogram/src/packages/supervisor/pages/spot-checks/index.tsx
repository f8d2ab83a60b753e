import '../../register-api'
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Skeleton, TextArea } from '@nutui/nutui-react-taro'
import type { problemView, spotCheckItem } from '@shared/api/visit'
import type { z } from 'zod'
import { CALLBACK_OUTCOME_LABELS, CALLBACK_OUTCOMES, type CallbackOutcome } from '@shared/domain/visits'
import { call, toApiError } from '../../../../api/client'
import { usePagedList } from '../../../../components/usePagedList'
import { formatTime } from '../../../../lib/format'
import { newClientRequestId } from '../../../../lib/request-id'
import { PKG } from '../../lib/parts'
import '../../supervisor.css'
import { todayInBeijing } from '../../../../lib/format'

type Item = z.output<typeof spotCheckItem>
type Problem = z.output<typeof problemView>


/**
 * 抽查回访与问题清单. Staff draw closed records of the last month at random and record each
 * callback; the problem list keeps problems with their owner until they are resolved.
 * Supervisors see both for their station (read only).
 */
export default function SpotChecksPage() {
  const [isStaff, setIsStaff] = useState(false)
  const [tab, setTab] = useState<'checks' | 'problems'>('checks')
  const checks = usePagedList<Item>('checks', (cursor) => call('visit', 'listSpotChecks', { cursor, limit: 20 }))
  const problems = usePagedList<Problem>('problems', (cursor) => call('visit', 'listProblems', { cursor, limit: 20 }))
  const drawId = useRef(newClientRequestId())

  useEffect(() => {
    call('directory', 'whoami', {})
      .then((me) => setIsStaff(me.roles.includes('staff')))
      .catch(() => {})
  }, [])

  const draw = async () => {
    try {
      const check = await call('visit', 'spotCheck', { clientRequestId: drawId.current, from: todayInBeijing(Date.now() - 30 * 86_400_000), to: todayInBeijing(), size: 5 })
      drawId.current = newClientRequestId()
      void Taro.showToast({ title: `已从${check.poolSize}条中抽取${check.items.length}条`, icon: 'none' })
      void checks.refresh(true)
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
    }
  }

  return (
    <View className="page spot-checks-page" id="spot-checks-page">
      <View className="sv-tabs">
        <View className={`sv-tab ${tab === 'checks' ? 'sv-tab--on' : ''}`} onClick={() => setTab('checks')}>
          抽查回访
        </View>
        <View className={`sv-tab ${tab === 'problems' ? 'sv-tab--on' : ''}`} id="tab-problems" onClick={() => setTab('problems')}>
          问题清单
        </View>
      </View>

      {tab === 'checks' && (
        <View>
          {isStaff && (
            <View className="card">
              <Button className="big-button" type="primary" block id="draw" onClick={() => void draw()}>
                随机抽查近30天已办结的登记（5条）
              </Button>
            </View>
          )}
          {checks.state.loading && (
            <View className="card">
              <Skeleton rows={3} animated />
            </View>
          )}
          {!checks.state.loading && checks.state.items.length === 0 && (
            <View className="sv-empty">{checks.state.error ? checks.state.error.message : '还没有抽查记录。人大工作人员抽查后，被抽中的登记会出现在这里。'}</View>
          )}
          {checks.state.items.map((i) => (
            <CheckCard key={i.id} item={i} canCall={isStaff} onDone={() => void checks.refresh(true)} />
          ))}
        </View>
      )}

      {tab === 'problems' && (
        <View>
          {isStaff && <NewProblem onDone={() => void problems.refresh(true)} />}
          {!problems.state.loading && problems.state.items.length === 0 && (
            <View className="sv-empty">{problems.state.error ? problems.state.error.message : '问题清单为空。'}</View>
          )}
          {problems.state.items.map((p) => (
            <ProblemCard key={p.id} problem={p} canResolve={isStaff} onDone={() => void problems.refresh(true)} />
          ))}
        </View>
      )}
    </View>
  )
}

function CheckCard({ item, canCall, onDone }: { item: Item; canCall: boolean; onDone: () => void }) {
  const [outcome, setOutcome] = useState<CallbackOutcome | undefined>()
  const [note, setNote] = useState('')
  const r = item.record
  const save = async () => {
    try {
      await call('visit', 'recordCallback', { id: item.id, outcome: outcome!, note: note.trim() || undefined })
      void Taro.showToast({ title: '已登记回访', icon: 'success' })
      onDone()
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
    }
  }
  return (
    <View className="sv-item spot-check-item">
      <View className="sv-item__head">
        <Text className="sv-item__who">{r.visitor?.name ?? '（已删除）'}</Text>
        <Text className={`sv-state ${item.status === 'done' ? 'sv-state--closed' : 'sv-state--pending'}`}>{item.statusLabel}</Text>
      </View>
      <View className="sv-item__matter" onClick={() => void Taro.navigateTo({ url: `${PKG}/record/index?id=${r.id}` })}>
        {r.matter}
      </View>
      <View className="sv-item__meta">
        {r.stationName} · {formatTime(r.visitedAt)} · {item.drawnByName}抽查于{formatTime(item.drawnAt)}
      </View>
      <View className="sv-item__meta">办理结果：{r.result ?? '—'}；群众意见：{r.opinion?.ratingLabel ?? '—'}</View>
      {item.callback && (
        <View className="sv-result">
          回访：{item.callback.outcomeLabel}
          {item.callback.note ? `，${item.callback.note}` : ''}（{item.callback.byName}）
        </View>
      )}
      {!item.callback && canCall && (
        <View>
          {r.visitor?.phone && (
            <View className="sv-link" onClick={() => void Taro.makePhoneCall({ phoneNumber: r.visitor!.phone }).catch(() => {})}>
              回访电话 {r.visitor.phone}
            </View>
          )}
          <View className="sv-chips">
            {CALLBACK_OUTCOMES.map((o) => (
              <View key={o} className={`sv-chip ${outcome === o ? 'sv-chip--on' : ''}`} onClick={() => setOutcome(o)}>
                {CALLBACK_OUTCOME_LABELS[o]}
              </View>
            ))}
          </View>
          <TextArea className="sv-textarea" value={note} maxLength={500} autoSize placeholder="回访情况（选填）" onChange={setNote} />
          <Button className="sv-gap" type="primary" block disabled={!outcome} onClick={() => void save()}>
            登记回访结果
          </Button>
        </View>
      )}
    </View>
  )
}

function NewProblem({ onDone }: { onDone: () => void }) {
  const [title, setTitle] = useState('')
  const [owner, setOwner] = useState('')
  const requestId = useRef(newClientRequestId())
  const save = async () => {
    try {
      await call('visit', 'createProblem', { clientRequestId: requestId.current, title, owner, source: 'spot_check' })
      requestId.current = newClientRequestId()
      setTitle('')
      setOwner('')
      onDone()
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
    }
  }
  return (
    <View className="sv-field">
      <View className="sv-field__label">列入问题清单</View>
      <Input className="sv-input" value={title} placeholder="问题（如：登记表办理结果填写过简）" maxLength={100} onChange={setTitle} />
      <Input className="sv-input" value={owner} placeholder="责任人或责任单位" maxLength={40} onChange={setOwner} />
      <Button className="sv-gap" type="primary" block disabled={!title.trim() || !owner.trim()} onClick={() => void save()}>
        列入
      </Button>
    </View>
  )
}

function ProblemCard({ problem, canResolve, onDone }: { problem: Problem; canResolve: boolean; onDone: () => void }) {
  const [resolution, setResolution] = useState('')
  const resolve = async () => {
    try {
      await call('visit', 'resolveProblem', { id: problem.id, expectedVersion: problem.version, resolution })
      onDone()
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
    }
  }
  return (
    <View className="sv-item problem-card">
      <View className="sv-item__head">
        <Text className="sv-item__who">{problem.title}</Text>
        <Text className={`sv-state ${problem.status === 'resolved' ? 'sv-state--closed' : 'sv-state--failed'}`}>{problem.statusLabel}</Text>
      </View>
      <View className="sv-item__meta">
        责任人：{problem.owner}
        {problem.stationName ? ` · ${problem.stationName}` : ''} · {problem.sourceLabel} · {formatTime(problem.createdAt)}
        {problem.dueDate ? ` · 期限${problem.dueDate}` : ''}
      </View>
      {problem.resolution && <View className="sv-result">整改情况：{problem.resolution}</View>}
      {canResolve && problem.status === 'open' && (
        <View>
          <TextArea className="sv-textarea" value={resolution} maxLength={500} autoSize placeholder="整改情况" onChange={setResolution} />
          <Button className="sv-gap" type="primary" fill="outline" block disabled={resolution.trim().length < 2} onClick={() => void resolve()}>
            整改销号
          </Button>
        </View>
      )}
    </View>
  )
}
