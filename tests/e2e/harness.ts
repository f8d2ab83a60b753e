import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import type { Clock } from '../../cloudfunctions/_core/ports'
import { createTestBackend, type TestBackend } from '../support/backend'
import { launchOptions } from '../support/browser'
import { buildDir, ensureTaroBuild, repoRoot } from '../support/taro-build'

export const ARTIFACTS = join(repoRoot, 'tests', 'artifacts')

/** The local server (real functions, in-memory SQLite with the demo county) serving the H5 build. */
export interface E2E {
  base: string
  backend: TestBackend
  /** A fresh browser profile per identity, as if each person had their own phone. */
  open(openid?: string): Promise<Page>
  screenshot(page: Page, name: string): Promise<string>
  close(): Promise<void>
}

/** `clock`: the backend's clock (e.g. `fixedClock` from tests/support/backend) instead of the system's; `empty`: no demo county. */
export async function startE2E(options: { clock?: Clock; empty?: boolean } = {}): Promise<E2E> {
  ensureTaroBuild('h5')
  const backend = await createTestBackend({ clock: options.clock, empty: options.empty })
  const server: Server = createLocalServer({ deps: backend.deps, staticDir: buildDir('h5') })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const contexts: Array<{ context: BrowserContext; dir: string }> = []
  mkdirSync(ARTIFACTS, { recursive: true })
  return {
    base,
    backend,
    async open(openid) {
      const dir = mkdtempSync(join(tmpdir(), 'wdt-chromium-'))
      const context = await chromium.launchPersistentContext(dir, {
        ...(await launchOptions()),
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
      contexts.push({ context, dir })
      if (openid) {
        // Taro's H5 storage keeps values as {data}; the demo switcher reads this key.
        await context.addInitScript((id) => {
          window.localStorage.setItem('wudantong.demoOpenid', JSON.stringify({ data: id }))
        }, openid)
      }
      return context.pages()[0] ?? (await context.newPage())
    },
    async screenshot(page, name) {
      // Let the page slide-in animation and toasts finish: the picture shows what a user sees.
      await page.waitForTimeout(1600)
      const file = join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    async close() {
      for (const { context, dir } of contexts) {
        await context.close()
        rmSync(dir, { recursive: true, force: true })
      }
      await new Promise((resolve) => server.close(resolve))
      await backend.close()
    },
  }
}

/**
 * Taro H5 keeps earlier pages in the DOM: look only inside the page being shown (the page
 * underneath a pushed one keeps taro_page_show too, marked with taro_page_shade).
 */
export const visible = (selector: string) => `.taro_page_show:not(.taro_page_shade) ${selector}`
