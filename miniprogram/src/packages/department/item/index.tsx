import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { OUTCOME_CODES } from '@shared/api/suggestion-workflow'
import { RESOLUTION_OUTCOME_LABELS, type ResolutionOutcome } from '@shared/domain/transitions'
import NotePanel from '../../../components/NotePanel'
import WorkItemShell, { type PanelApi } from '../../../components/WorkItemShell'
import { ChipGroup, FieldError, FieldLabel, NoteField, VerbPanel } from '../../../components/WorkForm'
import { usePanelVerb } from '../../../components/work'
import { todayInBeijing } from '../../../lib/format'
import { formatDate } from '../../../lib/format'
import './index.css'


const OUTCOME_HINTS: Record<ResolutionOutcome, string> = {
  solved: '问题已经解决',
  planned: '已列入工作计划，须承诺完成日期，到期回访',
  explained: '受政策、资金等条件限制，已向群众说明',
}

/** 承办办理: acknowledge, report progress, ask for more time, send back, close with an outcome (销单). */
export default function DepartmentItem() {
  return (
    <WorkItemShell
      workbench="department"
      banner={(d) =>
        d.overdue ? (
          <View className="work-banner work-banner--alert" id="department-banner">
            已超过办理时限{d.deadline ? `（${formatDate(d.deadline)}）` : ''}，请尽快办结，确需延期的请申请延期。
          </View>
        ) : d.state === 'dispatched' && d.reopenCount > 0 ? (
          <View className="work-banner" id="department-banner">
            群众对上次办理结果不满意，要求重新办理（第{d.reopenCount}次），请签收后重新办理。
          </View>
        ) : null
      }
      renderPanel={(verb, api) => {
        switch (verb) {
          case 'acknowledge':
            return (
              <NotePanel
                api={api}
                verb="acknowledge"
                field="note"
                title="签收"
                hint="签收后开始办理；办理时限从派单之日起计算。"
                label="签收说明"
                max={500}
                placeholder="选填，如：已安排公路股负责，联系人及电话"
                confirmText="确认签收"
              />
            )
          case 'progress':
            return (
              <NotePanel
                api={api}
                verb="progress"
                field="note"
                title="报告办理进展"
                hint="进展会显示在群众和代表看到的办理进度中。"
                label="办理进展"
                max={1000}
                placeholder="如：已完成现场勘查，预计下周完成修复"
                confirmText="提交进展"
              />
            )
          case 'sendBack':
            return (
              <NotePanel
                api={api}
                verb="sendBack"
                field="reason"
                title="退回人大"
                hint="不属于本单位职责的，说明理由退回人大重新派单。"
                label="退回理由"
                max={500}
                placeholder="如：该路段属国道，由市公路事业发展中心管养"
                confirmText="确认退回"
              />
            )
          case 'requestExtension':
            return <ExtensionPanel api={api} />
          case 'resolve':
            return <ResolvePanel api={api} />
          default:
            return null
        }
      }}
    />
  )
}

const EXTENSION_DAYS = [5, 10, 15, 20]

function ExtensionPanel({ api }: { api: PanelApi }) {
  const [days, setDays] = useState<string | undefined>()
  const [reason, setReason] = useState('')
  const { errors, clearing, submit, panel } = usePanelVerb(api, 'requestExtension')
  return (
    <VerbPanel
      {...panel}
      title="申请延期"
      hint="延期须经人大常委会审批，审批前仍按原时限计算。"
      confirmText="提交申请"
      onConfirm={() => submit({ workdays: days ? Number(days) : Number.NaN, reason: reason.trim() }, '已提交延期申请')}
    >
      <FieldLabel required>延期</FieldLabel>
      <ChipGroup name="ext-days" columns={2} options={EXTENSION_DAYS.map((n) => ({ value: String(n), label: `${n}个工作日` }))} value={days} onChange={clearing(setDays)} />
      <FieldError message={errors.workdays ? '请选择延期天数' : undefined} id="error-workdays" />
      <NoteField name="reason" label="延期理由" required value={reason} max={500} error={errors.reason} onChange={setReason} placeholder="如：需列入下月资金计划，施工周期约20天" />
    </VerbPanel>
  )
}

function ResolvePanel({ api }: { api: PanelApi }) {
  const [outcome, setOutcome] = useState<ResolutionOutcome | undefined>()
  const [reply, setReply] = useState('')
  const [promised, setPromised] = useState<string>('')
  const { errors, clear, clearing, submit, panel } = usePanelVerb(api, 'resolve')
  const today = todayInBeijing()
  return (
    <VerbPanel
      {...panel}
      title="办结销单"
      hint="答复内容会原文显示给群众和代表，请写清办理过程和结果；群众将据此评价。"
      confirmText="确认销单"
      onConfirm={() => submit({ outcome, reply: reply.trim(), promisedDate: outcome === 'planned' && promised ? promised : undefined }, '已销单')}
    >
      <FieldLabel required>办理结果</FieldLabel>
      <ChipGroup
        name="outcome"
        columns={1}
        options={OUTCOME_CODES.map((o) => ({ value: o, label: RESOLUTION_OUTCOME_LABELS[o], hint: OUTCOME_HINTS[o] }))}
        value={outcome}
        onChange={clearing(setOutcome)}
      />
      <FieldError message={errors.outcome} id="error-outcome" />
      {outcome === 'planned' && (
        <View>
          <FieldLabel required>承诺完成日期</FieldLabel>
          <Picker mode="date" value={promised || today} start={today} onChange={(e) => setPromised(String(e.detail.value))}>
            <View className="date-field" id="promised-date">
              <Text className={promised ? '' : 'muted'}>{promised ? formatDate(promised) : '选择日期'}</Text>
              <Text className="link-row__arrow">›</Text>
            </View>
          </Picker>
          <FieldError message={errors.promisedDate} id="error-promisedDate" />
        </View>
      )}
      <NoteField
        name="reply"
        label="答复内容"
        required
        value={reply}
        max={2000}
        error={errors.reply}
        onChange={(v) => {
          setReply(v)
          if (errors.reply) clear()
        }}
        placeholder="如：已于11月20日完成东关村12盏路灯更换，经回访群众，夜间照明恢复正常。"
      />
    </VerbPanel>
  )
}
