import { checkBrowser } from './support/browser'
import { ensureTaroBuild } from './support/taro-build'

/**
 * Before any test file: production builds of the mini-program (for miniprogram-simulate) and of
 * H5 (for the browser tests), each skipped when it is newer than its sources; then the browser the
 * e2e tests drive is found and started once, so a machine without one fails here, with one message
 * saying what to install, instead of skipping or failing test by test.
 */
export default async function globalSetup(): Promise<void> {
  // WDT_TEST_NO_BUILD=1: a developer running server-only tests while sources change skips the builds
  // (the e2e and weapp suites then read whatever build is there); `npm test` and CI never set it.
  if (process.env.WDT_TEST_NO_BUILD !== '1') {
    ensureTaroBuild('weapp')
    ensureTaroBuild('h5')
  }
  const browser = await checkBrowser()
  process.stdout.write(`\n浏览器 / browser: ${browser.executablePath} (${browser.source})\n`)
}
