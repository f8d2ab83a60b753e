import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVACY_APIS, WECHAT_PRIVACY_APIS } from '../../shared/domain/privacy-apis'

const root = join(__dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : []
  })
}

/** The privacy-listed APIs the mini-program calls: `Taro.<api>(` and `openType="<api>"` buttons. */
function called(): Set<string> {
  const found = new Set<string>()
  for (const file of sources(join(root, 'miniprogram', 'src'))) {
    const text = readFileSync(file, 'utf8')
    for (const api of WECHAT_PRIVACY_APIS) {
      if (new RegExp(`Taro\\.${api}\\(`).test(text) || new RegExp(`openType="${api}"`).test(text)) found.add(api)
    }
  }
  return found
}

describe('the privacy guide covers what the mini-program calls', () => {
  it('declares every privacy-listed API the source calls, and nothing it no longer calls', () => {
    expect([...called()].sort()).toEqual(Object.keys(PRIVACY_APIS).sort())
  })

  it('the deployment guide names each item the county must declare', () => {
    const deploy = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8')
    for (const { item } of Object.values(PRIVACY_APIS)) expect([item, deploy.includes(item)]).toEqual([item, true])
  })
})
