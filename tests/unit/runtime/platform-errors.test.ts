import { isRetryablePlatformError } from '../../../cloudfunctions/_core/runtime/platform-errors'

describe('which failures are the platform’s, worth trying again', () => {
  it('CloudBase busy or slow, the SDK over quota or timed out, a broken socket', () => {
    for (const code of ['SYS_ERR', 'SERVER_TIMEOUT', 'EXCEED_RATELIMIT', 'DATABASE_TIMEOUT', 'ETIMEDOUT', 'ECONNRESET']) expect(isRetryablePlatformError({ code })).toBe(true)
    for (const errCode of [-501002, -501003, -501004]) expect(isRetryablePlatformError({ errCode })).toBe(true)
  })

  it('not a request CloudBase refused, a WeChat refusal, or our own bug', () => {
    for (const e of [{ code: 'INVALID_PARAM' }, { code: 'DATABASE_COLLECTION_NOT_EXIST' }, { errCode: 43101 }, { errCode: -604101 }, new TypeError('x is undefined'), null, 'SYS_ERR']) {
      expect(isRetryablePlatformError(e)).toBe(false)
    }
  })
})
