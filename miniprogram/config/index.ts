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
/**
 * WDT_EMPTY_APP=1: the render benchmark's baseline — the same app shell with one empty page
 * (miniprogram/bench/empty-app, which imports src/app.ts), built with this same config.
 * `npm run build:empty` builds it into dist/h5-empty; the product build never includes it.
 */
const emptyApp = process.env.WDT_EMPTY_APP === '1'
const srcDir = path.resolve(__dirname, '../src')
const compileInclude = emptyApp ? [sharedDir, srcDir] : [sharedDir]

/** A local PostCSS plugin: Taro resolves keys that are not package names from miniprogram/. */
const FONT_SCALE_PLUGIN = './config/postcss-font-scale.js'

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
    sourceRoot: emptyApp ? 'bench/empty-app' : 'src',
    outputRoot: path.relative(process.cwd(), outputDir),
    // elder-mode-plugin: every weapp page gets a <page-meta> that carries the text scale (长辈模式).
    // prune-css-vars-plugin: weapp CSS variables nothing reads (most of NutUI's theme) are dropped.
    plugins: ['@tarojs/plugin-html', path.join(__dirname, 'elder-mode-plugin.js'), path.join(__dirname, 'prune-css-vars-plugin.js')],
    alias: {
      '@shared': sharedDir,
      '@': path.resolve(__dirname, '../src'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    // weapp template levels in base.wxml: pages nest at most 7–8 elements deep (measured on the
    // H5 build); deeper nodes still render, through Taro's recursive `comp` component. The
    // default, 16, costs ≈ 20 KB of main package for levels no page reaches.
    baseLevel: 8,
    compiler: {
      type: 'webpack5',
      prebundle: { enable: false, exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: false },
    mini: {
      // Chinese text stays UTF-8 in the minified scripts instead of Taro's default \uXXXX escapes
      // (6 bytes a character instead of 3). WeChat requires UTF-8 source files and native
      // mini-programs carry Chinese literals as they are; this saves ≈ 10 KB of main package.
      // Taro merges `mini` over the project config for weapp builds, where `terser` is read; its
      // IMiniAppConfig type does not list it, and H5 (served by our own server) keeps the default.
      ...({ terser: { enable: true, config: { output: { ascii_only: false } } } } as Record<string, unknown>),
      // WDT_MODULE_REPORT (diagnostic): source maps, to attribute minified bytes to their sources.
      ...(process.env.WDT_MODULE_REPORT ? { enableSourceMap: true, sourceMapType: 'source-map' } : {}),
      // ../shared is outside sourceRoot: compile it like our own sources.
      compile: { include: compileInclude },
      // NutUI's per-component CSS is imported in different orders by different pages: harmless.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // every font-size follows --wdt-font-scale (长辈模式 / WeChat font size): see the plugin
        [FONT_SCALE_PLUGIN]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chinesedaysRule(chain)
        noNutuiFonts(chain)
        trimDependencies(chain)
        moduleReport(chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: compileInclude },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        [FONT_SCALE_PLUGIN]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chinesedaysRule(chain)
        noNutuiFonts(chain)
        trimDependencies(chain)
        nutuiFontScaleH5(chain)
        eagerFirstPage(chain)
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

/** NutUI's theme CSS without its embedded digit fonts (config/strip-font-face-loader.js). */
function noNutuiFonts(chain: any) {
  chain.module
    .rule('nutui-theme-no-fonts')
    .test(/[\\/]@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/][^\\/]+\.css$/)
    .enforce('pre')
    .use('strip-font-face')
    .loader(path.join(__dirname, 'strip-font-face-loader.js'))
}

/**
 * H5: the app's first page (the station page a resident lands on from a code; the benchmark's
 * empty page in the empty build) ships with the app bundle instead of as a lazy chunk fetched
 * after the app has started: one round trip less before the first render (scripts/bench-render.ts:
 * station/empty 1.18× → 1.02× for the first render, 1.31× → 1.13× with its data). Other pages
 * stay lazy; the app bundle grows by ≈ 32 KB.
 */
function eagerFirstPage(chain: any) {
  const first = emptyApp ? 'bench/empty-app/pages/empty/index' : 'src/pages/station/index'
  for (const [name, entry] of Object.entries(chain.entryPoints.entries() ?? {})) {
    if (name === 'app') (entry as any).add(path.resolve(__dirname, '..', first))
  }
}

/**
 * H5 runs PostCSS on our own styles only (node_modules are excluded there); NutUI's font sizes
 * must follow --wdt-font-scale too, so its CSS gets the font-scale plugin alone.
 */
function nutuiFontScaleH5(chain: any) {
  chain.module
    .rule('nutui-font-scale')
    .test(/[\\/]node_modules[\\/]@nutui[\\/].*\.css$/)
    .enforce('pre')
    .use('postcss-font-scale')
    .loader(require.resolve('postcss-loader'))
    .options({ postcssOptions: { plugins: [require('./postcss-font-scale.js')()] } })
}

/**
 * Dependencies trimmed for the app bundles (both builds; server code is untouched):
 * - zod's JSON Schema generator, never used by the app, as a stub (zod-json-schema-stub-loader.js);
 * - zod's English default messages → short Chinese ones (zod-locale-zh.js);
 * - lodash.kebabcase → a 10-line stand-in (kebab-case.js);
 * - NutUI Button's CSS for variants the app does not use (nutui-button-trim.js).
 */
function trimDependencies(chain: any) {
  chain.resolve.alias.set('lodash.kebabcase$', path.join(__dirname, 'kebab-case.js'))
  chain.module
    .rule('nutui-button-trim')
    .test(/[\\/]@nutui[\\/]nutui-react-taro[\\/]dist[\\/]es[\\/]packages[\\/]button[\\/]style[\\/]style\.css$/)
    .enforce('pre')
    .use('nutui-button-trim')
    .loader(require.resolve('postcss-loader'))
    .options({ postcssOptions: { plugins: [require('./nutui-button-trim.js')()] } })
  chain.module
    .rule('zod-locale-zh')
    .test(/[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/)
    .enforce('pre')
    .use('zod-locale-zh')
    .loader(path.join(__dirname, 'replace-with-loader.js'))
    .options({ file: path.join(__dirname, 'zod-locale-zh.js') })
  chain.module
    .rule('zod-no-json-schema')
    .test(/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema|json-schema-generator)\.js$/)
    .enforce('pre')
    .use('zod-json-schema-stub')
    .loader(path.join(__dirname, 'zod-json-schema-stub-loader.js'))
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
