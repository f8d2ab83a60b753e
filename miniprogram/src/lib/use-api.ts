import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, toApiError } from '../api/client'

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError }

/** Runs `load` when `key` changes (skips while key is null) and exposes a reload. */
export function useLoadable<T>(key: string | null, load: () => Promise<T>): [Loadable<T>, () => Promise<void>] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback(async () => {
    const ticket = ++latest.current
    setState({ status: 'loading' })
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ status: 'ready', data })
    } catch (err) {
      if (ticket === latest.current) setState({ status: 'error', error: toApiError(err) })
    }
  }, [])

  useEffect(() => {
    if (key !== null) void run()
  }, [key, run])

  return [state, run]
}
