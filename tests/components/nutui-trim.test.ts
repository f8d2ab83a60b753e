/**
 * The mini-program build drops NutUI Button CSS for variants the app does not use
 * (miniprogram/config/nutui-button-trim.js). This fails when a page asks for one of them, so the
 * list gets shortened instead of a button silently losing its style.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import postcss from 'postcss'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const trim = require('../../miniprogram/config/nutui-button-trim.js') as (() => postcss.Plugin) & { UNUSED: string[] }
const root = join(__dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx|ts)$/.test(f) ? [p] : []
  })
}

/** The text of every `<Button …>` opening tag (props may span lines and hold braces). */
function buttonTags(text: string): string[] {
  const tags: string[] = []
  for (const m of text.matchAll(/<Button\b/g)) {
    let i = m.index! + m[0].length
    for (let depth = 0; i < text.length; i++) {
      if (text[i] === '{') depth++
      else if (text[i] === '}') depth--
      else if (text[i] === '>' && depth === 0) break
    }
    tags.push(text.slice(m.index, i))
  }
  return tags
}

test('no page asks for a Button variant whose CSS the build drops', () => {
  const offending: string[] = []
  for (const file of sources(join(root, 'miniprogram', 'src'))) {
    for (const tag of buttonTags(readFileSync(file, 'utf8'))) {
      for (const p of tag.matchAll(/\b(type|size|fill|shape)=("[^"]*"|\{[^}]*\})/g)) {
        const words = p[2].match(/[a-z]+/g) ?? []
        const dropped = words.filter((w) => trim.UNUSED.includes(w))
        if (dropped.length > 0) offending.push(`${relative(root, file)}: ${p[0]}`)
      }
    }
  }
  expect(offending).toEqual([])
})

test('the trimmed stylesheet keeps the variants the app uses', async () => {
  const css = readFileSync(require.resolve('@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'), 'utf8')
  const out = (await postcss([trim()]).process(css, { from: undefined })).css
  for (const kept of ['.nut-button-primary', '.nut-button-default', '.nut-button-outline', '.nut-button-block', '.nut-button-disabled', '.nut-button-loading', '.nut-button-normal']) {
    expect(out).toContain(kept)
  }
  for (const dropped of ['.nut-button-danger', '.nut-button-mini', '.nut-button-dashed', '.nut-button-xlarge']) expect(out).not.toContain(dropped)
  expect(out.length).toBeLessThan(css.length * 0.7)
})
