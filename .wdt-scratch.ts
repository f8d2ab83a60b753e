// scratch (not part of the project): serve a given H5 build and poke at pages
import { chromium } from 'playwright-core'
import type { AddressInfo } from 'node:net'
import { createLocalServer } from './cloudfunctions/_local/server'
import { createTestBackend } from './tests/support/backend'

async function main() {
  const dir = process.argv[2]
  const backend = await createTestBackend()
  const server = createLocalServer({ deps: backend.deps, staticDir: dir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await ctx.newPage()
  const elder = process.env.ELDER === '1'
  const openid = process.env.OPENID
  await page.addInitScript(([e, o]) => {
    if (e) localStorage.setItem('wudantong.elderMode', JSON.stringify({ data: '1' }))
    if (o) localStorage.setItem('wudantong.demoOpenid', JSON.stringify({ data: o }))
  }, [elder, openid] as const)
  for (const route of (process.env.ROUTES ?? 'pages/station/index?code=XWT01').split(',')) {
    await page.goto(`${base}/#/${route}`)
    await page.waitForTimeout(2500)
    const depth = await page.evaluate(`(() => {
      const root = document.querySelector('.taro_page_show')
      let max = 0
      const walk = (el, d) => {
        const taro = el.tagName.toLowerCase().startsWith('taro-') ? 1 : 0
        max = Math.max(max, d + taro)
        for (const c of Array.from(el.children)) walk(c, d + taro)
      }
      walk(root, 0)
      return { max, overflowX: document.documentElement.scrollWidth > window.innerWidth, fs: getComputedStyle(document.documentElement).getPropertyValue('--wdt-font-scale') }
    })()`)
    const name = route.split('?')[0].replace(/\W+/g, '-') + (elder ? '-elder' : '')
    await page.screenshot({ path: `/tmp/wdt/scratch/${name}.png`, fullPage: true })
    console.log(route, JSON.stringify(depth))
  }
  await browser.close()
  server.close()
  await backend.close()
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
