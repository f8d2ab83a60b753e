import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SuggestionDetail } from '@shared/api/suggestion'
import MergePanel from '../../../components/MergePanel'
import ReferPanel from '../../../components/ReferPanel'
import NotePanel from '../../../components/NotePanel'
import WorkItemShell, { type PanelApi } from '../../../components/WorkItemShell'
import { ChipGroup, FieldError, FieldLabel, NoteField, VerbPanel } from '../../../components/WorkForm'
import { usePanelVerb } from '../../../components/work'
import { formatDate } from '../../../lib/format'


/**
 * 人大办理: dispatch (its own page), approve or refuse an extension, supervise a slow or overdue
 * item, release text held for review, merge duplicates, refer individual matters.
 */
export default function StaffItem() {
  return (
    <WorkItemShell
      workbench="staff"
      onPick={(verb, d) => {
        if (verb !== 'dispatch') return false
        void Taro.navigateTo({ url: `/packages/staff/dispatch/index?id=${encodeURIComponent(d.id)}` })
        return true
      }}
      banner={(d) => <StaffBanner d={d} held={d.held} />}
      renderPanel={(verb, api) => {
        switch (verb) {
          case 'decideExtension':
            return <ExtensionPanel api={api} />
          case 'supervise':
            return (
              <NotePanel
                api={api}
                verb="supervise"
                field="note"
                title="督办"
                hint="督办意见会通知承办单位，并记入办理进度和年度评议。"
                label="督办意见"
                max={500}
                initial={api.item.overdue ? '该事项已超过办理时限，请于3个工作日内办结并答复。' : ''}
                confirmText="发出督办"
              />
            )
          case 'release':
            return (
              <NotePanel
                api={api}
                verb="release"
                field="note"
                title="审核放行"
                hint="内容安全检查认为需人工审核。确认内容可以公开后放行，代表即可接单。"
                label="审核意见"
                max={200}
                confirmText="审核通过"
              />
            )
          case 'merge':
            return <MergePanel api={api} />
          case 'refer':
            return <ReferPanel api={api} />
          default:
            return null
        }
      }}
    />
  )
}

function StaffBanner({ d, held }: { d: SuggestionDetail; held: boolean }) {
  if (held && d.state === 'submitted') {
    return (
      <View className="work-banner" id="staff-banner">
        此条内容待人工审核，审核通过前代表看不到。
      </View>
    )
  }
  if (d.extension?.status === 'pending') {
    return (
      <View className="work-banner" id="staff-banner">
        {d.departmentName ?? '承办单位'}申请延期{d.extension.workdays}个工作日，待您审批。
      </View>
    )
  }
  if (d.overdue) {
    return (
      <View className="work-banner work-banner--alert" id="staff-banner">
        已超过办理时限{d.deadline ? `（${formatDate(d.deadline)}）` : ''}，请督办。
      </View>
    )
  }
  return null
}

function ExtensionPanel({ api }: { api: PanelApi }) {
  const ext = api.item.extension
  const [approve, setApprove] = useState<'yes' | 'no' | undefined>()
  const [note, setNote] = useState('')
  const { errors, setErrors, clearing, submit, panel } = usePanelVerb(api, 'decideExtension')
  return (
    <VerbPanel
      {...panel}
      title="审批延期"
      hint={ext ? `申请延期${ext.workdays}个工作日。理由：${ext.reason}` : undefined}
      confirmText="提交审批"
      onConfirm={() => {
        if (!approve) {
          setErrors({ approve: '请选择同意或不同意' })
          return
        }
        submit({ approve: approve === 'yes', note: note.trim() || undefined }, '已审批')
      }}
    >
      <FieldLabel required>审批结果</FieldLabel>
      <ChipGroup
        name="approve"
        columns={2}
        options={[
          { value: 'yes', label: '同意延期', hint: ext ? `时限顺延${ext.workdays}个工作日` : undefined },
          { value: 'no', label: '不同意', hint: '按原时限办结' },
        ]}
        value={approve}
        onChange={clearing(setApprove)}
      />
      <FieldError message={errors.approve} id="error-approve" />
      <NoteField name="note" label="审批意见" value={note} max={500} error={errors.note} onChange={setNote} placeholder="选填" />
    </VerbPanel>
  )
}
