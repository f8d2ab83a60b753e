import { createTestBackend, type TestBackend } from '../support/backend'

let backend: TestBackend
beforeAll(async () => {
  backend = await createTestBackend()
})
afterAll(() => backend.close())

describe('every function entry', () => {
  it('answers an unknown action with not_found naming the field', async () => {
    const res = await backend.call('suggestion', { action: 'dropTables' }, 'demo-resident-1')
    expect(res).toMatchObject({ ok: false, code: 'not_found', field: 'action' })
  })

  it.each([null, 42, 'submit', []])('refuses a malformed event body (%p)', async (event) => {
    const res = await backend.call('suggestion', event, 'demo-resident-1')
    expect(res).toMatchObject({ ok: false, code: 'validation_failed' })
  })

  it('names the offending field of a malformed payload', async () => {
    const res = await backend.call('directory', { action: 'getStation', payload: { stationCode: 12 } }, 'demo-resident-1')
    expect(res).toMatchObject({ ok: false, code: 'validation_failed', field: 'stationCode' })
  })

  it('refuses a call without a platform identity', async () => {
    const res = await backend.call('directory', { action: 'whoami' }, null)
    expect(res).toMatchObject({ ok: false, code: 'unauthenticated' })
  })

  it('never lets a stack trace out when a use case breaks', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { ...backend.deps, store: { ...backend.store, collection: () => { throw new Error('disk on fire at /srv/x.js:12') } } }
    const { FUNCTIONS } = await import('../../cloudfunctions/_core/functions')
    const res = await FUNCTIONS.directory({ action: 'whoami' }, 'demo-resident-1', broken as never)
    expect(res).toEqual({ ok: false, code: 'internal', message: '系统繁忙，请稍后再试' })
    expect(JSON.stringify(res)).not.toContain('disk on fire')
    spy.mockRestore()
  })
})
