/**
 * The one data-loading hook of the mini-program (miniprogram/src/lib/use-load.ts) and the paged
 * list built on it (components/usePagedList.ts), rendered with React DOM in a JSDOM window; the
 * Taro page hooks are stand-ins whose handlers the tests fire (show, hide, pull-down, bottom).
 */
import { act, type ReactNode } from 'react'

// jsdom and react-dom ship no types here: the little of them this test uses
interface Root {
  render(node: ReactNode): void
  unmount(): void
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window & typeof globalThis } }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createRoot } = require('react-dom/client') as { createRoot: (el: Element) => Root }

const handlers: Record<'show' | 'hide' | 'pull' | 'bottom', Array<() => void>> = { show: [], hide: [], pull: [], bottom: [] }
const stopPullDownRefresh = jest.fn()
const showToast = jest.fn()

jest.mock(
  '@tarojs/taro',
  () => {
    // each render registers its latest handler; keep one per hook position (the last)
    const { useEffect, useRef } = jest.requireActual('react') as typeof import('react')
    const hook = (kind: 'show' | 'hide' | 'pull' | 'bottom') => (fn: () => void) => {
      const ref = useRef(fn)
      ref.current = fn
      useEffect(() => {
        const h = () => ref.current()
        handlers[kind].push(h)
        return () => {
          handlers[kind] = handlers[kind].filter((x) => x !== h)
        }
      }, [])
    }
    const Taro = { stopPullDownRefresh: (...a: unknown[]) => stopPullDownRefresh(...a), showToast: (...a: unknown[]) => showToast(...a) }
    return {
      __esModule: true,
      default: Taro,
      useDidShow: hook('show'),
      useDidHide: hook('hide'),
      usePullDownRefresh: hook('pull'),
      useReachBottom: hook('bottom'),
    }
  },
  { virtual: true },
)

jest.mock('../../../miniprogram/src/api/client', () => {
  class ApiError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? code)
    }
  }
  return { ApiError, toApiError: (e: unknown) => (e instanceof ApiError ? e : new ApiError('internal', '系统繁忙')) }
})

// eslint-disable-next-line import/first
import { useLoad, type Load } from '../../../miniprogram/src/lib/use-load'
// eslint-disable-next-line import/first
import { usePagedList } from '../../../miniprogram/src/components/usePagedList'
// eslint-disable-next-line import/first
import { ApiError } from '../../../miniprogram/src/api/client'

const dom = new JSDOM('<!doctype html><div id="root"></div>')
Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true })

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const fire = async (kind: keyof typeof handlers) => {
  await act(async () => {
    for (const h of [...handlers[kind]]) h()
  })
}
const settle = () => act(async () => {})

let root: Root
beforeEach(() => {
  for (const k of Object.keys(handlers) as Array<keyof typeof handlers>) handlers[k] = []
  stopPullDownRefresh.mockClear()
  showToast.mockClear()
  root = createRoot(document.getElementById('root')!)
})
afterEach(() => act(() => root.unmount()))

function mount<T>(useIt: () => T): { current: () => T; rerender: () => Promise<void> } {
  let latest: T
  let force: () => void = () => {}
  function Probe() {
    const [, set] = (jest.requireActual('react') as typeof import('react')).useState(0)
    force = () => set((n) => n + 1)
    latest = useIt()
    return null
  }
  act(() => root.render(<Probe />))
  return {
    current: () => latest,
    rerender: async () => {
      await act(async () => force())
    },
  }
}

