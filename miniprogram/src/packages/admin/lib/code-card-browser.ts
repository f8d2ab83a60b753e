import type { StationCodeCard } from '@shared/api/directory-codes'
import { QR_QUIET_ZONE } from '@shared/domain/qr-svg'
import { codeImageSrc } from './code-card'

const W = 720
const CODE = 560
const FONT = '"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif'

/** Lines of at most `width` pixels (Chinese wraps anywhere). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  return lines
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('图片加载失败'))
    img.src = src
  })
}

/** H5: the card to post at the station, as a PNG: the code, the station's name, kind and address under it. */
export async function cardPngInBrowser(c: StationCodeCard): Promise<Blob> {
  const canvas = document.createElement('canvas')
  const probe = canvas.getContext('2d') as CanvasRenderingContext2D
  probe.font = `28px ${FONT}`
  const address = wrap(probe, c.address, W - 80)
  canvas.width = W
  canvas.height = 80 + CODE + 40 + 56 + 44 + address.length * 40 + 60
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  const x0 = (W - CODE) / 2
  const y0 = 80
  if (c.image.kind === 'qr') {
    const n = c.image.size + 2 * QR_QUIET_ZONE
    const m = Math.floor(CODE / n)
    const off = Math.floor((CODE - m * n) / 2) + QR_QUIET_ZONE * m
    ctx.fillStyle = '#000'
    for (let r = 0; r < c.image.size; r++)
      for (let col = 0; col < c.image.size; col++) if (c.image.modules[r * c.image.size + col] === '1') ctx.fillRect(x0 + off + col * m, y0 + off + r * m, m, m)
  } else {
    ctx.drawImage(await loadImage(codeImageSrc(c)), x0, y0, CODE, CODE)
  }
  ctx.fillStyle = '#1d2129'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  let y = y0 + CODE + 40
  ctx.font = `bold 40px ${FONT}`
  ctx.fillText(c.name, W / 2, y, W - 40)
  y += 56
  ctx.fillStyle = '#5f6673'
  ctx.font = `28px ${FONT}`
  ctx.fillText(`${c.kindLabel} · ${c.township}`, W / 2, y, W - 40)
  y += 44
  for (const line of address) {
    ctx.fillText(line, W / 2, y)
    y += 40
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('生成图片失败'))), 'image/png'))
}
