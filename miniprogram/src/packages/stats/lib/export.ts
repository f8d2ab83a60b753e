import Taro from '@tarojs/taro'
import { ApiError, call } from '../../../api/client'
import { LOCAL_MODE, demoIdentityHeaders } from '../../../lib/demo-identity'

/** H5: hands bytes to the browser as a download. */
function download(bytes: Uint8Array | Blob, filename: string, contentType: string) {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type: contentType })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * 导出Excel of the evaluation (三张工作表：评议通报、代表评价意见、计算说明).
 *
 * - H5 on the local server: the workbook's own address, `GET /export/evaluation/<县>/<年度>.xlsx`,
 *   with the demo identity in its header (the server checks it like any call), saved as a file;
 * - H5 elsewhere: `stats.evaluationExport` and the same download;
 * - mini-program: `stats.evaluationExport` answers the workbook as base64; it is written to the
 *   user data folder and opened with openDocument, whose menu forwards or saves it.
 *
 * Returns the file name.
 */
export async function exportEvaluation(countyCode: string, year: number): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    if (LOCAL_MODE) {
      const origin = (process.env.TARO_APP_API_ORIGIN || window.location.origin).replace(/\/+$/, '')
      let res: Response
      try {
        res = await fetch(`${origin}/export/evaluation/${encodeURIComponent(countyCode)}/${year}.xlsx`, { headers: demoIdentityHeaders() })
      } catch {
        throw new ApiError('network_error')
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null
        throw new ApiError(res.status === 403 ? 'forbidden' : 'internal', body?.message)
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `evaluation-${countyCode}-${year}.xlsx`
      download(await res.blob(), name, XLSX)
      return name
    }
    const file = await call('stats', 'evaluationExport', { countyCode, year })
    download(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)), file.filename, file.contentType)
    return file.filename
  }
  const file = await call('stats', 'evaluationExport', { countyCode, year })
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: reject }),
  )
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  return file.filename
}
