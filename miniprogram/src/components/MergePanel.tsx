import { useState } from 'react'
import { View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import { call } from '../api/client'
import { useLoad } from '../lib/use-load'
import type { PanelApi } from './WorkItemShell'
import { ChipGroup, FieldError, NoteField, VerbPanel } from './WorkForm'
import { usePanelVerb } from './work'

/** `similar` gives no item number (docs/privacy.md): the excerpt names the item. */
interface Candidate {
  id: string
  excerpt: string
  stateLabel: string
  followerCount: number
}

/**
 * 并案: fold this item into another open item about the same matter (its followers move along).
 * Candidates are the open items at the same station or township that read alike.
 */
export default function MergePanel({ api }: { api: PanelApi }) {
  const [into, setInto] = useState<string | undefined>()
  const [reason, setReason] = useState('')
  const { errors, clearing, submit, panel } = usePanelVerb(api, 'merge')
  const { data: candidates } = useLoad<Candidate[]>(`similar|${api.item.id}|${api.item.stationCode}|${api.item.content}`, () =>
    call('suggestion', 'similar', { stationCode: api.item.stationCode, content: api.item.content.slice(0, 2000) })
      .then((res) => res.items.filter((i) => i.id !== api.item.id))
      .catch(() => []),
  )

  return (
    <VerbPanel
      {...panel}
      title="并入另一件同类事项"
      hint="并案后本事项不再单独办理，反映人和关注者会转到所并入的事项，并收到通知。"
      confirmText="确认并案"
      onConfirm={() => submit({ intoId: into ?? '', reason: reason.trim() }, '已并案')}
    >
      {candidates === null ? (
        <Skeleton rows={2} animated />
      ) : candidates.length === 0 ? (
        <View className="muted" id="merge-none">
          没有找到同站点或同乡镇内内容相近的在办事项，无法并案。
        </View>
      ) : (
        <ChipGroup
          name="into"
          columns={1}
          options={candidates.map((c) => ({ value: c.id, label: c.excerpt, hint: `${c.stateLabel} · ${c.followerCount}人关注` }))}
          value={into}
          onChange={clearing(setInto)}
        />
      )}
      <FieldError message={errors.intoId ? '请选择要并入的事项' : undefined} id="error-intoId" />
      <NoteField name="reason" label="并案说明" required value={reason} max={200} error={errors.reason} onChange={setReason} placeholder="如：与该事项反映的是同一路段的路灯问题" />
    </VerbPanel>
  )
}
