import { chromium } from 'playwright-core'
import type { AddressInfo } from 'node:net'
import { createLocalServer } from './cloudfunctions/_local/server'
import { createTestBackend } from './tests/support/backend'
async function main() {
  const [dir, route, ready] = process.argv.slice(2)
  const backend = await createTestBackend()
  const server = createLocalServer({ deps: backend.deps, staticDir: dir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await ctx.newPage()
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Network.enable'); await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.addInitScript(`(() => { const sel = ${JSON.stringify(ready)}; const c = () => { if (document.querySelector(sel)) { window.__r = performance.now(); return } requestAnimationFrame(c) }; requestAnimationFrame(c) })()`)
    await page.goto(`${base}/#/${route}`, { waitUntil: 'commit' })
    await page.waitForFunction('window.__r', undefined, { timeout: 60000 })
    const res = await page.evaluate(`({ r: window.__r, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, res: performance.getEntriesByType('resource').map(e => [e.name.replace(/^.*\\//,'').slice(0,40), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize]) })`)
    console.log(JSON.stringify(res))
    await ctx.close()
  }
  await browser.close(); server.close(); await backend.close()
}
main()