describe('useLoad', () => {
  it('loads on mount, and not while the key is null', async () => {
    const load = jest.fn(async () => 'answer')
    let key: string | null = null
    const h = mount(() => useLoad(key, load))
    await settle()
    expect(load).not.toHaveBeenCalled()
    expect(h.current().state).toEqual({ status: 'loading' })
    key = 'a'
    await h.rerender()
    await settle()
    expect(load).toHaveBeenCalledTimes(1)
    expect(h.current().state).toEqual({ status: 'ready', data: 'answer' })
    expect(h.current().data).toBe('answer')
    expect(h.current().error).toBeNull()
  })

  it('keeps what is on screen while reloading and after a failed reload; says the failure', async () => {
    let answer: Promise<string> = Promise.resolve('one')
    const h = mount(() => useLoad('k', () => answer))
    await settle()
    const next = deferred<string>()
    answer = next.promise
    await act(async () => void h.current().reload())
    expect(h.current().state.status).toBe('loading')
    expect(h.current().data).toBe('one')
    await act(async () => next.reject(new ApiError('network_error', '网络不可用')))
    expect(h.current().state.status).toBe('error')
    expect(h.current().error?.code).toBe('network_error')
    expect(h.current().data).toBe('one')
  })

  it('restart clears what is on screen first', async () => {
    let answer: Promise<string> = Promise.resolve('one')
    const h = mount(() => useLoad('k', () => answer))
    await settle()
    const next = deferred<string>()
    answer = next.promise
    await act(async () => void h.current().restart())
    expect(h.current().data).toBeNull()
    await act(async () => next.resolve('two'))
    expect(h.current().data).toBe('two')
  })

  it('drops the answer of an older load, and clears the old key\'s data on a new key', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() }
    let key = 'a'
    const h = mount(() => useLoad(key, () => answers[key].promise))
    await settle()
    await act(async () => answers.a.resolve('A'))
    expect(h.current().data).toBe('A')
    answers.a = deferred()
    await act(async () => void h.current().reload())
    key = 'b'
    await h.rerender()
    expect(h.current().data).toBeNull()
    expect(h.current().state.status).toBe('loading')
    await act(async () => answers.b.resolve('B'))
    await act(async () => answers.a.resolve('stale A'))
    expect(h.current().data).toBe('B')
  })

  it('a non-ApiError failure becomes an ApiError', async () => {
    const h = mount(() =>
      useLoad('k', async () => {
        throw new TypeError('boom')
      }),
    )
    await settle()
    expect(h.current().error).toBeInstanceOf(ApiError)
    expect(h.current().error?.code).toBe('internal')
  })

  it('setData shows an answer got otherwise, without loading', async () => {
    const load = jest.fn(async () => ({ n: 1 }))
    const h = mount(() => useLoad('k', load))
    await settle()
    await act(async () => h.current().setData({ n: 2 }))
    expect(h.current().data).toEqual({ n: 2 })
    await act(async () => h.current().setData((prev) => ({ n: (prev?.n ?? 0) + 1 })))
    expect(h.current().state).toEqual({ status: 'ready', data: { n: 3 } })
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('loads again when the page shows after being hidden, only when asked', async () => {
    const asked = jest.fn(async () => 'x')
    const notAsked = jest.fn(async () => 'y')
    mount(() => [useLoad('a', asked, { refreshOnShow: true }), useLoad('b', notAsked)] as Load<string>[])
    await settle()
    await fire('show') // the first show: nothing was on top
    expect(asked).toHaveBeenCalledTimes(1)
    await fire('hide')
    await fire('show')
    await settle()
    expect(asked).toHaveBeenCalledTimes(2)
    expect(notAsked).toHaveBeenCalledTimes(1)
  })

  it('pull-down loads again and stops the spinner, only when asked', async () => {
    const asked = jest.fn(async () => 'x')
    const notAsked = jest.fn(async () => 'y')
    mount(() => [useLoad('a', asked, { pullDownRefresh: true }), useLoad('b', notAsked)] as Load<string>[])
    await settle()
    await fire('pull')
    await settle()
    expect(asked).toHaveBeenCalledTimes(2)
    expect(notAsked).toHaveBeenCalledTimes(1)
    expect(stopPullDownRefresh).toHaveBeenCalledTimes(1)
  })
})

