import Taro from '@tarojs/taro'

/** A workbook as the functions answer it (stats.evaluationExport, visit.exportRegister). */
export interface Base64File {
  base64: string
  filename: string
  contentType: string
}

/** H5: hands bytes to the browser as a download. */
export function downloadInBrowser(bytes: Uint8Array | Blob, filename: string, contentType: string): void {
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

/**
 * Saves an .xlsx answered as base64: in H5 it downloads; in the mini-program it is written to the
 * user data folder and opened with openDocument, whose menu forwards or saves it.
 */
export async function saveXlsx(file: Base64File): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)), file.filename, file.contentType)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: reject }),
  )
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
