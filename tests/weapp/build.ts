import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '..', '..')
export const weappDir = join(repoRoot, 'dist', 'weapp')

/** Everything a weapp build reads; a change in any of them makes dist/weapp stale. */
const SOURCES = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'miniprogram/.browserslistrc', 'shared', 'package-lock.json']
const ENV_FILES = /^\.env/

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function sourcesMtime(): number {
  let newest = 0
  for (const rel of SOURCES) newest = Math.max(newest, newestMtime(join(repoRoot, rel)))
  for (const f of readdirSync(join(repoRoot, 'miniprogram'))) if (ENV_FILES.test(f)) newest = Math.max(newest, newestMtime(join(repoRoot, 'miniprogram', f)))
  return newest
}

/** The oldest of the files the tests load: a build interrupted half-way counts as stale. */
function buildMtime(): number {
  const outputs = ['app.js', 'app.json', 'taro.js', 'base.wxml', 'pages/station/index.js']
  let oldest = Infinity
  for (const rel of outputs) {
    const p = join(weappDir, rel)
    if (!existsSync(p)) return 0
    oldest = Math.min(oldest, statSync(p).mtimeMs)
  }
  return oldest
}

export function weappBuildIsFresh(): boolean {
  return buildMtime() > sourcesMtime()
}

const LOCK = join(repoRoot, 'dist', '.weapp-build.lock')
const LOCK_STALE_MS = 10 * 60 * 1000

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** mkdir is atomic: the one worker that creates the folder builds, the others wait for it. */
function withBuildLock(fn: () => void): void {
  mkdirSync(join(repoRoot, 'dist'), { recursive: true })
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true })
      } catch {
        /* released meanwhile */
      }
      sleepSync(500)
    }
  }
  try {
    fn()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/**
 * Builds dist/weapp with the project's own script (a production build) unless it is newer than
 * every source. Synchronous on purpose: callable from a jest globalSetup or a beforeAll alike;
 * parallel workers take turns through a lock folder, and the later ones find the build fresh.
 * WEAPP_SKIP_BUILD=1 uses whatever dist/weapp holds.
 */
export function ensureWeappBuild(): void {
  if (process.env.WEAPP_SKIP_BUILD === '1' && existsSync(join(weappDir, 'app.js'))) return
  if (weappBuildIsFresh()) return
  withBuildLock(() => {
    if (weappBuildIsFresh()) return
    const started = Date.now()
    process.stdout.write('[weapp] dist/weapp is missing or older than its sources: npm run build:weapp …\n')
    try {
      execFileSync('npm', ['run', '--silent', 'build:weapp'], {
        cwd: repoRoot,
        stdio: 'pipe',
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NODE_ENV: 'production' },
        timeout: LOCK_STALE_MS,
      })
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string }
      const tail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.split('\n').slice(-60).join('\n')
      throw new Error(`npm run build:weapp failed:\n${tail}`)
    }
    if (!existsSync(join(weappDir, 'app.js'))) throw new Error('npm run build:weapp did not produce dist/weapp/app.js')
    process.stdout.write(`[weapp] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  })
}
