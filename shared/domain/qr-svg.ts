/**
 * A QR code's modules ('1' = dark, row after row, size × size) as an SVG: one path, one subpath per
 * run of dark modules in a row, with the 4-module quiet zone scanners need around it.
 */
export interface QrModules {
  size: number
  modules: string
}

export const QR_QUIET_ZONE = 4

export function qrPath({ size, modules }: QrModules, offset = QR_QUIET_ZONE): string {
  const parts: string[] = []
  for (let r = 0; r < size; r++) {
    let run = -1
    for (let c = 0; c <= size; c++) {
      const dark = c < size && modules[r * size + c] === '1'
      if (dark && run < 0) run = c
      if (!dark && run >= 0) {
        parts.push(`M${run + offset} ${r + offset}h${c - run}v1h-${c - run}z`)
        run = -1
      }
    }
  }
  return parts.join('')
}

/** The SVG document, `px` CSS pixels square. */
export function qrSvg(qr: QrModules, px = 240): string {
  const n = qr.size + 2 * QR_QUIET_ZONE
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${qrPath(qr)}"/></svg>`
  )
}

/** As an image address an <Image> (and a browser <img>) can show. */
export const qrSvgDataUri = (qr: QrModules, px?: number) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(qr, px))}`
