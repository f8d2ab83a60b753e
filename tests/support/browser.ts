import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { chromium, type LaunchOptions } from 'playwright-core'
import { repoRoot } from './taro-build'

/**
 * The browser the e2e tests and the render bench drive, found without a system package:
 *   1. `CHROMIUM_PATH`, when set (it must exist);
 *   2. a Chromium or Chrome installed in the usual place on Linux, macOS or Windows;
 *   3. the Chromium inside the npm package `@sparticuz/chromium` (Linux x64), unpacked once into
 *      `node_modules/.cache/` — so `npm install` alone brings a browser, from the npm registry only.
 * Chinese text needs a CJK font that a fresh machine may lack: Noto Sans SC arrives through npm
 * (`@fontsource-variable/noto-sans-sc`, WOFF2), is turned into TrueType once (fontconfig does not
 * read WOFF2), and the browser is pointed at it with its own fontconfig file. Nothing here touches
 * the network; where none of it can work, `prepareBrowser()` throws one message saying what to do.
 */
export interface PreparedBrowser {
  executablePath: string
  /** Where it came from, for the test log. */
  source: 'CHROMIUM_PATH' | 'installed' | 'npm'
  /** Arguments every launch needs (sandbox off: tests run as root in CI). */
  args: string[]
  /** Environment for the browser process: the fontconfig file, the npm Chromium's libraries. */
  env: Record<string, string>
}

/** Environment variables as the finder reads them. */
type Env = Record<string, string | undefined>

const CACHE = join(repoRoot, 'node_modules', '.cache', 'wudantong-browser')
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

/** Usual install places, in order of preference, per platform. */
export function installedCandidates(platform: NodeJS.Platform = process.platform, env: Env = process.env): string[] {
  if (platform === 'linux') {
    return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome']
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')]
    return apps.flatMap((dir) => [
      join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
    ])
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => Boolean(r))
    return roots.flatMap((root) => [join(root, 'Chromium', 'Application', 'chrome.exe'), join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')])
  }
  return []
}

export class BrowserUnavailableError extends Error {}

/** One message, Chinese then English, saying exactly what to install or set. */
export function browserHelp(reason: string): string {
  return [
    `无法为浏览器端到端测试找到可用的 Chromium：${reason}`,
    '请任选其一：在 Linux x64 上运行 `npm install`（随 npm 包 @sparticuz/chromium 自带 Chromium）；',
    '或安装 Chromium / Google Chrome；或设置环境变量 CHROMIUM_PATH 指向浏览器可执行文件。',
    `No usable Chromium for the browser tests: ${reason}`,
    'Either run `npm install` on Linux x64 (the npm package @sparticuz/chromium ships a Chromium),',
    'or install Chromium / Google Chrome, or set CHROMIUM_PATH to a browser executable.',
  ].join('\n')
}

/** A package's folder, found from its entry point (some packages do not export package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name, { paths: [repoRoot] }))
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir)
    if (up === dir) throw new Error(`${name}: package.json not found`)
    dir = up
  }
  return dir
}

function packageVersion(name: string): string {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version
}

/**
 * Unpacks the npm Chromium (browser, SwiftShader and the NSS libraries it links) into a folder per
 * package version; a `ready` marker is written last, so an interrupted unpack is redone.
 */
function unpackNpmChromium(): { executablePath: string; libDir: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new BrowserUnavailableError(`npm 包 @sparticuz/chromium 只提供 Linux x64 的浏览器，本机是 ${process.platform} ${process.arch}（only Linux x64 is shipped）`)
  }
  let version: string
  try {
    version = packageVersion('@sparticuz/chromium')
  } catch {
    throw new BrowserUnavailableError('未安装 npm 包 @sparticuz/chromium，请先运行 npm install（package not installed: run npm install）')
  }
  const dir = join(CACHE, `chromium-${version}`)
  const executablePath = join(dir, 'chromium')
  const libDir = join(dir, 'al2023', 'lib')
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    // The package unpacks into os.tmpdir(), and its libraries only when it believes it runs on
    // Amazon Linux 2023: give it our folder as TMPDIR and that runtime's name, in a child process so
    // neither setting leaks into the tests.
    const unpack = spawnSync(process.execPath, ['-e', "require('@sparticuz/chromium').executablePath().then((p) => process.stdout.write(p))"], {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' },
      encoding: 'utf8',
    })
    if (unpack.status !== 0 || !existsSync(executablePath) || !existsSync(libDir)) {
      throw new BrowserUnavailableError(`解压 @sparticuz/chromium 失败（unpacking failed）：${(unpack.stderr || unpack.stdout || '').trim().slice(0, 400)}`)
    }
    writeFileSync(join(dir, 'ready'), version)
  }
  return { executablePath, libDir }
}

