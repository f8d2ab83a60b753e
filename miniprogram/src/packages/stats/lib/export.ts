import { call } from '../../../api/client'
import { fetchServerFile } from '../../../api/files'
import { LOCAL_MODE } from '../../../lib/demo-identity'
import { downloadInBrowser, saveXlsx } from '../../../lib/save-file'

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
  if (process.env.TARO_ENV === 'h5' && LOCAL_MODE) {
    const { blob, filename } = await fetchServerFile(`/export/evaluation/${encodeURIComponent(countyCode)}/${year}.xlsx`)
    const name = filename ?? `evaluation-${countyCode}-${year}.xlsx`
    downloadInBrowser(blob, name, XLSX)
    return name
  }
  const file = await call('stats', 'evaluationExport', { countyCode, year })
  await saveXlsx(file)
  return file.filename
}
