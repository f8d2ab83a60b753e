import '../register-api'
import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { EvaluationView } from '@shared/api/stats'
import { call, toApiError } from '../../../api/client'
import { useLoad } from '../../../lib/use-load'
import DataTable from '../components/DataTable'
import { Chips, ErrorState, LoadingCards, Notice, SectionHead } from '../components/ui'
import { evaluationTable } from '../lib/chart-options'
import { explain, failure } from '../../../lib/errors'
import { exportEvaluation } from '../lib/export'
import { formatInstant } from '../lib/format'
import { formatDate } from '../../../lib/format'
import { beijingYear, recentYears } from '../lib/period'
import '../stats.css'
import './index.css'

const FORBIDDEN = {
  title: '年度评议由县人大常委会工作人员进行',
  message: '评议通报的查看、导出和冻结限县人大常委会代表工作委员会的工作人员；乡镇人大主席团可在统计看板查看本乡镇的数字。',
}

/**
 * 年度评议通报 (县人大常委会工作人员): the year's evaluation as a notice that can be printed and
 * published — title, summary, the ranking of departments with their rates and score, how the
 * score is computed, and the deputies' comments per department. 导出Excel, 打印 (H5), and
 * 冻结 once the year is over (the figures then stay as they are).
 */
export default function EvaluationPage() {
  const router = useRouter()
  const thisYear = beijingYear()
  const [year, setYear] = useState<number>(Number(router.params.year) || thisYear)
  const [busy, setBusy] = useState<'export' | 'freeze' | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const { state: state, reload: reload } = useLoad<EvaluationView>(`evaluation|${year}`, () => call('stats', 'evaluation', { year }))

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const years = recentYears(3)
  if (!years.includes(year)) years.push(year)

  const onExport = async (view: EvaluationView) => {
    setBusy('export')
    setActionError(null)
    try {
      const name = await exportEvaluation(view.countyCode, view.year)
      void Taro.showToast({ title: `已导出 ${name}`, icon: 'none' })
    } catch (err) {
      setActionError(`导出失败：${explain(err)}`)
    } finally {
      setBusy(null)
    }
  }

  const onFreeze = async (view: EvaluationView) => {
    const { confirm } = await Taro.showModal({
      title: `冻结${view.year}年度评议`,
      content: `冻结后，${view.year}年度的评议结果和各月统计数字不再变化（以后的退回、重新办理不再从该年度扣除），且不能撤销。`,
      confirmText: '确定冻结',
      confirmColor: '#c8161d',
      cancelText: '再看看',
    })
    if (!confirm) return
    setBusy('freeze')
    setActionError(null)
    try {
      await call('stats', 'freezeYear', { countyCode: view.countyCode, year: view.year })
      await reload()
      void Taro.showToast({ title: '已冻结', icon: 'success' })
    } catch (err) {
      setActionError(`冻结失败：${explain(toApiError(err))}`)
    } finally {
      setBusy(null)
    }
  }

  const yearChips = (
    <Chips name="year" label="评议年度" options={years.map((y) => ({ value: String(y), label: `${y}年度` }))} value={String(year)} onChange={(v) => setYear(Number(v))} />
  )

  if (state.status === 'loading') {
    return (
      <View className="page st-page st-print-root" id="evaluation-page">
        <View className="card st-noprint">{yearChips}</View>
        <LoadingCards id="evaluation-loading" cards={2} />
      </View>
    )
  }
  if (state.status === 'error') {
    const f = failure(state.error, '评议通报', FORBIDDEN)
    return (
      <View className="page st-page st-print-root" id="evaluation-page">
        {state.error.code !== 'forbidden' && <View className="card st-noprint">{yearChips}</View>}
        <ErrorState id={state.error.code === 'forbidden' ? 'evaluation-forbidden' : 'evaluation-error'} title={f.title} message={f.message} network={f.network} onRetry={f.retry ? () => void reload() : undefined} />
      </View>
    )
  }

  const view = state.data
  const { table, unranked } = evaluationTable(view)
  const commented = view.rows.filter((r) => r.comments.length > 0)
  const yearOver = view.year < thisYear

  return (
    <View className="page st-page st-print-root" id="evaluation-page">
      <View className="card st-noprint st-toolbar" id="evaluation-toolbar">
        <SectionHead title="评议年度" />
        {yearChips}
        <View className="st-actions">
          <Button className="big-button st-action" type="primary" fill="outline" id="export-button" loading={busy === 'export'} disabled={busy !== null} aria-disabled={busy !== null} onClick={() => void onExport(view)}>
            导出Excel
          </Button>
          {process.env.TARO_ENV === 'h5' && (
            <Button className="big-button st-action" type="primary" fill="outline" id="print-button" disabled={busy !== null} onClick={() => window.print()}>
              打印
            </Button>
          )}
        </View>
        {!view.frozen && (
          <View className="st-freeze">
            <Button
              className="big-button"
              type="primary"
              fill="outline"
              block
              id="freeze-button"
              aria-disabled={busy !== null || !yearOver}
              loading={busy === 'freeze'}
              disabled={busy !== null || !yearOver}
              onClick={() => void onFreeze(view)}
            >
              冻结{view.year}年度
            </Button>
            <View className="st-note" id="freeze-hint">
              {yearOver ? '冻结后本年度的评议结果和统计数字定稿，不再变化。' : `${view.year}年度尚未结束，年度结束后才能冻结。`}
            </View>
          </View>
        )}
        {actionError && (
          <View className="st-field-error" id="evaluation-action-error">
            {actionError}
          </View>
        )}
      </View>

      <View className="card st-doc" id="evaluation-doc">
        <View className="st-doc__title" id="evaluation-title">
          {view.title}
        </View>
        {view.frozen ? (
          <Notice tone="ok" id="frozen-status">
            <Text className="st-notice__strong">已冻结</Text>
            {view.frozenByName || view.frozenAt ? `：${view.frozenByName ?? ''}于${view.frozenAt ? formatInstant(view.frozenAt) : ''}冻结，以下为定稿结果。` : ''}
          </Notice>
        ) : (
          <Notice tone="warn" id="frozen-status">
            未冻结：数字截至{formatInstant(view.generatedAt)}，仍会随办理进展变化。
          </Notice>
        )}
        <View className="st-doc__summary" id="evaluation-summary">
          {view.summary.map((line, i) => (
            <View className="st-doc__p" key={i}>
              {line}
            </View>
          ))}
        </View>

        <View className="st-doc__h2">一、承办单位评议排名</View>
        {table.rows.length > 0 ? (
          <DataTable id="evaluation-table" table={table} hideCaption wide scrollHint />
        ) : (
          <View className="st-empty" id="evaluation-empty">
            {view.year}年度还没有派单给承办单位，暂无排名。
          </View>
        )}
        {unranked.length > 0 && (
          <View className="st-note" id="evaluation-unranked">
            本年度没有派单的单位（不参与排名）：{unranked.join('、')}。
          </View>
        )}

        <View className="st-doc__h2">二、综合得分计算方法</View>
        <View className="st-doc__p" id="score-formula">
          {view.scoreFormula}
        </View>

        <View className="st-doc__h2">三、代表对办理结果的评价意见</View>
        {commented.length === 0 ? (
          <View className="st-doc__p">本年度代表没有填写评价意见。</View>
        ) : (
          commented.map((r) => (
            <View className="st-comments" key={r.departmentCode} id={`comments-${r.departmentCode}`}>
              <View className="st-comments__dept">{r.departmentName}</View>
              {r.comments.map((c, i) => (
                <View className="st-comment" key={`${c.itemNumber}-${i}`}>
                  <View className="st-comment__text">
                    <Text className={`st-badge st-badge--${c.rating === 'unsatisfied' ? 'alert' : c.rating === 'satisfied' ? 'ok' : 'info'}`}>{c.ratingLabel}</Text>
                    {c.comment}
                  </View>
                  <View className="st-comment__meta">
                    {c.deputyName ?? '代表'} · {formatDate(c.at)} · 事项{c.itemNumber}
                  </View>
                </View>
              ))}
            </View>
          ))
        )}

        <View className="st-doc__sign">
          <View>{view.countyName}人大常委会</View>
          <View>{formatDate(view.frozenAt ?? view.generatedAt)}</View>
        </View>
      </View>
    </View>
  )
}
