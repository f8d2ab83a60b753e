/**
 * A county that is not in the demo file, set up from an empty CloudBase database (issue 14): the
 * real @cloudbase/node-sdk against the local stand-in of CloudBase's wire. The first admin claims
 * the one-time bootstrap secret; the county, its stations, departments and deputies come from the
 * downloaded templates filled in and imported; a deputy is invited, redeems, takes an item; the
 * admin revokes the role and the deputy's next 接单 is refused. A second claim of the secret fails.
 */
import { openStore } from '../../cloudfunctions/_core/store'
import { createTestBackend, fixedClock, functionCaller, type TestBackend } from '../support/backend'
import { startCloudbaseStandin, type CloudbaseStandin } from '../support/cloudbase-standin'
import { fillTemplate } from '../support/import-files'

const SECRET = 'cloudbase-bootstrap-secret-1c9e'
const ADMIN = 'o-huojia-admin'
const DEPUTY = 'o-huojia-deputy'
let standin: CloudbaseStandin
let backend: TestBackend
let dir: ReturnType<typeof functionCaller>
let sug: ReturnType<typeof functionCaller>
let saved: string | undefined

beforeAll(async () => {
  saved = process.env.WDT_BOOTSTRAP_SECRET
  process.env.WDT_BOOTSTRAP_SECRET = SECRET
  standin = await startCloudbaseStandin()
  const store = await openStore({ kind: 'cloudbase', env: 'test-env', serviceUrl: standin.url })
  backend = await createTestBackend({ store, empty: true, clock: fixedClock('2026-12-01T02:00:00.000Z') })
  dir = functionCaller(backend, 'directory')
  sug = functionCaller(backend, 'suggestion')
}, 60_000)
afterAll(async () => {
  if (saved === undefined) delete process.env.WDT_BOOTSTRAP_SECRET
  else process.env.WDT_BOOTSTRAP_SECRET = saved
  await backend.close()
  await standin.close()
})

/** The county's template of a kind with `rows` typed under its example row, as base64. */
async function filled(kind: string, rows: Array<Record<string, string>>): Promise<string> {
  const template = await dir.ok(ADMIN, 'importTemplate', { kind })
  return (await fillTemplate(Buffer.from(template.base64, 'base64'), rows)).toString('base64')
}

async function imported(kind: string, rows: Array<Record<string, string>>) {
  const fileBase64 = await filled(kind, rows)
  const preview = await dir.ok(ADMIN, 'importPreview', { kind, fileBase64 })
  expect(preview.counts).toMatchObject({ new: rows.length, error: 0 })
  return dir.ok(ADMIN, 'importApply', { kind, fileBase64, digest: preview.digest })
}

describe('a new county on an empty CloudBase database', () => {
  it('is set up by its first admin, by Excel, and its deputy works until the role is taken away', async () => {
    // nothing there: the admin tools refuse, the secret makes the first admin, once
    expect(await dir.refused(ADMIN, 'adminDirectory')).toMatchObject({ code: 'forbidden' })
    expect((await dir.ok(ADMIN, 'bootstrapAdmin', { secret: SECRET, countyCode: 'huojia' })).roles).toContain('admin')
    expect(await dir.refused('o-second', 'bootstrapAdmin', { secret: SECRET, countyCode: 'huojia' })).toMatchObject({ code: 'invitation_invalid' })
    expect(standin.dump().system_claims).toHaveLength(1)

    await dir.ok(ADMIN, 'saveCounty', { name: '获嘉县', prefix: 'HJ', townships: ['城关镇', '亢村镇'] })
    await imported('station', [{ 编号: 'HJT01', 名称: '城关镇人大代表联络站', 类型: '乡镇联络站', '乡镇（街道）': '城关镇', 地址: '获嘉县城关镇人民政府一楼' }])
    await imported('department', [{ 编号: 'HJ-D01', 名称: '获嘉县交通运输局', 类型: '县政府部门' }])
    const applied = await imported('deputy', [
      { 编号: 'HJT01-R1', 姓名: '李明华', 层级: '县人大代表', 所在站点编号: 'HJT01', 工作单位及职务: '城关镇东街社区 主任', 手机号: '13700001111' },
    ])
    expect(applied.counts.new).toBe(1)
    // the same file again changes nothing
    const again = await filled('deputy', [
      { 编号: 'HJT01-R1', 姓名: '李明华', 层级: '县人大代表', 所在站点编号: 'HJT01', 工作单位及职务: '城关镇东街社区 主任', 手机号: '13700001111' },
    ])
    expect((await dir.ok(ADMIN, 'importPreview', { kind: 'deputy', fileBase64: again })).counts).toMatchObject({ unchanged: 1, new: 0, changed: 0 })
    const station = await dir.ok('o-visitor', 'getStation', { stationCode: 'HJT01' })
    expect(JSON.stringify(station)).toContain('李明华')

    const { code } = await dir.ok(ADMIN, 'issueInvitation', { target: { role: 'deputy', deputyCode: 'HJT01-R1' } })
    expect((await dir.ok(DEPUTY, 'redeemInvitation', { code })).roles).toContain('deputy')
    const submit = (n: number) =>
      sug.ok('o-huojia-resident', 'submit', { clientRequestId: `huojia-cloudbase-${n}`, stationCode: 'HJT01', content: `城关镇东街路口红绿灯时间太短（${n}）`, anonymous: true })
    const first = await submit(1)
    const second = await submit(2)
    expect((await sug.ok(DEPUTY, 'accept', { id: first.id, categoryCode: 'transport' })).state).toBe('accepted')

    const grant = (await dir.ok(ADMIN, 'listRoles', { role: 'deputy' })).items[0]
    await dir.ok(ADMIN, 'revokeRole', { grantId: grant.grantId })
    expect(await sug.refused(DEPUTY, 'accept', { id: second.id, categoryCode: 'transport' })).toMatchObject({ code: 'forbidden' })
    expect((await sug.ok('o-huojia-resident', 'get', { id: second.id })).state).toBe('submitted')
    // every step is in the county's history
    const actions = (await dir.ok(ADMIN, 'directoryHistory', { limit: 50 })).items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['bootstrap', 'create', 'issue', 'revoke']))
  }, 120_000)
})
