import type { TestBackend } from './backend'

/** Calls `stats.<action>`; `ok` throws with the Chinese message when it fails, `refused` when it succeeds. */
export function stats(backend: TestBackend) {
  const raw = (openid: string, action: string, payload: Record<string, unknown> = {}) => backend.call('stats', { action, payload }, openid)
  const ok = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await raw(openid, action, payload)
    if (!res.ok) throw new Error(`stats.${action} as ${openid} failed: ${res.code} ${res.message}`)
    return res.data
  }
  const refused = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await raw(openid, action, payload)
    if (res.ok) throw new Error(`stats.${action} as ${openid} unexpectedly succeeded`)
    return res as { ok: false; code: string; message: string; field?: string }
  }
  return { raw, ok, refused }
}
