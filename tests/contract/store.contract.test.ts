/**
 * The store contract (cloudfunctions/_core/store/port.ts), run against every adapter: the
 * SQLite store in memory and on disk, and the CloudBase store through the real SDK talking to
 * the local stand-in. A behaviour that differs between them is a bug in one of them.
 */
import { AppError } from '@shared/errors'
import type { Collection, FindOptions, Store } from '../../cloudfunctions/_core/store/port'
import { encodeCursor } from '../../cloudfunctions/_core/store/port'
import { HARNESSES, ITEMS, type Item } from './store-harnesses'

const pad = (n: number) => String(n).padStart(4, '0')

async function insertAll(items: Collection<Item>, docs: Item[]): Promise<void> {
  // in slices, so the CloudBase run does not open hundreds of sockets at once
  for (let start = 0; start < docs.length; start += 50) {
    const results = await Promise.all(docs.slice(start, start + 50).map((doc) => items.insert(doc)))
    expect(results.every(Boolean)).toBe(true)
  }
}

async function readAll(items: Collection<Item>, options: Omit<FindOptions, 'cursor'>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page = await items.find({ ...options, cursor })
    ids.push(...page.items.map((item) => item._id))
    cursor = page.nextCursor
    pages++
    if (pages > 1000) throw new Error('paging does not end')
  } while (cursor)
  return { ids, pages }
}

const ids = (items: Item[]) => items.map((item) => item._id)

