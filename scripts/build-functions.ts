/**
 * Bundles each cloud function (every folder in cloudfunctions/ not starting with "_") with esbuild
 * into dist/cloudfunctions/<name>/: index.js with the shared code inlined, plus package.json and
 * config.json, ready to upload from WeChat DevTools or the CloudBase CLI.
 */
import { build, type Metafile } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const source = join(root, 'cloudfunctions')
const out = join(root, 'dist', 'cloudfunctions')
const rootPackage = require(join(root, 'package.json')) as { dependencies: Record<string, string> }

/** Installed by CloudBase in the cloud (云端安装依赖) instead of being bundled. */
const EXTERNAL = ['@cloudbase/node-sdk', 'exceljs', 'wx-server-sdk']

/** The external packages a bundle really imports: only those go into its package.json. */
function usedExternals(metafile: Metafile): string[] {
  const used = new Set<string>()
  for (const input of Object.values(metafile.inputs)) {
    for (const imp of input.imports) if (imp.external && EXTERNAL.includes(imp.path)) used.add(imp.path)
  }
  return [...used].sort()
}

export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  const names = readdirSync(source).filter((n) => !n.startsWith('_') && statSync(join(source, n)).isDirectory())
  rmSync(out, { recursive: true, force: true })
  const sizes: Array<{ name: string; bytes: number }> = []
  for (const name of names) {
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    const result = await build({
      entryPoints: [join(source, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      metafile: true,
      external: EXTERNAL,
      alias: { '@shared': join(root, 'shared') },
      logLevel: 'warning',
    })
    const inputs = Object.keys(result.metafile.inputs)
    const leaked = inputs.filter((i) => /better-sqlite3|_local\//.test(i))
    if (leaked.length) throw new Error(`${name} bundles local-only code: ${leaked.join(', ')}`)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name: `wudantong-${name}`,
          version: '1.0.0',
          private: true,
          main: 'index.js',
          dependencies: Object.fromEntries(usedExternals(result.metafile).map((d) => [d, rootPackage.dependencies[d]])),
        },
        null,
        2,
      ) + '\n',
    )
    const config = join(source, name, 'config.json')
    if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'))
    sizes.push({ name, bytes: statSync(join(dir, 'index.js')).size })
  }
  return sizes
}

if (require.main === module) {
  buildFunctions()
    .then((sizes) => {
      for (const s of sizes) console.log(`${s.name.padEnd(14)} ${(s.bytes / 1024).toFixed(1)} KB  dist/cloudfunctions/${s.name}/index.js`)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
