import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  size: number
  base64: string
}

/** Bytes → base64 in chunks (String.fromCharCode on a 2 MB array at once overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** H5: the browser's file picker; resolves null when the user closes it without choosing. */
function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.id = 'import-file-input'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      file.arrayBuffer().then((b) => resolve({ name: file.name, size: file.size, base64: toBase64(new Uint8Array(b)) }), reject)
    }
    document.body.appendChild(input)
    input.click()
  })
}

/**
 * An .xlsx the admin chooses: in the mini-program from a WeChat chat (chooseMessageFile — a phone has
 * no file browser; the file is sent to oneself from the computer), in H5 from the disk.
 */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser()
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
  } catch {
    return null // cancelled
  }
  const f = chosen.tempFiles[0]
  if (!f) return null
  const base64 = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath: f.path, encoding: 'base64', success: (r) => resolve(r.data as string), fail: reject }),
  )
  return { name: f.name, size: f.size, base64 }
}
