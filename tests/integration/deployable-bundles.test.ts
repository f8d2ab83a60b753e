import { join } from 'node:path'
import demoCounty from '../../shared/data/demo-county.json'
import { buildFunctions } from '../../scripts/build-functions'
import { seedDirectory } from '../../cloudfunctions/_core/seed/seed-directory'
import type { DemoCountyFile } from '../../cloudfunctions/_core/seed/demo-county'
import { openStore } from '../../cloudfunctions/_core/store'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'
import { repoRoot } from '../support/taro-build'

/**
 * The folders `npm run build:functions` produces are what gets uploaded to CloudBase. Here each
 * bundle runs as CloudBase would run it: `main(event, context)` with the caller in the context,
 * the real SDK inside it talking to the local stand-in (pointed there by TCB_CONTEXT_CNFG).
 */
let standin: CloudbaseStandin
let sizes: Array<{ name: string; bytes: number }>
const saved = { ...process.env }

beforeAll(async () => {
  sizes = await buildFunctions()
  standin = await startCloudbaseStandin()
  const store = await openStore({ kind: 'cloudbase', env: 'test-env', serviceUrl: standin.url })
  await seedDirectory(store, demoCounty as DemoCountyFile, '2026-01-01T00:00:00.000Z')
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: standin.url }),
    SCF_NAMESPACE: 'test-env',
    TCB_ENV: 'test-env',
    TENCENTCLOUD_SECRETID: 'dummy-id',
    TENCENTCLOUD_SECRETKEY: 'dummy-key',
  })
}, 120_000)
afterAll(async () => {
  process.env = saved
  await standin.close()
})

const contextFor = (openid: string | null) => ({
  request_id: 'req-1',
  memory_limit_in_mb: 256,
  time_limit_in_ms: 10000,
  function_version: '$LATEST',
  namespace: 'test-env',
  function_name: 'fn',
  environment: JSON.stringify(openid ? { WX_OPENID: openid, WX_APPID: 'wx-test-app' } : {}),
})
const load = (name: string) => require(join(repoRoot, 'dist', 'cloudfunctions', name, 'index.js')) as { main: (e: unknown, c: unknown) => Promise<any> }

describe('the deployable function bundles', () => {
  it('builds one folder per function with its package.json and config.json', () => {
    expect(sizes.map((s) => s.name)).toEqual(expect.arrayContaining(['directory', 'suggestion', 'timers']))
    for (const { name } of sizes) {
      const pkg = require(join(repoRoot, 'dist', 'cloudfunctions', name, 'package.json'))
      expect(pkg).toMatchObject({ main: 'index.js', dependencies: { '@cloudbase/node-sdk': expect.any(String) } })
      expect(require(join(repoRoot, 'dist', 'cloudfunctions', name, 'config.json'))).toHaveProperty('permissions')
    }
  })

  it('carries wx-server-sdk only in the functions that make 云调用, each declaring what it calls', () => {
    const calls: Record<string, string[]> = {
      directory: ['phonenumber.getPhoneNumber', 'wxacode.getUnlimited'],
      reception: ['wxacode.getUnlimited'],
      suggestion: ['security.msgSecCheck'],
      visit: ['security.msgSecCheck'],
      timers: ['subscribeMessage.send'],
      stats: [],
    }
    for (const [name, apis] of Object.entries(calls)) {
      const pkg = require(join(repoRoot, 'dist', 'cloudfunctions', name, 'package.json'))
      expect([name, Object.keys(pkg.dependencies).includes('wx-server-sdk')]).toEqual([name, apis.length > 0])
      expect(require(join(repoRoot, 'dist', 'cloudfunctions', name, 'config.json')).permissions.openapi).toEqual(apis)
    }
  })

  it('checks a submission’s text with security.msgSecCheck through wx-server-sdk, as deployed', async () => {
    const before = standin.requests.length
    const res = await load('suggestion').main(
      { action: 'submit', payload: { clientRequestId: 'bundle-submit-0001', stationCode: 'XWT01', content: '村口路灯坏了三个月，晚上出行不便', anonymous: true } },
      contextFor('o-cloud-resident'),
    )
    expect(res).toMatchObject({ ok: true, data: { state: 'submitted' } })
    const checks = standin.requests.slice(before).filter((r) => r.action === 'wx.openApi')
    expect(checks).toMatchObject([{ apiName: 'security.msgSecCheck', args: { content: '村口路灯坏了三个月，晚上出行不便', openid: 'o-cloud-resident', version: 2 }, signed: true }])
  })

  it('answers a station page from the bundle, with the caller taken from the context', async () => {
    const res = await load('directory').main({ action: 'getStation', payload: { stationCode: 'XWT01' } }, contextFor('o-cloud-user'))
    expect(res).toMatchObject({ ok: true, data: { name: '城关镇人大代表联络站' } })
    const me = await load('directory').main({ action: 'whoami', openid: 'demo-staff-XW-STAFF1' }, contextFor('o-cloud-user'))
    expect(me).toEqual({ ok: true, data: { displayName: null, roles: ['resident'], localMode: false } })
  })

  it('refuses a call without a WeChat identity', async () => {
    expect(await load('directory').main({ action: 'whoami' }, contextFor(null))).toMatchObject({ ok: false, code: 'unauthenticated' })
  })

  it('has no demo identity: the local header means nothing to a deployed function', async () => {
    const res = await load('directory').main({ action: 'whoami', headers: { 'x-wudantong-openid': 'demo-admin-xiuwu' } }, contextFor('o-someone'))
    expect(res.data.roles).toEqual(['resident'])
  })

  it('lets the timer function run only from its trigger', async () => {
    expect(await load('timers').main({ action: 'run' }, contextFor('o-user'))).toMatchObject({ ok: false, code: 'forbidden' })
    const fired = await load('timers').main({ Type: 'Timer', TriggerName: 'every-15-minutes', Time: '2026-11-26T02:00:00Z' }, contextFor(null))
    expect(fired.ok).toBe(true)
  })
})
