import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Skeleton } from '@nutui/nutui-react-taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { call } from '../../../api/client'
import { useLoad } from '../../../lib/use-load'
import Blank from '../../../components/Blank'
import { ChipGroup, FieldError, FieldLabel, NoteField } from '../../../components/WorkForm'
import '../../../components/Workbench.css'
import { useVerb } from '../../../components/work'
import { deadlinePreview } from '../deadline'
import { type Department, loadDepartments, shortName } from '../departments'
import './index.css'

const QUICK_DAYS = [5, 10, 15, 20, 30]
const DEFAULT_REQUIREMENTS = '请按时限办结，办理前与反映人联系，办结后书面答复并在系统中销单。'

/**
 * 派单: lead department and co-handlers of the item's county, requirements, and a time limit in
 * working days with a live deadline preview (weekends and public holidays skipped, 调休 counted).
 */
export default function StaffDispatch() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  // the item, then the departments of its county
  const { data: loaded, error } = useLoad<{ item: SuggestionDetail; departments: Department[] }>(id || null, async () => {
    const item = await call('suggestion', 'get', { id })
    const station = await call('directory', 'getStation', { stationCode: item.stationCode })
    return { item, departments: await loadDepartments(station.countyCode) }
  })
  const loadError = error?.message ?? null
  const item = loaded?.item ?? null
  const departments = loaded?.departments ?? null
  const [lead, setLead] = useState<string | undefined>()
  const [co, setCo] = useState<string[]>([])
  const [requirements, setRequirements] = useState(DEFAULT_REQUIREMENTS)
  const [days, setDays] = useState('15')
  const [picking, setPicking] = useState(false)
  const [coOpen, setCoOpen] = useState(false)
  const { busy, errors, run, clear, clearing } = useVerb(() => {
    setTimeout(() => void Taro.navigateBack(), 600)
  })

  const workdays = Number(days)
  const validDays = Number.isInteger(workdays) && workdays >= 1 && workdays <= 90

  if (loadError || !id) {
    return (
      <View className="page">
        <View className="card work-item__state">
          <Blank picture="mine" title="暂时无法派单" description={loadError ?? '没有指定事项'} />
        </View>
      </View>
    )
  }
  if (!item || !departments) {
    return (
      <View className="page" id="dispatch-loading">
        <View className="card">
          <Skeleton rows={6} animated />
        </View>
      </View>
    )
  }

  const nameOf = (code: string) => shortName(departments.find((x) => x.code === code)?.name ?? code)

  const submit = () => {
    void run(
      'dispatch',
      { id, departmentCode: lead ?? '', coDepartmentCodes: co, requirements: requirements.trim(), workdays: validDays ? workdays : Number.NaN },
      '已派单',
    )
  }

  return (
    <View className="page staff-dispatch" id="dispatch-page">
      <View className="card">
        <View className="dispatch-item__number">{item.number}</View>
        <View className="dispatch-item__text">{item.content}</View>
        <View className="muted">
          {item.stationName} · {item.categoryLabel}
          {item.gradeLabel ? ` · ${item.gradeLabel}` : ''}
          {item.ownerDeputyName ? ` · 负责代表 ${item.ownerDeputyName}` : ''}
        </View>
      </View>

      <View className="card">
        <FieldLabel required>承办单位</FieldLabel>
        {departments.length === 0 ? (
          <View className="muted">本县的承办单位名单尚未配置，请联系管理员。</View>
        ) : lead && !picking ? (
          <View className="picked" id="picked-lead">
            <Text className="picked__name">{nameOf(lead)}</Text>
            <Text className="picked__change" id="change-lead" onClick={() => setPicking(true)}>
              更换
            </Text>
          </View>
        ) : (
          <ChipGroup
            name="lead"
            columns={2}
            options={departments.map((x) => ({ value: x.code, label: shortName(x.name) }))}
            value={lead}
            onChange={(v) => {
              setLead(v)
              setPicking(false)
              setCo((list) => list.filter((c) => c !== v))
              clear()
            }}
          />
        )}
        <FieldError message={errors.departmentCode} id="error-departmentCode" />

        {departments.length > 0 && (
          <View>
            <FieldLabel extra={`${co.length}/5`}>协办单位（选填）</FieldLabel>
            {co.length > 0 && <View className="picked__list">{co.map(nameOf).join('、')}</View>}
            {coOpen ? (
              <ChipGroup
                name="co"
                columns={2}
                options={departments.filter((x) => x.code !== lead).map((x) => ({ value: x.code, label: shortName(x.name) }))}
                value={co}
                onChange={(v) => {
                  setCo((list) => (list.includes(v) ? list.filter((c) => c !== v) : list.length >= 5 ? list : [...list, v]))
                  clear()
                }}
              />
            ) : (
              <View className="picked__add" id="add-co" onClick={() => setCoOpen(true)}>
                {co.length ? '修改协办单位' : '＋ 添加协办单位'}
              </View>
            )}
            <FieldError message={errors.coDepartmentCodes} />
          </View>
        )}
      </View>

      <View className="card">
        <NoteField
          name="requirements"
          label="办理要求"
          required
          value={requirements}
          max={1000}
          error={errors.requirements}
          onChange={clearing(setRequirements)}
        />

        <FieldLabel required>办理时限</FieldLabel>
        <ChipGroup
          name="days"
          options={QUICK_DAYS.map((n) => ({ value: String(n), label: `${n}个工作日` }))}
          value={days}
          onChange={clearing(setDays)}
        />
        <View className="number-input">
          <Text className="muted">其他：</Text>
          <Input
            className="number-input__field"
            type="number"
            value={days}
            maxLength={2}
            placeholder="天数"
            onChange={(v) => {
              setDays(v.replace(/\D/g, ''))
              clear()
            }}
          />
          <Text className="number-input__unit">个工作日</Text>
        </View>
        <View className="preview" id="deadline-preview">
          {validDays ? deadlinePreview(workdays) : '办理时限为1至90个工作日'}
        </View>
        <FieldError message={errors.workdays} id="error-workdays" />
      </View>

      <FieldError message={errors.form} id="error-form-dispatch" />
      <View className="dispatch-actions">
        <Button className="big-button" type="primary" block loading={busy === 'dispatch'} disabled={busy === 'dispatch'} onClick={submit} id="confirm-dispatch">
          确认派单
        </Button>
      </View>
    </View>
  )
}
