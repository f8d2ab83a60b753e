import { Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SessionView } from '@shared/api/reception'
import { call } from '../../../../api/client'
import { charCount } from '../../../../lib/format'
import { FieldError, FieldLabel } from '../../../../components/WorkForm'
import { Hint } from '../../lib/ui'
import type { SessionEditor } from './use-session-editor'

/** A held session's 接待记录, which staff may complete afterwards. */
export default function HeldNotes({ ed, session }: { ed: SessionEditor; session: SessionView }) {
  return (
    <View className="card" id="held-notes">
      <FieldLabel extra={`${charCount(ed.heldNotes.trim())}/2000`}>接待记录</FieldLabel>
      <Hint>已举行的活动可补充记录；到场代表为：{session.attendance.map((a) => a.name).join('、') || '未记录'}。</Hint>
      <Textarea className="rc-textarea" value={ed.heldNotes} maxlength={2000} placeholder="接待人数、主要问题、现场答复情况" onInput={(e) => ed.setHeldNotes(e.detail.value)} />
      <FieldError message={ed.errorAt('notes')} id="notes-error" />
      <Button className="rc-block-button" type="primary" loading={ed.busy === 'notes'} disabled={!!ed.busy} id="save-notes"
        onClick={() =>
          void ed.run(
            'notes',
            () => call('reception', 'updateSession', { id: session.id, expectedVersion: session.version, notes: ed.heldNotes.trim() || null }),
            '接待记录已保存',
          )
        }>
        保存记录
      </Button>
    </View>
  )
}
