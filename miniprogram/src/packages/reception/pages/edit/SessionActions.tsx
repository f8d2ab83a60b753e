import { Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SessionView } from '@shared/api/reception'
import { formatChineseDate } from '@shared/domain/reception/dates'
import { call } from '../../../../api/client'
import { charCount } from '../../../../lib/format'
import { ChipGroup, FieldError, FieldLabel } from '../../../../components/WorkForm'
import { Hint } from '../../lib/ui'
import type { SessionEditor } from './use-session-editor'

/** What staff do to a planned session: 确认日期, 标记已举行 (who attended, notes), 取消活动 (with a reason). */
export default function SessionActions({ ed, session }: { ed: SessionEditor; session: SessionView }) {
  return (
    <View className="card" id="edit-actions">
      {!session.confirmed && (
        <Button className="rc-block-button" type="primary" loading={ed.busy === 'confirm'} disabled={!!ed.busy} id="confirm-session"
          onClick={() => void ed.run('confirm', () => call('reception', 'confirmSession', { id: session.id }), `已确认：${formatChineseDate(session.date)}举行`, '只有计划中的活动可以确认日期')}>
          确认日期
        </Button>
      )}
      <FieldError message={ed.errorAt('confirm')} id="confirm-error" />
      <View className="rc-buttons">
        <Button fill="outline" type="primary" disabled={!!ed.busy} onClick={() => ed.setPanel(ed.panel === 'held' ? null : 'held')} id="open-held">
          标记已举行
        </Button>
        <Button fill="outline" disabled={!!ed.busy} onClick={() => ed.setPanel(ed.panel === 'cancel' ? null : 'cancel')} id="open-cancel">
          取消活动
        </Button>
      </View>
      {ed.panel === 'held' && (
        <View className="rc-panel" id="panel-held">
          <FieldLabel extra={`${ed.attended.length} 名`}>到场代表</FieldLabel>
          <Hint>已亮码签到的代表已选中；补记的到场计入全年到站次数。</Hint>
          <ChipGroup
            name="attended"
            columns={3}
            options={ed.options.map((o) => ({ value: o.code, label: o.name }))}
            value={ed.attended}
            onChange={(c) => ed.setAttended(ed.attended.includes(c) ? ed.attended.filter((x) => x !== c) : [...ed.attended, c])}
          />
          <FieldLabel extra="选填">接待记录</FieldLabel>
          <Textarea className="rc-textarea" value={ed.heldNotes} maxlength={2000} placeholder="接待人数、主要问题、现场答复情况" onInput={(e) => ed.setHeldNotes(e.detail.value)} />
          <Button className="rc-block-button" type="primary" loading={ed.busy === 'held'} disabled={!!ed.busy} id="confirm-held"
            onClick={() =>
              void ed.run(
                'held',
                () => call('reception', 'markHeld', { id: session.id, attendedDeputyCodes: ed.attended, ...(ed.heldNotes.trim() ? { notes: ed.heldNotes.trim() } : {}) }),
                '已标记为已举行，到场代表计入全年次数',
                `活动日期（${formatChineseDate(session.date)}）未到，不能标记为已举行`,
              )
            }>
            确认已举行
          </Button>
          <FieldError message={ed.errorAt('held')} id="held-error" />
        </View>
      )}
      {ed.panel === 'cancel' && (
        <View className="rc-panel" id="panel-cancel">
          <FieldLabel required extra={`${charCount(ed.reason.trim())}/200`}>取消原因</FieldLabel>
          <Textarea className="rc-textarea" value={ed.reason} maxlength={200} placeholder="如：因暴雨预警暂停，改期另行通知" onInput={(e) => ed.setReason(e.detail.value)} id="cancel-reason" />
          <Hint>取消后会通知值班代表和预约提醒的群众，公告显示取消原因。</Hint>
          <FieldError message={ed.errorAt('cancel')} id="cancel-error" />
          <Button className="rc-block-button" type="primary" loading={ed.busy === 'cancel'} disabled={!!ed.busy} id="confirm-cancel"
            onClick={() => {
              if (charCount(ed.reason.trim()) < 2) return ed.setError('请填写取消原因（至少2个字）', 'cancel')
              void ed.run('cancel', () => call('reception', 'cancelSession', { id: session.id, reason: ed.reason.trim() }), '活动已取消，已通知值班代表和预约的群众', '已举行或已取消的活动不能再取消')
            }}>
            确认取消活动
          </Button>
        </View>
      )}
    </View>
  )
}
