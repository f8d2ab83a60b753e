/**
 * Taro plugin (weapp only): puts `<page-meta page-style="{{wdtPageStyle}}">` at the top of every
 * page's WXML, main package and subpackages alike. page-meta is WeChat's way to style the page's
 * own `page` node; the style carries `--wdt-font-scale`, which every font-size reads
 * (config/postcss-font-scale.js). The page data `wdtPageStyle` is filled in by
 * src/lib/elder-mode.ts. A page that renders its own PageMeta (Taro `enablePageMeta`) is left
 * alone: WeChat allows one page-meta, as the page's first node.
 */
const { sources } = require('webpack')

module.exports = (ctx) => {
  ctx.modifyBuildAssets(({ assets }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    const appJson = assets['app.json']
    if (!appJson) return
    const app = JSON.parse(String(appJson.source()))
    const subPackages = [...(app.subPackages || []), ...(app.subpackages || [])]
    const pages = [...(app.pages || []), ...subPackages.flatMap((p) => (p.pages || []).map((page) => `${p.root.replace(/\/+$/, '')}/${page}`))]
    for (const page of pages) {
      const name = `${page}.wxml`
      const asset = assets[name]
      if (!asset) continue
      const wxml = String(asset.source())
      if (wxml.includes('<page-meta')) continue
      // after the <import> (not a node): page-meta must be the first node of the page
      const meta = '<page-meta page-style="{{wdtPageStyle}}"></page-meta>'
      const next = /^<import [^>]*\/>/.test(wxml) ? wxml.replace(/^(<import [^>]*\/>)/, `$1\n${meta}`) : `${meta}\n${wxml}`
      assets[name] = new sources.RawSource(next)
    }
  })
}
