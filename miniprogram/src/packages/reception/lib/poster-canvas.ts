/**
 * Draws the reception-day poster (shared/domain/reception/poster-layout.ts) on a 2D canvas and
 * turns it into a PNG: on the phone a `<Canvas type="2d">` node (its context has the browser's
 * API), in H5 an HTML canvas. Text is measured with the canvas's own `measureText`, so lines
 * break where the phone's fonts need them to. Cloud functions have no CJK fonts: the picture is
 * always made here, from the content the `reception.poster` action returns.
 */
import Taro from '@tarojs/taro'
import {
  layoutPoster,
  POSTER_FONT_FAMILY,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  type FontWeight,
  type Measure,
  type PosterContent,
  type PosterLayout,
  type PosterOp,
} from '@shared/domain/reception/poster-layout'

/** What both CanvasRenderingContext2D and the weapp canvas 2d context provide. */
export interface PosterContext2D {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): { width: number }
  drawImage(image: any, x: number, y: number, w: number, h: number): void
}

type ImageOp = Extract<PosterOp, { op: 'image' }>
/** Loads the mini-program code image of an image op into something `drawImage` accepts. */
export type PosterImageLoader = (op: ImageOp) => Promise<unknown>

/** A failure the user is told about as it is (Chinese). */
export class PosterError extends Error {}

export const UNSUPPORTED = '当前微信版本无法生成海报图片，请升级微信后重试'

export const fontOf = (size: number, weight: FontWeight) => `${weight === 'bold' ? 'bold ' : ''}${size}px ${POSTER_FONT_FAMILY}`

/** Text widths from the canvas's fonts (cached: layouts try several sizes). */
export function canvasMeasure(ctx: PosterContext2D): Measure {
  const cache = new Map<string, number>()
  return (text, size, weight) => {
    const key = `${weight}|${size}|${text}`
    let w = cache.get(key)
    if (w === undefined) {
      ctx.font = fontOf(size, weight)
      w = ctx.measureText(text).width
      cache.set(key, w)
    }
    return w
  }
}

/** Draws laid-out operations; `images` holds what the loader returned for each image op. */
export function drawPosterOps(ctx: PosterContext2D, ops: PosterOp[], images: Map<PosterOp, unknown> = new Map()): void {
  ctx.textBaseline = 'alphabetic'
  for (const op of ops) {
    if (op.op === 'rect') {
      ctx.fillStyle = op.color
      ctx.fillRect(op.x, op.y, op.w, op.h)
    } else if (op.op === 'text') {
      ctx.font = fontOf(op.size, op.weight)
      ctx.fillStyle = op.color
      ctx.textAlign = op.align
      ctx.fillText(op.text, op.x, op.y, Math.max(op.maxWidth, 1))
    } else {
      const image = images.get(op)
      if (image) {
        ctx.drawImage(image, op.x, op.y, op.w, op.h)
      } else {
        // the code could not be loaded: say where to find the station instead of leaving a hole
        ctx.fillStyle = '#f2f2f2'
        ctx.fillRect(op.x, op.y, op.w, op.h)
        ctx.font = fontOf(30, 'normal')
        ctx.fillStyle = '#555555'
        ctx.textAlign = 'center'
        ctx.fillText('请在微信中搜索本联络站', op.x + op.w / 2, op.y + op.h / 2, op.w - 20)
      }
    }
  }
}

/** Lays the poster out with the canvas's fonts and draws it; the canvas must be 1240×1754. */
export async function drawPoster(ctx: PosterContext2D, content: PosterContent, loadImage?: PosterImageLoader): Promise<PosterLayout> {
  const layout = layoutPoster(content, canvasMeasure(ctx))
  const images = new Map<PosterOp, unknown>()
  for (const op of layout.ops) {
    if (op.op !== 'image' || !loadImage) continue
    try {
      images.set(op, await loadImage(op))
    } catch {
      /* drawn as a placeholder */
    }
  }
  drawPosterOps(ctx, layout.ops, images)
  return layout
}

// ————— H5 —————

/** H5: the poster as a PNG blob, drawn on an HTML canvas. */
export async function posterPngBlob(content: PosterContent): Promise<Blob> {
  if (typeof document === 'undefined') throw new PosterError('当前环境无法生成海报图片')
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new PosterError('浏览器不支持绘制海报，请换用新版浏览器')
  const loader: PosterImageLoader = (op) =>
    new Promise((resolve, reject) => {
      const img = new window.Image()
      img.onload = () => resolve(img)
      img.onerror = () => reject(new Error('image'))
      img.src = `data:${op.mime};base64,${op.base64}`
    })
  await drawPoster(ctx as unknown as PosterContext2D, content, loader)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new PosterError('海报图片生成失败，请重试')
  return blob
}