/** Noto Sans SC as TrueType files in a cache folder, with a fontconfig file that names only them. */
async function prepareFonts(): Promise<string> {
  const version = packageVersion('@fontsource-variable/noto-sans-sc')
  const dir = join(CACHE, `noto-sans-sc-${version}`)
  const conf = join(dir, 'fonts.conf')
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true })
    const ttfDir = join(dir, 'ttf')
    mkdirSync(ttfDir, { recursive: true })
    const src = join(packageDir('@fontsource-variable/noto-sans-sc'), 'files')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { decompress } = require('wawoff2') as { decompress(input: Buffer): Promise<Uint8Array> }
    for (const file of readdirSync(src).filter((f) => f.endsWith('.woff2'))) {
      writeFileSync(join(ttfDir, file.replace(/\.woff2$/, '.ttf')), await decompress(readFileSync(join(src, file))))
    }
    // Only this font: screenshots look the same on every machine, whatever fonts it has installed.
    writeFileSync(
      conf,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${ttfDir}</dir>`,
        `  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    )
    writeFileSync(join(dir, 'ready'), version)
  }
  return conf
}

/**
 * The order of preference, without touching anything: `CHROMIUM_PATH` (which must exist), then an
 * installed browser, then the npm one.
 */
export function chooseBrowser(machine: { env: Env; platform: NodeJS.Platform; exists(path: string): boolean }):
  | { source: 'CHROMIUM_PATH' | 'installed'; executablePath: string }
  | { source: 'npm' } {
  const fromEnv = machine.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!machine.exists(fromEnv)) throw new BrowserUnavailableError(`CHROMIUM_PATH=${fromEnv} 不存在（does not exist）`)
    return { source: 'CHROMIUM_PATH', executablePath: fromEnv }
  }
  const installed = installedCandidates(machine.platform, machine.env).find((p) => machine.exists(p))
  return installed ? { source: 'installed', executablePath: installed } : { source: 'npm' }
}

let prepared: Promise<PreparedBrowser> | undefined

/** Finds (and on first use unpacks) the browser and its fonts; the same answer for the whole process. */
export function prepareBrowser(): Promise<PreparedBrowser> {
  prepared ??= (async () => {
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
    // macOS and Windows draw Chinese with their own system fonts; fontconfig is a Linux matter.
    if (process.platform === 'linux') env.FONTCONFIG_FILE = await prepareFonts()

    const choice = chooseBrowser({ env: process.env, platform: process.platform, exists: existsSync })
    if (choice.source !== 'npm') return { executablePath: choice.executablePath, source: choice.source, args: ARGS, env }

    const npm = unpackNpmChromium()
    env.LD_LIBRARY_PATH = [npm.libDir, env.LD_LIBRARY_PATH].filter(Boolean).join(':')
    return { executablePath: npm.executablePath, source: 'npm', args: ARGS, env }
  })()
  return prepared
}

/** Launch options for playwright-core with the prepared browser. */
export async function launchOptions(): Promise<Pick<LaunchOptions, 'executablePath' | 'args' | 'env' | 'headless'>> {
  const b = await prepareBrowser()
  return { executablePath: b.executablePath, args: b.args, env: b.env, headless: true }
}

/**
 * Before any browser test: prove the browser starts and draws Chinese with the shipped font.
 * A missing glyph renders as the same box (or as nothing) for every character, so two different
 * characters drawing the same pixels means the font is not there.
 */
export async function checkBrowser(): Promise<PreparedBrowser> {
  let b: PreparedBrowser
  try {
    b = await prepareBrowser()
  } catch (e) {
    throw new BrowserUnavailableError(browserHelp(e instanceof Error ? e.message : String(e)))
  }
  let browser
  try {
    browser = await chromium.launch({ executablePath: b.executablePath, args: b.args, env: b.env, headless: true })
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' ')
    throw new BrowserUnavailableError(browserHelp(`${b.executablePath}（${b.source}）无法启动 / failed to start: ${first}`))
  }
  try {
    const page = await browser.newPage()
    await page.setContent('<span id="a" style="font-size:40px">五</span><span id="b" style="font-size:40px">单</span>')
    const [a, b2] = await Promise.all([page.locator('#a').screenshot(), page.locator('#b').screenshot()])
    if (a.equals(b2)) throw new BrowserUnavailableError(browserHelp('浏览器画不出中文字形（no CJK glyphs: every character renders the same box）'))
  } finally {
    await browser.close()
  }
  return b
}
