/**
 * The printable SVG of a reception-day poster: the drawing operations of
 * shared/domain/reception/poster-layout.ts (laid out with the font-free fallback measure, as the
 * server has no CJK fonts) as SVG elements, A4 portrait with a print stylesheet. The phone and the
 * browser draw the same operations on a canvas for the PNG, so both look the same.
 */
import { POSTER_FONT_FAMILY, type PosterLayout, type PosterOp } from '@shared/domain/reception/poster-layout'

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

const ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const

function element(op: PosterOp): string {
  if (op.op === 'rect') return `<rect x="${op.x}" y="${op.y}" width="${op.w}" height="${op.h}" fill="${op.color}"/>`
  if (op.op === 'image') {
    const href = `data:${op.mime};base64,${op.base64}`
    return `<image class="code" x="${op.x}" y="${op.y}" width="${op.w}" height="${op.h}" href="${href}" xlink:href="${href}"/>`
  }
  const weight = op.weight === 'bold' ? ' font-weight="bold"' : ''
  return `<text x="${op.x}" y="${op.y}" font-size="${op.size}"${weight} fill="${op.color}" text-anchor="${ANCHOR[op.align]}">${escapeXml(op.text)}</text>`
}

/** The QR modules as one path (one subpath per run of dark modules): smaller than a rect each. */
function qrPath(ops: Array<Extract<PosterOp, { op: 'rect' }>>): string {
  if (!ops.length) return ''
  const d = ops.map((r) => `M${r.x} ${r.y}h${r.w}v${r.h}h${-r.w}z`).join('')
  return `<path class="code" fill="${ops[0].color}" shape-rendering="crispEdges" d="${d}"/>`
}

export function posterSvg(layout: PosterLayout, title: string): string {
  const qr = layout.ops.filter((op): op is Extract<PosterOp, { op: 'rect' }> => op.op === 'rect' && op.role === 'qr')
  const rest = layout.ops.filter((op) => !(op.op === 'rect' && op.role === 'qr'))
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="210mm" height="297mm" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(POSTER_FONT_FAMILY)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>@page { size: A4 portrait; margin: 0 } @media print { svg { width: 210mm; height: 297mm } } text { white-space: pre }</style>`,
    ...rest.map(element),
    qrPath(qr),
    `</svg>`,
    '',
  ].join('\n')
}
