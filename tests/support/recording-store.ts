import type { Store } from '../../cloudfunctions/_core/store/port'

/**
 * A store that counts the writes that took effect (an insert or conditional update that
 * succeeded, any put or increment, a removal that removed, a commit that committed), so a test
 * can tell that a refused call left the store as it was. Reads pass through untouched.
 */
export interface RecordingStore {
  store: Store
  /** Effective writes since the store was wrapped, with what they were. */
  writes: Array<{ collection: string; op: string }>
}

const CONDITIONAL = new Set(['insert', 'updateIf', 'remove'])
const ALWAYS = new Set(['put', 'increment'])

export function recordingStore(inner: Store): RecordingStore {
  const writes: RecordingStore['writes'] = []
  const wrapCollection = (name: string, collection: object) =>
    new Proxy(collection, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function' || typeof prop !== 'string' || !(CONDITIONAL.has(prop) || ALWAYS.has(prop))) {
          return typeof value === 'function' ? value.bind(target) : value
        }
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args)
          if (ALWAYS.has(prop) || result === true) writes.push({ collection: name, op: prop })
          return result
        }
      },
    })
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver)
      if (prop === 'collection') return (name: string) => wrapCollection(name, (value as Store['collection']).call(target, name))
      if (prop === 'commit' && typeof value === 'function') {
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args)
          if (result !== false) writes.push({ collection: '(transaction)', op: 'commit' })
          return result
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { store, writes }
}
