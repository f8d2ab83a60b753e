import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { init, setMeasureContext, type ECharts } from '../lib/echarts'
import type { ChartOption } from '../lib/chart-options'

interface Props {
  /** unique on the page: the canvas is found by it in the mini-program */
  id: string
  option: ChartOption
  /** CSS px */
  height: number
  /** what the picture shows, for screen readers (the table alternative has the exact figures) */
  label: string
}

/** The 2d canvas node of the mini-program, as the element ECharts draws on (zrender's "single canvas"). */
class CanvasNodeAdapter {
  constructor(
    private readonly node: { width: number; height: number; getContext(type: '2d'): unknown },
    private readonly ctx: unknown,
  ) {}
  getContext(type: string) {
    return type === '2d' ? this.ctx : null
  }
  get width() {
    return this.node.width
  }
  set width(w: number) {
    this.node.width = w
  }
  get height() {
    return this.node.height
  }
  set height(h: number) {
    this.node.height = h
  }
  // zrender listens for DOM events on its root; a canvas node has none (touches are forwarded below)
  addEventListener() {}
  removeEventListener() {}
  attachEvent() {}
  detachEvent() {}
}

function pixelRatio(): number {
  try {
    const info = (typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()) as { pixelRatio?: number }
    return info.pixelRatio || 2
  } catch {
    return 2
  }
}

type Touch = { x?: number; y?: number; clientX?: number; clientY?: number }

/**
 * One ECharts chart. H5: ECharts on a DOM element with the canvas renderer (it adds its own
 * <canvas>). Mini-program: a <Canvas type="2d"> node, found with a selector query once rendered,
 * wrapped so that ECharts can draw on it at the device's pixel ratio; taps are forwarded so the
 * tooltip works. A chart that cannot be drawn (an old WeChat, the simulator) leaves its space
 * empty: the page's table alternative still has every figure.
 */
export default function EChart({ id, option, height, label }: Props) {
  const chart = useRef<ECharts | null>(null)
  const box = useRef<HTMLDivElement | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    let disposed = false
    if (process.env.TARO_ENV === 'h5') {
      const el = box.current
      if (!el) return
      const c = init(el, null, { renderer: 'canvas' })
      c.setOption(latest.current)
      chart.current = c
      const onResize = () => c.resize()
      window.addEventListener('resize', onResize)
      return () => {
        window.removeEventListener('resize', onResize)
        c.dispose()
        chart.current = null
      }
    }
    const attach = (attempt: number) => {
      let query: { exec(cb: (res: any) => void): void }
      try {
        query = Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true })
      } catch {
        return // no selector query here (the simulator): the table alternative stays
      }
      query.exec((res: Array<{ node?: any; width?: number; height?: number } | null>) => {
        if (disposed) return
        const info = res?.[0]
        if (!info?.node || !info.width) {
          if (attempt < 3) setTimeout(() => attach(attempt + 1), 60)
          return
        }
        try {
          const ctx = info.node.getContext('2d')
          setMeasureContext(ctx)
          const adapter = new CanvasNodeAdapter(info.node, ctx)
          const c = init(adapter as unknown as HTMLElement, null, { width: info.width, height: info.height ?? height, devicePixelRatio: pixelRatio() })
          c.setOption(latest.current)
          chart.current = c
        } catch (err) {
          console.warn('[stats] chart not drawn', err)
        }
      })
    }
    Taro.nextTick(() => attach(0))
    return () => {
      disposed = true
      chart.current?.dispose()
      chart.current = null
    }
  }, [id])

  useEffect(() => {
    const c = chart.current
    if (!c) return
    c.setOption(option, { notMerge: true })
    c.resize(process.env.TARO_ENV === 'h5' ? undefined : { height })
  }, [option, height])

  if (process.env.TARO_ENV === 'h5') {
    return <div ref={box} id={id} className="st-chart" role="img" aria-label={label} style={{ height: `${height}px` }} />
  }

  const forward = (kind: 'start' | 'end', e: { touches?: Touch[]; changedTouches?: Touch[] }) => {
    const c = chart.current
    const t = (kind === 'start' ? e.touches : e.changedTouches)?.[0]
    if (!c || !t) return
    const point = { zrX: t.x ?? 0, zrY: t.y ?? 0 }
    const handler = c.getZr().handler
    if (kind === 'start') {
      handler.dispatch('mousedown', point)
      handler.dispatch('mousemove', point)
    } else {
      handler.dispatch('mouseup', point)
      handler.dispatch('click', point)
    }
  }
  return (
    <View className="st-chart" ariaRole="img" ariaLabel={label} style={{ height: `${height}px` }}>
      <Canvas
        type="2d"
        id={id}
        canvasId={id}
        className="st-chart__canvas"
        style={{ width: '100%', height: `${height}px` }}
        onTouchStart={(e) => forward('start', e as unknown as { touches: Touch[] })}
        onTouchEnd={(e) => forward('end', e as unknown as { changedTouches: Touch[] })}
      />
    </View>
  )
}
