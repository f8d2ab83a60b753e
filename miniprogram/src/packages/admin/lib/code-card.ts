import Taro from '@tarojs/taro'
import type { StationCodeCard } from '@shared/api/directory-codes'
import { qrSvgDataUri } from '@shared/domain/qr-svg'
import { downloadInBrowser } from '../../../lib/save-file'

/** What an <Image> shows for a station's code. */
export const codeImageSrc = (c: StationCodeCard) => (c.image.kind === 'image' ? `data:${c.image.mime};base64,${c.image.base64}` : qrSvgDataUri(c.image, 480))

export const codeFilename = (c: StationCodeCard) => `${c.name}-站点码.png`

// H5 only (a <canvas> of the page's document), dropped from the mini-program build
const browser: typeof import('./code-card-browser') | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./code-card-browser')
    : null

/**
 * Saves one station's code: H5 downloads the card as a PNG; the mini-program writes the code image
 * and opens it full screen, where a long press saves it to the album or forwards it.
 */
export async function saveCodeCard(c: StationCodeCard): Promise<void> {
  if (browser) {
    downloadInBrowser(await browser.cardPngInBrowser(c), codeFilename(c), 'image/png')
    return
  }
  const image = c.image
  if (image.kind !== 'image') throw new Error('请在电脑浏览器中打开县级设置下载此站点码')
  const filePath = `${Taro.env.USER_DATA_PATH}/${c.code}-站点码.${image.mime === 'image/jpeg' ? 'jpg' : 'png'}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: image.base64, encoding: 'base64', success: () => resolve(), fail: reject }),
  )
  await Taro.previewImage({ urls: [filePath], current: filePath, showmenu: true })
}
