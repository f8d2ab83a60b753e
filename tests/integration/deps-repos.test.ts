/**
 * Repositories reach use cases through `deps.repos`: one set per store, built lazily (a store
 * that fails is only touched when a use case asks), and rebuilt when dependencies are copied
 * with another store, so a copy never reads through the old one.
 */
import { withRepos } from '../../cloudfunctions/_core/ports'
import { reposFor } from '../../cloudfunctions/_core/repos'
import { openStore } from '../../cloudfunctions/_core/store'
import type { Store } from '../../cloudfunctions/_core/store/port'
import { localDeps } from '../../cloudfunctions/_local/local-deps'
import { createTestBackend, type TestBackend } from '../support/backend'

describe('deps.repos', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await createTestBackend()
  })
  afterAll(() => backend.close())

  it('is one set per store, whose repositories read that store', async () => {
    expect(backend.deps.repos).toBe(reposFor(backend.store))
    expect(backend.deps.repos.directory).toBe(backend.deps.repos.directory)
    expect((await backend.deps.repos.directory.allCounties()).length).toBeGreaterThan(0)
  })

  it('opens nothing until a repository is used', () => {
    let opened = 0
    const counting: Store = { ...backend.store, collection: (name: string) => (opened++, backend.store.collection(name)), commit: (w) => backend.store.commit(w), close: async () => {} }
    const repos = reposFor(counting)
    expect(opened).toBe(0)
    void repos.suggestions
    expect(opened).toBe(1)
    void repos.suggestions
    expect(opened).toBe(1)
  })

  it('follows the store when dependencies are copied with another one', async () => {
    const other = await openStore({ kind: 'sqlite', file: ':memory:' })
    try {
      const copied = withRepos({ ...backend.deps, store: other })
      expect(copied.repos).toBe(reposFor(other))
      expect(await copied.repos.directory.allCounties()).toEqual([])
      // unchanged dependencies keep their set
      expect(withRepos(backend.deps)).toBe(backend.deps)
      expect(localDeps(other).repos).toBe(reposFor(other))
    } finally {
      await other.close()
    }
  })
})
