import { chromium } from 'playwright-core'
import type { AddressInfo } from 'node:net'
import { createLocalServer } from './cloudfunctions/_local/server'
import { createTestBackend } from './tests/support/backend'
async function main() {
  const backend = await createTestBackend()
  const server = createLocalServer({ deps: backend.deps, staticDir: '/tmp/wdt/h5-snap' })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  page.on('console', (m) => console.log('console:', m.text()))
  await page.goto(`${base}/#/pages/mine/index`)
  await page.waitForSelector('.taro_page_show #elder-mode-row')
  const cls = () => page.evaluate(`document.querySelector('.taro_page_show .mine-links__switch').className`)
  console.log(await cls())
  await page.click('.taro_page_show #elder-mode-row')
  await page.waitForTimeout(1000)
  console.log(await cls(), await page.evaluate(`document.documentElement.className`))
  await browser.close(); server.close(); await backend.close()
}
main()
