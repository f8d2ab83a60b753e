import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { VisitRecordView } from '@shared/api/visit'
import { DRAFT_STATE_LABELS, type VisitDraft } from '../../../lib/offline-drafts'
import { formatTime } from '../../../lib/format'

export const PKG = '/packages/supervisor/pages'

export function DraftStateChip({ draft }: { draft: VisitDraft }) {
  return <Text className={`sv-state sv-state--${draft.state}`}>{DRAFT_STATE_LABELS[draft.state]}</Text>
}

/** 草稿 / 待同步 / 已同步 / 失败 at a glance, with a button to sync now. */
export function SyncBanner({ drafts, syncing, onSync }: { drafts: VisitDraft[]; syncing: boolean; onSync: () => void }) {
  const pending = drafts.filter((d) => d.state === 'pending').length
  const failed = drafts.filter((d) => d.state === 'failed').length
  const local = drafts.filter((d) => d.state === 'draft').length
  if (!pending && !failed && !local) {
    const synced = drafts.filter((d) => d.state === 'synced').length
    return synced ? (
      <View className="sv-sync" id="sync-banner">
        <Text>本机登记已全部同步（{synced}条）</Text>
      </View>
    ) : null
  }
  const noSignal = drafts.some((d) => d.state === 'pending' && d.errorCode === 'network_error')
  const parts = [pending && `${pending}条待同步${noSignal ? '（暂无网络，恢复后自动同步）' : ''}`, failed && `${failed}条同步失败`, local && `${local}条草稿未提交`].filter(Boolean)
  return (
    <View className={`sv-sync ${failed ? 'sv-sync--failed' : 'sv-sync--pending'}`} id="sync-banner">
      <Text>{syncing ? '正在同步…' : parts.join('，')}</Text>
      {pending > 0 && !syncing && (
        <Text className="sv-sync__button" id="sync-now" onClick={onSync}>
          立即同步
        </Text>
      )}
      {!pending && (failed > 0 || local > 0) && (
        <Text className="sv-sync__button" onClick={() => void Taro.navigateTo({ url: `${PKG}/records/index?tab=drafts` })}>
          查看
        </Text>
      )}
    </View>
  )
}

/** One record in a list: who, what, how it was handled, what is still missing. */
export function RecordCard({ record, onOpen, showPhone }: { record: VisitRecordView; onOpen: () => void; showPhone?: boolean }) {
  const phone = record.visitor?.phone
  return (
    <View className="sv-item record-card" onClick={onOpen}>
      <View className="sv-item__head">
        <Text className="sv-item__who">
          {record.visitor?.name ?? '（来访人信息已删除）'}
          {record.visitorCount > 1 ? ` 等${record.visitorCount}人` : ''}
        </Text>
        <Text className={`sv-state sv-state--${record.status}`}>{record.statusLabel}</Text>
      </View>
      <View className="sv-item__matter">{record.matter}</View>
      <View className="sv-item__meta">
        {formatTime(record.visitedAt)} · {record.categoryLabel} · {record.handlingLabel}
        {record.assignment ? ` · ${record.assignment.stateLabel}` : ''}
      </View>
      {showPhone && phone && (
        <View
          className="sv-link"
          onClick={(e) => {
            e.stopPropagation()
            void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {})
          }}
        >
          回访电话 {phone}
        </View>
      )}
      {record.missingLabels.length > 0 && <View className="sv-item__missing">缺：{record.missingLabels.join('、')}</View>}
      {record.canClose && <View className="sv-item__meta">两项已齐，可办结</View>}
    </View>
  )
}

/** One figure of a register summary: the number over its label. */
export function Figure({ label, value }: { label: string; value: number }) {
  return (
    <View className="sv-figure">
      <Text className="sv-figure__value">{value}</Text>
      <Text className="sv-figure__label">{label}</Text>
    </View>
  )
}
