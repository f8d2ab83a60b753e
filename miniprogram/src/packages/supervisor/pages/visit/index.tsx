import '../../register-api'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SyncBanner } from '../../lib/parts'
import DeputiesPresent from './DeputiesPresent'
import HandlingFields from './HandlingFields'
import MatterFields from './MatterFields'
import RecentDrafts from './RecentDrafts'
import VisitorFields from './VisitorFields'
import { useVisitForm } from './use-visit-form'
import '../../supervisor.css'

/**
 * 登记来访: one visitor, fast with one thumb — large inputs, category and handling chips, the
 * visitor count as a stepper. The matter and the answer are the platform's own textarea: Taro has
 * no voice input in H5, and in WeChat the phone keyboard's microphone key works in any textarea.
 * Saving always writes a draft on the phone first, then syncs; with no signal it stays 待同步.
 */
export default function VisitForm() {
  const v = useVisitForm()
  const { stationCode, editingDraft, editingRecord, record, station, session, errors, saved, drafts, syncing, syncNow, submit, keepDraft } = v

  return (
    <View className="page visit-form" id="visit-form">
      <View className="sv-head">
        <View className="sv-head__title">{record ? '修改登记' : '登记来访'}</View>
        <View className="sv-head__sub">
          {(record?.stationName ?? station?.name ?? stationCode) || '联络站'}
          {session ? ` · ${session.startTime}–${session.endTime} ${session.kindLabel}` : record?.session ? ` · ${record.session.kindLabel}` : ' · 临时接待'}
          {saved ? ` · 本次已登记${saved}位` : ''}
        </View>
      </View>

      {!record && <SyncBanner drafts={drafts} syncing={syncing} onSync={() => void syncNow()} />}

      <VisitorFields v={v} />
      <DeputiesPresent v={v} />
      <MatterFields v={v} />
      <HandlingFields v={v} />

      {errors.form && <View className="field-error" style={{ margin: '24px 32px 0' }}>{errors.form}</View>}

      <RecentDrafts v={v} />

      <View className="sv-actions">
        <Button className="sv-actions__side" fill="outline" type="primary" id="save-draft" disabled={!!record} onClick={keepDraft}>
          存草稿
        </Button>
        <Button className="sv-actions__main" type="primary" id="save-next" onClick={submit}>
          {editingDraft || editingRecord ? '保存' : '保存，登记下一位'}
        </Button>
      </View>
    </View>
  )
}
