import { STATION_PAGE } from '@shared/domain/sessions'
import type { CodeImage, MiniCodePort } from '../usecases/reception/ports'
import type { WxOpenApi } from './wx-openapi-port'

/** WeChat shows at most 32 visible characters of `scene`; the page reads it back with decodeURIComponent(query.scene). */
export const MAX_SCENE_LENGTH = 32

/** The image formats WeChat answers a code with, by their first bytes (its content-type is not to be trusted). */
function imageMime(b: Buffer): 'image/png' | 'image/jpeg' | null {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  return null
}

/** The code image out of wx-server-sdk's answer ({contentType, buffer}). */
export function codeImageFrom(res: { buffer?: unknown } | undefined): { mime: 'image/png' | 'image/jpeg'; bytes: Buffer } {
  const bytes = res?.buffer
  if (!Buffer.isBuffer(bytes)) throw new Error('wxacode: the answer holds no image')
  const mime = imageMime(bytes)
  if (!mime) throw new Error('wxacode: the answer is not a PNG or JPEG image')
  return { mime, bytes }
}

/**
 * Production: the unlimited mini-program code (wxacode.getUnlimited, 云调用); scene = station
 * code, page = the station page. Needs `wxacode.getUnlimited` in the function's config.json.
 */
export function createWechatMiniCode(api: () => Pick<WxOpenApi, 'wxacode'>, options: { envVersion?: 'release' | 'trial' | 'develop' } = {}): MiniCodePort {
  return {
    async stationCode(stationCode: string): Promise<CodeImage> {
      if ([...stationCode].length > MAX_SCENE_LENGTH) throw new Error(`wxacode: scene longer than ${MAX_SCENE_LENGTH} characters`)
      const res = await api().wxacode.getUnlimited({ scene: stationCode, page: STATION_PAGE, checkPath: false, envVersion: options.envVersion ?? 'release', width: 430 })
      const { mime, bytes } = codeImageFrom(res)
      return { kind: 'image', mime, base64: bytes.toString('base64'), target: `${STATION_PAGE}?scene=${stationCode}` }
    },
  }
}
