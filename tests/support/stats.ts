import { functionCaller, type TestBackend } from './backend'

/** Calls `stats.<action>`; `ok` throws with the Chinese message when it fails, `refused` when it succeeds. */
export const stats = (backend: TestBackend) => functionCaller(backend, 'stats')
