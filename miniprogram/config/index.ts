import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro runs with cwd = miniprogram/ (see the build:* scripts in package.json); node_modules is
 * found in the repository root by walking up. Each target gets its own folder in the top-level
 * dist/ so the two builds never overwrite each other.
 */
const repoRoot = path.resolve(__dirname, '../..')
const sharedDir = path.join(repoRoot, 'shared')
const target = process.env.TARO_ENV || 'weapp'
/**
 * WDT_OUTPUT_DIR (relative to the repository root) sends a build elsewhere than dist/<target>:
 * measurements and the empty-page benchmark build use it so they never overwrite the builds the
 * tests read.
 */
const outputDir = path.resolve(repoRoot, process.env.WDT_OUTPUT_DIR || path.join('dist', target))

/** NutUI's own styles are written for a 375-wide design; ours for 750. */
function designWidth(input?: { file?: string }): number {
  const file = input?.file?.replace(/\\+/g, '/') ?? ''
  return file.includes('@nutui/') ? 375 : 750
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wudantong',
    designWidth: designWidth as unknown as number,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.relative(process.cwd(), outputDir),
    plugins: ['@tarojs/plugin-html'],
    alias: {
      '@shared': sharedDir,
      '@': path.resolve(__dirname, '../src'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { enable: false, exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: false },
    mini: {
      // WDT_MODULE_REPORT (diagnostic): source maps, to attribute minified bytes to their sources.
      ...(process.env.WDT_MODULE_REPORT ? { enableSourceMap: true, sourceMapType: 'source-map' } : {}),
      // ../shared is outside sourceRoot: compile it like our own sources.
      compile: { include: [sharedDir] },
      // NutUI's per-component CSS is imported in different orders by different pages: harmless.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chinesedaysRule(chain)
        moduleReport(chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chinesedaysRule(chain)
        // Pages are lazy chunks and Taro only splits initial ones: without this every page
        // carries its own copy of NutUI and our shared components.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pagesShared: { chunks: 'async', minChunks: 2, minSize: 0, priority: 5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})

/** chinese-days ships a module format webpack misreads; treat it as auto (ESM or CJS). */
function chinesedaysRule(chain: any) {
  chain.module
    .rule('chinese-days')
    .test(/[\\/]node_modules[\\/]chinese-days[\\/].*\.js$/)
    .type('javascript/auto')
}

/**
 * WDT_MODULE_REPORT=<file>: writes which modules went into which output file, with their sizes
 * before minification (a diagnostic for the package-size budget; off in every normal build).
 */
function moduleReport(chain: any) {
  const file = process.env.WDT_MODULE_REPORT
  if (!file) return
  chain.plugin('wdt-module-report').use(
    class {
      apply(compiler: any) {
        compiler.hooks.emit.tap('wdt-module-report', (compilation: any) => {
          const rows: Array<{ chunk: string; files: string[]; module: string; size: number }> = []
          for (const chunk of compilation.chunks) {
            for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const id = String(mod.nameForCondition?.() ?? mod.identifier()).replace(repoRoot, '')
              rows.push({ chunk: String(chunk.name ?? chunk.id), files: [...chunk.files], module: id, size: mod.size() })
            }
          }
          require('node:fs').writeFileSync(file, JSON.stringify(rows))
        })
      }
    },
  )
}
