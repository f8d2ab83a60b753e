import '../../register-api'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { IMPORT_KIND_LABELS, IMPORT_KINDS, IMPORT_MAX_BYTES, type ImportKind, type ImportPreviewView, type ImportRow } from '@shared/api/directory-import'
import { call, toApiError } from '../../../../api/client'
import { saveXlsx } from '../../../../lib/save-file'
import { ChipGroup, FieldError } from '../../../../components/WorkForm'
import { pickXlsx, type PickedFile } from '../../lib/pick-xlsx'
import '../../lib/admin.css'

const KIND_OPTIONS = IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))
const STATUS_LABEL: Record<ImportRow['status'], string> = { new: '新增', changed: '修改', unchanged: '未变', error: '有错误' }
const SHOWN = 200
/**
 * A mini-program's callFunction carries about 100 KB of data before WeChat asks for wx.cloud.CDN
 * (not used yet): a larger file is refused here with what to do, not by the platform with a code.
 */
const WEAPP_CALL_BASE64 = 100 * 1024

function RowCard({ r }: { r: ImportRow }) {
  return (
    <View className="ad-row" id={`import-row-${r.row}`}>
      <View className="ad-row__main">
        <View className="ad-row__name">
          第{r.row}行 · {r.name || '（无名称）'} {r.code && <Text className="ad-row__meta">{r.code}</Text>}
          <Text className={`ad-tag ${r.status === 'error' ? 'ad-tag--off' : ''}`}>{STATUS_LABEL[r.status]}</Text>
        </View>
        {r.errors?.map((e, i) => (
          <View className="ad-change ad-change--error" key={i}>
            {e.message}
          </View>
        ))}
        {r.status === 'changed' &&
          r.changes?.map((c) => (
            <View className="ad-change" key={c.field}>
              {c.label}：{c.before ?? '（空）'} → {c.after ?? '（空）'}
            </View>
          ))}
      </View>
    </View>
  )
}

/**
 * 从Excel导入: the admin downloads the template of a kind, fills it on a computer, chooses the file,
 * reads the dry run row by row, and only a preview with no error can be confirmed.
 */
export default function AdminImport() {
  const [kind, setKind] = useState<ImportKind>('station')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<ImportPreviewView | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState<'' | 'template' | 'preview' | 'apply'>('')

  const chooseKind = (k: ImportKind) => {
    setKind(k)
    setFile(null)
    setPreview(null)
    setError('')
  }

  const template = async () => {
    setBusy('template')
    setError('')
    try {
      await saveXlsx(await call('directory', 'importTemplate', { kind }))
    } catch (err) {
      setError(toApiError(err).message)
    } finally {
      setBusy('')
    }
  }

  const choose = async () => {
    setError('')
    let picked: PickedFile | null
    try {
      picked = await pickXlsx()
    } catch {
      return setError('没能读取这个文件，请重新选择')
    }
    if (!picked) return
    setPreview(null)
    if (!/\.xlsx$/i.test(picked.name)) return setError('请选择 .xlsx 格式的文件（可在 Excel 或 WPS 中“另存为”）')
    if (picked.size > IMPORT_MAX_BYTES) return setError('文件不能超过2 MB，请分几次导入')
    if (process.env.TARO_ENV !== 'h5' && picked.base64.length > WEAPP_CALL_BASE64)
      return setError('文件较大，手机上一次导入不超过约75 KB：请分成几个文件（每个1,000行以内）再导入')
    setFile(picked)
    setBusy('preview')
    try {
      setPreview(await call('directory', 'importPreview', { kind, fileBase64: picked.base64 }))
    } catch (err) {
      setError(toApiError(err).message)
    } finally {
      setBusy('')
    }
  }

  const apply = async () => {
    if (!file || !preview) return
    setBusy('apply')
    setError('')
    try {
      const r = await call('directory', 'importApply', { kind, fileBase64: file.base64, digest: preview.digest })
      void Taro.showToast({ title: `已导入：新增${r.counts.new}，修改${r.counts.changed}`, icon: 'none', duration: 2500 })
      setFile(null)
      setPreview(null)
      setTimeout(() => void Taro.navigateBack(), 1200)
    } catch (err) {
      setError(toApiError(err).message)
    } finally {
      setBusy('')
    }
  }

  // the server answers mistakes first, then new and changed rows; unchanged rows are only counted
  const rows = preview ? preview.rows.filter((r) => r.status !== 'unchanged') : []
  const c = preview?.counts
  const applicable = !!c && c.error === 0 && c.new + c.changed > 0

  return (
    <View className="page" id="import-page">
      <View className="card">
        <ChipGroup name="import-kind" options={KIND_OPTIONS} value={kind} onChange={chooseKind} columns={3} />
        <View className="ad-hint">
          先下载{IMPORT_KIND_LABELS[kind]}模板，在电脑上按表头填写（“编号”必填，同一编号再次导入即更新），再选择文件预览。
          {process.env.TARO_ENV === 'h5' ? '' : '手机上请先把文件发到微信“文件传输助手”，再从聊天中选择。'}
        </View>
        <View className="ad-buttons">
          <Button id="import-template" block loading={busy === 'template'} onClick={() => void template()}>
            下载{IMPORT_KIND_LABELS[kind]}模板
          </Button>
          <Button id="import-choose" type="primary" block loading={busy === 'preview'} onClick={() => void choose()}>
            {file ? '重新选择文件' : '选择文件并预览'}
          </Button>
        </View>
        {file && <View className="ad-row__meta" id="import-file">已选择：{file.name}</View>}
        <FieldError message={error} id="import-error" />
      </View>

      {preview && c && (
        <>
          <View className="section-title">
            <Text>预览（尚未导入）</Text>
          </View>
          <View className="card" id="import-preview">
            <View className="ad-counts" id="import-counts">
              <View className="ad-count">
                <Text className="ad-count__n">{c.new}</Text>新增
              </View>
              <View className="ad-count">
                <Text className="ad-count__n">{c.changed}</Text>修改
              </View>
              <View className="ad-count">
                <Text className="ad-count__n">{c.unchanged}</Text>未变
              </View>
              <View className={`ad-count ${c.error ? 'ad-count--error' : ''}`}>
                <Text className="ad-count__n">{c.error}</Text>有错误
              </View>
            </View>
            {c.error > 0 && (
              <View className="ad-hint ad-hint--error" id="import-blocked">
                有{c.error}行错误，请在表格中改正后重新选择文件；改正之前不会导入任何记录。
              </View>
            )}
            {c.error === 0 && c.new + c.changed === 0 && <View className="ad-hint">与现有名录完全一致，无需导入。</View>}
            {rows.slice(0, SHOWN).map((r) => (
              <RowCard key={r.row} r={r} />
            ))}
            {rows.length > SHOWN && <View className="muted">另有{rows.length - SHOWN}行未列出</View>}
          </View>
          <View className="ad-actions">
            <Button className="big-button" type="primary" block id="import-apply" aria-disabled={!applicable} disabled={!applicable} loading={busy === 'apply'} onClick={() => void apply()}>
              {applicable ? `确认导入（新增${c.new}，修改${c.changed}）` : '确认导入'}
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
