import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { api } from '../../shared/api'
import { ACTION_DOCS } from '../../shared/api/action-docs'
import { renderApiDoc } from '../../scripts/api-doc'

describe('docs/API.md', () => {
  it('describes every action of every function, with who may call it', () => {
    for (const [fn, actions] of Object.entries(api)) {
      for (const action of Object.keys(actions)) {
        expect(ACTION_DOCS[fn]?.[action]).toEqual(expect.objectContaining({ summary: expect.any(String), who: expect.any(String) }))
      }
    }
  })

  it('is up to date with the schemas (run: npx tsx scripts/api-doc.ts)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'docs', 'API.md'), 'utf8')).toBe(renderApiDoc())
  })
})
