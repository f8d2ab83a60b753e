import { STATION_PAGE } from '@shared/domain/sessions'
import type { CodeImage, MiniCodePort } from '../usecases/reception/ports'
import type { WxOpenApiCaller } from './wechat-content-check'

/** WeChat shows at most 32 visible characters of `scene`; the page reads it back with decodeURIComponent(query.scene). */
export const MAX_SCENE_LENGTH = 32
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const isPng = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)

/**
 * The image bytes out of whatever the open-API channel hands back: a Buffer, a serialised Buffer
 * ({type: 'Buffer', data}), wx-server-sdk's {buffer}, a base64 or binary string. A JSON body with
 * a non-zero errcode is WeChat's refusal.
 */
export function pngFromResult(result: unknown): Buffer {
  if (Buffer.isBuffer(result)) {
    if (isPng(result)) return result
    return pngFromResult(result.toString('utf8'))
  }
  if (typeof result === 'string') {
    const trimmed = result.trim()
    if (trimmed.startsWith('{')) return pngFromResult(JSON.parse(trimmed) as unknown)
    const binary = Buffer.from(result, 'latin1')
    if (isPng(binary)) return binary
    const base64 = Buffer.from(trimmed.replace(/^data:image\/\w+;base64,/, ''), 'base64')
    if (isPng(base64)) return base64
    throw new Error('wxacode: the answer is not a PNG image')
  }
  if (result && typeof result === 'object') {
    const o = result as { errcode?: number; errmsg?: string; buffer?: unknown; type?: string; data?: unknown }
    if (typeof o.errcode === 'number' && o.errcode !== 0) throw new Error(`wxacode: ${o.errcode} ${o.errmsg ?? ''}`.trim())
    if (o.buffer !== undefined) return pngFromResult(o.buffer)
    if (o.type === 'Buffer' && Array.isArray(o.data)) return pngFromResult(Buffer.from(o.data as number[]))
  }
  throw new Error('wxacode: unexpected answer')
}

/**
 * Production: the unlimited mini-program code (wxacode.getUnlimited) through CloudBase's open-API
 * channel; scene = station code, page = the station page. Needs `wxacode.getUnlimited` in the
 * function's config.json permissions.
 */
export function createWechatMiniCode(app: WxOpenApiCaller, options: { envVersion?: 'release' | 'trial' | 'develop' } = {}): MiniCodePort {
  return {
    async stationCode(stationCode: string): Promise<CodeImage> {
      if ([...stationCode].length > MAX_SCENE_LENGTH) throw new Error(`wxacode: scene longer than ${MAX_SCENE_LENGTH} characters`)
      const res = await app.callWxOpenApi({
        apiName: '/wxa/getwxacodeunlimit',
        requestData: { scene: stationCode, page: STATION_PAGE, check_path: false, env_version: options.envVersion ?? 'release', width: 430 },
      })
      return { kind: 'png', base64: pngFromResult(res.result).toString('base64'), target: `${STATION_PAGE}?scene=${stationCode}` }
    },
  }
}
