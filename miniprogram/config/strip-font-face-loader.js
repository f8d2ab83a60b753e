/**
 * webpack loader: drops @font-face blocks from NutUI's theme CSS. The default theme embeds two
 * "JDZH" digit fonts (≈ 16 KB of base64 in the weapp main package) that only NutUI's Price,
 * CountDown, Badge and Rate digits ask for; without them those digits use the system font.
 */
module.exports = function stripFontFace(source) {
  return String(source).replace(/@font-face\s*\{[^{}]*\}/g, '')
}
