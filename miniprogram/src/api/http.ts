import type { Transport } from './transport'
import { TransportError } from './transport'
import { demoIdentityHeaders } from '../lib/demo-identity'
import { serverUrl } from './origin'

/**
 * H5 transport: `POST {origin}/fn/<name>` with the same `{action, payload}` body that
 * wx.cloud.callFunction sends. In local mode the demo identity travels in a header that only the
 * local server honours.
 */
function endpoint(fn: string): string {
  return serverUrl(`/fn/${encodeURIComponent(fn)}`)
}

export const httpTransport: Transport = {
  init() {},
  async send(fn, event) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...demoIdentityHeaders() }
    let res: Response
    try {
      res = await fetch(endpoint(fn), { method: 'POST', headers, body: JSON.stringify(event) })
    } catch (err) {
      throw new TransportError('network_error', String(err))
    }
    const body = await res.text().catch(() => '')
    try {
      return JSON.parse(body) as unknown
    } catch {
      // Not our envelope: a gateway that could not reach the server, or something else answering.
      const unreachable = res.status === 502 || res.status === 503 || res.status === 504
      throw new TransportError(unreachable ? 'network_error' : 'internal', `HTTP ${res.status}`)
    }
  },
}
