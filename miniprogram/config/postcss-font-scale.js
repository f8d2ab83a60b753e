/**
 * PostCSS plugin (both builds): every text size follows one CSS variable, so 长辈模式 and the
 * WeChat / browser font-size setting scale the text of every page — ours and NutUI's — without
 * any page having to know (miniprogram/src/lib/elder-mode.ts sets the variable).
 *
 *   font-size: 30rpx                              → font-size: calc(30rpx * var(--wdt-font-scale, 1))
 *   font-size: var(--nutui-font-size-base, 28rpx) → font-size: calc(var(--nutui-font-size-base, 28rpx) * var(--wdt-font-scale, 1))
 *   line-height: 48rpx                            → line-height: calc(48rpx * var(--wdt-font-scale, 1))
 *
 * Left alone: keywords, percentages and em (they follow an already scaled parent), unitless
 * line-heights, zero, and CSS custom property definitions (they are scaled where they are used).
 */
const SCALE = 'var(--wdt-font-scale, 1)'
const ABSOLUTE = /^-?(\d+|\d*\.\d+)(px|rpx|rem|vw|pt)$/i
const ZERO = /^-?0*(\.0+)?(px|rpx|rem|vw|pt)?$/i

function scalable(value) {
  const v = value.trim()
  if (v.includes('--wdt-font-scale')) return false
  if (/!important/i.test(v)) return false
  if (ZERO.test(v)) return false
  if (ABSOLUTE.test(v)) return true
  // var(--x, 28rpx) / calc(...) / max(...) etc. that end up as absolute lengths
  if (/^(var|calc|max|min|clamp)\(/i.test(v) && /(\d)(px|rpx|rem|vw|pt)\b/i.test(v) && !/%|\dem\b/i.test(v)) return true
  return false
}

module.exports = () => ({
  postcssPlugin: 'wdt-font-scale',
  Declaration(decl) {
    const prop = decl.prop.toLowerCase()
    if (prop !== 'font-size' && prop !== 'line-height') return
    if (!scalable(decl.value)) return
    decl.value = `calc(${decl.value.trim()} * ${SCALE})`
  },
})
module.exports.postcss = true
module.exports.scalable = scalable
