/**
 * A 10-line stand-in for lodash.kebabcase (4.8 KB in the main package), aliased in
 * config/index.ts. NutUI uses it for one thing: turning ConfigProvider `theme` keys such as
 * `nutuiColorPrimary` into CSS variable names (`nutui-color-primary`).
 */
module.exports = function kebabCase(value) {
  return String(value == null ? '' : value)
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-zA-Z])(\d)/g, '$1-$2')
    .replace(/[^a-zA-Z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
}
