import NotePanel from './NotePanel'
import type { PanelApi } from './WorkItemShell'

/** 转法定途径: a deputy or staff member records why an individual matter leaves the loop, and where the resident was sent. */
export default function ReferPanel({ api }: { api: PanelApi }) {
  return (
    <NotePanel
      api={api}
      verb="refer"
      field="reason"
      title="转法定途径"
      hint="涉及诉讼、仲裁、信访等个案的，记录后告知群众依法通过相应途径解决。"
      label="原因及告知群众的途径"
      max={500}
      placeholder="如：属于劳动争议，已告知向县劳动人事争议仲裁委员会申请仲裁"
      confirmText="确认转办"
    />
  )
}