describe('usePagedList on useLoad', () => {
  type Row = { id: string }
  const pageOf = (ids: string[], nextCursor: string | null) => ({ items: ids.map((id) => ({ id })), nextCursor })

  it('first page, next page at the bottom (no duplicates), and 没有更多 at the end', async () => {
    const load = jest.fn(async (cursor?: string) => (cursor ? pageOf(['2', '3'], null) : pageOf(['1', '2'], 'c1')))
    const h = mount(() => usePagedList<Row>('k', load))
    expect(h.current().state.loading).toBe(true)
    await settle()
    expect(h.current().state).toEqual({ items: [{ id: '1' }, { id: '2' }], nextCursor: 'c1', loading: false, loadingMore: false, error: null })
    await fire('bottom')
    await settle()
    expect(load).toHaveBeenLastCalledWith('c1')
    expect(h.current().state.items.map((r) => r.id)).toEqual(['1', '2', '3'])
    expect(h.current().state.nextCursor).toBeNull()
    await fire('bottom')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('refreshes in place when the page shows again, and on pull-down', async () => {
    const second = deferred<{ items: Row[]; nextCursor: string | null }>()
    const load = jest
      .fn<Promise<{ items: Row[]; nextCursor: string | null }>, []>()
      .mockResolvedValueOnce(pageOf(['r1'], null))
      .mockReturnValueOnce(second.promise)
      .mockResolvedValueOnce(pageOf(['r3'], null))
    const h = mount(() => usePagedList<Row>('k', load))
    await settle()
    await fire('hide')
    await fire('show')
    expect(load).toHaveBeenCalledTimes(2)
    expect(h.current().state.items).toEqual([{ id: 'r1' }]) // kept while refreshing
    expect(h.current().state.loading).toBe(false)
    await act(async () => second.resolve(pageOf(['r2'], null)))
    expect(h.current().state.items).toEqual([{ id: 'r2' }])
    await fire('pull')
    await settle()
    expect(h.current().state.items).toEqual([{ id: 'r3' }])
    expect(stopPullDownRefresh).toHaveBeenCalled()
  })

  it('does not refresh on show when told so', async () => {
    const load = jest.fn(async () => pageOf(['1'], null))
    mount(() => usePagedList<Row>('k', load, { refreshOnShow: false }))
    await settle()
    await fire('hide')
    await fire('show')
    await settle()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('a new key starts from an empty list; refresh(false) too; a failed first load says why', async () => {
    let key = 'a'
    const next = deferred<{ items: Row[]; nextCursor: string | null }>()
    const load = jest.fn(async () => (key === 'a' ? pageOf(['a1'], null) : next.promise))
    const h = mount(() => usePagedList<Row>(key, load))
    await settle()
    key = 'b'
    await h.rerender()
    expect(h.current().state.items).toEqual([])
    expect(h.current().state.loading).toBe(true)
    await act(async () => next.reject(new ApiError('forbidden', '无权查看')))
    expect(h.current().state).toMatchObject({ items: [], loading: false, error: { code: 'forbidden' } })
    key = 'a'
    await h.rerender()
    await settle()
    expect(h.current().state.items).toEqual([{ id: 'a1' }])
    const again = deferred<{ items: Row[]; nextCursor: string | null }>()
    load.mockImplementationOnce(() => again.promise)
    await act(async () => void h.current().refresh(false))
    expect(h.current().state).toMatchObject({ items: [], loading: true, error: null })
    await act(async () => again.resolve(pageOf(['a2'], null)))
    expect(h.current().state.items).toEqual([{ id: 'a2' }])
  })

  it('a next page that fails says so in a toast and keeps the list; one begun before a refresh is dropped', async () => {
    const more = deferred<{ items: Row[]; nextCursor: string | null }>()
    let first = 0
    const load = jest.fn(async (cursor?: string) => {
      if (cursor === 'bad') throw new ApiError('network_error', '网络不可用')
      if (cursor) return more.promise
      first++
      return first === 1 ? pageOf(['1'], 'bad') : pageOf(['fresh'], 'c2')
    })
    const h = mount(() => usePagedList<Row>('k', load))
    await settle()
    await act(async () => void h.current().loadMore())
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不可用' }))
    expect(h.current().state).toMatchObject({ items: [{ id: '1' }], loadingMore: false })
    await act(async () => void h.current().refresh(true))
    expect(h.current().state.items).toEqual([{ id: 'fresh' }])
    await act(async () => void h.current().loadMore())
    expect(h.current().state.loadingMore).toBe(true)
    await act(async () => void h.current().refresh(true))
    await act(async () => more.resolve(pageOf(['stale'], null)))
    expect(h.current().state.items).toEqual([{ id: 'fresh' }])
    expect(h.current().state.loadingMore).toBe(false)
  })
})
