/**
 * ECharts for this subpackage only, tree-shaken to what the charts use: bar and line charts,
 * grid, legend, tooltip, and the canvas renderer. Never import this from the main package.
 *
 * In the mini-program there is no DOM: zrender's default text measuring would ask
 * `document.createElement('canvas')` (Taro's stand-in document, which has no canvas), so it
 * measures with the 2d context of a live <canvas type="2d"> instead (EChart.tsx hands it over),
 * or estimates when none is there yet.
 */
import { init, setPlatformAPI, use, type ECharts } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

interface MeasureContext {
  font: string
  measureText(text: string): { width: number }
}

let measureContext: MeasureContext | null = null

/** A rough width when no canvas can measure: CJK and full-width characters 1 em, others 0.6 em. */
function estimateWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12)
  let width = 0
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? size : size * 0.6
  return width
}

if (process.env.TARO_ENV !== 'h5') {
  setPlatformAPI({
    measureText(text: string, font?: string) {
      const f = font || '12px sans-serif'
      if (measureContext) {
        try {
          measureContext.font = f
          return measureContext.measureText(text)
        } catch {
          measureContext = null // the canvas went away with its page
        }
      }
      return { width: estimateWidth(text, f) } as TextMetrics
    },
  })
}

/** weapp: the 2d context text is measured with (the newest chart's). */
export function setMeasureContext(ctx: MeasureContext | null): void {
  measureContext = ctx
}

export { init }
export type { ECharts }
