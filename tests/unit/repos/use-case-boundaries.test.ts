/**
 * Use cases name what they need from the records (`deps.repos.<repo>.<query>`) and commit through
 * `deps.store.commit`; they never open a collection, build a store query or construct a repository
 * themselves, and they compose no message by hand (the catalogue, cloudfunctions/_core/messages, does).
 * Checked over the use-case folders whose records have moved behind repositories so far.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const USECASES = join(__dirname, '..', '..', '..', 'cloudfunctions', '_core', 'usecases')
const FOLDERS = ['suggestion', 'timers', 'directory', 'stats']
/** Still on their own until the lifecycle runner takes them over (issue 12, item 3); scope.ts reads no records. */
const NOT_YET = new Set(['suggestion/release.ts', 'suggestion/run-transition.ts', 'stats/scope.ts'])

const files = FOLDERS.flatMap((folder) =>
  readdirSync(join(USECASES, folder))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${folder}/${f}`)
    .filter((f) => !NOT_YET.has(f)),
)

describe.each(files)('%s', (file) => {
  const source = readFileSync(join(USECASES, file), 'utf8')

  it('opens no collection and builds no store query', () => {
    expect(source).not.toMatch(/\.collection\s*[<(]/)
    expect(source).not.toMatch(/\.find\(\s*\{\s*where/)
    expect(source).not.toMatch(/from '\.\.\/\.\.\/store\/port'.*\bWhere\b|\bWhere\b.*from '\.\.\/\.\.\/store\/port'/)
  })

  it('constructs no repository (they come as deps.repos)', () => {
    expect(source).not.toMatch(/\b[a-z]+Repo\(\s*(deps\.)?store\s*\)/)
  })

  it('composes no outbox message by hand', () => {
    expect(source).not.toMatch(/toOpenid\s*:/)
    expect(source).not.toMatch(/\.enqueue(Write)?\(\s*\{/)
  })
})
