/**
 * A resident who scans a station's code downloads only the main package before seeing anything,
 * so it stays within its 520 KB budget and carries no role's code: the answer schemas of the
 * reception, visit-register and statistics functions load with their role subpackages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { measure } from '../../scripts/package-size'
import { ensureWeappBuild, weappDir } from '../support/taro-build'

const BUDGET = 520 * 1024

beforeAll(() => ensureWeappBuild(), 5 * 60 * 1000)

function mainPackageScripts(): Array<{ file: string; text: string }> {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { subPackages: Array<{ root: string }> }
  const roots = app.subPackages.map((p) => p.root.replace(/\/+$/, ''))
  const out: Array<{ file: string; text: string }> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry)
      const rel = relative(weappDir, full).split(sep).join('/')
      if (roots.some((root) => rel === root || rel.startsWith(`${root}/`))) continue
      if (statSync(full).isDirectory()) walk(full)
      else if (rel.endsWith('.js')) out.push({ file: rel, text: readFileSync(full, 'utf8') })
    }
  }
  walk(weappDir)
  return out
}

test('the main package stays within its 520 KB budget', () => {
  expect(measure(weappDir).main.bytes).toBeLessThan(BUDGET)
})

test.each([
  ['reception', 'posterPath'],
  ['visit register', 'visitedAt'],
  ['statistics', 'scoreFormula'],
])('the %s answer schemas are not in the main package', (_what, field) => {
  const carriers = mainPackageScripts().filter((f) => f.text.includes(field)).map((f) => f.file)
  expect(carriers).toEqual([])
})

test('the resident path can still check the answers it gets (directory and suggestion schemas are in the main package)', () => {
  const text = mainPackageScripts().map((f) => f.text).join('\n')
  expect(text).toContain('stationCode')
  expect(text).toContain('allowedActions')
})

test("the resident's pages preload what they lead to, and 我的 preloads every workbench on Wi-Fi only", () => {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as {
    preloadRule: Record<string, { network: string; packages: string[] }>
    requiredPrivateInfos: string[]
  }
  expect(app.preloadRule['pages/submit/index'].packages).toContain('pages/privacy')
  expect(app.preloadRule['pages/station/index']).toEqual({ network: 'wifi', packages: ['packages/reception'] })
  expect(app.preloadRule['pages/mine/index'].network).toBe('wifi')
  expect(app.preloadRule['pages/mine/index'].packages).toEqual(expect.arrayContaining(['packages/deputy', 'packages/staff', 'packages/department', 'packages/supervisor']))
  // WeChat refuses chooseLocation unless app.json declares it
  expect(app.requiredPrivateInfos).toContain('chooseLocation')
})
