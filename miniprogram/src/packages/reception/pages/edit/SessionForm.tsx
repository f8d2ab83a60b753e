import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SessionView } from '@shared/api/reception'
import { OFFICIAL_KINDS, OFFICIAL_KIND_LABELS } from '@shared/domain/sessions'
import { charCount } from '../../../../lib/format'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'
import { DateField, StationSelect, TimeField } from '../../lib/fields'
import { Hint } from '../../lib/ui'
import type { Form, Loaded, SessionEditor } from './use-session-editor'

/** The session's fields: station (creating), date and time, theme, deputies on duty, invited officials (四进站), announcement; 保存. */
export default function SessionForm({ ed, session, loaded, form }: { ed: SessionEditor; session: SessionView | null; loaded: Loaded; form: Form }) {
  return (
    <View className="card" id="edit-form">
      {loaded.mode === 'create' && (
        <>
          <FieldLabel required>联络站</FieldLabel>
          <StationSelect name="new-station" stations={loaded.stations} value={form.stationCode} onChange={(c) => ed.setForm({ ...form, stationCode: c, deputyCodes: [] })} />
        </>
      )}
      <FieldLabel required>日期</FieldLabel>
      <DateField name="session-date" value={form.date} onChange={(v) => ed.set('date', v)} />
      <View className="rc-row">
        <View className="rc-col">
          <FieldLabel>开始</FieldLabel>
          <TimeField name="session-start" value={form.startTime} onChange={(v) => ed.set('startTime', v)} />
        </View>
        <View className="rc-col">
          <FieldLabel>结束</FieldLabel>
          <TimeField name="session-end" value={form.endTime} onChange={(v) => ed.set('endTime', v)} />
        </View>
      </View>

      <FieldLabel required={!session || session.kind === 'thematic'} extra={`${charCount(form.theme.trim())}/60`}>
        主题
      </FieldLabel>
      <Input className="rc-input" id="session-theme" value={form.theme} maxlength={60} placeholder="如：乡村振兴专题接待" onInput={(e) => ed.set('theme', e.detail.value)} />

      <FieldLabel required extra={session ? `至少 ${session.minDeputies} 名，已选 ${form.deputyCodes.length} 名` : `已选 ${form.deputyCodes.length} 名`}>
        值班代表
      </FieldLabel>
      {ed.options.length === 0 ? (
        <Hint>{form.stationCode ? '该站点还没有代表' : '请先选择联络站'}</Hint>
      ) : (
        <ChipGroup name="deputies" columns={2} options={ed.options.map((o) => ({ value: o.code, label: o.name, hint: o.hint }))} value={form.deputyCodes} onChange={ed.toggleDeputy} />
      )}

      <FieldLabel extra="部门负责人、法官、检察官进站">受邀人员（四进站）</FieldLabel>
      {form.officials.map((o, i) => (
        <View className="rc-person" key={`${o.name}-${i}`} id={`official-${i}`}>
          <View className="rc-person__body">
            <View className="rc-person__name">
              {o.name}
              <Text className="rc-person__tag">{OFFICIAL_KIND_LABELS[o.kind]}</Text>
            </View>
            <View className="rc-person__position">{o.title}</View>
          </View>
          <View className="rc-person__action" onClick={() => ed.set('officials', form.officials.filter((_, j) => j !== i))}>
            移除
          </View>
        </View>
      ))}
      <Hint>添加：选类别，填姓名和职务，再点“添加受邀人员”。</Hint>
      <ChipGroup
        name="official-kind"
        columns={2}
        options={OFFICIAL_KINDS.map((k) => ({ value: k, label: OFFICIAL_KIND_LABELS[k] }))}
        value={ed.official.kind}
        onChange={(kind) => ed.setOfficial({ ...ed.official, kind })}
      />
      <Input className="rc-input" id="official-name" value={ed.official.name} maxlength={20} placeholder="姓名" onInput={(e) => ed.setOfficial({ ...ed.official, name: e.detail.value })} />
      <Input className="rc-input" id="official-title" value={ed.official.title} maxlength={40} placeholder="职务，如县交通运输局局长" onInput={(e) => ed.setOfficial({ ...ed.official, title: e.detail.value })} />
      <FieldError message={ed.officialError} />
      <Button className="rc-block-button" fill="outline" type="primary" onClick={ed.addOfficial} id="add-official">
        添加受邀人员
      </Button>

      <FieldLabel extra={`${charCount(form.announcement.trim())}/500`}>公告</FieldLabel>
      <Textarea
        className="rc-textarea"
        id="session-announcement-input"
        value={form.announcement}
        maxlength={500}
        placeholder="不填则按日期、地点和值班代表自动生成公告"
        onInput={(e) => ed.set('announcement', e.detail.value)}
      />

      <FieldError message={ed.errorAt('save')} id="edit-error-text" />
      <Button className="rc-cta-button" type="primary" loading={ed.busy === 'save'} disabled={!!ed.busy} onClick={() => void ed.saveChecked()} id="save-session">
        {session ? '保存修改' : '创建并发布公告'}
      </Button>
    </View>
  )
}
