import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '..', '..')
export type TaroTarget = 'weapp' | 'h5'
export const buildDir = (target: TaroTarget) => join(repoRoot, 'dist', target)
export const weappDir = buildDir('weapp')

/** Files each build must have produced; a build interrupted half-way counts as stale. */
const OUTPUTS: Record<TaroTarget, string[]> = {
  weapp: ['app.js', 'app.json', 'taro.js', 'base.wxml', 'pages/station/index.js'],
  h5: ['index.html'],
}

/** Everything a Taro build reads; a change in any of them makes the build stale. */
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

/** The oldest of the files the tests load. */
function buildMtime(target: TaroTarget): number {
  let oldest = Infinity
  for (const rel of OUTPUTS[target]) {
    const p = join(buildDir(target), rel)
    if (!existsSync(p)) return 0
    oldest = Math.min(oldest, statSync(p).mtimeMs)
  }
  return oldest
}

export function buildIsFresh(target: TaroTarget): boolean {
  return buildMtime(target) > sourcesMtime()
}

const lockOf = (target: TaroTarget) => join(repoRoot, 'dist', `.${target}-build.lock`)
const LOCK_STALE_MS = 10 * 60 * 1000

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** mkdir is atomic: the one worker that creates the folder builds, the others wait for it. */
function withBuildLock(target: TaroTarget, fn: () => void): void {
  const LOCK = lockOf(target)
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
 * Builds dist/<target> with the project's own script (a production build) unless it is newer
 * than every source. Synchronous on purpose: callable from a jest globalSetup or a beforeAll
 * alike; parallel workers take turns through a lock folder, and the later ones find it fresh.
 * TARO_SKIP_BUILD=1 uses whatever dist/ holds.
 */
export function ensureTaroBuild(target: TaroTarget): void {
  const first = join(buildDir(target), OUTPUTS[target][0])
  if ((process.env.TARO_SKIP_BUILD === '1' || process.env.WEAPP_SKIP_BUILD === '1') && existsSync(first)) return
  if (buildIsFresh(target)) return
  withBuildLock(target, () => {
    if (buildIsFresh(target)) return
    const started = Date.now()
    process.stdout.write(`[${target}] dist/${target} is missing or older than its sources: npm run build:${target} …\n`)
    try {
      execFileSync('npm', ['run', '--silent', `build:${target}`], {
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
      throw new Error(`npm run build:${target} failed:\n${tail}`)
    }
    if (!existsSync(first)) throw new Error(`npm run build:${target} did not produce dist/${target}/${OUTPUTS[target][0]}`)
    process.stdout.write(`[${target}] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  })
}

export const ensureWeappBuild = () => ensureTaroBuild('weapp')
