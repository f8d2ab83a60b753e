/**
 * Size of the mini-program packages in a weapp build (WeChat: main package ≤ 2 MB, each
 * subpackage ≤ 2 MB). Run after `npm run build:weapp` (a production build, never a watch build):
 *
 *   npx tsx scripts/package-size.ts [--dir dist/weapp] [--limit 1.5MB] [--sub-limit 2MB] [--json]
 *
 * The main package is everything in the build except the subpackage roots listed in app.json.
 * Exits 1 when the main package is over --limit or a subpackage over --sub-limit, 2 on bad input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

interface Options {
  dir: string
  limit: number
  subLimit: number
  json: boolean
}

const KB = 1024
const MB = 1024 * 1024

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?$/i.exec(text.trim())
  if (!m) throw new Error(`not a size: ${text} (e.g. 1.5MB, 800KB)`)
  const n = Number(m[1])
  const unit = (m[2] ?? 'b').toLowerCase()
  return Math.round(unit.startsWith('m') ? n * MB : unit.startsWith('k') ? n * KB : n)
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { dir: 'dist/weapp', limit: 1.5 * MB, subLimit: 2 * MB, json: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? argv[++i] ?? ''
    if (flag === '--dir') opts.dir = value()
    else if (flag === '--limit') opts.limit = parseSize(value())
    else if (flag === '--sub-limit') opts.subLimit = parseSize(value())
    else if (flag === '--json') opts.json = true
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: tsx scripts/package-size.ts [--dir dist/weapp] [--limit 1.5MB] [--sub-limit 2MB] [--json]')
      process.exit(0)
    } else throw new Error(`unknown argument: ${arg}`)
  }
  return opts
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...listFiles(full))
    else out.push(full)
  }
  return out
}

/** Files WeChat never uploads from a build folder. */
function counted(file: string): boolean {
  return !file.endsWith('.map')
}

export function fmt(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`
}

export interface PackageSizes {
  main: { bytes: number; files: number; largest: Array<{ file: string; bytes: number }> }
  subpackages: Array<{ root: string; bytes: number; files: number }>
  total: number
}

export function measure(dir: string): PackageSizes {
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''))
  const subpackages = roots.map((root) => ({ root, bytes: 0, files: 0 }))
  const main = { bytes: 0, files: 0, largest: [] as Array<{ file: string; bytes: number }> }
  for (const file of listFiles(dir).filter(counted)) {
    const rel = relative(dir, file).split(sep).join('/')
    const bytes = statSync(file).size
    const sub = subpackages.find((p) => rel === p.root || rel.startsWith(`${p.root}/`))
    if (sub) {
      sub.bytes += bytes
      sub.files += 1
    } else {
      main.bytes += bytes
      main.files += 1
      main.largest.push({ file: rel, bytes })
    }
  }
  main.largest.sort((a, b) => b.bytes - a.bytes).splice(8)
  return { main, subpackages, total: main.bytes + subpackages.reduce((n, p) => n + p.bytes, 0) }
}

function main(): void {
  let opts: Options
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (err) {
    console.error(String((err as Error).message))
    process.exit(2)
  }
  const dir = resolve(opts.dir)
  if (!existsSync(join(dir, 'app.json'))) {
    console.error(`${opts.dir}/app.json not found: run npm run build:weapp first`)
    process.exit(2)
  }
  const sizes = measure(dir)
  const overMain = sizes.main.bytes > opts.limit
  const overSubs = sizes.subpackages.filter((p) => p.bytes > opts.subLimit)

  if (opts.json) {
    console.log(JSON.stringify({ ...sizes, limit: opts.limit, subLimit: opts.subLimit, ok: !overMain && overSubs.length === 0 }, null, 2))
  } else {
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)}%`
    console.log(`weapp build: ${opts.dir}`)
    console.log(`  main package   ${fmt(sizes.main.bytes).padStart(10)}  ${String(sizes.main.files).padStart(4)} files  (${pct(sizes.main.bytes, opts.limit)} of the ${fmt(opts.limit)} limit)`)
    for (const f of sizes.main.largest) console.log(`      ${fmt(f.bytes).padStart(10)}  ${f.file}`)
    if (sizes.subpackages.length === 0) console.log('  subpackages    none')
    for (const p of sizes.subpackages) {
      console.log(`  subpackage     ${fmt(p.bytes).padStart(10)}  ${String(p.files).padStart(4)} files  (${pct(p.bytes, opts.subLimit)} of ${fmt(opts.subLimit)})  ${p.root}/`)
    }
    console.log(`  total          ${fmt(sizes.total).padStart(10)}`)
  }
  if (overMain) console.error(`main package ${fmt(sizes.main.bytes)} is over the limit of ${fmt(opts.limit)}`)
  for (const p of overSubs) console.error(`subpackage ${p.root} ${fmt(p.bytes)} is over the limit of ${fmt(opts.subLimit)}`)
  process.exit(overMain || overSubs.length > 0 ? 1 : 0)
}

if (require.main === module) main()
