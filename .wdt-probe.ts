import { chromium } from 'playwright-core'
import type { AddressInfo } from 'node:net'
import { createLocalServer } from './cloudfunctions/_local/server'
import { createTestBackend } from './tests/support/backend'
async function main() {
  const [dir, route, js] = process.argv.slice(2)
  const backend = await createTestBackend()
  const server = createLocalServer({ deps: backend.deps, staticDir: dir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await ctx.newPage()
  if (process.env.ELDER) await page.addInitScript(`localStorage.setItem('wudantong.elderMode', JSON.stringify({data:'1'}))`)
  if (process.env.OPENID) await page.addInitScript(`localStorage.setItem('wudantong.demoOpenid', JSON.stringify({data:${JSON.stringify(process.env.OPENID)}}))`)
  await page.goto(`${base}/#/${route}`)
  await page.waitForTimeout(5000)
  console.log(JSON.stringify(await page.evaluate(js), null, 1))
  await browser.close(); server.close(); await backend.close()
}
main()