/** H5: saves a blob as a file through an `<a download>` link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  setTimeout(() => {
    a.remove()
    URL.revokeObjectURL(url)
  }, 30_000)
}

// ————— WeChat —————

interface WeappCanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): { onload: (() => void) | null; onerror: ((e: unknown) => void) | null; src: string }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PosterError(UNSUPPORTED)), ms)
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    )
  })
}

/** The `<Canvas type="2d" id=…>` node on the current page; retried while the page renders it. */
async function canvasNode(selector: string): Promise<WeappCanvasNode> {
  if (typeof Taro.createSelectorQuery !== 'function') throw new PosterError(UNSUPPORTED)
  for (let attempt = 0; attempt < 5; attempt++) {
    const node = await withTimeout(
      new Promise<WeappCanvasNode | null>((resolve) => {
        const query = Taro.createSelectorQuery()
        if (!query || typeof query.select !== 'function') return resolve(null)
        query
          .select(selector)
          .fields({ node: true, size: true }, () => undefined)
          .exec((res: Array<{ node?: WeappCanvasNode } | null>) => resolve(res?.[0]?.node ?? null))
      }),
      3000,
    )
    if (node && typeof node.getContext === 'function') return node
    await new Promise((r) => setTimeout(r, 120))
  }
  throw new PosterError(UNSUPPORTED)
}

/**
 * WeChat: draws the poster on the page's hidden 2d canvas and exports it as a PNG temp file.
 * Throws PosterError (Chinese) where the canvas APIs are missing (old WeChat, simulators).
 */
export async function weappPosterFile(selector: string, content: PosterContent): Promise<string> {
  if (typeof Taro.canvasToTempFilePath !== 'function') throw new PosterError(UNSUPPORTED)
  let node: WeappCanvasNode
  let ctx: PosterContext2D | null
  try {
    node = await canvasNode(selector)
    node.width = POSTER_WIDTH
    node.height = POSTER_HEIGHT
    ctx = node.getContext('2d') as PosterContext2D | null
  } catch {
    // no canvas 2d here (an old base library, a simulator)
    throw new PosterError(UNSUPPORTED)
  }
  if (!ctx || typeof ctx.fillText !== 'function' || typeof ctx.measureText !== 'function') throw new PosterError(UNSUPPORTED)
  const loader: PosterImageLoader = async (op) => {
    // the mini-program code: through a file, which every base library's canvas image accepts
    const path = `${Taro.env.USER_DATA_PATH}/poster-code.png`
    Taro.getFileSystemManager().writeFileSync(path, op.base64, 'base64')
    const img = node.createImage()
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = (e) => reject(e)
      img.src = path
    })
    return img
  }
  try {
    await drawPoster(ctx, content, loader)
  } catch (err) {
    console.warn('[poster] drawing failed', err)
    throw new PosterError('海报绘制失败，请重试')
  }
  try {
    const res = await withTimeout(
      Taro.canvasToTempFilePath({
        canvas: node as never,
        x: 0,
        y: 0,
        width: POSTER_WIDTH,
        height: POSTER_HEIGHT,
        destWidth: POSTER_WIDTH,
        destHeight: POSTER_HEIGHT,
        fileType: 'png',
      }),
      15_000,
    )
    return res.tempFilePath
  } catch (err) {
    if (err instanceof PosterError) throw err
    throw new PosterError('海报图片生成失败，请重试')
  }
}

export type SaveResult = 'saved' | 'denied' | 'cancelled'

const errMsg = (err: unknown) => String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err)

/**
 * WeChat: saves a picture to the photo album, asking for scope.writePhotosAlbum first.
 * 'denied': the user refused (now or before) — send them to the settings page.
 */
export async function savePosterToAlbum(filePath: string): Promise<SaveResult> {
  try {
    const setting = await Taro.getSetting()
    const granted = setting.authSetting['scope.writePhotosAlbum']
    if (granted === false) return 'denied'
    if (granted === undefined) await Taro.authorize({ scope: 'scope.writePhotosAlbum' })
  } catch (err) {
    if (/auth|deny|denied|authorize/i.test(errMsg(err))) return 'denied'
    throw err
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (err) {
    const msg = errMsg(err)
    if (/cancel/i.test(msg)) return 'cancelled'
    if (/auth|deny|denied|privacy/i.test(msg)) return 'denied'
    throw new PosterError('保存失败，请长按海报图片保存')
  }
}
