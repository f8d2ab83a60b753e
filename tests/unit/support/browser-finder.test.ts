import { join } from 'node:path'
import { browserHelp, BrowserUnavailableError, checkBrowser, chooseBrowser, installedCandidates } from '../../support/browser'

const machine = (platform: NodeJS.Platform, present: string[], env: Record<string, string | undefined> = {}) => ({
  platform,
  env,
  exists: (p: string) => present.includes(p),
})

describe('finding a browser for the e2e tests', () => {
  test('CHROMIUM_PATH wins over an installed browser', () => {
    const m = machine('linux', ['/opt/my/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/my/chrome' })
    expect(chooseBrowser(m)).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/my/chrome' })
  })

  test('a CHROMIUM_PATH that does not exist is an error, not a silent fallback', () => {
    expect(() => chooseBrowser(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' }))).toThrow(BrowserUnavailableError)
  })

  test.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/usr/bin/google-chrome-stable'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  ] as const)('uses a browser installed in the usual place on %s (%s)', (platform, path) => {
    expect(chooseBrowser(machine(platform, [path], { HOME: '/Users/me' }))).toEqual({ source: 'installed', executablePath: path })
  })

  test('looks for Chrome under Program Files on Windows', () => {
    const env = { PROGRAMFILES: 'C:/Program Files' }
    const chrome = join('C:/Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe')
    expect(installedCandidates('win32', env)).toContain(chrome)
    expect(chooseBrowser(machine('win32', [chrome], env))).toEqual({ source: 'installed', executablePath: chrome })
  })

  test('prefers Chromium over Chrome when both are installed on Linux', () => {
    expect(chooseBrowser(machine('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toEqual({ source: 'installed', executablePath: '/usr/bin/chromium' })
  })

  test('falls back to the Chromium that npm installed when nothing is installed', () => {
    expect(chooseBrowser(machine('linux', []))).toEqual({ source: 'npm' })
  })

  test('the message for a machine without a browser says what to install, in Chinese and English', () => {
    const text = browserHelp('本机是 freebsd x64')
    expect(text).toMatch(/无法为浏览器端到端测试找到可用的 Chromium/)
    expect(text).toMatch(/CHROMIUM_PATH/)
    expect(text).toMatch(/No usable Chromium/)
    expect(text).toMatch(/@sparticuz\/chromium/)
  })

  test('the browser found on this machine starts and draws Chinese characters as distinct glyphs', async () => {
    const found = await checkBrowser()
    expect(found.executablePath).toBeTruthy()
  }, 120_000)
})
