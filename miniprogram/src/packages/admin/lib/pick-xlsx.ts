import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  size: number
  base64: string
}

// H5 only, spelled out inline so webpack drops it from the mini-program build (whose templates
// would otherwise grow by the <input> the browser's picker needs)
const browser: typeof import('./pick-xlsx-browser') | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./pick-xlsx-browser')
    : null

/**
 * An .xlsx the admin chooses: in the mini-program from a WeChat chat (chooseMessageFile — a phone has
 * no file browser; the file is sent to oneself from the computer), in H5 from the disk.
 */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (browser) return browser.pickInBrowser()
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
