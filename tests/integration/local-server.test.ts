import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalServer, LOCAL_IDENTITY_HEADER } from '../../cloudfunctions/_local/server'
import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
let server: Server
let base: string
const staticDir = mkdtempSync(join(tmpdir(), 'wdt-h5-'))

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>五单通</title>')
  backend = await createTestBackend()
  server = createLocalServer({ deps: backend.deps, staticDir })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await backend.close()
})

const post = (path: string, body: string, openid?: string) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { [LOCAL_IDENTITY_HEADER]: openid } : {}) },
    body,
  })

describe('the local server', () => {
  it('runs a function with the same event body wx.cloud.callFunction sends', async () => {
    const res = await post('/fn/directory', JSON.stringify({ action: 'getStation', payload: { stationCode: 'LYT01' } }), 'demo-resident-1')
    const body = await res.json()
    expect(body.ok).toBe(true)
    expect(body.data.countyName).toBe('临颍县')
  })

  it('takes the caller from the local identity header, not from the body', async () => {
    const res = await post('/fn/directory', JSON.stringify({ action: 'whoami', openid: 'demo-staff-XW-STAFF1' }), 'demo-deputy-XWT01-R1')
    expect((await res.json()).data.roles).toEqual(['resident', 'deputy'])
  })

  it("takes a township worker's demo identity, percent-encoded as browsers must send it", async () => {
    const res = await post('/fn/directory', JSON.stringify({ action: 'whoami' }), encodeURIComponent('demo-staff-XW-STAFF-城关镇'))
    expect((await res.json()).data).toMatchObject({ displayName: '魏凤英（城关镇人大主席团）', roles: ['resident', 'staff'] })
  })

  it('treats a malformed identity header as nobody', async () => {
    const res = await post('/fn/directory', JSON.stringify({ action: 'whoami' }), '%E4%ZZ')
    expect(await res.json()).toMatchObject({ ok: false, code: 'unauthenticated' })
  })

  it('answers a broken JSON body with validation_failed', async () => {
    const res = await post('/fn/suggestion', '{"action": "submit",', 'demo-resident-1')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, code: 'validation_failed', field: 'body' })
  })

  it('answers an unknown function with not_found', async () => {
    const res = await post('/fn/nosuch', '{}', 'demo-resident-1')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, code: 'not_found' })
  })

  it('refuses a body larger than the largest import without reading it all', async () => {
    const res = await post('/fn/suggestion', JSON.stringify({ action: 'submit', payload: { content: 'x'.repeat(3_000_000) } }), 'demo-resident-1')
    expect(res.status).toBe(413)
  })

  it('serves the H5 app for any page path (hash router)', async () => {
    const res = await fetch(`${base}/some/deep/path`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('五单通')
  })

  it('does not serve files outside the H5 folder', async () => {
    const res = await fetch(`${base}/..%2f..%2fetc%2fpasswd`)
    expect(await res.text()).not.toContain('root:')
  })
})