describe.each(HARNESSES.map((harness) => [harness.name, harness] as const))('store contract: %s', (_name, harness) => {
  let store: Store
  let items: Collection<Item>

  beforeAll(() => harness.setup())
  afterAll(() => harness.teardown())
  beforeEach(async () => {
    store = await harness.open()
    items = store.collection<Item>(ITEMS)
  })
  afterEach(() => store.close())

  describe('documents', () => {
    it('reads nothing from a collection nobody has written to', async () => {
      expect(await items.get('nope')).toBeNull()
      expect(await items.getMany(['nope'])).toEqual([])
      expect(await items.find({ limit: 10 })).toEqual({ items: [], nextCursor: null })
      expect(await items.count()).toBe(0)
      expect(await items.remove('nope')).toBe(false)
      expect(await items.updateIf('nope', {}, { title: 'x' })).toBe(false)
    })

    it('inserts, gets and gets many in the order asked, skipping missing ids', async () => {
      const a: Item = { _id: 'a', group: 'g', rank: 1, title: '甲', flag: true, meta: { owner: 'u1', tags: ['x', 'y'] } }
      const b: Item = { _id: 'b', group: 'g', rank: 2.5, title: null as unknown as string }
      expect(await items.insert(a)).toBe(true)
      expect(await items.insert(b)).toBe(true)
      expect(await items.get('a')).toEqual(a)
      expect(await items.get('b')).toEqual(b)
      expect(await items.get('c')).toBeNull()
      expect(ids(await items.getMany(['b', 'c', 'a', 'b']))).toEqual(['b', 'a', 'b'])
      expect(await items.getMany([])).toEqual([])
    })

    it('returns false for a duplicate insert and keeps the first document', async () => {
      expect(await items.insert({ _id: 'a', group: 'first' })).toBe(true)
      expect(await items.insert({ _id: 'a', group: 'second' })).toBe(false)
      expect(await items.get('a')).toEqual({ _id: 'a', group: 'first' })
    })

    it('lets exactly one of many concurrent inserts of the same id win', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => items.insert({ _id: 'same', group: `g${i}` })))
      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it('puts: creates, then replaces the whole document', async () => {
      await items.put({ _id: 'p', group: 'g', title: 'old', meta: { owner: 'u1', note: 'n' } })
      await items.put({ _id: 'p', group: 'h', meta: { owner: 'u2' } })
      expect(await items.get('p')).toEqual({ _id: 'p', group: 'h', meta: { owner: 'u2' } })
    })

    it('removes once', async () => {
      await items.insert({ _id: 'r', group: 'g' })
      expect(await items.remove('r')).toBe(true)
      expect(await items.remove('r')).toBe(false)
      expect(await items.get('r')).toBeNull()
    })
  })

  describe('updateIf', () => {
    beforeEach(async () => {
      await items.insert({ _id: 's', group: 'g', state: 'submitted', version: 1, meta: { owner: 'u1', tags: ['a', 'b'], note: 'keep?' } })
    })

    it('writes while the expectation holds, and refuses once it does not', async () => {
      expect(await items.updateIf('s', { state: 'submitted' }, { state: 'accepted' })).toBe(true)
      expect(await items.updateIf('s', { state: 'submitted' }, { state: 'answered' })).toBe(false)
      expect((await items.get('s'))?.state).toBe('accepted')
      expect(await items.updateIf('missing', { state: 'submitted' }, { state: 'accepted' })).toBe(false)
    })

    it('lets exactly one of two concurrent transitions win', async () => {
      const results = await Promise.all([
        items.updateIf('s', { state: 'submitted', version: 1 }, { state: 'accepted', version: 2, title: 'A' }),
        items.updateIf('s', { state: 'submitted', version: 1 }, { state: 'accepted', version: 2, title: 'B' }),
      ])
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await items.get('s'))?.title).toBe(results[0] ? 'A' : 'B')
    })

    it('lets exactly one of 100 concurrent transitions win', async () => {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => items.updateIf('s', { version: 1 }, { version: 2, title: `winner ${i}` })),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await items.get('s'))?.title).toBe(`winner ${results.indexOf(true)}`)
    })

    it('replaces object and array fields whole, removes undefined ones, leaves the rest', async () => {
      expect(await items.updateIf('s', { version: 1 }, { meta: { owner: 'u2' }, list: [{ a: 1 }], title: undefined, version: 2 })).toBe(true)
      expect(await items.get('s')).toEqual({ _id: 's', group: 'g', state: 'submitted', version: 2, meta: { owner: 'u2' }, list: [{ a: 1 }] })
      expect(await items.updateIf('s', { version: 2 }, { meta: {} as Item['meta'], list: [], state: undefined })).toBe(true)
      expect(await items.get('s')).toEqual({ _id: 's', group: 'g', version: 2, meta: {}, list: [] })
    })

    it('checks dotted and absent fields', async () => {
      expect(await items.updateIf('s', { 'meta.owner': 'someone else' }, { title: 'no' })).toBe(false)
      expect(await items.updateIf('s', { 'meta.owner': 'u1' }, { title: 'yes' })).toBe(true)
      // an absent field equals null, as in MongoDB
      expect(await items.updateIf('s', { deletedAt: null, 'meta.missing': null }, { hits: 1 })).toBe(true)
      expect(await items.updateIf('s', { deletedAt: 'x' }, { hits: 2 })).toBe(false)
      expect(await items.get('s')).toMatchObject({ title: 'yes', hits: 1 })
    })

    it('reports a write that changes nothing as done while the expectation holds', async () => {
      expect(await items.updateIf('s', { version: 1 }, { state: 'submitted', meta: { owner: 'u1', tags: ['a', 'b'], note: 'keep?' } })).toBe(true)
      expect(await items.updateIf('s', { version: 1 }, {})).toBe(true)
      expect(await items.updateIf('s', { version: 9 }, {})).toBe(false)
    })

    it('keeps value types through a write', async () => {
      const set = { title: '标题 "quoted"', hits: 2.5, flag: false, rank: null, list: [1, 'two', true, null, { deep: [3] }] }
      expect(await items.updateIf('s', { version: 1 }, set)).toBe(true)
      expect(await items.get('s')).toMatchObject(set)
    })
  })

  describe('increment', () => {
    it('creates the document from init plus the amounts, then adds', async () => {
      await items.increment('c', { hits: 2 }, { group: 'counters', hits: 0, title: 'counter' })
      expect(await items.get('c')).toEqual({ _id: 'c', group: 'counters', hits: 2, title: 'counter' })
      await items.increment('c', { hits: 3, rank: 1 }, { group: 'ignored' })
      expect(await items.get('c')).toEqual({ _id: 'c', group: 'counters', hits: 5, title: 'counter', rank: 1 })
      await items.increment('c', { hits: -5 }, { group: 'ignored' })
      expect((await items.get('c'))?.hits).toBe(0)
    })

    it('creates with a zero amount, and counts every concurrent increment', async () => {
      await items.increment('zero', { hits: 0 }, { group: 'counters' })
      expect(await items.get('zero')).toEqual({ _id: 'zero', group: 'counters', hits: 0 })
      await Promise.all(Array.from({ length: 25 }, () => items.increment('many', { hits: 1 }, { group: 'counters' })))
      expect((await items.get('many'))?.hits).toBe(25)
    })
  })

  describe('commit (one transaction over several documents)', () => {
    const OTHER = 'stats_counters'

    it('applies inserts, conditional updates, increments and puts across collections together', async () => {
      await items.insert({ _id: 'item', group: 'g', version: 1, title: 'old', meta: { owner: 'u1', tags: ['a'] } })
      const ok = await store.commit([
        { op: 'updateIf', collection: ITEMS, id: 'item', expect: { version: 1 }, set: { version: 2, title: 'new', meta: { owner: 'u2' }, flag: undefined } },
        { op: 'increment', collection: OTHER, id: 'row1', by: { submitted: 1 }, init: { countyCode: 'X' } },
        { op: 'insert', collection: ITEMS, doc: { _id: 'msg1', group: 'outbox' }, ifExists: 'skip' },
        { op: 'put', collection: ITEMS, doc: { _id: 'put1', group: 'put' } },
      ])
      expect(ok).toBe(true)
      expect(await items.get('item')).toEqual({ _id: 'item', group: 'g', version: 2, title: 'new', meta: { owner: 'u2' } })
      expect(await store.collection(OTHER).get('row1')).toEqual({ _id: 'row1', countyCode: 'X', submitted: 1 })
      expect(await items.get('msg1')).toEqual({ _id: 'msg1', group: 'outbox' })
      expect(await items.get('put1')).toEqual({ _id: 'put1', group: 'put' })
      // a second increment of the same row adds to it
      expect(await store.commit([{ op: 'increment', collection: OTHER, id: 'row1', by: { submitted: 2 }, init: { countyCode: 'X' } }])).toBe(true)
      expect((await store.collection<{ _id: string; submitted: number }>(OTHER).get('row1'))?.submitted).toBe(3)
    })

    it('writes nothing and answers false when a version expectation no longer holds', async () => {
      await items.insert({ _id: 'item', group: 'g', version: 2 })
      const ok = await store.commit([
        { op: 'increment', collection: OTHER, id: 'row1', by: { submitted: 1 }, init: { countyCode: 'X' } },
        { op: 'updateIf', collection: ITEMS, id: 'item', expect: { version: 1 }, set: { version: 2, title: 'lost' } },
      ])
      expect(ok).toBe(false)
      expect(await items.get('item')).toEqual({ _id: 'item', group: 'g', version: 2 })
      expect(await store.collection(OTHER).get('row1')).toBeNull()
    })

    it('writes nothing when an insert that must be new finds its document, and skips one that may exist', async () => {
      await items.insert({ _id: 'dup', group: 'first' })
      expect(await store.commit([{ op: 'insert', collection: ITEMS, doc: { _id: 'dup', group: 'second' }, ifExists: 'skip' }, { op: 'insert', collection: ITEMS, doc: { _id: 'n1', group: 'n' }, ifExists: 'abort' }])).toBe(true)
      expect(await items.get('dup')).toEqual({ _id: 'dup', group: 'first' })
      expect(await store.commit([{ op: 'insert', collection: ITEMS, doc: { _id: 'n2', group: 'n' }, ifExists: 'abort' }, { op: 'insert', collection: ITEMS, doc: { _id: 'dup', group: 'third' }, ifExists: 'abort' }])).toBe(false)
      expect(await items.get('n2')).toBeNull()
      expect(await items.get('dup')).toEqual({ _id: 'dup', group: 'first' })
    })

    it('leaves neither the record nor its counter when a write after the record fails', async () => {
      await items.insert({ _id: 'item', group: 'g', version: 1 })
      await expect(
        store.commit([
          { op: 'updateIf', collection: ITEMS, id: 'item', expect: { version: 1 }, set: { version: 2 } },
          { op: 'insert', collection: ITEMS, doc: { _id: 'msg', group: 'outbox' }, ifExists: 'skip' },
          // an impossible amount: the adapter fails on this write, after the two above were made
          { op: 'increment', collection: OTHER, id: 'row1', by: { submitted: Number.NaN }, init: { countyCode: 'X' } },
        ]),
      ).rejects.toThrow(/increment/)
      expect(await items.get('item')).toEqual({ _id: 'item', group: 'g', version: 1 })
      expect(await items.get('msg')).toBeNull()
      expect(await store.collection(OTHER).get('row1')).toBeNull()
      if (harness.kind === 'cloudbase') {
        const actions = harness.standin!().requests.map((r) => r.action)
        expect(actions).toContain('database.abortTransaction')
        expect(harness.standin!().openTransactions()).toBe(0)
      }
    })

    it('lets exactly one of concurrent commits guarded by the same version win, and counts only its increment', async () => {
      await items.insert({ _id: 'item', group: 'g', version: 1 })
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.commit([
            { op: 'updateIf', collection: ITEMS, id: 'item', expect: { version: 1 }, set: { version: 2, title: `t${i}` } },
            { op: 'increment', collection: OTHER, id: 'row1', by: { submitted: 1 }, init: { countyCode: 'X' } },
          ]),
        ),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await store.collection<{ _id: string; submitted: number }>(OTHER).get('row1'))?.submitted).toBe(1)
    })

    it('leaves nothing when the platform fails the counter write inside the transaction (CloudBase wire)', async () => {
      if (harness.kind !== 'cloudbase') return
      const standin = harness.standin!()
      await items.insert({ _id: 'item', group: 'g', version: 1 })
      standin.failWith((r) => (r.transactionId && r.collectionName === OTHER && r.action !== 'database.getDocument' ? { code: 'DATABASE_REQUEST_FAILED', message: 'injected' } : undefined))
      await expect(
        store.commit([
          { op: 'updateIf', collection: ITEMS, id: 'item', expect: { version: 1 }, set: { version: 2 } },
          { op: 'increment', collection: OTHER, id: 'row1', by: { submitted: 1 }, init: { countyCode: 'X' } },
        ]),
      ).rejects.toBeTruthy()
      standin.failWith(undefined)
      expect(await items.get('item')).toEqual({ _id: 'item', group: 'g', version: 1 })
      expect(await store.collection(OTHER).get('row1')).toBeNull()
      const inTx = standin.requests.filter((r) => r.transactionId)
      expect(inTx.map((r) => r.action)).toEqual(expect.arrayContaining(['database.getDocument', 'database.modifyDocument', 'database.abortTransaction']))
      expect(inTx.map((r) => r.action)).not.toContain('database.commitTransaction')
      expect(standin.openTransactions()).toBe(0)
    })

    it('refuses a collection that collections.ts does not declare, writing nothing', async () => {
      await expect(
        store.commit([
          { op: 'insert', collection: ITEMS, doc: { _id: 'x', group: 'g' }, ifExists: 'skip' },
          { op: 'put', collection: 'undeclared_things', doc: { _id: 'y' } },
        ]),
      ).rejects.toThrow(/not declared/)
      expect(await items.get('x')).toBeNull()
    })
  })

  describe('find', () => {
    beforeEach(async () => {
      await insertAll(items, [
        { _id: 'i1', group: 'a', rank: 3, title: 'pear', flag: true, state: 'open', meta: { owner: 'u1' } },
        { _id: 'i2', group: 'a', rank: 1, title: 'apple', flag: false, state: 'closed', meta: { owner: 'u2' } },
        { _id: 'i3', group: 'b', rank: 2, title: 'fig', flag: true, state: 'open', meta: { owner: 'u1' } },
        { _id: 'i4', group: 'b', rank: 2, title: 'kiwi', state: 'done' },
        { _id: 'i5', group: 'c', rank: null, title: 'lime', flag: false, meta: { owner: 'u3' } },
        { _id: 'i6', group: 'c', title: 'date', state: 'open' },
      ])
    })

    const found = async (where: FindOptions['where']) =>
      ids((await items.find({ where, orderBy: { field: '_id', direction: 'asc' }, limit: 100 })).items)

    it('matches each kind of condition', async () => {
      expect(await found({ group: 'a' })).toEqual(['i1', 'i2'])
      expect(await found({ rank: 2 })).toEqual(['i3', 'i4'])
      expect(await found({ flag: true })).toEqual(['i1', 'i3'])
      expect(await found({ flag: false })).toEqual(['i2', 'i5'])
      expect(await found({ rank: null })).toEqual(['i5', 'i6'])
      expect(await found({ 'meta.owner': 'u1' })).toEqual(['i1', 'i3'])
      expect(await found({ state: { $in: ['open', 'done'] } })).toEqual(['i1', 'i3', 'i4', 'i6'])
      expect(await found({ state: { $in: [null, 'closed'] } })).toEqual(['i2', 'i5'])
      expect(await found({ state: { $in: [] } })).toEqual([])
      expect(await found({ state: { $ne: 'open' } })).toEqual(['i2', 'i4', 'i5'])
      expect(await found({ state: { $ne: null } })).toEqual(['i1', 'i2', 'i3', 'i4', 'i6'])
      expect(await found({ rank: { $gt: 1 } })).toEqual(['i1', 'i3', 'i4'])
      expect(await found({ rank: { $gte: 2, $lt: 3 } })).toEqual(['i3', 'i4'])
      expect(await found({ rank: { $lte: 2 } })).toEqual(['i2', 'i3', 'i4'])
      expect(await found({ title: { $gte: 'fig', $lte: 'lime' } })).toEqual(['i3', 'i4', 'i5'])
      expect(await found({ _id: { $in: ['i6', 'i2', 'nope'] } })).toEqual(['i2', 'i6'])
      expect(await found({ group: 'b', rank: 2, state: { $ne: 'open' } })).toEqual(['i4'])
    })

    it('orders both ways, breaking ties by _id in the same direction, missing values lowest', async () => {
      const asc = await items.find({ orderBy: { field: 'rank', direction: 'asc' }, limit: 100 })
      expect(ids(asc.items)).toEqual(['i5', 'i6', 'i2', 'i3', 'i4', 'i1'])
      const desc = await items.find({ orderBy: { field: 'rank', direction: 'desc' }, limit: 100 })
      expect(ids(desc.items)).toEqual(['i1', 'i4', 'i3', 'i2', 'i6', 'i5'])
      const byTitle = await items.find({ where: { group: { $in: ['a', 'b'] } }, orderBy: { field: 'title', direction: 'desc' }, limit: 100 })
      expect(ids(byTitle.items)).toEqual(['i1', 'i4', 'i3', 'i2'])
      const byDefault = await items.find({ limit: 100 })
      expect(ids(byDefault.items)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6'])
    })

    it('pages across the border between missing and present values, both ways', async () => {
      for (const direction of ['asc', 'desc'] as const) {
        const whole = ids((await items.find({ orderBy: { field: 'rank', direction }, limit: 100 })).items)
        for (const limit of [1, 2, 3, 4]) {
          const { ids: paged } = await readAll(items, { orderBy: { field: 'rank', direction }, limit })
          expect(paged).toEqual(whole)
        }
      }
    })

    it('ends with a null cursor exactly when nothing is left', async () => {
      const full = await items.find({ where: { group: 'a' }, limit: 2 })
      expect(full.nextCursor).toBeNull()
      const first = await items.find({ orderBy: { field: 'title', direction: 'asc' }, limit: 5 })
      expect(first.items).toHaveLength(5)
      const last = await items.find({ orderBy: { field: 'title', direction: 'asc' }, limit: 5, cursor: first.nextCursor })
      expect(ids(last.items)).toEqual(['i1'])
      expect(last.nextCursor).toBeNull()
    })

    it('counts with and without a filter', async () => {
      expect(await items.count()).toBe(6)
      expect(await items.count({ group: 'c' })).toBe(2)
      expect(await items.count({ rank: { $gte: 2 }, state: { $in: ['open', 'done'] } })).toBe(3)
      expect(await items.count({ group: 'zzz' })).toBe(0)
    })

    it('rejects an invalid cursor or limit with validation_failed', async () => {
      for (const cursor of ['not a cursor', '', encodeURIComponent('{}'), Buffer.from('[1]').toString('base64url')]) {
        const error = await items.find({ limit: 5, cursor }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(AppError)
        expect(error).toMatchObject({ code: 'validation_failed', field: 'cursor' })
      }
      await expect(items.find({ limit: 0 })).rejects.toMatchObject({ code: 'validation_failed' })
      await expect(items.find({ limit: 2.5 })).rejects.toMatchObject({ code: 'validation_failed' })
    })

    it('accepts a cursor made by encodeCursor', async () => {
      const page = await items.find({ orderBy: { field: 'rank', direction: 'asc' }, limit: 10, cursor: encodeCursor(2, 'i3') })
      expect(ids(page.items)).toEqual(['i4', 'i1'])
    })
  })

  it('pages through 250 documents, each exactly once and in order', async () => {
    const docs: Item[] = Array.from({ length: 250 }, (_, i) => ({ _id: `d${pad(i)}`, group: i % 5 === 0 ? 'five' : 'other', rank: i % 17 }))
    await insertAll(items, docs)
    const expected = [...docs].sort((x, y) => (x.rank! - y.rank!) || (x._id < y._id ? -1 : 1)).map((doc) => doc._id)

    const asc = await readAll(items, { orderBy: { field: 'rank', direction: 'asc' }, limit: 12 })
    expect(asc.ids).toEqual(expected)
    expect(asc.pages).toBe(Math.ceil(250 / 12))

    const desc = await readAll(items, { orderBy: { field: 'rank', direction: 'desc' }, limit: 25 })
    expect(desc.ids).toEqual([...expected].reverse())

    const filtered = await readAll(items, { where: { group: 'five', rank: { $gte: 3 } }, orderBy: { field: 'rank', direction: 'asc' }, limit: 4 })
    expect(filtered.ids).toEqual(expected.filter((id) => docs.find((doc) => doc._id === id)!.group === 'five' && docs.find((doc) => doc._id === id)!.rank! >= 3))
  })

  it('finds more than 1000 matching documents in one page and pages past them', async () => {
    const docs: Item[] = Array.from({ length: 1234 }, (_, i) => ({ _id: `m${pad(i)}`, group: 'many', rank: i % 3 }))
    await insertAll(items, docs)
    const first = await items.find({ where: { group: 'many' }, orderBy: { field: 'rank', direction: 'asc' }, limit: 1100 })
    expect(first.items).toHaveLength(1100)
    const rest = await items.find({ where: { group: 'many' }, orderBy: { field: 'rank', direction: 'asc' }, limit: 1100, cursor: first.nextCursor })
    expect(rest.items).toHaveLength(134)
    expect(rest.nextCursor).toBeNull()
    expect(new Set([...ids(first.items), ...ids(rest.items)]).size).toBe(1234)
    expect(await items.count({ group: 'many' })).toBe(1234)
    expect(await items.getMany(docs.map((doc) => doc._id))).toHaveLength(1234)
    if (harness.kind === 'cloudbase') {
      // every query the SDK sent stayed within the server's cap: the adapter paged itself
      const queries = harness.standin!().requests.filter((request) => request.action === 'database.getDocument')
      expect(Math.max(...queries.map((request) => request.limit ?? 0))).toBeLessThanOrEqual(1000)
    }
  })

  it('refuses a collection that collections.ts does not declare', () => {
    expect(() => store.collection('undeclared_things')).toThrow(/not declared/)
  })
})
