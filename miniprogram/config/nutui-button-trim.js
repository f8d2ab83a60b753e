/**
 * PostCSS plugin for NutUI's Button stylesheet only (both builds): drops the rules for button
 * variants the app never uses — about 6 KB of the mini-program main package's 13 KB of button
 * CSS. The app's buttons are type primary/default, fill solid/outline, normal size, round shape
 * (tests/components/nutui-trim.test.ts fails when a source file asks for a dropped variant).
 */
const UNUSED = ['danger', 'warning', 'success', 'info', 'xlarge', 'large', 'small', 'mini', 'dashed', 'none', 'square']

/** `.nut-button-danger-outline` → ['danger', 'outline'] */
function modifiers(selector) {
  return [...selector.matchAll(/\.nut-button-([a-z-]+)/g)].flatMap((m) => m[1].split('-'))
}

function unused(selector) {
  return modifiers(selector).some((m) => UNUSED.includes(m))
}

module.exports = () => ({
  postcssPlugin: 'wdt-nutui-button-trim',
  Rule(rule) {
    const keep = rule.selectors.filter((s) => !unused(s))
    if (keep.length === 0) rule.remove()
    else if (keep.length !== rule.selectors.length) rule.selectors = keep
  },
})
module.exports.postcss = true
module.exports.UNUSED = UNUSED
