import { useState } from 'react'
import { View } from '@tarojs/components'
import { GRADES, type CategoryCode, type GradeCode } from '@shared/domain/categories'
import { useCountyCategories } from '../../../lib/county-categories'
import MergePanel from '../../../components/MergePanel'
import ReferPanel from '../../../components/ReferPanel'
import NotePanel from '../../../components/NotePanel'
import RatingForm from '../../../components/RatingForm'
import WorkItemShell, { type PanelApi } from '../../../components/WorkItemShell'
import { ChipGroup, FieldError, FieldLabel, NoteField, VerbPanel } from '../../../components/WorkForm'
import { usePanelVerb } from '../../../components/work'


/** 代表办理: accept (分类、分级), answer on the spot, escalate, rate the department's reply, merge, refer. */
export default function DeputyItem() {
  return (
    <WorkItemShell
      workbench="deputy"
      banner={(d) =>
        d.state === 'submitted' ? (
          <View className="work-banner" id="deputy-banner">
            接单后您即为本事项的首问负责代表，全程跟进并答复群众。
          </View>
        ) : null
      }
      renderPanel={(verb, api) => {
        switch (verb) {
          case 'accept':
            return <AcceptPanel api={api} />
          case 'answer':
            return (
              <NotePanel
                api={api}
                verb="answer"
                field="answer"
                title="即时答复"
                hint="能当场说明或解决的，直接答复群众；群众评价后即办结。"
                label="答复内容"
                max={2000}
                placeholder="写明政策依据、办理途径或已协调的结果"
                confirmText="发送答复"
              />
            )
          case 'escalate':
            return <EscalatePanel api={api} />
          case 'deputyRate':
            return <RatingForm item={api.item} verb="deputyRate" onDone={api.done} onCancel={api.cancel} />
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

function AcceptPanel({ api }: { api: PanelApi }) {
  const categories = useCountyCategories()
  // the resident's suggestion, when the county uses that category
  const preset = categories.find((c) => c.code === api.item.categoryCode)?.code
  const [category, setCategory] = useState<CategoryCode | undefined>(preset)
  const [grade, setGrade] = useState<GradeCode>('normal')
  const [note, setNote] = useState('')
  const { errors, clearing, submit, panel } = usePanelVerb(api, 'accept')
  return (
    <VerbPanel
      {...panel}
      title="接单"
      hint="请确认类别并分级；重要、紧急事项会在派单台优先显示。"
      confirmText="确认接单"
      onConfirm={() => submit({ categoryCode: category, grade, note: note.trim() || undefined }, '已接单')}
    >
      <FieldLabel required>类别</FieldLabel>
      <ChipGroup name="category" options={categories.map((c) => ({ value: c.code, label: c.label }))} value={category} onChange={clearing(setCategory)} />
      <FieldError message={errors.categoryCode} id="error-categoryCode" />
      <FieldLabel required>分级</FieldLabel>
      <ChipGroup name="grade" options={GRADES.map((g) => ({ value: g.code, label: g.label }))} value={grade} onChange={setGrade} />
      <NoteField name="note" label="接单说明" value={note} max={500} error={errors.note} onChange={setNote} placeholder="选填，如：已电话联系反映人，约定周二现场查看" />
    </VerbPanel>
  )
}

const TARGETS = [
  { value: 'county' as const, label: '县人大常委会', hint: '跨乡镇或需县直部门办理' },
  { value: 'township' as const, label: '乡镇人大主席团', hint: '本乡镇可以办理' },
]

function EscalatePanel({ api }: { api: PanelApi }) {
  const [target, setTarget] = useState<'county' | 'township' | undefined>()
  const [note, setNote] = useState('')
  const { errors, clearing, submit, panel } = usePanelVerb(api, 'escalate')
  return (
    <VerbPanel
      {...panel}
      title="提交人大"
      hint="不能当场答复的，提交人大常委会（乡镇人大主席团）交办承办单位。"
      confirmText="确认提交"
      onConfirm={() => submit({ target, note: note.trim() }, '已提交人大')}
    >
      <FieldLabel required>提交给</FieldLabel>
      <ChipGroup name="target" columns={2} options={TARGETS} value={target} onChange={clearing(setTarget)} />
      <FieldError message={errors.target} id="error-target" />
      <NoteField
        name="note"
        label="提交说明"
        required
        value={note}
        max={1000}
        error={errors.note}
        onChange={setNote}
        placeholder="说明核实情况和建议的承办单位，如：路面损毁约300米，建议交通运输局立项修复"
      />
    </VerbPanel>
  )
}
